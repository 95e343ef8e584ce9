"""Wrong PINs lock an account: after `TRIES` wrong tries in a row, `FIRST_LOCK` seconds, doubling at each
lockout that follows (up to `LONGEST_LOCK`); a right PIN starts again from nothing. Pure: the state is a value
the caller keeps (in the kiosk database, so a lockout survives a restart) and the time is given."""

from __future__ import annotations

from dataclasses import dataclass, replace

TRIES = 5
FIRST_LOCK = 5 * 60.0  # seconds
LONGEST_LOCK = 24 * 3600.0


@dataclass(frozen=True)
class LockState:
    failures: int = 0  # wrong tries since the last right one or the last lockout
    lockouts: int = 0  # lockouts since the last right PIN: each lasts twice the one before
    locked_until: float = 0.0  # epoch seconds


def locked_for(state: LockState, now: float) -> float:
    """Seconds the account stays locked (0 when a PIN may be tried)."""
    return max(0.0, state.locked_until - now)


def after_wrong_pin(state: LockState, now: float) -> LockState:
    """The state after a wrong PIN (tried while not locked)."""
    failures = state.failures + 1
    if failures < TRIES:
        return replace(state, failures=failures)
    length = min(LONGEST_LOCK, FIRST_LOCK * 2**state.lockouts)
    return LockState(failures=0, lockouts=state.lockouts + 1, locked_until=now + length)


def after_right_pin() -> LockState:
    return LockState()
