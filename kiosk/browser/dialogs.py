"""A website's alert(), confirm() and prompt() shown as the kiosk's own large dialogs (never Qt's or the
system's). Qt asks for them synchronously, so each waits in a local event loop for the visitor's answer
(through `LocalLoops`: whatever would take the page away waits until it has unwound); the kiosk stays
responsive meanwhile (the idle warning and the session end still work)."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEventLoop
from PySide6.QtWidgets import QLineEdit, QPushButton, QWidget

from kiosk.shell import theme
from kiosk.shell.local_loops import LocalLoops
from kiosk.shell.overlay import Overlay
from kiosk.shell.retranslate import Retranslating


class PageDialog(Retranslating, Overlay):
    def __init__(self, parent: QWidget, local_loops: LocalLoops | None = None):
        super().__init__(parent)
        self._local_loops = local_loops or LocalLoops(self)
        self.title = self.label("", "OverlayTitle")
        self.text = self.label("", "OverlayText")
        self.field = QLineEdit()
        self.field.setMinimumHeight(theme.MIN_TILE)
        self.body.addWidget(self.field)
        self.cancel_button = QPushButton()
        self.ok_button = QPushButton()
        self.ok_button.setProperty("role", "primary")
        self.buttons(self.cancel_button, self.ok_button)
        self.cancel_button.clicked.connect(lambda: self._answer(False))
        self.ok_button.clicked.connect(lambda: self._answer(True))
        self._loop: QEventLoop | None = None
        self._accepted = False
        self._title: Callable[[], str] = str
        self.retranslate()

    def retranslate(self) -> None:
        self.title.setText(self._title())
        self.cancel_button.setText(self.tr("Annuler"))
        self.ok_button.setText(self.tr("OK"))

    def alert(self, text: str) -> None:
        self._ask(lambda: self.tr("Message du site"), text, cancel=False, field=None)

    def confirm(self, text: str) -> bool:
        return self._ask(lambda: self.tr("Le site vous demande"), text, cancel=True, field=None)

    def prompt(self, text: str, default: str) -> str | None:
        accepted = self._ask(lambda: self.tr("Le site vous demande"), text, cancel=True, field=default)
        return self.field.text() if accepted else None

    def dismiss(self) -> None:
        """Closes a pending dialog as if cancelled (the session ended, the page went away)."""
        self._answer(False)

    def _ask(self, title: Callable[[], str], text: str, cancel: bool, field: str | None) -> bool:
        if self._loop is not None:
            return False  # already asking (a pop-up and its page at once): the second is refused, not stacked
        self._title = title
        self.title.setText(title())
        self.text.setText(text)
        self.cancel_button.setVisible(cancel)
        self.field.setVisible(field is not None)
        self.field.setText(field or "")
        self._accepted = False
        self.open()
        (self.field if field is not None else self.ok_button).setFocus()
        self._loop = QEventLoop()
        self._local_loops.run(self._loop, self.dismiss)
        return self._accepted

    def _answer(self, accepted: bool) -> None:
        self._accepted = accepted
        self.hide()
        if self._loop is not None:
            self._loop.quit()
            self._loop = None
