"""One visitor's session: it starts at the first interaction and ends by a button or when the visitor walks
away. At the end every registered wiper runs, so nothing of this visitor is left for the next one.

Pure Python: the shell turns input events and timers into `touch()` and `end()` calls.
"""

from __future__ import annotations

import logging
import shutil
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

log = logging.getLogger(__name__)

Wiper = Callable[[], None]
Listener = Callable[["SessionEnd"], None]


@dataclass(frozen=True)
class SessionEnd:
    reason: str  # "button" or "idle"
    duration: float  # seconds
    failed_wipers: tuple[str, ...]


class Session:
    def __init__(self, clock: Callable[[], float] = time.monotonic) -> None:
        self._clock = clock
        self._started_at: float | None = None
        self._wipers: list[tuple[str, Wiper]] = []
        self._on_start: list[Callable[[], None]] = []
        self._on_end: list[Listener] = []

    @property
    def active(self) -> bool:
        return self._started_at is not None

    def register_wiper(self, name: str, wiper: Wiper) -> None:
        """`wiper` runs at every session end, in registration order."""
        self._wipers.append((name, wiper))

    def on_start(self, listener: Callable[[], None]) -> None:
        self._on_start.append(listener)

    def on_end(self, listener: Listener) -> None:
        self._on_end.append(listener)

    def touch(self) -> bool:
        """The visitor did something. Starts the session if none is running; True when it just started."""
        if self._started_at is not None:
            return False
        self._started_at = self._clock()
        for listener in self._on_start:
            listener()
        return True

    def end(self, reason: str) -> SessionEnd | None:
        """Ends the session and runs every wiper, even when one fails. None if no session was running."""
        if self._started_at is None:
            return None
        duration = self._clock() - self._started_at
        self._started_at = None
        failed = []
        for name, wiper in self._wipers:
            try:
                wiper()
            except Exception:
                log.exception("session wiper %r failed", name)
                failed.append(name)
        ended = SessionEnd(reason=reason, duration=duration, failed_wipers=tuple(failed))
        for listener in self._on_end:
            listener(ended)
        return ended


def empty_folder(folder: Path) -> None:
    """Deletes everything inside `folder` (the session's scratch files) and keeps the folder itself."""
    if not folder.exists():
        return
    for child in folder.iterdir():
        if child.is_dir() and not child.is_symlink():
            shutil.rmtree(child)
        else:
            child.unlink()
