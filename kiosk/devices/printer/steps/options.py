"""The print wizard's options screen: the document's pages as thumbnails, the number of copies, all the pages
or some of them, what that makes ("Vous allez imprimer 4 pages."), the pages the visitor may still print, and
the printer's state from CUPS: "Imprimer" works only when the job fits the allowance and the printer can
print. The document is loaded off the GUI thread (kiosk.shell.pdf_opening through kiosk.tasks): the screen
shows at once, saying "Ouverture du document…" until then."""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtPdf import QPdfDocument
from PySide6.QtWidgets import QButtonGroup, QGridLayout, QHBoxLayout, QVBoxLayout, QWidget

from kiosk.devices.printer.backend import PrinterInfo, PrintOptions
from kiosk.devices.printer.messages import message, page_limit_message, remaining_text
from kiosk.devices.printer.problems import Problem, Severity, severity
from kiosk.devices.printer.service import PrintService
from kiosk.devices.printer.steps.thumbnails import PageThumbnails
from kiosk.session_documents import shown_name
from kiosk.shell.icons import Icons
from kiosk.shell.pdf_file import PdfFile
from kiosk.shell.pdf_opening import let_go, open_pdf
from kiosk.shell.retranslate import Retranslating
from kiosk.shell.stepper import Stepper
from kiosk.shell.wizard_parts import big_button, button_row, choice_button, wizard_label
from kiosk.tasks import Tasks

log = logging.getLogger(__name__)

MAX_COPIES = 10


class OptionsStep(Retranslating, QWidget):
    backRequested = Signal()  # "Étape précédente" or "Ne pas imprimer"
    printRequested = Signal()  # "Imprimer", when it can print: read options(), sheets(), path and printer
    unreadable = Signal()  # the document shown cannot be read: there is nothing to print

    def __init__(self, service: PrintService, icons: Icons, parent: QWidget | None = None):
        super().__init__(parent)
        self._service = service
        self._path: str | None = None
        self.printer: PrinterInfo | None = None  # the one to print on, once CUPS answered
        self._printer_problem: Problem | None = None
        self._pdf: PdfFile | None = None  # closed, it lets go of the file: the session can delete it
        self._no_document = QPdfDocument(self)
        self._pages = 0  # the document's page count, once read (0 until then)
        self._reading = Tasks(self)  # loads the document; clear() forgets one still coming
        self._printer_shown: Problem | None = None  # the problem or warning the printer warning tells
        self._can_go_back = True
        self.title = wizard_label("", "WizardTitle")
        self.thumbnails = PageThumbnails()

        self.copies = Stepper(1, MAX_COPIES, 1, "")
        self.copies.valueChanged.connect(self._update_summary)
        self.all_pages_button = choice_button("")
        self.some_pages_button = choice_button("")
        group = QButtonGroup(self)
        group.addButton(self.all_pages_button)
        group.addButton(self.some_pages_button)
        group.buttonToggled.connect(self._show_range_choice)
        self.first_page = Stepper(1, 1, 1, "")
        self.last_page = Stepper(1, 1, 1, "")
        self.first_page.valueChanged.connect(self._first_page_changed)
        self.last_page.valueChanged.connect(self._last_page_changed)
        self.range_box = QWidget()
        range_grid = QGridLayout(self.range_box)
        range_grid.setContentsMargins(0, 0, 0, 0)
        self._from_label = wizard_label("", "WizardText")
        self._to_label = wizard_label("", "WizardText")
        range_grid.addWidget(self._from_label, 0, 0)
        range_grid.addWidget(self.first_page, 0, 1)
        range_grid.addWidget(self._to_label, 1, 0)
        range_grid.addWidget(self.last_page, 1, 1)
        range_grid.setColumnStretch(2, 1)
        self.summary = wizard_label("", "WizardSummary")
        self.allowance = wizard_label("", "WizardText")
        self.printer_warning = wizard_label("", "WizardWarning")
        self.printer_warning.hide()

        choices = QVBoxLayout()
        choices.setSpacing(8)
        self._copies_label = wizard_label("", "WizardLabel")
        self._pages_label = wizard_label("", "WizardLabel")
        choices.addWidget(self._copies_label)
        choices.addWidget(self.copies, 0, Qt.AlignmentFlag.AlignLeft)
        choices.addWidget(self._pages_label)
        choices.addWidget(self.all_pages_button)
        choices.addWidget(self.some_pages_button)
        choices.addWidget(self.range_box)
        choices.addWidget(self.summary)
        choices.addWidget(self.allowance)
        choices.addWidget(self.printer_warning)
        choices.addStretch()

        self.back_button = big_button(icons, "arrow-left", "", self.backRequested.emit)
        self.print_button = big_button(icons, "printer", "", self._print, primary=True)
        middle = QHBoxLayout()
        middle.setSpacing(32)
        middle.addWidget(self.thumbnails, 1)
        middle.addLayout(choices, 1)
        column = QVBoxLayout(self)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(16)
        column.addWidget(self.title)
        column.addLayout(middle, 1)
        column.addLayout(button_row(self.back_button, None, self.print_button))

        service.printersChanged.connect(self._on_printers)
        service.printersFailed.connect(self._set_printer_problem)
        self.retranslate()

    def retranslate(self) -> None:
        self.copies.set_name(self.tr("Nombre d'exemplaires"))
        self.first_page.set_name(self.tr("Première page"))
        self.last_page.set_name(self.tr("Dernière page"))
        self.all_pages_button.setText(self.tr("Toutes les pages"))
        self.some_pages_button.setText(self.tr("Seulement certaines pages"))
        self._from_label.setText(self.tr("De la page"))
        self._to_label.setText(self.tr("à la page"))
        self._copies_label.setText(self.tr("Nombre d'exemplaires"))
        self._pages_label.setText(self.tr("Pages à imprimer"))
        self.print_button.setText(self.tr("Imprimer"))
        self._name_document()
        self._tell_printer_state()
        if self._path is not None:
            self._update_summary()

    def _name_document(self) -> None:
        """The title and the way back, for the document shown."""
        if self._path is not None:
            self.title.setText(self.tr("Imprimer « {name} »").format(name=shown_name(Path(self._path).name)))
        self.back_button.setText(
            self.tr("Étape précédente") if self._can_go_back else self.tr("Ne pas imprimer")
        )

    def _tell_printer_state(self) -> None:
        if self._printer_shown is not None:
            text = message(self._printer_shown)
            self.printer_warning.setText(f"{text.what}\n{text.action}")

    @property
    def path(self) -> str | None:
        return self._path

    @property
    def document(self) -> QPdfDocument:
        """The document the options are for, once loaded (an empty one until then)."""
        return self._pdf.document if self._pdf is not None else self._no_document

    @property
    def page_count(self) -> int:
        """The document's pages, once counted (0 until then)."""
        return self._pages

    def show_document(self, path: str | Path, can_go_back: bool) -> None:
        """The options for the PDF at `path`, all reset, and CUPS asked how its printer is; the PDF is loaded
        off the GUI thread, then its pages shown. `unreadable` when it cannot be read. `can_go_back`:
        "Étape précédente" (else "Ne pas imprimer")."""
        self.clear()
        self._path = str(path)
        self._can_go_back = can_go_back
        self._name_document()
        self.copies.setValue(1)
        self.all_pages_button.setChecked(True)
        self.some_pages_button.setVisible(False)
        self._show_range_choice()
        self._printer_problem = None
        self.printer_warning.hide()
        gui_thread = self.thread()
        self._reading.run(
            lambda: open_pdf(path, gui_thread, read_sizes=False),  # the thumbnails ask them one by one
            self._opened,
            self._not_readable,
            latest="document",
            discard=let_go,
        )
        self.refresh()

    def _opened(self, pdf: PdfFile) -> None:
        pdf.setParent(self)
        self._pdf = pdf
        count = pdf.document.pageCount()
        self._pages = count
        self.first_page.setRange(1, count)
        self.last_page.setRange(1, count)
        self.first_page.setValue(1)
        self.last_page.setValue(count)
        self.some_pages_button.setVisible(count > 1)
        self.thumbnails.show_pages(pdf.document)
        self._update_summary()

    def _not_readable(self, error: Exception) -> None:
        log.warning("a document to print cannot be read: %s", type(error).__name__)
        self.unreadable.emit()

    def refresh(self) -> None:
        """Shown again (after a problem or a cancelled job): the summary redone, CUPS asked again."""
        self._update_summary()
        self._service.refresh_printers()

    def clear(self) -> None:
        """Lets go of the document (the session can delete it) and its thumbnails."""
        self._reading.forget()
        self.thumbnails.clear()  # before the document goes: its render thread lets go of it
        self._path = None
        self._pages = 0
        if self._pdf is not None:
            let_go(self._pdf)
            self._pdf = None

    def options(self) -> PrintOptions:
        ranges = None
        if self.some_pages_button.isChecked():
            ranges = ((self.first_page.value(), self.last_page.value()),)
        return PrintOptions(copies=self.copies.value(), page_ranges=ranges)

    def sheets(self) -> int:
        """Pages × copies of what the options say now."""
        first, last = self._page_range()
        return (last - first + 1) * self.copies.value()

    def _page_range(self) -> tuple[int, int]:
        if self.some_pages_button.isChecked():
            return self.first_page.value(), self.last_page.value()
        return 1, self._pages

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
        if self._pages < 1:
            self.summary.setText(self.tr("Ouverture du document…"))
            self.allowance.hide()
            self.print_button.setEnabled(False)
            return
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
        self.thumbnails.dim_left_out(*self._page_range())

    def _on_printers(self, printers: list[PrinterInfo]) -> None:
        wanted = self._service.printer
        chosen = next((p for p in printers if p.name == wanted), None) if wanted else None
        chosen = chosen or next((p for p in printers if p.is_default), None) or (printers or [None])[0]
        self.printer = chosen
        if chosen is None:
            self._set_printer_problem(Problem.NO_PRINTER)
        else:
            problems = [p for p in chosen.problems if severity(p) is Severity.BLOCKING]
            warnings = [p for p in chosen.problems if severity(p) is Severity.WARNING]
            self._set_printer_problem(problems[0] if problems else None, warnings[0] if warnings else None)

    def _set_printer_problem(self, problem: Problem | None, warning: Problem | None = None) -> None:
        self._printer_problem = problem
        self._printer_shown = problem or warning
        if self._printer_shown is None:
            self.printer_warning.hide()
        else:
            self._tell_printer_state()
            self.printer_warning.show()
        self._update_summary()

    def _print(self) -> None:
        if self._path is None or not self.print_button.isEnabled():
            return
        self.print_button.setEnabled(False)
        self.printRequested.emit()
