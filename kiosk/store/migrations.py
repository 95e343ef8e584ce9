"""The schema of the kiosk database, as an ordered list of migrations.

Migration ``i`` (0-based) brings the schema from version ``i`` to ``i + 1``; the version lives in
``PRAGMA user_version``. `open_store` runs each one in a transaction together with the version bump, so a
failed migration leaves the database at the previous version. Never edit a migration that has shipped:
append a new one.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from sqlite_utils import Database

Migration = Callable[["Database"], None]


def _v1_usage_counters(db: Database) -> None:
    """Hourly usage counters: see DESIGN.md, "Privacy model for usage data"."""
    db.execute(
        """
        CREATE TABLE usage_counters (
            period_start TEXT NOT NULL,  -- ISO hour UTC, e.g. 2026-11-26T14:00:00Z
            metric TEXT NOT NULL,
            key TEXT NOT NULL,
            count INTEGER NOT NULL,
            PRIMARY KEY (period_start, metric, key)
        )
        """
    )


def _v2_outbox(db: Database) -> None:
    """Closed hours waiting for the hub, in batches (kiosk/usage/outbox.py), and what the sync client last
    saw (kiosk/usage/sync.py), for `kiosk check`."""
    db.execute(
        """
        CREATE TABLE outbox_batches (
            batch_id TEXT PRIMARY KEY,  -- uuid4, fixed before the first send
            created_at REAL NOT NULL,  -- seconds since the epoch: the queue's order, oldest first
            attempts INTEGER NOT NULL DEFAULT 0  -- sends that got no usable answer
        )
        """
    )
    db.execute(
        """
        CREATE TABLE outbox_rows (
            batch_id TEXT NOT NULL REFERENCES outbox_batches (batch_id),
            period_start TEXT NOT NULL,
            metric TEXT NOT NULL,
            key TEXT NOT NULL,
            count INTEGER NOT NULL,
            PRIMARY KEY (batch_id, period_start, metric, key)
        )
        """
    )
    db.execute(
        """
        CREATE TABLE sync_state (
            name TEXT PRIMARY KEY,  -- last_success, last_error, paused
            value TEXT NOT NULL,
            at TEXT NOT NULL  -- ISO time UTC
        )
        """
    )


def _v3_advisors(db: Database) -> None:
    """Advisors' local accounts, their lockouts and the audit of unlocks (kiosk/advisor/accounts.py), and the
    help calls' last ticket (kiosk/advisor/tickets.py)."""
    db.execute(
        """
        CREATE TABLE advisors (
            name TEXT PRIMARY KEY,
            role TEXT NOT NULL CHECK (role IN ('advisor', 'technician')),
            pin_hash TEXT NOT NULL,  -- argon2id; the PIN itself is never stored
            created_at REAL NOT NULL
        )
        """
    )
    db.execute(
        """
        CREATE TABLE advisor_lockouts (
            name TEXT PRIMARY KEY REFERENCES advisors (name),
            failures INTEGER NOT NULL,
            lockouts INTEGER NOT NULL,
            locked_until REAL NOT NULL  -- seconds since the epoch
        )
        """
    )
    db.execute(
        """
        CREATE TABLE advisor_audit (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            at REAL NOT NULL,
            name TEXT NOT NULL,
            event TEXT NOT NULL  -- added, removed, unlocked, wrong_pin, locked_out, lockout_reset, relocked:…
        )
        """
    )
    db.execute(
        """
        CREATE TABLE help_tickets (
            day TEXT PRIMARY KEY,  -- the site's date, ISO
            last INTEGER NOT NULL
        )
        """
    )


def _v4_help_calls(db: Database) -> None:
    """The visitor's help calls until the hub has what it is owed of them (kiosk/advisor/call_queue.py),
    and where each advisor's account comes from: `kiosk advisor add` (local) or the hub's heartbeat reply."""
    db.execute(
        """
        CREATE TABLE help_calls (
            call_id TEXT PRIMARY KEY,  -- uuid4, chosen here: a resend is the same call
            ticket TEXT NOT NULL,  -- "A-07"
            topic TEXT,  -- a chip of kiosk/advisor/call_states.TOPICS, or none
            created_at REAL NOT NULL,  -- seconds since the epoch
            state TEXT NOT NULL,  -- kiosk/advisor/call_states.py; "new" until the hub has it
            end_wanted TEXT CHECK (end_wanted IN ('cancel', 'released')),  -- what the hub must still hear
            ended_at REAL  -- the hub knows the call ended (done or cancelled): nothing more is owed
        )
        """
    )
    db.execute(
        "ALTER TABLE advisors ADD COLUMN source TEXT NOT NULL DEFAULT 'local' "
        "CHECK (source IN ('local', 'hub'))"
    )


MIGRATIONS: Sequence[Migration] = (_v1_usage_counters, _v2_outbox, _v3_advisors, _v4_help_calls)
