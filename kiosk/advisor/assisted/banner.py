"""The assisted mode's banner, under the top bar on every screen while an advisor has unlocked the terminal:
"Mode accompagné — <name>", with "Outils du conseiller" and "Quitter le mode accompagné"."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QPushButton, QWidget

from kiosk.shell import theme
from kiosk.shell.elided_label import ElidedLabel
from kiosk.shell.retranslate import Retranslating


class AssistedBanner(Retranslating, QFrame):
    toolsRequested = Signal()
    quitRequested = Signal()

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("AssistedBanner")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground)
        self.name = ""
        self.label = ElidedLabel("")
        self.tools_button = QPushButton()
        self.quit_button = QPushButton()
        for button in (self.tools_button, self.quit_button):
            button.setMinimumHeight(theme.MIN_CONTROL)
        self.tools_button.clicked.connect(self.toolsRequested)
        self.quit_button.clicked.connect(self.quitRequested)
        row = QHBoxLayout(self)
        row.setContentsMargins(24, 4, 24, 4)
        row.setSpacing(16)
        row.addWidget(self.label, 1)
        row.addWidget(self.tools_button)
        row.addWidget(self.quit_button)
        self.hide()
        self.retranslate()

    def retranslate(self) -> None:
        self.label.setText(self.tr("Mode accompagné — {name}").format(name=self.name))
        self.tools_button.setText(self.tr("Outils du conseiller"))
        self.quit_button.setText(self.tr("Quitter le mode accompagné"))

    def show_for(self, name: str) -> None:
        self.name = name
        self.retranslate()
        self.show()


class CornerButton(Retranslating, QPushButton):
    """ "Espace conseiller", in a corner of the home: small words, still a full control's height."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("AdvisorCorner")
        self.setMinimumHeight(theme.MIN_CONTROL)
        self.retranslate()

    def retranslate(self) -> None:
        self.setText(self.tr("Espace conseiller"))
        self.setAccessibleName(self.tr("Espace conseiller"))
        self.setAccessibleDescription(self.tr("Pour les conseillers et les techniciens, avec un code."))
