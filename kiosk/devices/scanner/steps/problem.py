"""The scan wizard's problem screen: what happened and what to do, in plain words, with "Fermer" and
"Recommencer" (back to placing the document)."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QWidget

from kiosk.devices.scanner.messages import ProblemText
from kiosk.shell.icons import Icons
from kiosk.shell.retranslate import Retranslating
from kiosk.shell.wizard_parts import big_button, button_row, centred, picture, wizard_label


class ScanProblemStep(Retranslating, QWidget):
    retryRequested = Signal()  # "Recommencer"
    closeRequested = Signal()  # "Fermer"

    def __init__(self, icons: Icons, parent: QWidget | None = None):
        super().__init__(parent)
        self.what = wizard_label("", "WizardTitle")
        self.todo = wizard_label("", "WizardText")
        self.retry_button = big_button(icons, "rotate-cw", "", self.retryRequested.emit)
        self.close_button = big_button(icons, "x", "", self.closeRequested.emit)
        self._text: Callable[[], ProblemText] | None = None
        centred(
            self,
            picture(icons, "circle-help"),
            self.what,
            self.todo,
            button_row(self.close_button, None, self.retry_button),
        )
        self.retranslate()

    def retranslate(self) -> None:
        self.retry_button.setText(self.tr("Recommencer"))
        self.close_button.setText(self.tr("Fermer"))
        if self._text is not None:
            text = self._text()
            self.what.setText(text.what)
            self.todo.setText(text.todo)

    def show_text(self, text: Callable[[], ProblemText]) -> None:
        """What `text()` says (`messages.problem_text(code)`, say), made again when the language changes."""
        self._text = text
        self.retranslate()
