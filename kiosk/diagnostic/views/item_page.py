"""The page of one exercise: its prompt with its picture and "Écouter", the hint after a first wrong try, the
exercise widget, and at the bottom "Je ne sais pas", the progress, "Passer" and the exercise's "Valider".

The page turns what the visitor does into the item's outcome (`ended`): right alone, right after the hint,
failed (a second wrong try), don't know or skipped. It measures how long the item was shown; never shows
it."""

from __future__ import annotations

import time

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QProgressBar, QVBoxLayout, QWidget

from kiosk.diagnostic.engine import Outcome, Progress
from kiosk.diagnostic.views import Exercise, Pictures
from kiosk.diagnostic.views.ahead import ExercisesAhead
from kiosk.diagnostic.views.prompt import PromptRow
from kiosk.diagnostic.views.read_aloud import ReadAloud
from kiosk.shell import theme
from kiosk.shell.icons import Icons
from kiosk.shell.retranslate import Retranslating
from kiosk.shell.wizard_parts import big_button
from kiosk.shell.wizard_parts import wizard_label as label


class ItemPage(Retranslating, QWidget):
    ended = Signal(object)  # the Outcome of the item shown

    def __init__(
        self, icons: Icons, pictures: Pictures, read_aloud: ReadAloud, parent: QWidget | None = None
    ):
        super().__init__(parent)
        self.exercise: Exercise | None = None
        self.hinted = False
        self._shown_at = 0.0
        self._progress: Progress | None = None  # where the diagnostic is, for "Partie 2 sur 5"
        self.ahead = ExercisesAhead(pictures, icons, self, lambda: self.exercise, self)
        self.progress_label = label("", "DiagProgress", wrap=False)
        self.progress_bar = QProgressBar()
        self.progress_bar.setTextVisible(False)
        self.progress_bar.setObjectName("DiagProgressBar")
        progress = QVBoxLayout()  # in the bottom row, between the buttons: the exercise keeps the height
        progress.setSpacing(4)
        progress.addStretch()
        progress.addWidget(self.progress_label, 0, Qt.AlignmentFlag.AlignHCenter)
        progress.addWidget(self.progress_bar)
        progress.addStretch()
        self.prompt_row = PromptRow(pictures, read_aloud, 96, picture_at_top=True)
        self.listen_button = self.prompt_row.listen_button
        self.hint_box = QFrame()
        self.hint_box.setObjectName("DiagHint")
        hint_icon = QLabel()
        hint_icon.setPixmap(icons.pixmap("circle-help", theme.BLUE, 36, self.devicePixelRatioF()))
        self.hint = label("", "DiagHintText")
        hint_row = QHBoxLayout(self.hint_box)
        hint_row.setContentsMargins(16, 4, 16, 4)
        hint_row.setSpacing(16)
        hint_row.addWidget(hint_icon)
        hint_row.addWidget(self.hint, 1)
        self.hint_box.hide()
        self.exercise_host = QVBoxLayout()
        self.exercise_host.setContentsMargins(0, 0, 0, 0)
        self.dont_know_button = big_button(
            icons, "circle-help", "", lambda: self.ended.emit(Outcome.DONT_KNOW)
        )
        self.skip_button = big_button(icons, "arrow-right", "", lambda: self.ended.emit(Outcome.SKIPPED))
        self.action_slot = QHBoxLayout()  # the exercise's "Valider", moved here (see views/base.py)
        self.action_slot.setContentsMargins(0, 0, 0, 0)
        bottom = QHBoxLayout()
        bottom.setSpacing(24)
        bottom.addWidget(self.dont_know_button)
        bottom.addLayout(progress, 1)
        bottom.addWidget(self.skip_button)
        bottom.addLayout(self.action_slot)
        column = QVBoxLayout(self)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(10)
        column.addLayout(self.prompt_row)
        column.addWidget(self.hint_box)
        column.addLayout(self.exercise_host, 1)
        column.addLayout(bottom)
        self.retranslate()

    def retranslate(self) -> None:
        self.dont_know_button.setText(self.tr("Je ne sais pas"))
        self.skip_button.setText(self.tr("Passer"))
        if self._progress is not None:
            progress = self._progress
            self.progress_label.setText(
                self.tr("Partie {n} sur {total}").format(
                    n=min(progress.done + 1, progress.total), total=progress.total
                )
            )

    def show_item(self, item, progress: Progress) -> None:
        """The item's exercise, in place of the one before; its time starts now."""
        self.drop_exercise()
        self._progress = progress
        self.retranslate()
        self.progress_bar.setRange(0, progress.total)
        self.progress_bar.setValue(progress.done)
        self.prompt_row.show_prompt(item.prompt, item.picture)
        self.hint.setText(item.hint)
        self.hint_box.hide()
        self.hinted = False
        self.exercise = exercise = self.ahead.take(item)
        exercise.answered.connect(lambda right: self._on_answered(exercise, right))
        self.exercise_host.addWidget(exercise)
        if exercise.validate_button is not None:
            self.action_slot.addWidget(exercise.validate_button)
        exercise.show()
        self._shown_at = time.monotonic()

    def seconds_shown(self) -> float:
        """How long the visitor has had the current item."""
        return max(0.0, time.monotonic() - self._shown_at)

    def drop_exercise(self) -> None:
        """The exercise shown (and its "Valider") deleted: the diagnostic moves on."""
        if self.exercise is not None:
            button = self.exercise.validate_button
            if button is not None and button.parentWidget() is not self.exercise:
                self.action_slot.removeWidget(button)
                button.hide()
                button.deleteLater()
            self.exercise.hide()
            self.exercise_host.removeWidget(self.exercise)
            self.exercise.deleteLater()
            self.exercise = None

    def reset(self) -> None:
        """No exercise, none prepared."""
        self.hinted = False
        self.drop_exercise()
        self.ahead.drop()

    def _on_answered(self, exercise: Exercise, right: bool) -> None:
        if exercise is not self.exercise:
            return  # a late try of an exercise already left
        if right:
            self.ended.emit(Outcome.SUCCESS_AFTER_HINT if self.hinted else Outcome.SUCCESS_ALONE)
        elif self.hinted:
            self.ended.emit(Outcome.FAILED)
        else:
            self.hinted = True
            self.hint_box.show()
