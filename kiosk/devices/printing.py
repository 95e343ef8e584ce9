"""Printing in the running kiosk: the CUPS client (on its worker thread) and the print wizard, made on the
first print; the wizard shows over the screen that asked and goes back to it once done. With no document
yet, its "Scanner un papier" opens the scanner (`scan`, given by the composition root). It offers the home's
"Imprimer" and "Photocopier" (the scanner then the wizard: `photocopy`) unless the site turned printing
off. A session wiper."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from kiosk.config.schema import Site
from kiosk.shell.destinations import Destination
from kiosk.shell.icons import Icons
from kiosk.shell.window import KioskWindow
from kiosk.usage import UsageCounter

STATE_TIMEOUT = 3.0  # seconds CUPS has to tell the heartbeat its state


class Printing:
    name = "print jobs"

    def __init__(
        self,
        window: KioskWindow,
        icons: Icons,
        site: Site,
        counter: UsageCounter,
        scratch_dir: Path,
        scan: Callable[[], None] | None = None,
        photocopy: Callable[[], None] | None = None,
    ):
        self._window = window
        self._scratch_dir = scratch_dir
        self._scan = scan
        self._photocopy = photocopy
        self._icons = icons
        self._site = site
        self._counter = counter
        self.service = None  # PrintService, once made
        self.wizard = None  # PrintWizard, once made
        self._came_from = None  # the screen the wizard goes back to

    @property
    def enabled(self) -> bool:
        return self._site.print_page_limit > 0

    def state(self) -> str:
        """The heartbeat's printer code: "off" when the site turned printing off, else the queue's state from
        CUPS (kiosk/devices/printer/check.py). Blocking: call it off the GUI thread (the sync thread does)."""
        if not self.enabled:
            return "off"
        from kiosk.devices.printer import ipp
        from kiosk.devices.printer.check import printer_state

        # A short wait: the heartbeat shares the sync thread, which a hung CUPS must not hold for long.
        return printer_state(self._site.printer or None, ipp.Server.from_environment(timeout=STATE_TIMEOUT))

    def destinations(self) -> list[Destination]:
        if not self.enabled:
            return []

        offered = [
            Destination(
                "print",
                QT_TRANSLATE_NOOP("Printing", "Imprimer"),
                QT_TRANSLATE_NOOP("Printing", "Un document téléchargé ou scanné"),
                "printer",
                self.choose_document,
                context="Printing",
            )
        ]
        if self._photocopy is not None:
            offered.append(
                Destination(
                    "copy",
                    QT_TRANSLATE_NOOP("Printing", "Photocopier"),
                    QT_TRANSLATE_NOOP("Printing", "Scanner un papier puis l'imprimer"),
                    "copy",
                    self._photocopy,
                    context="Printing",
                )
            )
        return offered

    def print_document(self, path: str) -> None:
        """The wizard for one document of the session (a PDF or a picture)."""
        self.show().start(path)

    def choose_document(self) -> None:
        """The wizard, starting with the choice among the session's documents."""
        self.show().choose(self._scratch_dir)

    def show(self):
        """The wizard, made if needed, shown over the current screen; returns it."""
        if self.wizard is None:
            from kiosk.devices.printer.limits import PageAllowance
            from kiosk.devices.printer.service import PrintService
            from kiosk.devices.printer.wizard import PrintWizard

            self.service = PrintService(
                printer=self._site.printer or None, allowance=PageAllowance(self._site.print_page_limit)
            )
            self.wizard = PrintWizard(self.service, self._icons)
            self.wizard.printed.connect(lambda pages: self._counter.count("pages_printed", n=pages))
            self.wizard.closed.connect(self._go_back)
            self.wizard.scanRequested.connect(self._scan_instead)
        self._came_from = self._window.screens.currentWidget()
        self._window.show_screen(self.wizard)
        return self.wizard

    def losses(self) -> list[str]:
        """What a session end would take away from the visitor, for the confirmation: a print on its way is
        cancelled."""
        if self.service is not None and self.service.pending():
            return [QCoreApplication.translate("Printing", "l'impression en cours")]
        return []

    def wipe(self) -> None:
        """Session wiper: this session's unfinished jobs cancelled and purged, the wizard emptied, the page
        allowance back to full."""
        if self.service is not None:
            self.service.wipe()
            self.wizard.reset()
            self._came_from = None

    def close(self) -> None:
        """At shutdown: the worker's calls waited for, the wizard deleted (it is kept between sessions)."""
        if self.service is not None:
            self.wizard.deleteLater()
            self.service.close()

    def _scan_instead(self) -> None:
        """ "Scanner un papier" on the empty choice: the wizard forgets all, the scanner opens."""
        self.wizard.reset()
        self._came_from = None
        if self._scan is not None:
            self._scan()
        else:
            self._window.show_home()

    def _go_back(self) -> None:
        back, self._came_from = self._came_from, None
        if back is not None and self._window.screens.indexOf(back) >= 0:
            self._window.show_screen(back)
        else:
            self._window.show_home()
