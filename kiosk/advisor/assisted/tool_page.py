"""The frame every page of "Outils du conseiller" shares: its title, its content, and "Revenir aux outils"."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QHBoxLayout, QLineEdit, QVBoxLayout, QWidget

from kiosk.shell.icons import Icons
from kiosk.shell.retranslate import Retranslating
from kiosk.shell.wizard_parts import big_button, wizard_label


class ToolPage(Retranslating, QWidget):
    back = Signal()

    def __init__(self, icons: Icons, parent: QWidget | None = None):
        super().__init__(parent)
        self.title = wizard_label("", "WizardTitle")
        self.body = QVBoxLayout()
        self.body.setSpacing(16)
        self.back_button = big_button(icons, "arrow-left", "", self.back.emit)
        self.actions = QHBoxLayout()  # the page's own buttons, right of "Revenir aux outils"
        self.actions.setSpacing(24)
        bottom = QHBoxLayout()
        bottom.setSpacing(24)
        bottom.addWidget(self.back_button)
        bottom.addStretch()
        bottom.addLayout(self.actions)
        column = QVBoxLayout(self)
        column.setContentsMargins(48, 16, 48, 16)
        column.setSpacing(16)
        column.addWidget(self.title)
        column.addLayout(self.body, 1)
        column.addLayout(bottom)

    def retranslate(self) -> None:
        self.back_button.setText(self.tr("Revenir aux outils"))

    def opened(self) -> None:
        """The page was just shown from the tools' menu: it starts what it shows (a reading, say)."""

    def forget(self) -> None:
        """The mode locked itself again: nothing of what was typed or read stays."""


def field(name: str) -> QLineEdit:
    edit = QLineEdit()
    edit.setObjectName("AssistedField")
    edit.setAccessibleName(name)
    edit.setAttribute(Qt.WidgetAttribute.WA_InputMethodEnabled, True)
    return edit
