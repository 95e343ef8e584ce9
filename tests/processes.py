"""Which processes a test run started, read from /proc: every process the run starts inherits the marker
RUN_MARKER=<pytest's pid> in its environment (tests/conftest.py sets it first thing), and keeps it even when
it leaves its parent (a daemon that forks, a process whose parent died)."""

from __future__ import annotations

import os
import time
from dataclasses import dataclass

RUN_MARKER = "ILOT_TEST_RUN"


@dataclass(frozen=True)
class Process:
    pid: int
    parent: int
    command: str


def marked_processes(value: str, marker: str = RUN_MARKER) -> list[Process]:
    """The live processes (zombies left out) whose environment says `marker=value`, this one excepted."""
    wanted = f"{marker}={value}".encode()
    found = []
    for entry in os.listdir("/proc"):
        if not entry.isdigit() or int(entry) == os.getpid():
            continue
        try:
            with open(f"/proc/{entry}/environ", "rb") as file:
                if wanted not in file.read().split(b"\0"):
                    continue
            with open(f"/proc/{entry}/stat", "rb") as file:
                stat = file.read().decode(errors="replace")
            with open(f"/proc/{entry}/cmdline", "rb") as file:
                command = file.read().replace(b"\0", b" ").decode(errors="replace").strip()
        except OSError:
            continue  # ended meanwhile, or not ours to read
        state, parent = stat.rsplit(")", 1)[1].split()[:2]
        if state not in ("Z", "X"):
            found.append(Process(int(entry), int(parent), command))
    return found


def wait_until_gone(value: str, timeout: float = 10, marker: str = RUN_MARKER) -> list[Process]:
    """The processes marked `value` still alive after up to `timeout` seconds ([] as soon as none is)."""
    deadline = time.monotonic() + timeout
    while (alive := marked_processes(value, marker)) and time.monotonic() < deadline:
        time.sleep(0.1)
    return alive


def descends_from(pid: int, ancestor: int) -> bool:
    """Whether `ancestor` is in `pid`'s chain of parents."""
    while pid > 1:
        try:
            with open(f"/proc/{pid}/stat", "rb") as file:
                pid = int(file.read().decode(errors="replace").rsplit(")", 1)[1].split()[1])
        except OSError:
            return False
        if pid == ancestor:
            return True
    return False
