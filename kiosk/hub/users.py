"""The accounts that log in to the hub's pages: network managers (`kiosk hub add-user`), advisors and
technicians (`kiosk hub add-advisor`). Passwords are kept as argon2id hashes only (argon2-cffi's defaults:
RFC 9106's low-memory profile); each user is limited to some sites or sees all. Advisors and technicians
serve named sites and have the name their terminals show and a PIN, kept as its argon2id hash by the
terminal's own policy (kiosk/advisor/pins.py): those hashes reach their sites' terminals with the heartbeat's
reply (`pins_for_site`), so that unlocking works offline."""

from __future__ import annotations

from dataclasses import dataclass

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from sqlalchemy import Connection, delete, insert, select, update

from kiosk.advisor import pins
from kiosk.advisor.accounts import AccountError, valid_name
from kiosk.hub.tables import sessions, user_sites, users
from kiosk.hub.terminals import now_utc

MIN_PASSWORD_LENGTH = 12
ROLES = ("manager", "advisor", "technician")
AT_TERMINALS = ("advisor", "technician")  # the roles that unlock the assisted mode with a PIN

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
    role: str = "manager"
    display_name: str | None = None  # advisors and technicians: the name their terminals show
    has_pin: bool = False

    def may_see(self, site_id: str) -> bool:
        return self.sites is None or site_id in self.sites


@dataclass(frozen=True)
class TerminalAccount:
    """What a terminal receives of an advisor or technician who serves its site."""

    name: str
    role: str
    pin_hash: str


def normalised_email(email: str) -> str:
    return email.strip().lower()


def hash_password(password: str) -> str:
    return _hasher.hash(password)


def add(connection: Connection, email: str, password: str, sites: list[str] | None = None) -> User:
    """Creates a network manager's account. `sites`: the sites they may see (None or empty: all of them)."""
    email = _new_email(connection, email, password)
    user_id = connection.execute(
        insert(users)
        .values(email=email, password_hash=hash_password(password), created_at=now_utc(), role="manager")
        .returning(users.c.id)
    ).scalar_one()
    chosen = _sites(sites)
    if chosen:
        connection.execute(insert(user_sites), [{"user": user_id, "site_id": s} for s in chosen])
    return by_id(connection, user_id)


def add_advisor(
    connection: Connection, email: str, password: str, name: str, role: str, sites: list[str], pin: str
) -> User:
    """Creates an advisor's or technician's account: they log in to the board and unlock the assisted mode
    on the terminals of `sites` (at least one) with `pin` (PinRefused when the terminal's policy refuses
    it). Two people serving one site cannot have the same name: the terminal tells them apart by it."""
    if role not in AT_TERMINALS:
        raise UserError(f"The role is advisor or technician, not {role!r}.")
    try:
        name = valid_name(name)
    except AccountError as error:
        raise UserError(str(error)) from None
    chosen = _sites(sites)
    if not chosen:
        raise UserError("Give at least one site they serve: --site SITE.")
    email = _new_email(connection, email, password)
    pin_hash = pins.hash_pin(pin)
    _refuse_a_name_taken(connection, name, chosen, None)
    user_id = connection.execute(
        insert(users)
        .values(
            email=email,
            password_hash=hash_password(password),
            created_at=now_utc(),
            role=role,
            display_name=name,
            pin_hash=pin_hash,
        )
        .returning(users.c.id)
    ).scalar_one()
    connection.execute(insert(user_sites), [{"user": user_id, "site_id": s} for s in chosen])
    return by_id(connection, user_id)


def set_pin(connection: Connection, email: str, pin: str) -> User:
    """Gives an advisor or technician a new PIN; their terminals get it with their next heartbeat."""
    user = by_email(connection, email)
    if user is None:
        raise UserError(f"{normalised_email(email)} has no account.")
    if user.role not in AT_TERMINALS:
        raise UserError(
            f"{user.email} is a network manager: only advisors and technicians have a PIN. "
            "See: kiosk hub add-advisor"
        )
    connection.execute(update(users).where(users.c.id == user.id).values(pin_hash=pins.hash_pin(pin)))
    return by_id(connection, user.id)


def everyone(connection: Connection) -> list[User]:
    """Every account, by email."""
    ids = connection.execute(select(users.c.id).order_by(users.c.email)).scalars().all()
    return [by_id(connection, user_id) for user_id in ids]


def pins_for_site(connection: Connection, site_id: str) -> list[TerminalAccount]:
    """The advisors and technicians who serve `site_id` and have a PIN, by name: what its terminals may
    unlock with. Only sites named for them count (a manager sees every site; no PIN goes everywhere)."""
    rows = connection.execute(
        select(users.c.display_name, users.c.role, users.c.pin_hash)
        .join(user_sites, user_sites.c.user == users.c.id)
        .where(
            user_sites.c.site_id == site_id,
            users.c.role.in_(AT_TERMINALS),
            users.c.pin_hash.is_not(None),
            users.c.display_name.is_not(None),
        )
        .order_by(users.c.display_name)
    )
    return [TerminalAccount(*row) for row in rows]


def _new_email(connection: Connection, email: str, password: str) -> str:
    email = normalised_email(email)
    if "@" not in email or len(email) > 254:
        raise UserError(f"{email!r} is not an email address.")
    if len(password) < MIN_PASSWORD_LENGTH:
        raise UserError(f"The password is too short: at least {MIN_PASSWORD_LENGTH} characters.")
    if connection.execute(select(users.c.id).where(users.c.email == email)).first() is not None:
        raise UserError(f"{email} already has an account.")
    return email


def _sites(sites: list[str] | None) -> list[str]:
    return sorted({s.strip() for s in sites or [] if s.strip()})


def _refuse_a_name_taken(connection: Connection, name: str, sites: list[str], user_id: int | None) -> None:
    taken = connection.execute(
        select(users.c.email, user_sites.c.site_id)
        .join(user_sites, user_sites.c.user == users.c.id)
        .where(users.c.display_name == name, user_sites.c.site_id.in_(sites), users.c.id != (user_id or -1))
    ).first()
    if taken is not None:
        raise UserError(
            f"{taken.email} already serves {taken.site_id} as {name}: the terminal could not tell you apart. "
            "Choose another name, such as a first name and an initial."
        )


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
    row = connection.execute(
        select(
            users.c.id, users.c.email, users.c.role, users.c.display_name, users.c.pin_hash.is_not(None)
        ).where(users.c.id == user_id)
    ).first()
    if row is None:
        return None
    sites = connection.execute(select(user_sites.c.site_id).where(user_sites.c.user == user_id)).scalars()
    return User(row[0], row[1], frozenset(sites) or None, row[2], row[3], bool(row[4]))


def by_email(connection: Connection, email: str) -> User | None:
    user_id = connection.execute(
        select(users.c.id).where(users.c.email == normalised_email(email))
    ).scalar_one_or_none()
    return None if user_id is None else by_id(connection, user_id)


def remove(connection: Connection, email: str) -> None:
    user_id = connection.execute(
        select(users.c.id).where(users.c.email == normalised_email(email))
    ).scalar_one_or_none()
    if user_id is None:
        raise UserError(f"{normalised_email(email)} has no account.")
    connection.execute(delete(sessions).where(sessions.c.user == user_id))
    connection.execute(delete(user_sites).where(user_sites.c.user == user_id))
    connection.execute(delete(users).where(users.c.id == user_id))
