"""Read one config file's bytes, or say plainly why not: a file that is there but cannot be read is a problem,
never "no file".

A name can be present without being a readable file: a symbolic link to nothing or to itself, a folder, a
device or a pipe, a file the kiosk may not read, or a file far too large to be a config (refused from its
size, before it is read or parsed; one that grows meanwhile is read no further than `MAX_BYTES` + 1).
`is_present` tells absent from present; `read_bytes` returns the bytes or an `Unreadable` with the cause
and the fix. Pure: no Qt.
"""

from __future__ import annotations

import errno
import os
import stat
from dataclasses import dataclass
from pathlib import Path

MAX_BYTES = 1024 * 1024  # the bundled files are 5 kB and 23 kB


@dataclass(frozen=True)
class Unreadable:
    """Why a config file cannot be used, and how to fix it."""

    message: str
    fix: str


def is_present(path: Path) -> bool:
    """Whether the folder has an entry of that name, even a link that leads nowhere."""
    return os.path.lexists(path)


def read_bytes(path: Path, limit: int = MAX_BYTES) -> bytes | Unreadable:
    """The whole file, or why it cannot be read. Never blocks on a pipe, never reads more than `limit` + 1."""
    try:
        fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK | os.O_CLOEXEC)
    except OSError as error:
        return _open_error(path, error)
    try:
        info = os.fstat(fd)
        if stat.S_ISDIR(info.st_mode):
            return Unreadable("this is a folder, not a file", "put the file here in place of the folder")
        if not stat.S_ISREG(info.st_mode):
            return Unreadable(
                "this is not a plain file (a device, a pipe or a socket)", "replace it with a plain text file"
            )
        if info.st_size > limit:
            return _too_large(info.st_size, limit)
        with os.fdopen(fd, "rb", closefd=False) as file:
            data = file.read(limit + 1)
    except OSError as error:
        return Unreadable(f"cannot read this file: {error.strerror}", "check the disk and the file")
    finally:
        os.close(fd)
    return _too_large(len(data), limit) if len(data) > limit else data  # it grew while being read


def _too_large(size: int, limit: int) -> Unreadable:
    return Unreadable(
        f"this file is {_size(size)}, far too large for a config file (at most {_size(limit)})",
        "check that this is the right file: a config file is a few kilobytes",
    )


def _size(size: int) -> str:
    return f"{size / (1024 * 1024):.1f} MB ({size:,} bytes)".replace(",", " ")


def _open_error(path: Path, error: OSError) -> Unreadable:
    if error.errno == errno.ELOOP:
        return Unreadable(
            "this is a symbolic link that loops back on itself", "replace the link with the file itself"
        )
    if error.errno == errno.ENOENT and is_present(path):
        return Unreadable(
            f"this is a symbolic link to {_link_target(path)}, which does not exist",
            "point the link at the real file, or replace it with the file itself",
        )
    if error.errno == errno.ENOENT:
        return Unreadable("this file does not exist", "create it, or check its name")
    if error.errno == errno.EACCES:
        return Unreadable(
            "the kiosk is not allowed to read this file (permission denied)",
            "let the kiosk's user read it; in /etc/ilot: owner root, group ilot, mode 0640 (build/README.md)",
        )
    return Unreadable(f"cannot open this file: {error.strerror}", "check the file and the disk")


def _link_target(path: Path) -> str:
    try:
        return os.readlink(path)
    except OSError:
        return "a file"
