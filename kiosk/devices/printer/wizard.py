"""The print wizard a visitor walks through: the choice of a document of their session (when they came from
the home screen), then its pages as thumbnails, the number of copies, all the pages or some of them, and
"Imprimer"; a progress screen ("Pages imprimées : 2 sur 5.") with "Annuler"; then "Récupérez vos feuilles".
With no document yet, the first screen offers "Scanner un papier" (`scanRequested`). Documents are named
without their ".pdf"; every screen fits a 1024×768 one.
A printer that cannot print, or a job that fails, gives what happened and what to do, in plain words, never
a wait without end.

This module is the flow: a QStackedWidget of the screens of `printer.steps`, one class each, and the job
being printed. The wizard only talks to `PrintService` (CUPS work runs on its worker thread); a picture is
made into a PDF, and a document's pages counted and drawn, on worker threads (kiosk.tasks), so each screen
appears at once."""

from __future__ import annotations

import logging
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QStackedWidget, QVBoxLayout, QWidget

from kiosk.devices.printer.images import image_to_pdf, pdf_name
from kiosk.devices.printer.messages import Message, message, page_limit_message
from kiosk.devices.printer.problems import Problem
from kiosk.devices.printer.service import PrintService
from kiosk.devices.printer.steps.choose import PrintChooseStep
from kiosk.devices.printer.steps.done import PrintDoneStep
from kiosk.devices.printer.steps.options import OptionsStep
from kiosk.devices.printer.steps.problem import PrintProblemStep
from kiosk.devices.printer.steps.progress import ProgressStep
from kiosk.session_documents import IMAGES, sniff_file
from kiosk.shell.icons import Icons
from kiosk.shell.retranslate import Retranslating
from kiosk.tasks import Tasks

log = logging.getLogger(__name__)


class PrintWizard(Retranslating, QWidget):
    closed = Signal()  # the visitor is done with the wizard (printed, or gave up)
    printed = Signal(int)  # a job came out whole: its pages (pages × copies), for counting
    scanRequested = Signal()  # "Scanner un papier", when the visitor has no document yet

    def __init__(self, service: PrintService, icons: Icons, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("PrintWizard")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground)
        self._service = service
        self._ticket: int | None = None
        self._sheets_sent = 0  # pages × copies of the job being printed

        self.choose_page = PrintChooseStep(icons)
        self.options_page = OptionsStep(service, icons)
        self.progress_page = ProgressStep(icons)
        self.done_page = PrintDoneStep(icons)
        self.problem_page = PrintProblemStep(icons)
        self.pages = QStackedWidget()
        for page in (
            self.choose_page,
            self.options_page,
            self.progress_page,
            self.done_page,
            self.problem_page,
        ):
            self.pages.addWidget(page)
        column = QVBoxLayout(self)
        column.setContentsMargins(48, 12, 48, 12)
        column.addWidget(self.pages)

        self.choose_page.chosen.connect(self._start)
        self.choose_page.scanRequested.connect(self.scanRequested)
        self.choose_page.leaveRequested.connect(self._give_up)
        self.options_page.backRequested.connect(self._back)
        self.options_page.printRequested.connect(self._print)
        self.options_page.unreadable.connect(self._document_unreadable)
        self.progress_page.cancelRequested.connect(self._cancel)
        self.done_page.closeRequested.connect(self._give_up)
        self.problem_page.retryRequested.connect(self._back_to_options)
        self.problem_page.closeRequested.connect(self._give_up)

        self._pictures = Tasks(self)  # a picture made into a PDF, off the GUI thread
        service.accepted.connect(self._on_accepted)
        service.progress.connect(self._on_progress)
        service.finished.connect(self._on_finished)
        service.failed.connect(self._on_failed)
        service.cancelled.connect(self._on_cancelled)
        self.retranslate()

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Imprimer"))

    # --- what the kiosk calls -------------------------------------------------------------------------------

    def choose(self, scratch_dir: Path) -> None:
        """Starts with the choice among the session's documents (the PDFs in `scratch_dir`)."""
        self.reset()
        self.choose_page.show_documents(scratch_dir)
        self.pages.setCurrentWidget(self.choose_page)

    def start(self, path: str | Path) -> None:
        """Prepares the options for the PDF or picture at `path` and asks CUPS how its printer is."""
        self.choose_page.clear()
        self._start(path)

    def reset(self) -> None:
        """Forgets the documents and any job in progress (the service's wipe cancels the job itself)."""
        self._ticket = None
        self._pictures.forget()
        self.choose_page.clear()
        self.options_page.clear()

    @property
    def path(self) -> str | None:
        """The document the options are for (None before one is chosen, and once the wizard is done)."""
        return self.options_page.path

    # --- the flow -------------------------------------------------------------------------------------------

    def _start(self, path: str | Path) -> None:
        """A picture is first made into a one-page PDF beside it (on a worker thread), then shown."""
        if sniff_file(Path(path)) in IMAGES:
            self.options_page.clear()
            self.progress_page.preparing()
            self.pages.setCurrentWidget(self.progress_page)
            image = Path(path)
            target = image.with_name(pdf_name(image, [entry.name for entry in image.parent.iterdir()]))
            self._pictures.run(
                lambda: str(image_to_pdf(image, target)),
                self._show_options,
                self._picture_failed,
                latest="picture",
                discard=lambda pdf: Path(pdf).unlink(missing_ok=True),
            )
        else:
            self._show_options(path)

    def _picture_failed(self, error: Exception) -> None:
        log.warning("a picture could not be made into a PDF: %s", type(error).__name__)
        self._show_problem(lambda: message(Problem.DOCUMENT_UNREADABLE), can_retry=False)

    def _show_options(self, path: str | Path) -> None:
        """The options at once; their document is read meanwhile (`_document_unreadable` if it cannot be)."""
        self.options_page.show_document(path, can_go_back=bool(self.choose_page.document_tiles))
        self.pages.setCurrentWidget(self.options_page)

    def _document_unreadable(self) -> None:
        self._show_problem(lambda: message(Problem.DOCUMENT_UNREADABLE), can_retry=False)

    def _print(self) -> None:
        options = self.options_page
        self._sheets_sent = options.sheets()
        self.progress_page.printing(self._sheets_sent)
        self.pages.setCurrentWidget(self.progress_page)
        printer = options.printer.name if options.printer else None
        self._ticket = self._service.submit(options.path, options.options(), printer)

    def _cancel(self) -> None:
        if self._ticket is not None:
            self._service.cancel(self._ticket)

    def _on_accepted(self, ticket: int, total: int) -> None:
        if ticket == self._ticket:
            self._sheets_sent = total
            self.progress_page.show_pages_done(0, total)

    def _on_progress(self, ticket: int, done: int, total: int, _state, problem: Problem | None) -> None:
        if ticket == self._ticket:
            self._sheets_sent = total
            self.progress_page.show_progress(done, total, problem)

    def _on_finished(self, ticket: int) -> None:
        if ticket == self._ticket:
            self._ticket = None
            self.printed.emit(self._sheets_sent)
            self.pages.setCurrentWidget(self.done_page)

    def _on_failed(self, ticket: int, problem: Problem) -> None:
        if ticket != self._ticket:
            return
        self._ticket = None
        if problem is Problem.PAGE_LIMIT and self._service.allowance is not None:
            requested, remaining = self.options_page.sheets(), self._service.allowance.remaining
            self._show_problem(lambda: page_limit_message(requested, remaining))
        else:
            self._show_problem(lambda: message(problem))

    def _on_cancelled(self, ticket: int) -> None:
        if ticket == self._ticket:
            self._ticket = None
            self._back_to_options()

    def _show_problem(self, text: Callable[[], Message], can_retry: bool = True) -> None:
        self.problem_page.show_message(text, can_retry)
        self.pages.setCurrentWidget(self.problem_page)

    def _back_to_options(self) -> None:
        self.pages.setCurrentWidget(self.options_page)
        self.options_page.refresh()

    def _back(self) -> None:
        """ "Étape précédente" on the options: back to the choice of a document when there was one."""
        if self.choose_page.document_tiles:
            self.options_page.clear()
            self.pages.setCurrentWidget(self.choose_page)
        else:
            self._give_up()

    def _give_up(self) -> None:
        """ "Fermer", "Ne pas imprimer" or "J'ai récupéré mes feuilles": the wizard forgets all and closes."""
        self.reset()
        self.closed.emit()
