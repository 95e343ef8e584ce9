"""The print wizard's problem screen: what happened and what to do, in plain words, with "Étape précédente"
(back to the options, when trying again can help) and "Fermer"."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QWidget

from kiosk.devices.printer.messages import Message
from kiosk.shell.icons import Icons
from kiosk.shell.retranslate import Retranslating
from kiosk.shell.wizard_parts import big_button, button_row, centred, picture, wizard_label


class PrintProblemStep(Retranslating, QWidget):
    retryRequested = Signal()  # "Étape précédente": back to the options
    closeRequested = Signal()  # "Fermer"

    def __init__(self, icons: Icons, parent: QWidget | None = None):
        super().__init__(parent)
        self.what = wizard_label("", "WizardTitle")
        self.action = wizard_label("", "WizardText")
        self.retry_button = big_button(icons, "arrow-left", "", self.retryRequested.emit)
        self.close_button = big_button(icons, "x", "", self.closeRequested.emit, primary=True)
        self._message: Callable[[], Message] | None = None
        centred(
            self,
            picture(icons, "circle-help"),
            self.what,
            self.action,
            button_row(self.retry_button, None, self.close_button),
        )
        self.retranslate()

    def retranslate(self) -> None:
        self.retry_button.setText(self.tr("Étape précédente"))
        self.close_button.setText(self.tr("Fermer"))
        if self._message is not None:
            text = self._message()
            self.what.setText(text.what)
            self.action.setText(text.action)

    def show_message(self, text: Callable[[], Message], can_retry: bool = True) -> None:
        """What `text()` says (`messages.message(problem)`, say), made again when the language changes."""
        self._message = text
        self.retry_button.setVisible(can_retry)
        self.retranslate()
