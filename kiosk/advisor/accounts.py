"""The advisors' local accounts in the kiosk database: names, roles and PIN hashes, each account's lockout
state, and the audit of unlocks, wrong PINs, lockouts and relocks (who and when, never a PIN). The functions
take the sqlite-utils Database: call them on the store's thread (`StoreWorker.call`) or from the CLI, never on
the GUI thread, as checking a PIN takes tens of milliseconds on purpose (argon2id)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Literal

from kiosk.advisor import lockout, pins

if TYPE_CHECKING:
    from sqlite_utils import Database

Role = Literal["advisor", "technician"]
ROLES: tuple[Role, ...] = ("advisor", "technician")
NAME_LENGTH = 40


class AccountError(Exception):
    """What was asked cannot be done; the message says why and what to do."""


@dataclass(frozen=True)
class Account:
    name: str
    role: Role
    locked_for: float  # seconds left of a lockout, 0 when not locked


@dataclass(frozen=True)
class Unlock:
    account: Account | None  # who unlocked; None when refused
    locked_for: float = 0.0  # seconds before another try, when refused because locked
    tries_left: int = lockout.TRIES


def add(db: Database, name: str, role: Role, pin: str, now: float) -> None:
    name = _valid_name(name)
    if role not in ROLES:
        raise AccountError(f"The role is advisor or technician, not {role!r}.")
    if _row(db, name) is not None:
        raise AccountError(f"{name} already has an account. To start again: kiosk advisor remove {name}")
    pin_hash = pins.hash_pin(pin)  # PinRefused says what the PIN lacks
    with db.atomic():
        db.execute(
            "INSERT INTO advisors (name, role, pin_hash, created_at) VALUES (?, ?, ?, ?)",
            (name, role, pin_hash, now),
        )
        _audit(db, name, "added", now)


def remove(db: Database, name: str, now: float) -> None:
    if _row(db, name) is None:
        raise AccountError(f"No account is called {name}. See: kiosk advisor list")
    with db.atomic():
        db.execute("DELETE FROM advisor_lockouts WHERE name = ?", (name,))
        db.execute("DELETE FROM advisors WHERE name = ?", (name,))
        _audit(db, name, "removed", now)


def accounts(db: Database, now: float) -> list[Account]:
    rows = db.execute("SELECT name, role FROM advisors ORDER BY name").fetchall()
    return [Account(name, role, lockout.locked_for(_lock_state(db, name), now)) for name, role in rows]


def reset_lockout(db: Database, name: str, now: float) -> None:
    if _row(db, name) is None:
        raise AccountError(f"No account is called {name}. See: kiosk advisor list")
    with db.atomic():
        db.execute("DELETE FROM advisor_lockouts WHERE name = ?", (name,))
        _audit(db, name, "lockout_reset", now)


def try_unlock(db: Database, name: str, pin: str, now: float) -> Unlock:
    """Checks `name`'s PIN, unless the account is locked; every outcome is audited and the lockout state
    kept, so that neither survives a restart differently."""
    row = _row(db, name)
    if row is None:
        return Unlock(None)
    state = _lock_state(db, name)
    if lockout.locked_for(state, now) > 0:
        return Unlock(None, lockout.locked_for(state, now), 0)
    role, pin_hash = row
    matched = pins.pin_matches(pin_hash, pin)  # before the transaction: it takes its time
    with db.atomic():
        if matched:
            _keep_lock_state(db, name, lockout.after_right_pin())
            _audit(db, name, "unlocked", now)
            return Unlock(Account(name, role, 0.0))
        state = lockout.after_wrong_pin(state, now)
        _keep_lock_state(db, name, state)
        _audit(db, name, "wrong_pin", now)
        if lockout.locked_for(state, now) > 0:
            _audit(db, name, "locked_out", now)
            return Unlock(None, lockout.locked_for(state, now), 0)
        return Unlock(None, 0.0, lockout.TRIES - state.failures)


def note_relock(db: Database, name: str, reason: str, now: float) -> None:
    """The assisted mode closed: `reason` is idle, quit or session_end."""
    with db.atomic():
        _audit(db, name, f"relocked:{reason}", now)


def audit(db: Database) -> list[tuple[float, str, str]]:
    """(time, name, event), oldest first."""
    return [tuple(r) for r in db.execute("SELECT at, name, event FROM advisor_audit ORDER BY id").fetchall()]


def _valid_name(name: str) -> str:
    name = " ".join(name.split())
    if not name or len(name) > NAME_LENGTH or not name.isprintable():
        raise AccountError(f"A name is 1 to {NAME_LENGTH} printable characters, as the banner shows it.")
    return name


def _row(db: Database, name: str):
    return db.execute("SELECT role, pin_hash FROM advisors WHERE name = ?", (name,)).fetchone()


def _lock_state(db: Database, name: str) -> lockout.LockState:
    row = db.execute(
        "SELECT failures, lockouts, locked_until FROM advisor_lockouts WHERE name = ?", (name,)
    ).fetchone()
    return lockout.LockState(*row) if row else lockout.LockState()


def _keep_lock_state(db: Database, name: str, state: lockout.LockState) -> None:
    db.execute(
        "INSERT INTO advisor_lockouts (name, failures, lockouts, locked_until) VALUES (?, ?, ?, ?) "
        "ON CONFLICT (name) DO UPDATE SET failures = excluded.failures, lockouts = excluded.lockouts, "
        "locked_until = excluded.locked_until",
        (name, state.failures, state.lockouts, state.locked_until),
    )


def _audit(db: Database, name: str, event: str, now: float) -> None:
    db.execute("INSERT INTO advisor_audit (at, name, event) VALUES (?, ?, ?)", (now, name, event))
