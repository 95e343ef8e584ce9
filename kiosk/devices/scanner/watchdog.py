"""The guard over a running `scanimage`: a driver that makes no progress for `stall_timeout` seconds is
killed (a lamp warms up in 20-30 s on some flatbeds, so the default is generous), and a cancelled scan gets
SIGTERM (scanimage then cancels cleanly with the driver) and SIGKILL after a grace time. It never waits: the
process's own `finished` says when it has ended."""

from __future__ import annotations

import logging

from PySide6.QtCore import QObject, QProcess, QTimer, Slot

log = logging.getLogger(__name__)

STALL_TIMEOUT = 60.0  # seconds without any output
CANCEL_GRACE_MS = 3000  # after SIGTERM, before SIGKILL


class Watchdog(QObject):
    def __init__(self, stall_timeout: float = STALL_TIMEOUT, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._process: QProcess | None = None
        self._stall_ms = max(1, round(stall_timeout * 1000))
        self.timed_out = False  # the process watched was killed for making no progress
        self.cancelled = False  # … or was asked to stop
        self._stall = QTimer(self, singleShot=True, interval=self._stall_ms)
        self._stall.timeout.connect(self._stalled)
        self._grace = QTimer(self, singleShot=True, interval=CANCEL_GRACE_MS)
        self._grace.timeout.connect(self._kill)

    def watch(self, process: QProcess) -> None:
        """Starts guarding a process just started."""
        self._process = process
        self.timed_out = self.cancelled = False
        self._stall.start()

    def alive(self) -> None:
        """The process wrote something: a sign of life, the stall clock starts again."""
        self._stall.start()

    def cancel(self) -> None:
        """SIGTERM now, SIGKILL if it has not ended after the grace time. Once per process."""
        if self._process is None or self.cancelled:
            return
        self.cancelled = True
        self._process.terminate()
        self._grace.start()

    def stop(self) -> None:
        """The process ended (or was handed over to be reaped): nothing more to guard."""
        self._process = None
        self._stall.stop()
        self._grace.stop()

    @Slot()
    def _stalled(self) -> None:
        if self._process is not None:
            log.warning("scanimage made no progress for %d ms: killed", self._stall_ms)
            self.timed_out = True
            self._process.kill()

    @Slot()
    def _kill(self) -> None:
        if self._process is not None:
            self._process.kill()
