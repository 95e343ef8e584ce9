"""Python's cyclic garbage collector, run on the GUI thread only.

Left automatic, the collector runs in whichever thread happens to allocate: the store worker or the usage
timer could then destroy Qt widgets caught in reference cycles, off the GUI thread, and crash the kiosk (seen
in the tests as a segmentation fault). This turns automatic collection off and collects from a GUI-thread
timer, generation by generation, with Python's own thresholds.
"""

from __future__ import annotations

import gc

from PySide6.QtCore import QObject, QTimer

INTERVAL_MS = 500


class GuiThreadGarbageCollector(QObject):
    def __init__(self, parent: QObject | None = None):
        super().__init__(parent)
        self._thresholds = gc.get_threshold()
        self._timer = QTimer(self)
        self._timer.setInterval(INTERVAL_MS)
        self._timer.timeout.connect(self.collect_due)

    def start(self) -> None:
        gc.disable()
        self._timer.start()

    def stop(self) -> None:
        """Back to automatic collection, after a full collection here on the GUI thread."""
        self._timer.stop()
        gc.collect()
        gc.enable()

    def collect_due(self) -> None:
        counts = gc.get_count()
        for generation in (2, 1, 0):  # the oldest generation due takes the younger ones with it
            if counts[generation] > self._thresholds[generation]:
                gc.collect(generation)
                return
