"""Watches the visitor's input (mouse, keys, wheel, touch) on the kiosk window: each input restarts the
idle timer and is reported as `pressed` or `moved`; no input for the idle timeout is `idle`."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QTimer, Signal

# Inputs that show a person is there. A mouse move only keeps a running session alive (see `moved`).
PRESSES = frozenset(
    {
        QEvent.Type.MouseButtonPress,
        QEvent.Type.KeyPress,
        QEvent.Type.Wheel,
        QEvent.Type.TouchBegin,
        QEvent.Type.TabletPress,
    }
)
MOVES = frozenset({QEvent.Type.MouseMove, QEvent.Type.TouchUpdate, QEvent.Type.TabletMove})


class IdleWatcher(QObject):
    pressed = Signal()  # a press, key, wheel or touch
    moved = Signal()  # a mouse or touch move
    idle = Signal()

    def __init__(self, timeout_ms: int, parent: QObject | None = None):
        super().__init__(parent)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(timeout_ms)
        self._timer.timeout.connect(self.idle)

    @property
    def timeout_ms(self) -> int:
        return self._timer.interval()

    def set_timeout(self, timeout_ms: int) -> None:
        self._timer.setInterval(timeout_ms)

    def restart(self) -> None:
        self._timer.start()

    def stop(self) -> None:
        self._timer.stop()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        kind = event.type()
        if kind in PRESSES:
            self._timer.start()
            self.pressed.emit()
        elif kind in MOVES:
            self._timer.start()
            self.moved.emit()
        return False
