"""The "Espace conseiller" screen: who are you (a large button per account of this terminal), then the PIN
pad. It shows what it is told (the accounts, a refusal, a lockout) and reports touches by signal; the
feature checks the PIN off the GUI thread. Leaving the screen (hidden, another name chosen) clears the
digits."""

from __future__ import annotations

import math
from collections.abc import Sequence

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QHideEvent, QShowEvent
from PySide6.QtWidgets import QGridLayout, QStackedWidget, QVBoxLayout, QWidget

from kiosk.advisor.accounts import Account
from kiosk.advisor.assisted.pin_pad import PinPad
from kiosk.shell.icons import Icons
from kiosk.shell.retranslate import Retranslating
from kiosk.shell.wizard_parts import big_button, button_row, wizard_label

COLUMNS = 3


class UnlockScreen(Retranslating, QWidget):
    unlockRequested = Signal(str, str)  # name, PIN
    homeRequested = Signal()

    def __init__(self, icons: Icons, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("AssistedScreen")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground)
        self._icons = icons
        self.name = ""  # the account whose PIN is asked
        self._message: tuple[str, float] = ("", 0.0)  # what the PIN page says: a code and its number
        self.pages = QStackedWidget()

        self.who = QWidget()
        self.who_title = wizard_label("", "WizardTitle")
        self.who_text = wizard_label("", "AssistedText")
        self.accounts_grid = QGridLayout()
        self.accounts_grid.setSpacing(16)
        self.account_buttons: dict[str, object] = {}
        self.home_button = big_button(icons, "house", "", self.homeRequested.emit)
        who = QVBoxLayout(self.who)
        who.setContentsMargins(48, 24, 48, 24)
        who.setSpacing(20)
        who.addWidget(self.who_title)
        who.addWidget(self.who_text)
        who.addLayout(self.accounts_grid)
        who.addStretch()
        who.addLayout(button_row(self.home_button, None))

        self.pin = QWidget()
        self.pin_title = wizard_label("", "WizardTitle")
        self.message = wizard_label("", "AssistedMessage")
        self.message.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.pad = PinPad()
        self.pad.submitted.connect(lambda digits: self.unlockRequested.emit(self.name, digits))
        self.other_button = big_button(icons, "arrow-left", "", self.show_accounts_page)
        pin = QVBoxLayout(self.pin)
        pin.setContentsMargins(48, 12, 48, 12)
        pin.setSpacing(12)
        pin.addWidget(self.pin_title)
        pin.addWidget(self.pad, 0, Qt.AlignmentFlag.AlignHCenter)
        pin.addWidget(self.message)
        pin.addStretch()
        pin.addLayout(button_row(self.other_button, None))

        self.pages.addWidget(self.who)
        self.pages.addWidget(self.pin)
        column = QVBoxLayout(self)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(self.pages)
        self._accounts: Sequence[Account] | None = None
        self._unreadable = False
        self.retranslate()

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Espace conseiller"))
        self.who_title.setText(self.tr("Qui êtes-vous ?"))
        if self._unreadable:
            self.who_text.setText(self.tr("Les comptes n'ont pas pu être lus. Réessayez dans un moment."))
        elif self._accounts is None:
            self.who_text.setText(self.tr("Recherche des comptes…"))
        elif self._accounts:
            self.who_text.setText(self.tr("Touchez votre nom."))
        else:
            self.who_text.setText(
                self.tr(
                    "Aucun compte conseiller sur cette borne. Le technicien en ajoute un avec la commande : "
                    "kiosk advisor add NOM --role advisor"
                )
            )
        self.home_button.setText(self.tr("Revenir à l'accueil"))
        self.pin_title.setText(self.tr("{name}, tapez votre code.").format(name=self.name))
        self.other_button.setText(self.tr("Changer de nom"))
        self.message.setText(self._message_text())

    def show_accounts(self, accounts: Sequence[Account] | None) -> None:
        """The accounts to choose from (None: still being read); the page of names comes first."""
        self._accounts = accounts
        self._unreadable = False
        while self.accounts_grid.count():
            widget = self.accounts_grid.takeAt(0).widget()
            widget.setParent(None)
            widget.deleteLater()
        self.account_buttons = {}
        for n, account in enumerate(accounts or ()):
            button = big_button(
                self._icons, "users", account.name, lambda _=False, a=account: self._choose(a)
            )
            button.setAccessibleName(account.name)
            self.account_buttons[account.name] = button
            self.accounts_grid.addWidget(button, n // COLUMNS, n % COLUMNS)
        self.show_accounts_page()
        self.retranslate()

    def show_unreadable(self) -> None:
        self.show_accounts(())
        self._unreadable = True
        self.retranslate()

    def show_accounts_page(self) -> None:
        self.pad.clear()
        self.pages.setCurrentWidget(self.who)

    def show_checking(self) -> None:
        self._say("checking")

    def show_refused(self, tries_left: int) -> None:
        self._say("wrong", tries_left)

    def show_locked(self, seconds: float) -> None:
        self._say("locked", seconds)

    def show_failure(self) -> None:
        self._say("failed")

    def _choose(self, account: Account) -> None:
        self.name = account.name
        self.pad.clear()
        self._message = ("locked", account.locked_for) if account.locked_for > 0 else ("", 0.0)
        self.pages.setCurrentWidget(self.pin)
        self.retranslate()
        self.pad.setFocus()

    def _say(self, code: str, number: float = 0.0) -> None:
        self._message = (code, number)
        self.message.setText(self._message_text())

    def _message_text(self) -> str:
        code, number = self._message
        if code == "checking":
            return self.tr("Vérification du code…")
        if code == "wrong":
            if number == 1:
                return self.tr("Code incorrect. Il reste 1 essai.")
            return self.tr("Code incorrect. Il reste {n} essais.").format(n=int(number))
        if code == "locked":
            minutes = max(1, math.ceil(number / 60))
            if minutes == 1:
                return self.tr("Trop d'essais. Réessayez dans 1 minute.")
            return self.tr("Trop d'essais. Réessayez dans {n} minutes.").format(n=minutes)
        if code == "failed":
            return self.tr("Le code n'a pas pu être vérifié. Réessayez.")
        return ""

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self.pages.currentWidget() is self.pin:
            self.pad.setFocus()

    def hideEvent(self, event: QHideEvent) -> None:
        super().hideEvent(event)
        self.pad.clear()  # leaving the screen forgets the digits typed
