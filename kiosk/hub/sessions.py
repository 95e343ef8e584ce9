"""Browser sessions kept in the database, so that every hub process knows them: the cookie carries a random
token, the table its sha256 and the session's CSRF token (a synchronizer token, checked on every POST). A
session starts before login (the login form needs its CSRF token) and gets a new token at login, so that a
token planted before cannot be carried into a logged-in session."""

from __future__ import annotations

import hmac
import secrets
from dataclasses import dataclass
from datetime import timedelta

from sqlalchemy import Connection, delete, insert, select

from kiosk.hub.tables import sessions
from kiosk.hub.terminals import now_utc
from kiosk.hub.tokens import token_hash

COOKIE = "ilot_session"
LOGGED_IN_FOR = timedelta(hours=10)  # a working day, then log in again
ANONYMOUS_FOR = timedelta(hours=1)  # a login form left open


@dataclass(frozen=True)
class Session:
    token: str  # what the cookie holds
    user_id: int | None
    csrf_token: str


def start(connection: Connection, user_id: int | None = None) -> Session:
    now = now_utc()
    session = Session(secrets.token_urlsafe(32), user_id, secrets.token_urlsafe(32))
    connection.execute(
        insert(sessions).values(
            token_hash=token_hash(session.token),
            user=user_id,
            csrf_token=session.csrf_token,
            created_at=now,
            expires_at=now + (LOGGED_IN_FOR if user_id else ANONYMOUS_FOR),
        )
    )
    return session


def find(connection: Connection, token: str | None) -> Session | None:
    """The live session this cookie's token opens, or None."""
    if not token:
        return None
    row = connection.execute(
        select(sessions.c.user, sessions.c.csrf_token).where(
            sessions.c.token_hash == token_hash(token), sessions.c.expires_at > now_utc()
        )
    ).first()
    return Session(token, row.user, row.csrf_token) if row else None


def end(connection: Connection, token: str) -> None:
    connection.execute(delete(sessions).where(sessions.c.token_hash == token_hash(token)))


def forget_expired(connection: Connection) -> None:
    connection.execute(delete(sessions).where(sessions.c.expires_at <= now_utc()))


def csrf_ok(session: Session | None, submitted: str | None) -> bool:
    if session is None or not submitted:
        return False
    return hmac.compare_digest(session.csrf_token.encode(), submitted.encode())
