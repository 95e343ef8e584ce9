"""Terminal tokens: made once, shown once, kept only as a hash. A token has 256 random bits, so a plain
SHA-256 is the right hash (a slow password hash protects guessable secrets; nobody guesses these), and the hub
finds a terminal by its token's hash in one index lookup."""

from __future__ import annotations

import hashlib
import secrets

PREFIX = "ilot_"  # lets a secret scanner, or a person, tell what the string is


def new_token() -> str:
    return PREFIX + secrets.token_urlsafe(32)


def token_hash(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()
