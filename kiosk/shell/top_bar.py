"""The permanent bar at the top of every screen: "Accueil", where the visitor is (the site's name on the
home screen, the service's name in a service), "Appeler un conseiller", "Terminer ma session"."""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtWidgets import QHBoxLayout, QPushButton, QWidget

from kiosk.shell import theme
from kiosk.shell.elided_label import ElidedLabel
from kiosk.shell.icons import Icons
from kiosk.shell.retranslate import Retranslating


class TopBar(Retranslating, QWidget):
    homeRequested = Signal()
    helpRequested = Signal()
    endSessionRequested = Signal()

    def __init__(self, site_name: str, icons: Icons, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("TopBar")
        self.setFixedHeight(theme.BAR_HEIGHT)
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground)

        self.home_button = QPushButton(icons.icon("house", theme.BLUE, 32), "")
        self.home_button.setObjectName("Home")
        self.home_button.setIconSize(QSize(32, 32))
        self.home_button.clicked.connect(self.homeRequested)
        self._site_name = site_name
        self.place_label = ElidedLabel(site_name)
        self.place_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.help_button = QPushButton(icons.icon("hand-helping", theme.BLUE, 32), "")
        self.help_button.setObjectName("CallAdvisor")
        self.help_button.setIconSize(QSize(32, 32))
        self.help_button.clicked.connect(self.helpRequested)
        self.end_button = QPushButton(icons.icon("log-out", theme.WHITE, 32), "")
        self.end_button.setObjectName("EndSession")
        self.end_button.setIconSize(QSize(32, 32))
        self.end_button.clicked.connect(self.endSessionRequested)

        row = QHBoxLayout(self)
        row.setContentsMargins(24, 12, 24, 12)
        row.setSpacing(24)
        row.addWidget(self.home_button)
        row.addWidget(self.place_label, 1)
        row.addWidget(self.help_button)
        row.addWidget(self.end_button)
        self.retranslate()

    def retranslate(self) -> None:
        self.home_button.setText(self.tr("Accueil"))
        self.help_button.setText(self.tr("Appeler un conseiller"))
        self.end_button.setText(self.tr("Terminer ma session"))

    def show_place(self, name: str) -> None:
        """The name shown in the middle; an empty name brings back the site's."""
        self.place_label.setText(name or self._site_name)
