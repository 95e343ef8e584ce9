"""The scan wizard a visitor walks through, one plain question a screen: what they scan (a sheet, several
sheets, a card or a photo: the kiosk picks the settings), a picture showing how to place it, the scan with
its progress and "Annuler", then a large preview and one question, "Est-elle lisible ?": "Non" says what to do
(turn the page, or scan it again), "Oui" goes on (for several sheets: another sheet, or "J'ai fini de
scanner"). The pages make one PDF named plainly ("Document scanné 1", shown without its ".pdf"). Then:
"Imprimer", "Garder pour l'envoyer sur un site" (it joins the session's documents), or "Supprimer".

As a photocopy, the same steps end in the print wizard, and its buttons say "Photocopier". A scanner that
fails says what happened and what to do; the driver runs in its own process (`ScanService`), so nothing here
ever waits for it. Every screen fits a 1024×768 one: nothing asks for more width than that.

This module is the flow: a QStackedWidget of the screens of `scanner.steps`, one class each, and the
document being made.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QStackedWidget, QVBoxLayout, QWidget

from kiosk.devices.scanner.defaults import Purpose
from kiosk.devices.scanner.messages import ProblemText, pdf_failed_text, problem_text
from kiosk.devices.scanner.problems import Problem
from kiosk.devices.scanner.service import ScanService
from kiosk.devices.scanner.steps.choose import ScanChooseStep
from kiosk.devices.scanner.steps.done import ScanDoneStep
from kiosk.devices.scanner.steps.place import PlaceStep
from kiosk.devices.scanner.steps.preview import PreviewStep
from kiosk.devices.scanner.steps.problem import ScanProblemStep
from kiosk.devices.scanner.steps.scanning import ScanningStep
from kiosk.shell.icons import Icons
from kiosk.shell.retranslate import Retranslating


class ScanWizard(Retranslating, QWidget):
    printRequested = Signal(str)  # a finished document to print (a photocopy, or "Imprimer")
    closed = Signal()
    scanned = Signal(int)  # pages a scan added, for counting

    def __init__(self, service: ScanService, icons: Icons, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("ScanWizard")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground)
        self._service = service
        self._photocopy = False
        self._purpose = Purpose.TEXT
        self._several = False
        self._document: str | None = None  # the PDF made, once "Terminer" was touched

        self.choose_page = ScanChooseStep(icons)
        self.place_page = PlaceStep(icons)
        self.scanning_page = ScanningStep(icons)
        self.preview_page = PreviewStep(icons)
        self.done_page = ScanDoneStep(icons)
        self.problem_page = ScanProblemStep(icons)
        self.pages = QStackedWidget()
        for page in (
            self.choose_page,
            self.place_page,
            self.scanning_page,
            self.preview_page,
            self.done_page,
            self.problem_page,
        ):
            self.pages.addWidget(page)
        column = QVBoxLayout(self)
        column.setContentsMargins(48, 12, 48, 12)
        column.addWidget(self.pages)

        self.choose_page.chosen.connect(self._chosen)
        self.choose_page.leaveRequested.connect(self._give_up)
        self.place_page.scanRequested.connect(self._scan)
        self.place_page.backRequested.connect(self._back_from_placing)
        self.scanning_page.cancelRequested.connect(service.cancel)
        self.preview_page.readable.connect(self._readable)
        self.preview_page.rotateRequested.connect(self._rotate)
        self.preview_page.againRequested.connect(self._scan_again)
        self.preview_page.addRequested.connect(self._add_page)
        self.preview_page.finishRequested.connect(self._finish)
        self.done_page.keepRequested.connect(self.closed)
        self.done_page.printRequested.connect(self._print)
        self.done_page.deleteRequested.connect(self._delete)
        self.problem_page.retryRequested.connect(self._show_placing)
        self.problem_page.closeRequested.connect(self._give_up)

        service.progress.connect(lambda percent, _page: self.scanning_page.bar.setValue(percent))
        service.finished.connect(self._on_scanned)
        service.failed.connect(self._on_failed)
        service.pdf_ready.connect(self._on_pdf_ready)
        service.pdf_failed.connect(lambda _: self._show_problem(pdf_failed_text))
        self.retranslate()

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Photocopier") if self._photocopy else self.tr("Scanner"))

    # --- what the kiosk calls -------------------------------------------------------------------------------

    def start(self, photocopy: bool = False) -> None:
        self.reset()
        self._photocopy = photocopy
        self.retranslate()
        for page in (self.choose_page, self.place_page, self.preview_page):
            page.set_photocopy(photocopy)
        self.pages.setCurrentWidget(self.choose_page)
        self._service.refresh_devices()  # a first answer ready before the visitor touches "Scanner"

    def reset(self) -> None:
        """Forgets this visitor's document (the service's own wipe deletes the files)."""
        self._document = None
        self.preview_page.clear()

    @property
    def document(self) -> str | None:
        return self._document

    # --- the flow -------------------------------------------------------------------------------------------

    def _chosen(self, purpose: Purpose, several: bool) -> None:
        self._purpose, self._several = purpose, several
        self._show_placing()

    def _show_placing(self) -> None:
        self.place_page.show_hint(self._purpose, next_sheet=bool(self._service.pages()))
        self.pages.setCurrentWidget(self.place_page)

    def _back_from_placing(self) -> None:
        if self._service.pages():
            self._show_last_page()
        else:
            self.pages.setCurrentWidget(self.choose_page)

    def _scan(self) -> None:
        if not self._service.scan(self._purpose):
            return  # a scan is already running
        self.scanning_page.scanning()
        self.pages.setCurrentWidget(self.scanning_page)

    def _on_scanned(self, pages: list) -> None:
        if not pages:
            self._show_problem(lambda: problem_text(Problem.NO_DOCUMENTS))
            return
        self.scanned.emit(len(pages))
        self._show_last_page()

    def _on_failed(self, code: str) -> None:
        if self.pages.currentWidget() is self.scanning_page:
            self._show_problem(lambda: problem_text(code))

    def _show_last_page(self) -> None:
        pages = self._service.pages()
        self.preview_page.show_page(pages[-1], len(pages))
        self.pages.setCurrentWidget(self.preview_page)

    def _readable(self) -> None:
        """ "Oui": one sheet (or a card) is done; several sheets: another one, or the end."""
        if self._several or len(self._service.pages()) > 1:
            self.preview_page.ask_for_more()
        else:
            self._finish()

    def _rotate(self) -> None:
        pages = self._service.pages()
        if pages:
            self._service.rotate_page(len(pages) - 1)
            self._show_last_page()

    def _scan_again(self) -> None:
        pages = self._service.pages()
        if pages:
            self._service.delete_page(len(pages) - 1)
        self._show_placing()

    def _add_page(self) -> None:
        self._several = True
        self._show_placing()

    def _finish(self) -> None:
        if self._service.make_pdf() is None:
            return
        self.scanning_page.preparing()
        self.pages.setCurrentWidget(self.scanning_page)

    def _on_pdf_ready(self, path: str) -> None:
        self._service.clear_pages()  # the PDF holds them now
        self._document = path
        if self._photocopy:
            self.printRequested.emit(path)
            return
        self.done_page.show_document(path)
        self.pages.setCurrentWidget(self.done_page)

    def _print(self) -> None:
        if self._document is not None:
            self.printRequested.emit(self._document)

    def _delete(self) -> None:
        if self._document is not None:
            Path(self._document).unlink(missing_ok=True)
            self._document = None
        self.closed.emit()

    def _show_problem(self, text: Callable[[], ProblemText]) -> None:
        self.problem_page.show_text(text)
        self.pages.setCurrentWidget(self.problem_page)

    def _give_up(self) -> None:
        self._service.cancel()
        self._service.clear_pages()
        self.reset()
        self.closed.emit()
