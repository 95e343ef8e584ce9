"""The scan wizard a visitor walks through, one plain question a screen: what they scan (a sheet, several
sheets, a card or a photo: the kiosk picks the settings), a picture showing how to place it, the scan with
its progress and "Annuler", then a large preview and one question, "Est-elle lisible ?": "Non" says what to do
(turn the page, or scan it again), "Oui" goes on (for several sheets: another sheet, or "J'ai fini de
scanner"). The pages make one PDF named plainly ("Document scanné 1", shown without its ".pdf"). Then:
"Imprimer", "Garder pour l'envoyer sur un site" (it joins the session's documents), or "Supprimer".

As a photocopy, the same steps end in the print wizard, and its buttons say "Photocopier". A scanner that
fails says what happened and what to do; the driver runs in its own process (`ScanService`), so nothing here
ever waits for it. Every screen fits a 1024×768 one: nothing asks for more width than that.
"""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtCore import QRectF, QSize, Qt, Signal
from PySide6.QtGui import QImage, QImageReader, QPainter, QPixmap, QTransform
from PySide6.QtSvg import QSvgRenderer
from PySide6.QtWidgets import QLabel, QPushButton, QStackedWidget, QVBoxLayout, QWidget

from kiosk.devices.scanner.defaults import Purpose
from kiosk.devices.scanner.messages import ProblemText, pdf_failed_text, problem_text
from kiosk.devices.scanner.problems import Problem
from kiosk.devices.scanner.service import ScanService
from kiosk.resources import picture_path
from kiosk.session_documents import shown_name
from kiosk.shell.icons import Icons
from kiosk.shell.wizard_parts import WideProgressBar, big_button, button_row, centred, picture, wizard_label
from kiosk.tasks import Tasks

log = logging.getLogger(__name__)

PREVIEW = QSize(400, 520)  # px: the box the scanned page is fitted into (beside its question on 1024 px)
PLACING_PICTURE = QSize(480, 300)
KEEP_WIDTH = 560  # px: the done screen's main button, the two others share its width


class ScanWizard(QWidget):
    printRequested = Signal(str)  # a finished document to print (a photocopy, or "Imprimer")
    closed = Signal()
    scanned = Signal(int)  # pages a scan added, for counting

    def __init__(self, service: ScanService, icons: Icons, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("ScanWizard")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground)
        self._service = service
        self._icons = icons
        self._photocopy = False
        self._purpose = Purpose.TEXT
        self._several = False
        self._document: str | None = None  # the PDF made, once "Terminer" was touched
        self._previews = Tasks(self)  # decodes the page just scanned; reset() forgets a preview still coming

        self.pages = QStackedWidget()
        for page in (
            self._choose_page(),
            self._place_page(),
            self._scanning_page(),
            self._preview_page(),
            self._done_page(),
            self._problem_page(),
        ):
            self.pages.addWidget(page)
        column = QVBoxLayout(self)
        column.setContentsMargins(48, 12, 48, 12)
        column.addWidget(self.pages)

        service.progress.connect(self._on_progress)
        service.finished.connect(self._on_scanned)
        service.failed.connect(self._on_failed)
        service.pdf_ready.connect(self._on_pdf_ready)
        service.pdf_failed.connect(lambda _: self._show_problem(pdf_failed_text()))

    # --- what the kiosk calls -------------------------------------------------------------------------------

    def start(self, photocopy: bool = False) -> None:
        self.reset()
        self._photocopy = photocopy
        self.setWindowTitle(self.tr("Photocopier") if photocopy else self.tr("Scanner"))
        if photocopy:
            self.choose_title.setText(self.tr("Que voulez-vous photocopier ?"))
            self.leave_button.setText(self.tr("Ne pas photocopier"))
            self.scan_button.setText(self.tr("Photocopier"))
            self.finish_button.setText(self.tr("C'est fini, imprimer"))
        else:
            self.choose_title.setText(self.tr("Que voulez-vous scanner ?"))
            self.leave_button.setText(self.tr("Ne pas scanner"))
            self.scan_button.setText(self.tr("Scanner"))
            self.finish_button.setText(self.tr("J'ai fini de scanner"))
        self.pages.setCurrentWidget(self.choose_page)
        self._service.refresh_devices()  # a first answer ready before the visitor touches "Scanner"

    def reset(self) -> None:
        """Forgets this visitor's document (the service's own wipe deletes the files)."""
        self._document = None
        self._previews.forget()
        self.preview.clear()

    @property
    def document(self) -> str | None:
        return self._document

    # --- the screens ----------------------------------------------------------------------------------------

    def _choose_page(self) -> QWidget:
        self.choose_page = QWidget()
        self.choose_title = wizard_label("", "WizardTitle")
        self.one_sheet_button = self._kind_button("file-text", self.tr("Une feuille"), Purpose.TEXT, False)
        self.several_sheets_button = self._kind_button(
            "files", self.tr("Plusieurs feuilles"), Purpose.TEXT, True
        )
        self.card_button = self._kind_button(
            "id-card", self.tr("Une carte ou une photo"), Purpose.PHOTO, False
        )
        self.leave_button = big_button(self._icons, "x", self.tr("Ne pas scanner"), self._give_up)
        column = QVBoxLayout(self.choose_page)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(16)
        column.addWidget(self.choose_title)
        column.addWidget(
            wizard_label(self.tr("Touchez votre choix. La borne règle le scanner pour vous."), "WizardText")
        )
        for button in (self.one_sheet_button, self.several_sheets_button, self.card_button):
            column.addWidget(button)
        column.addStretch()
        column.addLayout(button_row(self.leave_button, None))
        return self.choose_page

    def _kind_button(self, icon: str, text: str, purpose: Purpose, several: bool) -> QPushButton:
        button = big_button(self._icons, icon, text, lambda: self._chosen(purpose, several))
        button.setObjectName("ScanKind")
        button.setIconSize(QSize(48, 48))
        return button

    def _place_page(self) -> QWidget:
        self.place_page = QWidget()
        self.place_text = wizard_label("", "WizardText")
        self.scan_button = big_button(self._icons, "scan-text", self.tr("Scanner"), self._scan, primary=True)
        back = big_button(self._icons, "arrow-left", self.tr("Étape précédente"), self._back_from_placing)
        return centred(
            self.place_page,
            wizard_label(self.tr("Posez votre document sur la vitre"), "WizardTitle"),
            _svg_picture(picture_path("scanner-glass"), PLACING_PICTURE),
            self.place_text,
            button_row(back, None, self.scan_button),
        )

    def _scanning_page(self) -> QWidget:
        self.scanning_page = QWidget()
        self.scanning_title = wizard_label("", "WizardTitle")
        self.scanning_text = wizard_label("", "WizardText")
        self.scan_progress = WideProgressBar()
        self.scan_progress.setRange(0, 100)
        self.cancel_button = big_button(self._icons, "x", self.tr("Annuler"), self._service.cancel)
        return centred(
            self.scanning_page,
            picture(self._icons, "scan-text"),
            self.scanning_title,
            self.scan_progress,
            self.scanning_text,
            button_row(None, self.cancel_button, None),
        )

    def _preview_page(self) -> QWidget:
        """The page scanned, and beside it one question at a time: is it readable (Oui / Non); Non: what to
        do; Oui, for several sheets: another sheet, or the end."""
        self.preview_page = QWidget()
        self.preview = QLabel()
        self.preview.setObjectName("ScanPreview")
        self.preview.setFixedSize(PREVIEW)
        self.preview.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.page_count = wizard_label("", "WizardSummary")
        self.page_count_more = wizard_label("", "WizardSummary")

        self.yes_button = big_button(self._icons, "check", self.tr("Oui"), self._readable, primary=True)
        self.no_button = big_button(self._icons, "x", self.tr("Non"), self._not_readable)
        self.question_box = _answer_box(
            wizard_label(self.tr("Voici votre page. Est-elle lisible ?"), "WizardTitle"),
            self.page_count,
            self.yes_button,
            self.no_button,
            None,
        )

        self.rotate_button = big_button(self._icons, "rotate-cw", self.tr("Tourner la page"), self._rotate)
        self.again_button = big_button(
            self._icons, "scan-text", self.tr("Scanner à nouveau"), self._scan_again
        )
        self.question_back_button = big_button(
            self._icons, "arrow-left", self.tr("Étape précédente"), self._show_question
        )
        self.fix_box = _answer_box(
            wizard_label(self.tr("Que faire ?"), "WizardTitle"),
            wizard_label(self.tr("La page est à l'envers ou couchée :"), "WizardText"),
            self.rotate_button,
            wizard_label(self.tr("La page est floue ou coupée :"), "WizardText"),
            self.again_button,
            None,
            self.question_back_button,
        )

        self.add_button = big_button(
            self._icons, "plus", self.tr("Scanner une autre feuille"), self._add_page
        )
        self.finish_button = big_button(
            self._icons, "check", self.tr("J'ai fini de scanner"), self._finish, primary=True
        )
        self.more_box = _answer_box(
            wizard_label(self.tr("Avez-vous une autre feuille ?"), "WizardTitle"),
            self.page_count_more,
            self.add_button,
            self.finish_button,
            None,
        )
        self.answers = QStackedWidget()
        for box in (self.question_box, self.fix_box, self.more_box):
            self.answers.addWidget(box)
        row = button_row(self.preview)
        row.addWidget(self.answers, 1)
        column = QVBoxLayout(self.preview_page)
        column.setContentsMargins(0, 0, 0, 0)
        column.addLayout(row)
        return self.preview_page

    def _done_page(self) -> QWidget:
        self.done_page = QWidget()
        self.done_name = wizard_label("", "WizardSummary")
        self.print_button = big_button(self._icons, "printer", self.tr("Imprimer"), self._print)
        self.print_button.setMinimumWidth(KEEP_WIDTH // 2 - 12)
        self.keep_button = big_button(
            self._icons, "file-up", self.tr("Garder pour l'envoyer sur un site"), self._keep, primary=True
        )
        self.keep_button.setMinimumWidth(KEEP_WIDTH)
        self.delete_button = big_button(self._icons, "trash-2", self.tr("Supprimer"), self._delete)
        self.delete_button.setMinimumWidth(KEEP_WIDTH // 2 - 12)
        self.send_help = wizard_label(
            self.tr("Sur le site, touchez le bouton pour ajouter un document ou un fichier.")
            + "\n"
            + self.tr("La borne vous proposera alors ce document."),
            "WizardText",
        )
        return centred(
            self.done_page,
            picture(self._icons, "check", 72),
            wizard_label(self.tr("Votre document est prêt."), "WizardTitle"),
            self.done_name,
            self.send_help,
            button_row(None, self.keep_button, None),
            button_row(None, self.delete_button, self.print_button, None),
        )

    def _problem_page(self) -> QWidget:
        self.problem_page = QWidget()
        self.problem_what = wizard_label("", "WizardTitle")
        self.problem_todo = wizard_label("", "WizardText")
        self.retry_button = big_button(self._icons, "rotate-cw", self.tr("Recommencer"), self._retry)
        self.close_button = big_button(self._icons, "x", self.tr("Fermer"), self._give_up)
        return centred(
            self.problem_page,
            picture(self._icons, "circle-help"),
            self.problem_what,
            self.problem_todo,
            button_row(self.close_button, None, self.retry_button),
        )

    # --- the steps ------------------------------------------------------------------------------------------

    def _chosen(self, purpose: Purpose, several: bool) -> None:
        self._purpose, self._several = purpose, several
        self._show_placing()

    def _show_placing(self) -> None:
        if self._purpose is Purpose.PHOTO:
            text = self.tr("Posez la carte ou la photo face vers le bas, dans le coin de la flèche.")
        elif self._service.pages():
            text = self.tr("Posez la feuille suivante face vers le bas, dans le coin de la flèche.")
        else:
            text = self.tr("Posez la feuille face vers le bas, dans le coin de la flèche.")
        touch = (
            self.tr("Fermez le couvercle, puis touchez « Photocopier ».")
            if self._photocopy
            else self.tr("Fermez le couvercle, puis touchez « Scanner ».")
        )
        self.place_text.setText(text + "\n" + touch)
        self.pages.setCurrentWidget(self.place_page)

    def _back_from_placing(self) -> None:
        if self._service.pages():
            self._show_last_page()
        else:
            self.pages.setCurrentWidget(self.choose_page)

    def _scan(self) -> None:
        if not self._service.scan(self._purpose):
            return  # a scan is already running
        self.scanning_title.setText(self.tr("Numérisation en cours…"))
        self.scanning_text.setText(self.tr("Ne soulevez pas le couvercle."))
        self.scan_progress.setValue(0)
        self.cancel_button.show()
        self.pages.setCurrentWidget(self.scanning_page)

    def _on_progress(self, percent: int, _page: int) -> None:
        self.scan_progress.setValue(percent)

    def _on_scanned(self, pages: list) -> None:
        if not pages:
            self._show_problem(problem_text(Problem.NO_DOCUMENTS))
            return
        self.scanned.emit(len(pages))
        self._show_last_page()

    def _on_failed(self, code: str) -> None:
        if self.pages.currentWidget() is self.scanning_page:
            self._show_problem(problem_text(code))

    def _show_last_page(self) -> None:
        pages = self._service.pages()
        count = len(pages)
        text = (
            self.tr("Votre document a 1 page.")
            if count == 1
            else self.tr("Votre document a {n} pages.").format(n=count)
        )
        self.page_count.setText(text)
        self.page_count_more.setText(text)
        self.answers.setCurrentWidget(self.question_box)
        self.preview.clear()
        page, box = pages[-1], PREVIEW * self.devicePixelRatioF()
        self._previews.run(
            lambda: read_preview(page.path, page.rotation, box),
            self._show_preview,
            self._preview_failed,
            latest="preview",
        )
        self.pages.setCurrentWidget(self.preview_page)

    def _show_preview(self, image: QImage | None) -> None:
        if image is None:
            return  # unreadable: the page is scanned again with "Recommencer cette page"
        pixmap = QPixmap.fromImage(image)
        pixmap.setDevicePixelRatio(self.devicePixelRatioF())
        self.preview.setPixmap(pixmap)

    def _preview_failed(self, error: Exception) -> None:
        log.warning("scanned page not previewed: %s", type(error).__name__)  # as unreadable: scanned again

    def _readable(self) -> None:
        """ "Oui": one sheet (or a card) is done; several sheets: another one, or the end."""
        if self._several or len(self._service.pages()) > 1:
            self.answers.setCurrentWidget(self.more_box)
        else:
            self._finish()

    def _not_readable(self) -> None:
        self.answers.setCurrentWidget(self.fix_box)

    def _show_question(self) -> None:
        self.answers.setCurrentWidget(self.question_box)

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
        self.scanning_title.setText(self.tr("Préparation du document…"))
        self.scanning_text.setText("")
        self.scan_progress.setValue(100)
        self.cancel_button.hide()
        self.pages.setCurrentWidget(self.scanning_page)

    def _on_pdf_ready(self, path: str) -> None:
        self._service.clear_pages()  # the PDF holds them now
        self._document = path
        if self._photocopy:
            self.printRequested.emit(path)
            return
        self.done_name.setText(shown_name(Path(path).name))
        self.pages.setCurrentWidget(self.done_page)

    def _print(self) -> None:
        if self._document is not None:
            self.printRequested.emit(self._document)

    def _keep(self) -> None:
        self.closed.emit()

    def _delete(self) -> None:
        if self._document is not None:
            Path(self._document).unlink(missing_ok=True)
            self._document = None
        self.closed.emit()

    def _show_problem(self, text: ProblemText) -> None:
        self.problem_what.setText(text.what)
        self.problem_todo.setText(text.todo)
        self.pages.setCurrentWidget(self.problem_page)

    def _retry(self) -> None:
        self._show_placing()

    def _give_up(self) -> None:
        self._service.cancel()
        self._service.clear_pages()
        self.reset()
        self.closed.emit()


def read_preview(path: Path, rotation: int, box: QSize) -> QImage | None:
    """A scanned page scaled down into `box` and turned: decoded off the GUI thread (a 300-dpi page takes the
    time of several frames)."""
    reader = QImageReader(str(path))
    size = reader.size()
    if size.isValid():
        turned = size.transposed() if rotation % 180 else size
        scale = min(box.width() / turned.width(), box.height() / turned.height(), 1.0)
        reader.setScaledSize(QSize(round(size.width() * scale), round(size.height() * scale)))
    image = reader.read()
    if image.isNull():
        return None
    return image.transformed(QTransform().rotate(rotation)) if rotation else image


def _answer_box(*parts: QWidget | None) -> QWidget:
    """A question's column beside the preview: its parts one under the other; None is a stretch."""
    box = QWidget()
    column = QVBoxLayout(box)
    column.setContentsMargins(0, 0, 0, 0)
    column.setSpacing(16)
    for part in parts:
        if part is None:
            column.addStretch()
        else:
            column.addWidget(part)
    return box


def _svg_picture(path: Path, size: QSize) -> QLabel:
    label = QLabel()
    scale = label.devicePixelRatioF()
    pixmap = QPixmap(size * scale)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    QSvgRenderer(str(path)).render(painter, QRectF(0, 0, pixmap.width(), pixmap.height()))
    painter.end()
    pixmap.setDevicePixelRatio(scale)
    label.setPixmap(pixmap)
    label.setAlignment(Qt.AlignmentFlag.AlignCenter)
    return label
