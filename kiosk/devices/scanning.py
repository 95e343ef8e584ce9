"""Scanning and photocopying in the running kiosk: the scanner service (its driver in a child process) and
the scan wizard, made on the first scan; a finished scan may go to printing (`print_document`, given by the
composition root; None when the site turned printing off). It offers the home's "Scanner". A session
wiper."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from kiosk.devices.scanner.problems import scanner_state_after
from kiosk.shell.destinations import Destination
from kiosk.shell.icons import Icons
from kiosk.shell.window import KioskWindow
from kiosk.usage import UsageCounter


class Scanning:
    name = "scans"

    def __init__(
        self,
        window: KioskWindow,
        icons: Icons,
        scratch_dir: Path,
        counter: UsageCounter,
        print_document: Callable[[str], None] | None,
    ):
        self._window = window
        self._icons = icons
        self._scratch_dir = scratch_dir
        self._counter = counter
        self._print_document = print_document
        self.service = None  # ScanService, once made
        self.wizard = None  # ScanWizard, once made
        # The heartbeat's scanner code, read by the sync thread (a str rebinding is atomic): what the last
        # device listing or scan showed. The kiosk never probes SANE for it: `scanimage -L` opens USB devices
        # on some backends and would disturb a scan in progress; "unused" until a visitor first scans.
        self.state = "unused"

    def destinations(self) -> list[Destination]:
        return [
            Destination(
                "scan",
                QT_TRANSLATE_NOOP("Scanning", "Scanner"),
                QT_TRANSLATE_NOOP("Scanning", "Un papier ou une carte, pour l'envoyer sur un site"),
                "scan-text",
                self.open,
                context="Scanning",
            )
        ]

    def open(self, photocopy: bool = False) -> None:
        if self.wizard is None:
            from kiosk.devices.scanner.service import ScanService
            from kiosk.devices.scanner.wizard import ScanWizard

            self.service = ScanService(self._scratch_dir)
            self.wizard = ScanWizard(self.service, self._icons)
            self.wizard.scanned.connect(lambda pages: self._counter.count("pages_scanned", n=pages))
            self.wizard.printRequested.connect(self._print)
            self.wizard.closed.connect(self._window.show_home)
            self.service.devices_changed.connect(lambda found: self._note("ready" if found else "no-device"))
            self.service.progress.connect(lambda *_: self._note("scanning"))
            self.service.finished.connect(lambda _: self._note("ready"))
            self.service.failed.connect(lambda problem: self._note(scanner_state_after(problem)))
        self.wizard.start(photocopy)
        self._window.show_screen(self.wizard)

    def losses(self) -> list[str]:
        """What a session end would take away from the visitor, for the confirmation (the documents made from
        scans are counted with the session's documents)."""
        if self.service is None:
            return []
        if self.service.scanning:
            return [QCoreApplication.translate("Scanning", "le scan en cours")]
        if self.service.pages():
            return [QCoreApplication.translate("Scanning", "les pages que vous venez de scanner")]
        return []

    def wipe(self) -> None:
        """Session wiper: a scan in progress stopped, every page and PDF scanned deleted."""
        if self.service is not None:
            self.service.wipe()
            self.wizard.reset()

    def close(self) -> None:
        if self.wizard is not None:
            self.service.wipe()
            self.wizard.deleteLater()

    def _note(self, state: str) -> None:
        self.state = state

    def _print(self, path: str) -> None:
        """A scan goes to the print wizard; once printed (or not), the visitor is back home."""
        self._window.show_home()
        if self._print_document is not None:
            self._print_document(path)
