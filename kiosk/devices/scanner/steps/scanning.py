"""The scan wizard's waiting screen: "Numérisation en cours…" with a bar and "Annuler", or "Préparation du
document…" while the pages become a PDF."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QWidget

from kiosk.shell.icons import Icons
from kiosk.shell.wizard_parts import WideProgressBar, big_button, button_row, centred, picture, wizard_label


class ScanningStep(QWidget):
    cancelRequested = Signal()  # "Annuler"

    def __init__(self, icons: Icons, parent: QWidget | None = None):
        super().__init__(parent)
        self.title = wizard_label("", "WizardTitle")
        self.text = wizard_label("", "WizardText")
        self.bar = WideProgressBar()
        self.bar.setRange(0, 100)
        self.cancel_button = big_button(icons, "x", self.tr("Annuler"), self.cancelRequested.emit)
        centred(
            self,
            picture(icons, "scan-text"),
            self.title,
            self.bar,
            self.text,
            button_row(None, self.cancel_button, None),
        )

    def scanning(self) -> None:
        self.title.setText(self.tr("Numérisation en cours…"))
        self.text.setText(self.tr("Ne soulevez pas le couvercle."))
        self.bar.setValue(0)
        self.cancel_button.show()

    def preparing(self) -> None:
        """The pages are being made into a PDF: nothing to cancel."""
        self.title.setText(self.tr("Préparation du document…"))
        self.text.setText("")
        self.bar.setValue(100)
        self.cancel_button.hide()
