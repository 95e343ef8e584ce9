"""Network managers' accounts: added by `kiosk hub add-user`, passwords kept as argon2id hashes only
(argon2-cffi's defaults: RFC 9106's low-memory profile), each user limited to some sites or seeing all."""

from __future__ import annotations

from dataclasses import dataclass

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from sqlalchemy import Connection, delete, insert, select, update

from kiosk.hub.tables import sessions, user_sites, users
from kiosk.hub.terminals import now_utc

MIN_PASSWORD_LENGTH = 12

_hasher = PasswordHasher()  # argon2id; stateless, so one for the process is harmless
# Checked against when the email is unknown, so that a wrong email takes as long as a wrong password.
_DUMMY_HASH = _hasher.hash("not a password of anyone")


class UserError(Exception):
    """What was asked cannot be done; the message says why and what to do."""


@dataclass(frozen=True)
class User:
    id: int
    email: str
    sites: frozenset[str] | None  # None: every site

    def may_see(self, site_id: str) -> bool:
        return self.sites is None or site_id in self.sites


def normalised_email(email: str) -> str:
    return email.strip().lower()


def hash_password(password: str) -> str:
    return _hasher.hash(password)


def add(connection: Connection, email: str, password: str, sites: list[str] | None = None) -> User:
    """Creates a user. `sites`: the sites they may see (None or empty: all of them)."""
    email = normalised_email(email)
    if "@" not in email or len(email) > 254:
        raise UserError(f"{email!r} is not an email address.")
    if len(password) < MIN_PASSWORD_LENGTH:
        raise UserError(f"The password is too short: at least {MIN_PASSWORD_LENGTH} characters.")
    if connection.execute(select(users.c.id).where(users.c.email == email)).first() is not None:
        raise UserError(f"{email} already has an account.")
    user_id = connection.execute(
        insert(users)
        .values(email=email, password_hash=hash_password(password), created_at=now_utc())
        .returning(users.c.id)
    ).scalar_one()
    chosen = sorted({s.strip() for s in sites or [] if s.strip()})
    if chosen:
        connection.execute(insert(user_sites), [{"user": user_id, "site_id": s} for s in chosen])
    return User(user_id, email, frozenset(chosen) or None)


def authenticate(connection: Connection, email: str, password: str) -> User | None:
    """The user whose email and password these are, or None. Re-hashes an outdated hash on success."""
    row = connection.execute(
        select(users.c.id, users.c.password_hash).where(users.c.email == normalised_email(email))
    ).first()
    try:
        _hasher.verify(row.password_hash if row else _DUMMY_HASH, password)
    except (VerificationError, InvalidHashError):
        return None
    if row is None:
        return None
    if _hasher.check_needs_rehash(row.password_hash):
        connection.execute(
            update(users).where(users.c.id == row.id).values(password_hash=hash_password(password))
        )
    return by_id(connection, row.id)


def by_id(connection: Connection, user_id: int) -> User | None:
    row = connection.execute(select(users.c.id, users.c.email).where(users.c.id == user_id)).first()
    if row is None:
        return None
    sites = connection.execute(select(user_sites.c.site_id).where(user_sites.c.user == user_id)).scalars()
    return User(row.id, row.email, frozenset(sites) or None)


def remove(connection: Connection, email: str) -> None:
    user_id = connection.execute(
        select(users.c.id).where(users.c.email == normalised_email(email))
    ).scalar_one_or_none()
    if user_id is None:
        raise UserError(f"{normalised_email(email)} has no account.")
    connection.execute(delete(sessions).where(sessions.c.user == user_id))
    connection.execute(delete(user_sites).where(user_sites.c.user == user_id))
    connection.execute(delete(users).where(users.c.id == user_id))
