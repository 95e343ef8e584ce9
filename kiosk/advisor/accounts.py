"""The advisors' accounts in the kiosk database: names, roles and PIN hashes, each account's lockout state,
and the audit of unlocks, wrong PINs, lockouts and relocks (who and when, never a PIN). An account comes
from `kiosk advisor add` (source 'local') or from the hub's heartbeat reply (source 'hub',
`replace_from_hub`). The functions take the sqlite-utils Database: call them on the store's thread
(`StoreWorker.call`) or from the CLI, never on the GUI thread, as checking a PIN takes tens of milliseconds
on purpose (argon2id)."""

from __future__ import annotations

import logging
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Literal

from kiosk.advisor import lockout, pins

if TYPE_CHECKING:
    from sqlite_utils import Database

log = logging.getLogger(__name__)

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
    source: str = "local"  # 'local' (kiosk advisor add) or 'hub'


@dataclass(frozen=True)
class HubAccount:
    """An advisor's or technician's account as the hub's heartbeat reply gives it."""

    name: str
    role: str
    pin_hash: str  # argon2id, made by the hub with this module's PIN policy


@dataclass(frozen=True)
class HubChanges:
    """What `replace_from_hub` did, by name."""

    added: tuple[str, ...] = ()
    changed: tuple[str, ...] = ()
    removed: tuple[str, ...] = ()
    skipped: tuple[str, ...] = field(default=())  # a local account has the name, or the entry is not valid


@dataclass(frozen=True)
class Unlock:
    account: Account | None  # who unlocked; None when refused
    locked_for: float = 0.0  # seconds before another try, when refused because locked
    tries_left: int = lockout.TRIES


def add(db: Database, name: str, role: Role, pin: str, now: float) -> None:
    name = valid_name(name)
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
    if _source(db, name) == "hub":
        raise AccountError(
            f"{name}'s account comes from the hub and would come back with its next reply. "
            "Remove it on the hub: kiosk hub remove-user EMAIL"
        )
    with db.atomic():
        db.execute("DELETE FROM advisor_lockouts WHERE name = ?", (name,))
        db.execute("DELETE FROM advisors WHERE name = ?", (name,))
        _audit(db, name, "removed", now)


def accounts(db: Database, now: float) -> list[Account]:
    rows = db.execute("SELECT name, role, source FROM advisors ORDER BY name").fetchall()
    return [
        Account(name, role, lockout.locked_for(_lock_state(db, name), now), source)
        for name, role, source in rows
    ]


def replace_from_hub(db: Database, advisors: Sequence[HubAccount], now: float) -> HubChanges:
    """Makes the hub's accounts on this terminal exactly `advisors`, in one transaction: new ones added,
    a changed role or PIN updated, those no longer listed removed with their lockout. A local account
    (`kiosk advisor add`) keeps its name: a hub account of the same name is skipped and logged, as is an
    entry that is not a valid account. Each addition, change and removal is audited."""
    valid: dict[str, tuple[str, str]] = {}
    skipped: list[str] = []
    for account in advisors:
        try:
            name = valid_name(account.name)
        except AccountError:
            log.warning("advisors from the hub: an entry without a valid name is skipped")
            skipped.append(account.name)
            continue
        if account.role not in ROLES or not account.pin_hash.startswith("$argon2id$") or name in valid:
            log.warning("advisors from the hub: the entry for %s is not valid (role, hash, or twice)", name)
            skipped.append(name)
            continue
        valid[name] = (account.role, account.pin_hash)
    added, changed, removed = [], [], []
    with db.atomic():
        rows = db.execute("SELECT name, role, pin_hash, source FROM advisors").fetchall()
        local = {name for name, _role, _hash, source in rows if source != "hub"}
        current = {name: (role, pin_hash) for name, role, pin_hash, source in rows if source == "hub"}
        for name in sorted(set(valid) & local):
            log.warning("advisors from the hub: %s is skipped, a local account has that name", name)
            skipped.append(name)
            del valid[name]
        for name in sorted(set(current) - set(valid)):
            db.execute("DELETE FROM advisor_lockouts WHERE name = ?", (name,))
            db.execute("DELETE FROM advisors WHERE name = ?", (name,))
            _audit(db, name, "removed:hub", now)
            removed.append(name)
        for name, (role, pin_hash) in sorted(valid.items()):
            if name not in current:
                db.execute(
                    "INSERT INTO advisors (name, role, pin_hash, created_at, source) "
                    "VALUES (?, ?, ?, ?, 'hub')",
                    (name, role, pin_hash, now),
                )
                _audit(db, name, "added:hub", now)
                added.append(name)
            elif current[name] != (role, pin_hash):
                db.execute(
                    "UPDATE advisors SET role = ?, pin_hash = ? WHERE name = ?", (role, pin_hash, name)
                )
                _audit(db, name, "changed:hub", now)
                changed.append(name)
    return HubChanges(tuple(added), tuple(changed), tuple(removed), tuple(skipped))


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


def valid_name(name: str) -> str:
    """The name with its spaces tidied, or AccountError: what the banner can show."""
    name = " ".join(name.split())
    if not name or len(name) > NAME_LENGTH or not name.isprintable():
        raise AccountError(f"A name is 1 to {NAME_LENGTH} printable characters, as the banner shows it.")
    return name


def _source(db: Database, name: str) -> str | None:
    row = db.execute("SELECT source FROM advisors WHERE name = ?", (name,)).fetchone()
    return row[0] if row else None


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
