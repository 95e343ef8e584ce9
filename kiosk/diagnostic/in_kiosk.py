"""The diagnostic in the running kiosk: its content, screen and read-aloud engine, made when a visitor first
opens it; its sheet goes to printing (`print_document`, given by the composition root); what it found is
counted, never stored. It offers the home's "Faire le point". A session wiper."""

from __future__ import annotations

import logging
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from kiosk.shell.destinations import Destination
from kiosk.shell.icons import Icons
from kiosk.shell.window import KioskWindow
from kiosk.usage import UsageCounter
from kiosk.usage.metrics import DIAGNOSTIC_LEVELS

log = logging.getLogger(__name__)


class DiagnosticInKiosk:
    name = "diagnostic"

    def __init__(
        self,
        window: KioskWindow,
        icons: Icons,
        scratch_dir: Path,
        counter: UsageCounter,
        print_document: Callable[[str], None],
    ):
        self._window = window
        self._icons = icons
        self._scratch_dir = scratch_dir
        self._counter = counter
        self._print_document = print_document
        self.screen = None  # DiagnosticScreen, once made
        self._speech = None

    def destinations(self) -> list[Destination]:
        return [
            Destination(
                "diagnostic",
                QT_TRANSLATE_NOOP("DiagnosticInKiosk", "Faire le point"),
                QT_TRANSLATE_NOOP("DiagnosticInKiosk", "Ce que je sais faire sur un ordinateur"),
                "clipboard-check",
                self.open,
                context="DiagnosticInKiosk",
            )
        ]

    def open(self) -> None:
        if self.screen is None and not self._make():
            return
        self._window.show_screen(self.screen)

    def losses(self) -> list[str]:
        """What a session end would take away from the visitor, for the confirmation."""
        if self.screen is None:
            return []
        if self.screen.result is not None:
            return [QCoreApplication.translate("DiagnosticInKiosk", "le résultat de votre diagnostic")]
        if self.screen.pages.currentWidget() is not self.screen.welcome_page:
            return [QCoreApplication.translate("DiagnosticInKiosk", "le diagnostic en cours")]
        return []

    def wipe(self) -> None:
        """Session wiper: the answers, the result and the sheet forgotten; the welcome screen is back."""
        if self.screen is not None:
            self.screen.reset()

    def close(self) -> None:
        if self.screen is not None:
            self.screen.deleteLater()
            self._speech.close()

    def _make(self) -> bool:
        from kiosk.config import ConfigError
        from kiosk.diagnostic.loader import load_bundled_content
        from kiosk.diagnostic.speech import Speech
        from kiosk.diagnostic.views.screen import DiagnosticScreen

        try:
            content = load_bundled_content()
        except ConfigError as error:  # a broken install: the technician reads it in the log
            log.error("diagnostic content: %s", error)
            self._counter.count("error", "diagnostic_content")
            return False
        self._speech = Speech()
        self.screen = DiagnosticScreen(content, self._icons, self._speech, self._scratch_dir)
        self.screen.sheetReady.connect(self._print_document)
        self.screen.finished.connect(self._count)
        self.screen.closed.connect(self._window.show_home)
        return True

    def _count(self, result) -> None:
        """The group, and each area's level reached."""
        self._counter.count("diagnostic_completed", result.group)
        for area, level in enumerate(result.levels, start=1):
            if level in DIAGNOSTIC_LEVELS:
                self._counter.count("diagnostic_level", f"{area}:{level}")
