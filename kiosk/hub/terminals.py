"""The terminals the hub knows: added with a token shown once, found by that token's hash, revoked, given a
new token. A revoked terminal's counts stay (they were real); its token no longer opens anything."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime

from sqlalchemy import Connection, insert, select, update

from kiosk.hub.tables import terminals
from kiosk.hub.tokens import new_token, token_hash


class TerminalError(Exception):
    """What a technician asked for cannot be done; the message says why and what to do."""


@dataclass(frozen=True)
class Terminal:
    id: int
    site_id: str
    terminal_id: str


def now_utc() -> datetime:
    return datetime.now(UTC).replace(tzinfo=None)


def add(connection: Connection, site_id: str, terminal_id: str) -> str:
    """Registers a terminal; returns its token (the only time it is ever seen)."""
    if _row(connection, site_id, terminal_id) is not None:
        raise TerminalError(
            f"{site_id}/{terminal_id} is already known. To give it a new token: kiosk hub rotate-token "
            f"{terminal_id} --site {site_id}"
        )
    token = new_token()
    connection.execute(
        insert(terminals).values(
            site_id=site_id, terminal_id=terminal_id, token_hash=token_hash(token), created_at=now_utc()
        )
    )
    return token


def rotate(connection: Connection, site_id: str, terminal_id: str) -> str:
    """A new token for a known terminal (revoked or not): the old one stops working at once."""
    if _row(connection, site_id, terminal_id) is None:
        raise TerminalError(f"{site_id}/{terminal_id} is not known. Add it: kiosk hub add-terminal …")
    token = new_token()
    connection.execute(
        update(terminals)
        .where(terminals.c.site_id == site_id, terminals.c.terminal_id == terminal_id)
        .values(token_hash=token_hash(token), revoked_at=None)
    )
    return token


def revoke(connection: Connection, site_id: str, terminal_id: str) -> None:
    if _row(connection, site_id, terminal_id) is None:
        raise TerminalError(f"{site_id}/{terminal_id} is not known")
    connection.execute(
        update(terminals)
        .where(terminals.c.site_id == site_id, terminals.c.terminal_id == terminal_id)
        .values(revoked_at=now_utc())
    )


def by_token(connection: Connection, token: str) -> Terminal | None:
    """The terminal this token opens, or None (unknown or revoked)."""
    row = connection.execute(
        select(terminals.c.id, terminals.c.site_id, terminals.c.terminal_id).where(
            terminals.c.token_hash == token_hash(token), terminals.c.revoked_at.is_(None)
        )
    ).first()
    return Terminal(*row) if row else None


def _row(connection: Connection, site_id: str, terminal_id: str):
    return connection.execute(
        select(terminals.c.id).where(terminals.c.site_id == site_id, terminals.c.terminal_id == terminal_id)
    ).first()
