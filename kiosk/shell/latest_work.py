"""The old face of `kiosk.tasks` for the one screen not yet moved onto it (the print wizard's picture → PDF):
a latest-only `Tasks` whose answer comes as a `finished` signal. New code uses `kiosk.tasks.Tasks` directly,
which hands errors to a `failed` callback; here an error is logged and `finished(None)` says it failed."""

from __future__ import annotations

import logging
from collections.abc import Callable

from PySide6.QtCore import QObject, Signal

from kiosk.tasks import Tasks

log = logging.getLogger(__name__)


class LatestWork(QObject):
    finished = Signal(object)  # the latest work's return value (None if it failed), on the GUI thread

    def __init__(self, parent: QObject, discard: Callable[[object], None] | None = None) -> None:
        super().__init__(parent)
        self._discard = discard
        self._tasks = Tasks(self)

    def run(self, work: Callable[[], object]) -> None:
        """Runs `work` on a pool thread: it must not touch widgets."""
        self._tasks.run(work, self.finished.emit, self._failed, latest="work", discard=self._dropped)

    def forget(self) -> None:
        self._tasks.forget()

    def _dropped(self, result: object) -> None:
        if result is not None and self._discard is not None:
            self._discard(result)

    def _failed(self, error: Exception) -> None:
        log.warning("background work failed: %s", type(error).__name__)
        self.finished.emit(None)
