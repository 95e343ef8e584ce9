"""The scan wizard's waiting screen: "Numérisation en cours…" with a bar and "Annuler", or "Préparation du
document…" while the pages become a PDF."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QWidget

from kiosk.shell.icons import Icons
from kiosk.shell.retranslate import Retranslating
from kiosk.shell.wizard_parts import WideProgressBar, big_button, button_row, centred, picture, wizard_label


class ScanningStep(Retranslating, QWidget):
    cancelRequested = Signal()  # "Annuler"

    def __init__(self, icons: Icons, parent: QWidget | None = None):
        super().__init__(parent)
        self.title = wizard_label("", "WizardTitle")
        self.text = wizard_label("", "WizardText")
        self.bar = WideProgressBar()
        self.bar.setRange(0, 100)
        self.cancel_button = big_button(icons, "x", "", self.cancelRequested.emit)
        self._preparing: bool | None = None  # None before the first scan
        centred(
            self,
            picture(icons, "scan-text"),
            self.title,
            self.bar,
            self.text,
            button_row(None, self.cancel_button, None),
        )
        self.retranslate()

    def retranslate(self) -> None:
        self.cancel_button.setText(self.tr("Annuler"))
        if self._preparing is False:
            self.title.setText(self.tr("Numérisation en cours…"))
            self.text.setText(self.tr("Ne soulevez pas le couvercle."))
        elif self._preparing:
            self.title.setText(self.tr("Préparation du document…"))
            self.text.setText("")

    def scanning(self) -> None:
        self._preparing = False
        self.retranslate()
        self.bar.setValue(0)
        self.cancel_button.show()

    def preparing(self) -> None:
        """The pages are being made into a PDF: nothing to cancel."""
        self._preparing = True
        self.retranslate()
        self.bar.setValue(100)
        self.cancel_button.hide()
