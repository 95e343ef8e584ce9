"""The scan wizard's first screen: what the visitor scans (a sheet, several sheets, a card or a photo); the
kiosk picks the scanner's settings from that."""

from __future__ import annotations

from PySide6.QtCore import QSize, Signal
from PySide6.QtWidgets import QPushButton, QVBoxLayout, QWidget

from kiosk.devices.scanner.defaults import Purpose
from kiosk.shell.icons import Icons
from kiosk.shell.retranslate import Retranslating
from kiosk.shell.wizard_parts import big_button, button_row, wizard_label


class ScanChooseStep(Retranslating, QWidget):
    chosen = Signal(object, bool)  # (Purpose, several sheets)
    leaveRequested = Signal()  # "Ne pas scanner" / "Ne pas photocopier"

    def __init__(self, icons: Icons, parent: QWidget | None = None):
        super().__init__(parent)
        self._icons = icons
        self._photocopy = False
        self.title = wizard_label("", "WizardTitle")
        self.hint = wizard_label("", "WizardText")
        self.one_sheet_button = self._kind_button("file-text", Purpose.TEXT, False)
        self.several_sheets_button = self._kind_button("files", Purpose.TEXT, True)
        self.card_button = self._kind_button("id-card", Purpose.PHOTO, False)
        self.leave_button = big_button(icons, "x", "", self.leaveRequested.emit)
        column = QVBoxLayout(self)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(16)
        column.addWidget(self.title)
        column.addWidget(self.hint)
        for button in (self.one_sheet_button, self.several_sheets_button, self.card_button):
            column.addWidget(button)
        column.addStretch()
        column.addLayout(button_row(self.leave_button, None))
        self.retranslate()

    def retranslate(self) -> None:
        self.hint.setText(self.tr("Touchez votre choix. La borne règle le scanner pour vous."))
        self.one_sheet_button.setText(self.tr("Une feuille"))
        self.several_sheets_button.setText(self.tr("Plusieurs feuilles"))
        self.card_button.setText(self.tr("Une carte ou une photo"))
        if self._photocopy:
            self.title.setText(self.tr("Que voulez-vous photocopier ?"))
            self.leave_button.setText(self.tr("Ne pas photocopier"))
        else:
            self.title.setText(self.tr("Que voulez-vous scanner ?"))
            self.leave_button.setText(self.tr("Ne pas scanner"))

    def set_photocopy(self, photocopy: bool) -> None:
        self._photocopy = photocopy
        self.retranslate()

    def _kind_button(self, icon: str, purpose: Purpose, several: bool) -> QPushButton:
        button = big_button(self._icons, icon, "", lambda: self.chosen.emit(purpose, several))
        button.setObjectName("ScanKind")
        button.setIconSize(QSize(48, 48))
        return button
