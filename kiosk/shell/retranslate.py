"""Screens that follow a language change. A widget class that shows words sets all of them in one method,
`retranslate()`, called at the end of its constructor and again whenever the language changes: Qt sends
`QEvent.LanguageChange` to every widget when a translator is installed or removed. Words that depend on
what the screen shows ("Page 2 sur 3", a countdown, a problem) are made again there from that state."""

from __future__ import annotations

from PySide6.QtCore import QEvent


class Retranslating:
    """Mixin for a QWidget, named before it: `class TopBar(Retranslating, QWidget)`."""

    def retranslate(self) -> None:
        """Sets every text the widget shows, in the current language."""
        raise NotImplementedError

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
