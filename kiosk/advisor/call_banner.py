"""The strip under the top bar that keeps a help call's state in view while the visitor goes on with their
task ("Demande A-07 : un conseiller arrive."), with "Voir ma demande" back to the call screen."""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtWidgets import QHBoxLayout, QPushButton, QWidget

from kiosk.shell import theme
from kiosk.shell.elided_label import ElidedLabel
from kiosk.shell.icons import Icons
from kiosk.shell.retranslate import Retranslating


class CallBanner(Retranslating, QWidget):
    openRequested = Signal()

    def __init__(self, icons: Icons, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("CallBanner")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground)
        self._call: tuple[str, str, bool | None] | None = None
        self.text = ElidedLabel("")
        self.text.setObjectName("CallBannerText")
        self.open_button = QPushButton(icons.icon("hand-helping", theme.BLUE, 28), "")
        self.open_button.setIconSize(QSize(28, 28))
        self.open_button.clicked.connect(self.openRequested)
        row = QHBoxLayout(self)
        row.setContentsMargins(24, 4, 24, 4)
        row.setSpacing(24)
        row.addWidget(self.text, 1)
        row.addWidget(self.open_button)
        self.hide()
        self.retranslate()

    def show_call(self, ticket: str, state: str, reachable: bool | None) -> None:
        self._call = (ticket, state, reachable)
        self.retranslate()

    def retranslate(self) -> None:
        self.open_button.setText(self.tr("Voir ma demande"))
        if self._call is None:
            return
        ticket, state, reachable = self._call
        if state == "new":
            words = self.tr("pas encore partie") if reachable is False else self.tr("envoi en cours")
        elif state == "seen":
            words = self.tr("un conseiller l'a vue")
        elif state == "coming":
            words = self.tr("un conseiller arrive")
        else:
            words = self.tr("envoyée")
        self.text.setText(self.tr("Demande {ticket} : {state}.").format(ticket=ticket, state=words))
