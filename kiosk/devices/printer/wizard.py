"""The print wizard a visitor walks through: the choice of a document of their session (when they came from
the home screen), then its pages as thumbnails, the number of copies, all the pages or some of them, and
"Imprimer"; a progress screen ("Pages imprimées : 2 sur 5.") with "Annuler"; then "Récupérez vos feuilles".
With no document yet, the first screen offers "Scanner un papier" (`scanRequested`). Documents are named
without their ".pdf"; every screen fits a 1024×768 one.
A printer that cannot print, or a job that fails, gives what happened and what to do, in plain words, never
a wait without end.

The wizard only talks to `PrintService` (CUPS work runs on its worker thread) and draws thumbnails one per
event-loop turn, so each screen appears at once even for a long document."""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtCore import QSize, Qt, QTimer, Signal
from PySide6.QtGui import QColor, QPixmap
from PySide6.QtPdf import QPdfDocument
from PySide6.QtWidgets import (
    QButtonGroup,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QScrollArea,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from kiosk.devices.printer.backend import PrinterInfo, PrintOptions
from kiosk.devices.printer.images import image_to_pdf, pdf_name
from kiosk.devices.printer.messages import (
    Message,
    message,
    page_limit_message,
    progress_text,
    remaining_text,
)
from kiosk.devices.printer.problems import Problem, Severity, severity
from kiosk.devices.printer.service import PrintService
from kiosk.session_documents import IMAGES, list_documents, shown_name, sniff_file
from kiosk.shell import theme
from kiosk.shell.document_tiles import DocumentTile
from kiosk.shell.icons import Icons
from kiosk.shell.page_pictures import render_page
from kiosk.shell.pdf_file import PdfFile
from kiosk.shell.stepper import Stepper
from kiosk.shell.wizard_parts import (
    WideProgressBar,
    big_button,
    button_row,
    centred,
    choice_button,
    picture,
    wizard_label,
)
from kiosk.tasks import Tasks

THUMBNAIL = QSize(150, 200)  # px: the box each page is fitted into
CHOICE_COLUMNS = 4
MAX_COPIES = 10


log = logging.getLogger(__name__)


class PrintWizard(QWidget):
    closed = Signal()  # the visitor is done with the wizard (printed, or gave up)
    printed = Signal(int)  # a job came out whole: its pages (pages × copies), for counting
    scanRequested = Signal()  # "Scanner un papier", when the visitor has no document yet

    def __init__(self, service: PrintService, icons: Icons, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("PrintWizard")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground)
        self.setWindowTitle(self.tr("Imprimer"))
        self._service = service
        self._icons = icons
        self._path: str | None = None
        self._ticket: int | None = None
        self._printer: PrinterInfo | None = None
        self._printer_problem: Problem | None = None
        self._sheets_sent = 0  # pages × copies of the job being printed
        self._pdf = PdfFile(self)  # closed, it lets go of the file: the session can delete it
        self.document = self._pdf.document
        self._thumbnails: list[QLabel] = []
        self._next_thumbnail = 0
        self._drawing = QTimer(self)
        self._drawing.setSingleShot(True)
        self._drawing.setInterval(0)
        self._drawing.timeout.connect(self._draw_next_thumbnail)

        self.pages = QStackedWidget()
        self.choose_page = self._choose_page()
        self.options_page = self._options_page()
        self.progress_page = self._progress_page()
        self.done_page = self._done_page()
        self.problem_page = self._problem_page()
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

        self._pictures = Tasks(self)  # a picture made into a PDF, off the GUI thread
        service.printersChanged.connect(self._on_printers)
        service.printersFailed.connect(self._on_printers_failed)
        service.accepted.connect(self._on_accepted)
        service.progress.connect(self._on_progress)
        service.finished.connect(self._on_finished)
        service.failed.connect(self._on_failed)
        service.cancelled.connect(self._on_cancelled)

    # --- what the kiosk calls -------------------------------------------------------------------------------

    def choose(self, scratch_dir: Path) -> None:
        """Starts with the choice among the session's documents (the PDFs in `scratch_dir`)."""
        self.reset()
        documents = list_documents(scratch_dir)
        group = QButtonGroup(self.document_grid)
        for index, document in enumerate(documents):
            tile = DocumentTile(document, self._icons)
            group.addButton(tile)
            tile.toggled.connect(lambda: self.continue_button.setEnabled(True))
            self.document_grid.layout().addWidget(tile, index // CHOICE_COLUMNS, index % CHOICE_COLUMNS)
            self.document_tiles.append(tile)
            QTimer.singleShot(0, tile.draw_thumbnail)  # one per event-loop turn: the screen shows at once
        empty = not documents
        self.no_document.setVisible(empty)
        self.document_area.setVisible(not empty)
        self.choose_hint.setVisible(not empty)
        self.continue_button.setVisible(not empty)
        self.continue_button.setEnabled(False)
        self.scan_button.setVisible(empty)
        self.choose_title.setText(
            self.tr("Vous n'avez pas encore de document à imprimer.")
            if empty
            else self.tr("Choisissez un document")
        )
        self.pages.setCurrentWidget(self.choose_page)

    def start(self, path: str | Path) -> None:
        """Prepares the options for the PDF or picture at `path` and asks CUPS how its printer is."""
        self._clear_documents()
        self._start(path)

    def _start(self, path: str | Path) -> None:
        """A picture is first made into a one-page PDF beside it (on a worker thread), then shown."""
        if sniff_file(Path(path)) in IMAGES:
            self._clear_thumbnails()
            self.progress_title.setText(self.tr("Préparation du document…"))
            self.progress_text.setText("")
            self.cancel_button.hide()
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
        self._show_problem(message(Problem.DOCUMENT_UNREADABLE), can_retry=False)

    def _show_options(self, path: str | Path) -> None:
        self._clear_thumbnails()
        self._path = str(path)
        self.title.setText(self.tr("Imprimer « {name} »").format(name=shown_name(Path(path).name)))
        self.back_button.setText(
            self.tr("Étape précédente") if self.document_tiles else self.tr("Ne pas imprimer")
        )
        if self._pdf.load(self._path) != QPdfDocument.Error.None_ or self.document.pageCount() < 1:
            self._pdf.close()
            self._show_problem(message(Problem.DOCUMENT_UNREADABLE), can_retry=False)
            return
        count = self.document.pageCount()
        self.copies.setValue(1)
        self.first_page.setRange(1, count)
        self.last_page.setRange(1, count)
        self.first_page.setValue(1)
        self.last_page.setValue(count)
        self.all_pages_button.setChecked(True)
        self.some_pages_button.setVisible(count > 1)
        self._show_range_choice()
        self._make_thumbnails(count)
        self._printer_problem = None
        self.printer_warning.hide()
        self._update_summary()
        self.pages.setCurrentWidget(self.options_page)
        self._service.refresh_printers()

    def reset(self) -> None:
        """Forgets the documents and any job in progress (the service's wipe cancels the job itself)."""
        self._ticket = None
        self._pictures.forget()
        self._clear_documents()
        self._clear_thumbnails()

    def _clear_documents(self) -> None:
        for tile in self.document_tiles:
            tile.deleteLater()
        self.document_tiles = []

    def _clear_thumbnails(self) -> None:
        self._drawing.stop()
        self._path = None
        self._pdf.close()
        for label in self._thumbnails:
            label.deleteLater()
        self._thumbnails = []

    @property
    def path(self) -> str | None:
        return self._path

    # --- the five screens -----------------------------------------------------------------------------------

    def _choose_page(self) -> QWidget:
        page = QWidget()
        self.document_tiles: list[DocumentTile] = []
        self.choose_hint = wizard_label(self.tr("Touchez le document à imprimer."), "WizardText")
        self.no_document = wizard_label(
            self.tr("Scannez un papier, ou ouvrez un site et touchez « Imprimer » en haut."), "WizardText"
        )
        self.scan_button = big_button(
            self._icons, "scan-text", self.tr("Scanner un papier"), self.scanRequested.emit, primary=True
        )
        self.scan_button.setObjectName("ScanKind")
        self.scan_button.setIconSize(QSize(48, 48))
        self.document_grid = QWidget()
        grid = QGridLayout(self.document_grid)
        grid.setSpacing(16)
        grid.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        self.document_area = QScrollArea()
        self.document_area.setWidget(self.document_grid)
        self.document_area.setWidgetResizable(True)
        self.continue_button = big_button(
            self._icons, "arrow-right", self.tr("Continuer"), self._chosen, primary=True
        )
        column = QVBoxLayout(page)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(16)
        self.choose_title = wizard_label("", "WizardTitle")
        column.addWidget(self.choose_title)
        column.addWidget(self.choose_hint)
        column.addWidget(self.no_document)
        column.addWidget(self.scan_button)
        column.addWidget(self.document_area, 1)
        column.addStretch(0)  # without documents, what is there stays at the top
        self.leave_button = big_button(self._icons, "x", self.tr("Ne pas imprimer"), self._give_up)
        column.addLayout(button_row(self.leave_button, None, self.continue_button))
        return page

    def _chosen(self) -> None:
        chosen = next((t for t in self.document_tiles if t.isChecked()), None)
        if chosen is not None:
            self._start(chosen.document.path)

    def _options_page(self) -> QWidget:
        page = QWidget()
        self.title = wizard_label("", "WizardTitle")
        self.thumbnail_grid = QGridLayout()
        self.thumbnail_grid.setSpacing(16)
        self.thumbnail_grid.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        grid_holder = QWidget()
        grid_holder.setLayout(self.thumbnail_grid)
        self.thumbnail_area = _ResizingScrollArea(self._lay_out_thumbnails)
        self.thumbnail_area.setWidget(grid_holder)
        self.thumbnail_area.setWidgetResizable(True)
        self.thumbnail_area.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)

        self.copies = Stepper(1, MAX_COPIES, 1, self.tr("Nombre d'exemplaires"))
        self.copies.valueChanged.connect(self._update_summary)
        self.all_pages_button = choice_button(self.tr("Toutes les pages"))
        self.some_pages_button = choice_button(self.tr("Seulement certaines pages"))
        group = QButtonGroup(page)
        group.addButton(self.all_pages_button)
        group.addButton(self.some_pages_button)
        group.buttonToggled.connect(self._show_range_choice)
        self.first_page = Stepper(1, 1, 1, self.tr("Première page"))
        self.last_page = Stepper(1, 1, 1, self.tr("Dernière page"))
        self.first_page.valueChanged.connect(self._first_page_changed)
        self.last_page.valueChanged.connect(self._last_page_changed)
        self.range_box = QWidget()
        range_grid = QGridLayout(self.range_box)
        range_grid.setContentsMargins(0, 0, 0, 0)
        range_grid.addWidget(wizard_label(self.tr("De la page"), "WizardText"), 0, 0)
        range_grid.addWidget(self.first_page, 0, 1)
        range_grid.addWidget(wizard_label(self.tr("à la page"), "WizardText"), 1, 0)
        range_grid.addWidget(self.last_page, 1, 1)
        range_grid.setColumnStretch(2, 1)
        self.summary = wizard_label("", "WizardSummary")
        self.allowance = wizard_label("", "WizardText")
        self.printer_warning = wizard_label("", "WizardWarning")
        self.printer_warning.hide()

        choices = QVBoxLayout()
        choices.setSpacing(8)
        choices.addWidget(wizard_label(self.tr("Nombre d'exemplaires"), "WizardLabel"))
        choices.addWidget(self.copies, 0, Qt.AlignmentFlag.AlignLeft)
        choices.addWidget(wizard_label(self.tr("Pages à imprimer"), "WizardLabel"))
        choices.addWidget(self.all_pages_button)
        choices.addWidget(self.some_pages_button)
        choices.addWidget(self.range_box)
        choices.addWidget(self.summary)
        choices.addWidget(self.allowance)
        choices.addWidget(self.printer_warning)
        choices.addStretch()

        self.back_button = big_button(self._icons, "arrow-left", self.tr("Étape précédente"), self._back)
        self.print_button = big_button(self._icons, "printer", self.tr("Imprimer"), self._print, primary=True)
        middle = QHBoxLayout()
        middle.setSpacing(32)
        middle.addWidget(self.thumbnail_area, 1)
        middle.addLayout(choices, 1)
        column = QVBoxLayout(page)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(16)
        column.addWidget(self.title)
        column.addLayout(middle, 1)
        column.addLayout(button_row(self.back_button, None, self.print_button))
        return page

    def _progress_page(self) -> QWidget:
        page = QWidget()
        self.progress_title = wizard_label(self.tr("Impression en cours…"), "WizardTitle")
        self.progress_bar = WideProgressBar()
        self.progress_text = wizard_label("", "WizardText")
        self.cancel_button = big_button(self._icons, "x", self.tr("Annuler l'impression"), self._cancel)
        return centred(
            page,
            picture(self._icons, "printer"),
            self.progress_title,
            self.progress_bar,
            self.progress_text,
            button_row(None, self.cancel_button, None),
        )

    def _done_page(self) -> QWidget:
        page = QWidget()
        self.done_button = big_button(
            self._icons, "check", self.tr("J'ai récupéré mes feuilles"), self._give_up, primary=True
        )
        return centred(
            page,
            picture(self._icons, "printer"),
            wizard_label(self.tr("C'est imprimé."), "WizardTitle"),
            wizard_label(self.tr("Récupérez vos feuilles dans l'imprimante."), "WizardText"),
            button_row(None, self.done_button, None),
        )

    def _problem_page(self) -> QWidget:
        page = QWidget()
        self.problem_what = wizard_label("", "WizardTitle")
        self.problem_action = wizard_label("", "WizardText")
        self.retry_button = big_button(
            self._icons, "arrow-left", self.tr("Étape précédente"), self._back_to_options
        )
        self.close_button = big_button(self._icons, "x", self.tr("Fermer"), self._give_up, primary=True)
        return centred(
            page,
            picture(self._icons, "circle-help"),
            self.problem_what,
            self.problem_action,
            button_row(self.retry_button, None, self.close_button),
        )

    # --- options --------------------------------------------------------------------------------------------

    def options(self) -> PrintOptions:
        ranges = None
        if self.some_pages_button.isChecked():
            ranges = ((self.first_page.value(), self.last_page.value()),)
        return PrintOptions(copies=self.copies.value(), page_ranges=ranges)

    def sheets(self) -> int:
        """Pages × copies of what the options say now."""
        if self.some_pages_button.isChecked():
            pages = self.last_page.value() - self.first_page.value() + 1
        else:
            pages = self.document.pageCount()
        return pages * self.copies.value()

    def _first_page_changed(self, value: int) -> None:
        if self.last_page.value() < value:
            self.last_page.setValue(value)
        self._update_summary()

    def _last_page_changed(self, value: int) -> None:
        if self.first_page.value() > value:
            self.first_page.setValue(value)
        self._update_summary()

    def _show_range_choice(self) -> None:
        self.range_box.setVisible(self.some_pages_button.isChecked())
        self._update_summary()

    def _update_summary(self) -> None:
        sheets = self.sheets()
        self.summary.setText(
            self.tr("Vous allez imprimer 1 page.")
            if sheets == 1
            else self.tr("Vous allez imprimer {n} pages.").format(n=sheets)
        )
        allowance = self._service.allowance
        fits = True
        if allowance is not None:
            remaining = allowance.remaining
            fits = sheets <= remaining
            if fits:
                self.allowance.setText(remaining_text(remaining))
            else:
                limit = page_limit_message(sheets, remaining)
                self.allowance.setText(f"{limit.what} {limit.action}")
        self.allowance.setVisible(allowance is not None)
        self.print_button.setEnabled(fits and self._printer_problem is None and self._path is not None)
        self._dim_left_out_pages()

    # --- printer state --------------------------------------------------------------------------------------

    def _on_printers(self, printers: list[PrinterInfo]) -> None:
        wanted = self._service.printer
        chosen = next((p for p in printers if p.name == wanted), None) if wanted else None
        chosen = chosen or next((p for p in printers if p.is_default), None) or (printers or [None])[0]
        self._printer = chosen
        if chosen is None:
            self._set_printer_problem(Problem.NO_PRINTER)
        else:
            problems = [p for p in chosen.problems if severity(p) is Severity.BLOCKING]
            warnings = [p for p in chosen.problems if severity(p) is Severity.WARNING]
            self._set_printer_problem(problems[0] if problems else None, warnings[0] if warnings else None)

    def _on_printers_failed(self, problem: Problem) -> None:
        self._set_printer_problem(problem)

    def _set_printer_problem(self, problem: Problem | None, warning: Problem | None = None) -> None:
        self._printer_problem = problem
        shown = problem or warning
        if shown is None:
            self.printer_warning.hide()
        else:
            text = message(shown)
            self.printer_warning.setText(f"{text.what}\n{text.action}")
            self.printer_warning.show()
        self._update_summary()

    # --- printing -------------------------------------------------------------------------------------------

    def _print(self) -> None:
        if self._path is None or not self.print_button.isEnabled():
            return
        self.print_button.setEnabled(False)
        sheets = self.sheets()
        self._show_pages_done(0, sheets)
        self.progress_title.setText(self.tr("Impression en cours…"))
        self.progress_text.setText(progress_text(0, sheets))
        self.cancel_button.setEnabled(True)
        self.cancel_button.show()
        self.pages.setCurrentWidget(self.progress_page)
        self._ticket = self._service.submit(
            self._path, self.options(), self._printer.name if self._printer else None
        )

    def _cancel(self) -> None:
        if self._ticket is not None:
            self.cancel_button.setEnabled(False)  # once: CUPS answers with `cancelled`
            self._service.cancel(self._ticket)

    def _on_accepted(self, ticket: int, total: int) -> None:
        if ticket == self._ticket:
            self._show_pages_done(0, total)

    def _on_progress(self, ticket: int, done: int, total: int, _state, problem: Problem | None) -> None:
        if ticket != self._ticket:
            return
        self._show_pages_done(done, total)
        text = progress_text(done, total)
        if problem is not None and severity(problem) is Severity.BLOCKING:
            waiting = message(problem)  # the job waits: say why, keep "Annuler"
            text = f"{text}\n{waiting.what} {waiting.action}"
        self.progress_text.setText(text)

    def _show_pages_done(self, done: int, total: int) -> None:
        """The bar moves while no page is out yet (most printers tell no page before the last), then fills
        page by page."""
        self._sheets_sent = total
        if done <= 0:
            self.progress_bar.setRange(0, 0)
        else:
            self.progress_bar.setRange(0, max(total, 1))
            self.progress_bar.setValue(done)

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
            self._show_problem(page_limit_message(self.sheets(), self._service.allowance.remaining))
        else:
            self._show_problem(message(problem))

    def _on_cancelled(self, ticket: int) -> None:
        if ticket == self._ticket:
            self._ticket = None
            self._back_to_options()

    def _show_problem(self, text: Message, can_retry: bool = True) -> None:
        self.problem_what.setText(text.what)
        self.problem_action.setText(text.action)
        self.retry_button.setVisible(can_retry)
        self.pages.setCurrentWidget(self.problem_page)

    def _back_to_options(self) -> None:
        self.pages.setCurrentWidget(self.options_page)
        self._update_summary()
        self._service.refresh_printers()

    def _back(self) -> None:
        """ "Étape précédente" on the options: back to the choice of a document when there was one."""
        if self.document_tiles:
            self._clear_thumbnails()
            self.pages.setCurrentWidget(self.choose_page)
        else:
            self._give_up()

    def _give_up(self) -> None:
        """ "Fermer", "Ne pas imprimer" or "J'ai récupéré mes feuilles": the wizard forgets all and closes."""
        self.reset()
        self.closed.emit()

    # --- thumbnails -----------------------------------------------------------------------------------------

    def _make_thumbnails(self, count: int) -> None:
        scale = self.devicePixelRatioF()
        blank = QPixmap(THUMBNAIL * scale)
        blank.fill(QColor(theme.WHITE))
        blank.setDevicePixelRatio(scale)
        for index in range(count):
            cell = QWidget()
            thumbnail = QLabel()
            thumbnail.setObjectName("PageThumbnail")
            thumbnail.setFixedSize(THUMBNAIL + QSize(4, 4))
            thumbnail.setAlignment(Qt.AlignmentFlag.AlignCenter)
            thumbnail.setPixmap(blank)
            number = wizard_label(self.tr("Page {n}").format(n=index + 1), "PageNumber")
            number.setAlignment(Qt.AlignmentFlag.AlignHCenter)
            stack = QVBoxLayout(cell)
            stack.setContentsMargins(0, 0, 0, 0)
            stack.setSpacing(4)
            stack.addWidget(thumbnail, 0, Qt.AlignmentFlag.AlignHCenter)
            stack.addWidget(number)
            self._thumbnails.append(cell)
        self._lay_out_thumbnails()
        self._next_thumbnail = 0
        self._drawing.start()

    def _lay_out_thumbnails(self) -> None:
        """As many pages a row as the area holds, at least one."""
        room = self.thumbnail_area.viewport().width()
        columns = max(1, (room + 16) // (THUMBNAIL.width() + 4 + 16))
        for cell in self._thumbnails:
            self.thumbnail_grid.removeWidget(cell)
        for index, cell in enumerate(self._thumbnails):
            self.thumbnail_grid.addWidget(cell, index // columns, index % columns)

    def _draw_next_thumbnail(self) -> None:
        index = self._next_thumbnail
        if index >= len(self._thumbnails) or self.document.status() != QPdfDocument.Status.Ready:
            return
        scale = self.devicePixelRatioF()
        pixmap = QPixmap.fromImage(render_page(self.document, index, THUMBNAIL * scale))
        pixmap.setDevicePixelRatio(scale)
        self._thumbnails[index].findChild(QLabel, "PageThumbnail").setPixmap(pixmap)
        self._next_thumbnail += 1
        self._drawing.start()

    def _dim_left_out_pages(self) -> None:
        """Pages outside the chosen range are greyed, with a dashed border."""
        some = self.some_pages_button.isChecked()
        first, last = self.first_page.value(), self.last_page.value()
        for index, cell in enumerate(self._thumbnails):
            left_out = some and not first <= index + 1 <= last
            thumbnail = cell.findChild(QLabel, "PageThumbnail")
            if thumbnail.property("left_out") != left_out:
                thumbnail.setProperty("left_out", left_out)
                thumbnail.style().unpolish(thumbnail)
                thumbnail.style().polish(thumbnail)
            cell.setEnabled(not left_out)


class _ResizingScrollArea(QScrollArea):
    def __init__(self, on_resize) -> None:
        super().__init__()
        self._on_resize = on_resize

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        self._on_resize()
