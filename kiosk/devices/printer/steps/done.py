"""The print wizard's last screen: "C'est imprimé. Récupérez vos feuilles dans l'imprimante." """

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QWidget

from kiosk.shell.icons import Icons
from kiosk.shell.retranslate import Retranslating
from kiosk.shell.wizard_parts import big_button, button_row, centred, picture, wizard_label


class PrintDoneStep(Retranslating, QWidget):
    closeRequested = Signal()  # "J'ai récupéré mes feuilles"

    def __init__(self, icons: Icons, parent: QWidget | None = None):
        super().__init__(parent)
        self.done_button = big_button(icons, "check", "", self.closeRequested.emit, primary=True)
        self.title = wizard_label("", "WizardTitle")
        self.text = wizard_label("", "WizardText")
        centred(
            self, picture(icons, "printer"), self.title, self.text, button_row(None, self.done_button, None)
        )
        self.retranslate()

    def retranslate(self) -> None:
        self.done_button.setText(self.tr("J'ai récupéré mes feuilles"))
        self.title.setText(self.tr("C'est imprimé."))
        self.text.setText(self.tr("Récupérez vos feuilles dans l'imprimante."))
