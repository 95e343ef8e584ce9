"""The print wizard's problem screen: what happened and what to do, in plain words, with "Étape précédente"
(back to the options, when trying again can help) and "Fermer"."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QWidget

from kiosk.devices.printer.messages import Message
from kiosk.shell.icons import Icons
from kiosk.shell.wizard_parts import big_button, button_row, centred, picture, wizard_label


class PrintProblemStep(QWidget):
    retryRequested = Signal()  # "Étape précédente": back to the options
    closeRequested = Signal()  # "Fermer"

    def __init__(self, icons: Icons, parent: QWidget | None = None):
        super().__init__(parent)
        self.what = wizard_label("", "WizardTitle")
        self.action = wizard_label("", "WizardText")
        self.retry_button = big_button(
            icons, "arrow-left", self.tr("Étape précédente"), self.retryRequested.emit
        )
        self.close_button = big_button(icons, "x", self.tr("Fermer"), self.closeRequested.emit, primary=True)
        centred(
            self,
            picture(icons, "circle-help"),
            self.what,
            self.action,
            button_row(self.retry_button, None, self.close_button),
        )

    def show_message(self, text: Message, can_retry: bool = True) -> None:
        self.what.setText(text.what)
        self.action.setText(text.action)
        self.retry_button.setVisible(can_retry)
