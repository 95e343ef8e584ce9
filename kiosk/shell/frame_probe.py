"""A one-pixel widget in the window's corner that asks to be repainted every minute and notes when it was:
the heartbeat's `last_frame`. A still home screen never repaints by itself; with the probe, a frozen event
loop or a window that no longer paints shows as an old last_frame under a fresh heartbeat."""

from __future__ import annotations

import time

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QPaintEvent
from PySide6.QtWidgets import QWidget

INTERVAL_MS = 60_000


class FrameProbe(QWidget):
    def __init__(self, window: QWidget, interval_ms: int = INTERVAL_MS):
        super().__init__(window)
        # Written here on the GUI thread, read by the sync thread: rebinding a float attribute is atomic
        # under the GIL, and a reader needs only some recent value, never two fields that agree.
        self.last_frame: float | None = None
        self.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.setGeometry(0, 0, 1, 1)
        self._timer = QTimer(self)
        self._timer.setInterval(interval_ms)
        self._timer.timeout.connect(self._ask)
        self._timer.start()

    def _ask(self) -> None:
        self.raise_()  # above an overlay that may have covered it: a covered widget is not repainted
        self.update()

    def note_frame(self) -> None:
        """A frame was painted now (the window's first, say: the sync thread's first beat may read this
        before the probe's own first paint comes)."""
        self.last_frame = time.time()

    def paintEvent(self, event: QPaintEvent) -> None:
        self.note_frame()  # paints nothing: the pixel beneath shows through
