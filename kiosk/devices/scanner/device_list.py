"""The scanners the kiosk can use: `scanimage` asked for its devices and their options on a worker thread
(kiosk.tasks), one listing at a time; `forget` (at the session's end) drops an answer still coming."""

from __future__ import annotations

import logging
from collections.abc import Mapping

from PySide6.QtCore import QObject, QThreadPool, Signal

from kiosk.devices.scanner.probe import ProbeResult, Scanner, probe
from kiosk.tasks import Tasks

log = logging.getLogger(__name__)


class DeviceList(QObject):
    listed = Signal(object)  # ProbeResult
    failed = Signal()  # a bug: probe() reports the problems it meets in its result

    def __init__(
        self, environment: Mapping[str, str], program: str, pool: QThreadPool | None = None, parent=None
    ) -> None:
        super().__init__(parent)
        self._environment = dict(environment)
        self._program = program
        self._tasks = Tasks(self, pool=pool)
        self._listing = False
        self.result: ProbeResult | None = None  # None: never listed

    @property
    def scanners(self) -> tuple[Scanner, ...]:
        """The scanners of the last listing (empty before the first one ends)."""
        return self.result.scanners if self.result is not None else ()

    def refresh(self) -> None:
        """List the scanners again; `listed` or `failed` follows (once, however many refreshes meanwhile)."""
        if self._listing:
            return
        self._listing = True
        environment, program = self._environment, self._program
        self._tasks.run(lambda: probe(environment, program=program), self._done, self._failed)

    def find(self, device: str | None) -> Scanner | None:
        """The scanner named `device`, or the first one for None."""
        for scanner in self.scanners:
            if device is None or scanner.device.name == device:
                return scanner
        return None

    def forget(self) -> None:
        """A listing still running will not say it is done."""
        self._tasks.forget()
        self._listing = False

    def _done(self, result: ProbeResult) -> None:
        self._listing = False
        self.result = result
        self.listed.emit(result)

    def _failed(self, error: Exception) -> None:
        log.error("listing the scanners failed", exc_info=error)
        self._listing = False
        self.failed.emit()
