"""The print wizard's last screen: "C'est imprimé. Récupérez vos feuilles dans l'imprimante." """

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QWidget

from kiosk.shell.icons import Icons
from kiosk.shell.wizard_parts import big_button, button_row, centred, picture, wizard_label


class PrintDoneStep(QWidget):
    closeRequested = Signal()  # "J'ai récupéré mes feuilles"

    def __init__(self, icons: Icons, parent: QWidget | None = None):
        super().__init__(parent)
        self.done_button = big_button(
            icons, "check", self.tr("J'ai récupéré mes feuilles"), self.closeRequested.emit, primary=True
        )
        centred(
            self,
            picture(icons, "printer"),
            wizard_label(self.tr("C'est imprimé."), "WizardTitle"),
            wizard_label(self.tr("Récupérez vos feuilles dans l'imprimante."), "WizardText"),
            button_row(None, self.done_button, None),
        )
