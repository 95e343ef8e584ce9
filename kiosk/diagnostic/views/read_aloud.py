"""The diagnostic's "Écouter" buttons: each reads its page's text with the read-aloud engine, and all of them
show only while the engine is ready (it may become ready after the pages were made, or never)."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import QPushButton

from kiosk.shell.icons import Icons
from kiosk.shell.wizard_parts import big_button


class ReadAloud(QObject):
    """The engine (`kiosk.diagnostic.speech.Speech`, or None: no read-aloud) and the buttons made for it."""

    def __init__(self, speech, icons: Icons, parent: QObject | None = None):
        super().__init__(parent)
        self._speech = speech
        self._icons = icons
        self._buttons: list[QPushButton] = []
        if speech is not None:
            speech.availabilityChanged.connect(self.show_buttons)

    def button(self, text_of: Callable[[], str]) -> QPushButton:
        """An "Écouter" button that reads `text_of()` when pressed."""
        button = big_button(self._icons, "volume-2", "", lambda: self.say(text_of()))
        button.setObjectName("ListenButton")
        button.installEventFilter(self)  # a QObject gets no LanguageChange: its buttons tell it
        self._retranslate(button)
        self._buttons.append(button)
        return button

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.LanguageChange and watched in self._buttons:
            self._retranslate(watched)
        return False

    def _retranslate(self, button: QPushButton) -> None:
        button.setText(self.tr("Écouter"))

    def show_buttons(self) -> None:
        """ "Écouter" only where the engine is ready."""
        for button in self._buttons:
            button.setVisible(self._speech is not None and self._speech.available())

    def say(self, text: str) -> None:
        if self._speech is not None and text:
            self._speech.say(text)

    def stop(self) -> None:
        if self._speech is not None:
            self._speech.stop()
