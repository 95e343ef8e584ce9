"""Advisors' PINs: what a PIN must be, and its argon2id hash (the only form ever stored). Pure: no Qt, no
database. Hashing and checking take tens of milliseconds on purpose: never on the GUI thread."""

from __future__ import annotations

import itertools

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError

MIN_LENGTH = 6
_HASHER = PasswordHasher()  # argon2id, the library's current defaults


class PinRefused(ValueError):
    """The PIN does not meet the policy; the message says why, in words for the person choosing it."""


def check_policy(pin: str) -> None:
    """Raises PinRefused unless `pin` is 6 digits or more, not one digit repeated, not a plain run."""
    if not pin.isascii() or not pin.isdigit():
        raise PinRefused("A PIN is made of digits only.")
    if len(pin) < MIN_LENGTH:
        raise PinRefused(f"A PIN has at least {MIN_LENGTH} digits.")
    if len(set(pin)) == 1:
        raise PinRefused("A PIN cannot be one digit repeated.")
    steps = {(int(b) - int(a)) % 10 for a, b in itertools.pairwise(pin)}
    if steps in ({1}, {9}):
        raise PinRefused("A PIN cannot be a run of digits such as 123456.")


def hash_pin(pin: str) -> str:
    """The argon2id hash of a PIN that meets the policy."""
    check_policy(pin)
    return _HASHER.hash(pin)


def pin_matches(pin_hash: str, pin: str) -> bool:
    """Whether `pin` is the one `pin_hash` was made from (False for a damaged hash, too)."""
    try:
        return _HASHER.verify(pin_hash, pin)
    except (VerificationError, InvalidHashError):
        return False
