"""The page shown when the exercises end early (the first ones were too hard): the content's kind words,
then "Continuer" to the questions about the phone."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QVBoxLayout, QWidget

from kiosk.shell.icons import Icons
from kiosk.shell.retranslate import Retranslating
from kiosk.shell.wizard_parts import big_button
from kiosk.shell.wizard_parts import wizard_label as label


class EarlyEndPage(Retranslating, QWidget):
    continued = Signal()  # "Continuer"

    def __init__(self, message: tuple[str, ...], icons: Icons, parent: QWidget | None = None):
        super().__init__(parent)
        column = QVBoxLayout(self)
        column.setSpacing(20)
        column.addStretch()
        for line in message:
            column.addWidget(label(line, "DiagText"))
        column.addSpacing(16)
        self.continue_button = big_button(
            icons, "arrow-right", "", lambda: self.continued.emit(), primary=True
        )
        column.addWidget(self.continue_button, 0, Qt.AlignmentFlag.AlignLeft)
        column.addStretch(2)
        self.retranslate()

    def retranslate(self) -> None:
        self.continue_button.setText(self.tr("Continuer"))
