"""A secret a person types for a `kiosk` command (an advisor's PIN, a network manager's password): read from a
pipe when a script gives it, else asked twice on the terminal, never echoed."""

from __future__ import annotations

import getpass
import sys


def secret_from_person(name: str, hint: str = "") -> str:
    """`name` is what it is ("PIN", "Password"); OSError when the two typings differ."""
    if not sys.stdin.isatty():
        return sys.stdin.readline().rstrip("\r\n")
    first = getpass.getpass(f"{name}{f' ({hint})' if hint else ''}: ")
    if getpass.getpass(f"{name} again: ") != first:
        raise OSError(f"The two {name.lower()}s differ.")
    return first
