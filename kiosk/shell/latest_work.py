"""Work a screen hands to Qt's thread pool when only the answer to its latest request matters (the preview of
the page just scanned, the picture just chosen made into a PDF): an answer that comes back after a newer
request, or after `forget()` (the visitor left), is dropped, and `discard` may clean up what it made."""

from __future__ import annotations

import logging
from collections.abc import Callable

from PySide6.QtCore import QObject, QThreadPool, Signal

log = logging.getLogger(__name__)


class LatestWork(QObject):
    finished = Signal(object)  # the latest work's return value, on the GUI thread
    _done = Signal(int, object)

    def __init__(self, parent: QObject, discard: Callable[[object], None] | None = None) -> None:
        super().__init__(parent)
        self._discard = discard
        self._token = 0
        self._done.connect(self._deliver)

    def run(self, work: Callable[[], object]) -> None:
        """Runs `work` on a pool thread: it must not touch widgets. An exception it raises is logged and
        delivered as None."""
        self._token += 1
        token, done = self._token, self._done

        def task() -> None:
            try:
                result = work()
            except Exception as error:
                log.warning("background work failed: %s", type(error).__name__)
                result = None
            done.emit(token, result)

        QThreadPool.globalInstance().start(task)

    def forget(self) -> None:
        self._token += 1

    def _deliver(self, token: int, result: object) -> None:
        if token == self._token:
            self.finished.emit(result)
        elif result is not None and self._discard is not None:
            self._discard(result)
