"""Login lockout, kept in the database so that every hub process sees it: after `ACCOUNT_LIMIT` failures
for one account, or `ADDRESS_LIMIT` from one address, within `WINDOW`, logins there are refused for `LOCK`,
even with the right password. Each failure is one upsert, so two processes never lose a count."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import Connection, case, delete, select
from sqlalchemy.dialects import postgresql, sqlite

from kiosk.hub.tables import login_failures
from kiosk.hub.terminals import now_utc

ACCOUNT_LIMIT = 5
ADDRESS_LIMIT = 20  # an office behind one address shares it
WINDOW = timedelta(minutes=15)
LOCK = timedelta(minutes=15)


@dataclass(frozen=True)
class Limits:
    account: int = ACCOUNT_LIMIT
    address: int = ADDRESS_LIMIT


def subjects(email: str, address: str | None) -> dict[str, str]:
    """The keys a login attempt counts under: its account, and its address when known."""
    keys = {"account": f"account:{email.strip().lower()}"[:300]}
    if address:
        keys["address"] = f"address:{address}"[:300]
    return keys


def locked_until(connection: Connection, keys: list[str]) -> datetime | None:
    """The latest time until which one of these keys is locked, or None when none is."""
    now = now_utc()
    until = connection.execute(
        select(login_failures.c.locked_until).where(
            login_failures.c.subject.in_(keys), login_failures.c.locked_until > now
        )
    ).scalars()
    return max(until, default=None)


def record_failure(connection: Connection, key: str, limit: int) -> None:
    now = now_utc()
    insert = (postgresql if connection.dialect.name == "postgresql" else sqlite).insert(login_failures)
    stale = login_failures.c.window_start < now - WINDOW
    statement = (
        insert.values(subject=key, failures=1, window_start=now, locked_until=None)
        .on_conflict_do_update(
            index_elements=["subject"],
            set_={
                "failures": case((stale, 1), else_=login_failures.c.failures + 1),
                "window_start": case((stale, now), else_=login_failures.c.window_start),
            },
        )
        .returning(login_failures.c.failures)
    )
    if connection.execute(statement).scalar_one() >= limit:
        connection.execute(
            login_failures.update()
            .where(login_failures.c.subject == key)
            .values(locked_until=now + LOCK, failures=0, window_start=now)
        )


def forget(connection: Connection, key: str) -> None:
    connection.execute(delete(login_failures).where(login_failures.c.subject == key))
