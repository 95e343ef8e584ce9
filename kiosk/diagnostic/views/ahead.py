"""Exercises made ahead: while the visitor thinks about the current item, the items each of its outcomes
could lead to are built, laid out and drawn once off-screen, one per event-loop turn, so that the next
screen shows at once."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, QTimer
from PySide6.QtGui import QPixmap
from PySide6.QtWidgets import QWidget

from kiosk.diagnostic.views import Exercise, Pictures, make_exercise
from kiosk.shell.icons import Icons

PREPARE_DELAY_MS = 30  # after a screen shows, before the next ones are prepared: its paint comes first


class ExercisesAhead(QObject):
    """Makes the exercise widgets of a page (`host`): ready-made if prepared, else at once. `current()` is
    the exercise shown, whose size the prepared ones take; nothing is prepared while there is none."""

    def __init__(
        self,
        pictures: Pictures,
        icons: Icons,
        host: QWidget,
        current: Callable[[], Exercise | None],
        parent: QObject | None = None,
    ):
        super().__init__(parent)
        self._pictures = pictures
        self._icons = icons
        self._host = host
        self._current = current
        self._prepared: dict[str, Exercise] = {}
        self._to_prepare: list = []
        self._preparing = QTimer(self)
        self._preparing.setSingleShot(True)
        self._preparing.setInterval(PREPARE_DELAY_MS)
        self._preparing.timeout.connect(self._prepare_one)

    def take(self, item) -> Exercise:
        """The widget of `item`; the others prepared are dropped."""
        exercise = self._prepared.pop(item.id, None) or make_exercise(item, self._pictures, self._icons)
        self.drop()
        return exercise

    def prepare(self, items: list) -> None:
        """Prepares these items' widgets, one at a time, soon after the current screen has painted."""
        self._to_prepare = list(items)
        self._preparing.start()

    def drop(self) -> None:
        """Forgets every widget prepared, and those still to prepare."""
        self._preparing.stop()
        self._to_prepare = []
        for widget in self._prepared.values():
            widget.deleteLater()
        self._prepared = {}

    def _prepare_one(self) -> None:
        current = self._current()
        if not self._to_prepare or current is None:
            return
        item = self._to_prepare.pop(0)
        if item.id not in self._prepared:
            widget = make_exercise(item, self._pictures, self._icons)
            widget.setParent(self._host)
            widget.hide()
            widget.resize(current.size())
            widget.ensurePolished()
            widget.render(QPixmap(widget.size()))  # lays out, polishes and draws it once, off-screen
            self._prepared[item.id] = widget
        if self._to_prepare:
            self._preparing.start()
