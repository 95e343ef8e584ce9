"""A pop-up window (target=_blank, window.open, an OAuth login) shown inside the kiosk over the service's
page: the pop-up's title in a blue bar, one big "Fermer cette fenêtre", and the page below."""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtWebEngineWidgets import QWebEngineView
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from kiosk.shell import theme
from kiosk.shell.icons import Icons
from kiosk.shell.retranslate import Retranslating


class PopupPanel(Retranslating, QWidget):
    closeRequested = Signal()

    def __init__(self, icons: Icons, parent: QWidget | None = None):
        super().__init__(parent)
        bar = QWidget()
        bar.setObjectName("PopupBar")
        bar.setAttribute(Qt.WidgetAttribute.WA_StyledBackground)
        self.title = QLabel()
        self.close_button = QPushButton(icons.icon("x", theme.BLUE, 32), "")
        self.close_button.setIconSize(QSize(32, 32))
        self.close_button.clicked.connect(self.closeRequested)
        row = QHBoxLayout(bar)
        row.addWidget(self.title, 1)
        row.addWidget(self.close_button)
        self.view = QWebEngineView()
        column = QVBoxLayout(self)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(bar)
        column.addWidget(self.view, 1)
        self.retranslate()

    def retranslate(self) -> None:
        self.close_button.setText(self.tr("Fermer cette fenêtre"))
