"""The kiosk process's plumbing, apart from what it composes: its log files, its peak memory (for the
start-up benchmark), SIGTERM / SIGINT turned into a clean quit through Qt's event loop, and running the same
command again after a clean stop (a technician reloading the configuration)."""

from __future__ import annotations

import logging
import os
import signal
import socket
import sys
from collections.abc import Callable
from logging.handlers import RotatingFileHandler
from pathlib import Path
from typing import NoReturn

log = logging.getLogger("kiosk")


def setup_logging(log_file: Path) -> None:
    """The log in `log_file` (1 MB, three old ones kept) and on standard error."""
    handler = RotatingFileHandler(log_file, maxBytes=1_000_000, backupCount=3, encoding="utf-8")
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    stderr = logging.StreamHandler()
    stderr.setFormatter(logging.Formatter("kiosk: %(levelname)s %(message)s"))
    root = logging.getLogger()
    root.setLevel(logging.INFO)
    root.addHandler(handler)
    root.addHandler(stderr)


def peak_memory_kib() -> int:
    """The process's peak resident memory so far (VmHWM), in KiB; 0 where /proc does not tell."""
    try:
        with open("/proc/self/status", encoding="ascii") as status:
            return next(int(line.split()[1]) for line in status if line.startswith("VmHWM:"))
    except (OSError, StopIteration):
        return 0


def quit_on_signals(parent, quit: Callable[[], None]) -> object:
    """SIGTERM and SIGINT call `quit` from Qt's event loop: the signal wakes it through a socket. Returns
    what must stay alive meanwhile (the sockets and their notifier, owned by `parent`)."""
    from PySide6.QtCore import QSocketNotifier

    reader, writer = socket.socketpair()
    reader.setblocking(False)
    writer.setblocking(False)
    signal.set_wakeup_fd(writer.fileno())
    for signum in (signal.SIGTERM, signal.SIGINT):
        signal.signal(signum, lambda *_: None)  # Python notes it; the wakeup fd tells Qt
    notifier = QSocketNotifier(reader.fileno(), QSocketNotifier.Type.Read, parent)

    def on_signal() -> None:
        reader.recv(64)
        log.info("signal received: quitting")
        quit()

    notifier.activated.connect(on_signal)
    return reader, writer, notifier


def restart_command() -> list[str]:
    """The command that started this process, to run it again: the interpreter's own command line (with
    `-m kiosk` or the `kiosk` script, as it was), or a frozen bundle's program and its arguments."""
    if getattr(sys, "frozen", False):
        return [sys.executable, *sys.argv[1:]]
    return list(sys.orig_argv)


def exec_again() -> NoReturn:
    """Replaces this process by a new run of the same command (same PID: systemd keeps following it)."""
    command = restart_command()
    log.info("starting again: %s", " ".join(command))
    logging.shutdown()
    os.execv(sys.executable, command)
