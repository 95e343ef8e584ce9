"""Scanning and photocopying in the running kiosk: the scanner service (its driver in a child process) and
the scan wizard, made on the first scan; a finished scan may go to printing. A session wiper."""

from __future__ import annotations

from pathlib import Path

from kiosk.devices.printing import Printing
from kiosk.shell.icons import Icons
from kiosk.shell.window import KioskWindow
from kiosk.usage import UsageCounter


class Scanning:
    def __init__(
        self,
        window: KioskWindow,
        icons: Icons,
        scratch_dir: Path,
        counter: UsageCounter,
        printing: Printing,
    ):
        self._window = window
        self._icons = icons
        self._scratch_dir = scratch_dir
        self._counter = counter
        self._printing = printing
        self.service = None  # ScanService, once made
        self.wizard = None  # ScanWizard, once made

    def open(self, photocopy: bool = False) -> None:
        if self.wizard is None:
            from kiosk.devices.scanner.service import ScanService
            from kiosk.devices.scanner.wizard import ScanWizard

            self.service = ScanService(self._scratch_dir)
            self.wizard = ScanWizard(self.service, self._icons)
            self.wizard.scanned.connect(lambda pages: self._counter.count("pages_scanned", n=pages))
            self.wizard.printRequested.connect(self._print)
            self.wizard.closed.connect(self._window.show_home)
        self.wizard.start(photocopy)
        self._window.show_screen(self.wizard)

    def losses(self) -> list[str]:
        """What a session end would take away from the visitor, for the confirmation (the documents made from
        scans are counted with the session's documents)."""
        from PySide6.QtCore import QCoreApplication

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

    def _print(self, path: str) -> None:
        """A scan goes to the print wizard; once printed (or not), the visitor is back home."""
        self._window.show_home()
        self._printing.print_document(path)
