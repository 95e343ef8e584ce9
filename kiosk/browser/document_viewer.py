"""The kiosk's own viewer for one downloaded document: a PDF (every page, one under the other) or an image,
with big "Plus petit", "Plus grand" (the browser bar's words), "Imprimer" and "Fermer" buttons. A document
that cannot be shown gets a calm sentence instead; no outside program is ever opened. Printing is asked for
by signal (the printer flow).

Nothing heavy runs on the GUI thread: a PDF is loaded off it (kiosk.shell.pdf_opening) and a picture decoded
and scaled off it (kiosk.browser.viewer_pictures), through kiosk.tasks; meanwhile the visitor reads
"Ouverture du document…". An answer that comes after the document was closed, or another one opened, is
dropped and its file let go."""

from __future__ import annotations

import logging
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtGui import QImage, QPixmap
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPdfWidgets import QPdfView
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QScrollArea,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from kiosk.browser.viewer_pictures import read_picture, scaled_picture
from kiosk.session_documents import IMAGES, PDF, shown_name, sniff_file
from kiosk.shell.bar_button import bar_button
from kiosk.shell.icons import Icons
from kiosk.shell.pdf_file import PdfFile
from kiosk.shell.pdf_opening import UnreadablePdf, let_go, open_pdf
from kiosk.shell.retranslate import Retranslating
from kiosk.shell.zoom import ZoomSteps
from kiosk.tasks import Tasks

log = logging.getLogger(__name__)

T = TypeVar("T")

ZOOM_STEPS = (0.5, 0.75, 1.0, 1.25, 1.5, 2.0, 2.5, 3.0)
DAMAGED, PROTECTED = "damaged", "protected"  # why a document cannot be shown


class DocumentViewer(Retranslating, QWidget):
    closed = Signal()
    printRequested = Signal(str)  # the document's path
    ready = Signal()  # the document opened is shown, or the sentence saying it cannot be

    def __init__(self, icons: Icons, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("DocumentViewer")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground)
        self._path: str | None = None
        self._zoom = ZoomSteps(ZOOM_STEPS)
        self._image = QImage()  # the picture shown, whole; the label shows it scaled
        self._tasks = Tasks(self)  # reads the document; closing it forgets an answer still coming
        self._pdf: PdfFile | None = None  # closed, it lets go of the file: the session can delete it
        self._no_document = QPdfDocument(self)  # what the view shows when no PDF is open
        self._page_count: int | None = None  # shown as "3 pages" once a PDF shows
        self._cannot_show_why: str | None = None  # DAMAGED or PROTECTED while the message shows

        self.pdf_view = QPdfView()
        self.pdf_view.setObjectName("PdfView")
        self.pdf_view.setDocument(self._no_document)
        self.pdf_view.setPageMode(QPdfView.PageMode.MultiPage)
        self.pdf_view.setZoomMode(QPdfView.ZoomMode.Custom)
        self.image_label = QLabel()
        self.image_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.image_area = QScrollArea()
        self.image_area.setWidget(self.image_label)
        self.image_area.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.message = QLabel()
        self.message.setObjectName("ViewerMessage")
        self.message.setWordWrap(True)
        self.message.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.opening = QLabel()
        self.opening.setObjectName("ViewerMessage")
        self.opening.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.content = QStackedWidget()
        for widget in (self.pdf_view, self.image_area, self.message, self.opening):
            self.content.addWidget(widget)

        self.title = QLabel()
        self.title.setObjectName("ViewerTitle")
        self.pages = QLabel()
        self.pages.setObjectName("ViewerPages")
        self.title.setWordWrap(True)
        self.smaller_button = bar_button(icons, "zoom-out", "", self.zoom_out)
        self.bigger_button = bar_button(icons, "zoom-in", "", self.zoom_in)
        self.print_button = bar_button(icons, "printer", "", self._print)
        self.close_button = bar_button(icons, "x", "", self.close_document, primary=True)
        bar = QWidget()
        bar.setObjectName("ViewerBar")
        row = QHBoxLayout(bar)
        row.setContentsMargins(16, 8, 16, 8)
        row.setSpacing(12)
        names = QVBoxLayout()
        names.addWidget(self.title)
        names.addWidget(self.pages)
        row.addLayout(names, 1)
        for button in (self.smaller_button, self.bigger_button, self.print_button, self.close_button):
            row.addWidget(button)

        column = QVBoxLayout(self)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(0)
        column.addWidget(bar)
        column.addWidget(self.content, 1)
        self.retranslate()

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Votre document"))  # the top bar shows it
        self.smaller_button.setText(self.tr("Plus petit"))
        self.bigger_button.setText(self.tr("Plus grand"))
        self.print_button.setText(self.tr("Imprimer"))
        self.close_button.setText(self.tr("Fermer"))
        self.opening.setText(self.tr("Ouverture du document…"))
        self._show_page_count(self._page_count)
        if self._cannot_show_why is not None:
            self._say_why(self._cannot_show_why)

    @property
    def path(self) -> str | None:
        return self._path

    @property
    def document(self) -> QPdfDocument:
        """The PDF shown (an empty document when none is)."""
        return self._pdf.document if self._pdf is not None else self._no_document

    @property
    def is_opening(self) -> bool:
        """The document is still being read: the visitor sees "Ouverture du document…"."""
        return self.content.currentWidget() is self.opening

    def zoom_factor(self) -> float:
        return self._zoom.factor

    def open_document(self, path: str | Path) -> None:
        """Shows the PDF or image at `path` once read off the GUI thread ("Ouverture du document…"
        meanwhile); anything else, or a damaged file, shows a calm message. `ready` says when it is done."""
        self._let_go()
        self._path = str(path)
        self._zoom.reset()
        self.title.setText(shown_name(Path(path).name))  # without file jargon (".pdf")
        self._show_page_count(None)
        self._cannot_show_why = None
        kind = sniff_file(Path(path))
        if kind == PDF:
            gui_thread = self.thread()
            self._start_opening(lambda: open_pdf(path, gui_thread), self._show_pdf, discard=let_go)
        elif kind in IMAGES:
            self._start_opening(lambda: read_picture(path), self._show_picture)
        else:
            self._cannot_show(DAMAGED)
        self._update_buttons()

    def close_document(self) -> None:
        """Lets go of the file (so the session can delete it) and says so."""
        self.release()
        self.closed.emit()

    def release(self) -> None:
        """Lets go of the file without a word: the session is ending."""
        self._let_go()
        self._path = None

    def zoom_in(self) -> None:
        self.zoom(+1)

    def zoom_out(self) -> None:
        self.zoom(-1)

    def zoom(self, steps: int) -> None:
        self._zoom.move(steps)
        if self.content.currentWidget() is self.pdf_view:
            self.pdf_view.setZoomFactor(self.zoom_factor())
        elif self.content.currentWidget() is self.image_area:
            self._show_image()
        self._update_buttons()

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        if not self._image.isNull():
            self._show_image()

    def _let_go(self) -> None:
        """No document any more, and no answer still coming: every file let go."""
        self._tasks.forget()
        self.pdf_view.setDocument(self._no_document)
        if self._pdf is not None:
            let_go(self._pdf)
            self._pdf = None
        self._image = QImage()
        self.image_label.clear()

    def _start_opening(
        self, work: Callable[[], T], done: Callable[[T], None], discard: Callable[[T], None] | None = None
    ) -> None:
        self.content.setCurrentWidget(self.opening)
        self._tasks.run(work, done, self._cannot_open, latest="document", discard=discard)

    def _show_pdf(self, pdf: PdfFile) -> None:
        pdf.setParent(self)
        self._pdf = pdf
        self._show_page_count(pdf.document.pageCount())
        self.pdf_view.setDocument(pdf.document)  # its page sizes already read: the layout is quick
        self.pdf_view.setZoomFactor(self.zoom_factor())
        self.pdf_view.verticalScrollBar().setValue(0)
        self._shown(self.pdf_view)

    def _show_picture(self, image: QImage) -> None:
        self._image = image
        self._show_image()  # shown once scaled

    def _cannot_open(self, error: Exception) -> None:
        log.info("document not shown: %s", type(error).__name__)
        if isinstance(error, UnreadablePdf) and error.error == QPdfDocument.Error.IncorrectPassword:
            self._cannot_show(PROTECTED)
        else:
            self._cannot_show(DAMAGED)

    def _show_image(self) -> None:
        """At 1.0 the image fits the screen (never enlarged past its own size); zoom scales from there. The
        picture is scaled off the GUI thread; the label keeps the previous size until then."""
        image = self._image
        room = self.image_area.viewport().size()
        fit = min(1.0, room.width() / image.width(), room.height() / image.height())
        scale = max(fit, 0.05) * self.zoom_factor()
        size = QSize(max(1, round(image.width() * scale)), max(1, round(image.height() * scale)))
        self._tasks.run(lambda: scaled_picture(image, size), self._set_picture, latest="scaled")

    def _set_picture(self, scaled: QImage) -> None:
        self.image_label.setPixmap(QPixmap.fromImage(scaled))
        self.image_label.resize(scaled.size())
        if self.is_opening:
            self._shown(self.image_area)

    def _shown(self, widget: QWidget) -> None:
        self.content.setCurrentWidget(widget)
        self._update_buttons()
        self.ready.emit()

    def _show_page_count(self, count: int | None) -> None:
        self._page_count = count
        if count is None:
            self.pages.setText("")
        else:
            self.pages.setText(self.tr("1 page") if count == 1 else self.tr("{n} pages").format(n=count))

    def _cannot_show(self, why: str) -> None:
        """`why`: DAMAGED or PROTECTED."""
        self._say_why(why)
        self._shown(self.message)

    def _say_why(self, why: str) -> None:
        self._cannot_show_why = why
        reasons = {
            DAMAGED: self.tr("Il est peut-être abîmé."),
            PROTECTED: self.tr("Il est protégé par un mot de passe."),
        }
        lines = (
            self.tr("Ce document ne peut pas être affiché."),
            reasons[why],
            self.tr("Touchez « Fermer » pour revenir."),
        )
        self.message.setText("\n".join(lines))

    def _showing(self) -> bool:
        return self.content.currentWidget() in (self.pdf_view, self.image_area)

    def _print(self) -> None:
        if self._path is not None and self._showing():
            self.printRequested.emit(self._path)

    def _update_buttons(self) -> None:
        showing = self._showing()
        self.smaller_button.setEnabled(showing and self._zoom.can_shrink)
        self.bigger_button.setEnabled(showing and self._zoom.can_grow)
        self.print_button.setEnabled(showing)
