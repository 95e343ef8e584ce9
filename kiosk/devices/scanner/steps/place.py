"""The scan wizard's screen before each scan: a picture of the scanner's glass, how to place the document,
and "Scanner" (or "Photocopier")."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QRectF, QSize, Qt, Signal
from PySide6.QtGui import QPainter, QPixmap
from PySide6.QtSvg import QSvgRenderer
from PySide6.QtWidgets import QLabel, QWidget

from kiosk.devices.scanner.defaults import Purpose
from kiosk.resources import picture_path
from kiosk.shell.icons import Icons
from kiosk.shell.retranslate import Retranslating
from kiosk.shell.wizard_parts import big_button, button_row, centred, wizard_label

PLACING_PICTURE = QSize(480, 300)


class PlaceStep(Retranslating, QWidget):
    scanRequested = Signal()  # "Scanner" / "Photocopier"
    backRequested = Signal()  # "Étape précédente"

    def __init__(self, icons: Icons, parent: QWidget | None = None):
        super().__init__(parent)
        self._photocopy = False
        self._hint: tuple[Purpose, bool] | None = None  # what is placed, whether a next sheet
        self.title = wizard_label("", "WizardTitle")
        self.text = wizard_label("", "WizardText")
        self.scan_button = big_button(icons, "scan-text", "", self.scanRequested.emit, primary=True)
        self.back_button = big_button(icons, "arrow-left", "", self.backRequested.emit)
        centred(
            self,
            self.title,
            _svg_picture(picture_path("scanner-glass"), PLACING_PICTURE),
            self.text,
            button_row(self.back_button, None, self.scan_button),
        )
        self.retranslate()

    def retranslate(self) -> None:
        self.title.setText(self.tr("Posez votre document sur la vitre"))
        self.back_button.setText(self.tr("Étape précédente"))
        self.scan_button.setText(self.tr("Photocopier") if self._photocopy else self.tr("Scanner"))
        if self._hint is not None:
            self.text.setText(self._hint_text(*self._hint))

    def set_photocopy(self, photocopy: bool) -> None:
        self._photocopy = photocopy
        self.retranslate()

    def show_hint(self, purpose: Purpose, next_sheet: bool) -> None:
        """How to place a card or photo, the first sheet or the next one (`next_sheet`)."""
        self._hint = (purpose, next_sheet)
        self.retranslate()

    def _hint_text(self, purpose: Purpose, next_sheet: bool) -> str:
        if purpose is Purpose.PHOTO:
            text = self.tr("Posez la carte ou la photo face vers le bas, dans le coin de la flèche.")
        elif next_sheet:
            text = self.tr("Posez la feuille suivante face vers le bas, dans le coin de la flèche.")
        else:
            text = self.tr("Posez la feuille face vers le bas, dans le coin de la flèche.")
        touch = (
            self.tr("Fermez le couvercle, puis touchez « Photocopier ».")
            if self._photocopy
            else self.tr("Fermez le couvercle, puis touchez « Scanner ».")
        )
        return text + "\n" + touch


def _svg_picture(path: Path, size: QSize) -> QLabel:
    label = QLabel()
    scale = label.devicePixelRatioF()
    pixmap = QPixmap(size * scale)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    QSvgRenderer(str(path)).render(painter, QRectF(0, 0, pixmap.width(), pixmap.height()))
    painter.end()
    pixmap.setDevicePixelRatio(scale)
    label.setPixmap(pixmap)
    label.setAlignment(Qt.AlignmentFlag.AlignCenter)
    return label
