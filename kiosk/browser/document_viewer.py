"""The kiosk's own viewer for one downloaded document: a PDF (every page, one under the other) or an image,
with big "Plus petit", "Plus grand" (the browser bar's words), "Imprimer" and "Fermer" buttons. A document
that cannot be shown gets a calm sentence instead; no outside program is ever opened. Printing is asked for
by signal (the printer flow)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtGui import QPixmap
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

from kiosk.session_documents import IMAGES, PDF, shown_name, sniff_file
from kiosk.shell.bar_button import bar_button
from kiosk.shell.icons import Icons
from kiosk.shell.pdf_file import PdfFile
from kiosk.shell.retranslate import Retranslating
from kiosk.shell.zoom import ZoomSteps

ZOOM_STEPS = (0.5, 0.75, 1.0, 1.25, 1.5, 2.0, 2.5, 3.0)
DAMAGED, PROTECTED = "damaged", "protected"  # why a document cannot be shown


class DocumentViewer(Retranslating, QWidget):
    closed = Signal()
    printRequested = Signal(str)  # the document's path

    def __init__(self, icons: Icons, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("DocumentViewer")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground)
        self._path: str | None = None
        self._zoom = ZoomSteps(ZOOM_STEPS)
        self._image = QPixmap()
        self._page_count: int | None = None  # shown as "3 pages" once a PDF shows
        self._cannot_show_why: str | None = None  # DAMAGED or PROTECTED while the message shows

        self._pdf = PdfFile(self)  # closed, it lets go of the file: the session can delete it
        self.document = self._pdf.document
        self.pdf_view = QPdfView()
        self.pdf_view.setObjectName("PdfView")
        self.pdf_view.setDocument(self.document)
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
        self.content = QStackedWidget()
        for widget in (self.pdf_view, self.image_area, self.message):
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
        self._show_page_count(self._page_count)
        if self._cannot_show_why is not None:
            self._cannot_show(self._cannot_show_why)

    @property
    def path(self) -> str | None:
        return self._path

    def zoom_factor(self) -> float:
        return self._zoom.factor

    def open_document(self, path: str | Path) -> None:
        """Shows the PDF or image at `path`; anything else, or a damaged file, shows a calm message."""
        self._pdf.close()
        self._image = QPixmap()
        self._path = str(path)
        self._zoom.reset()
        self.title.setText(shown_name(Path(path).name))  # without file jargon (".pdf")
        self._show_page_count(None)
        self._cannot_show_why = None
        kind = sniff_file(Path(path))
        if kind == PDF:
            self._open_pdf()
        elif kind in IMAGES and self._image.load(self._path):
            self.content.setCurrentWidget(self.image_area)
            self._show_image()
        else:
            self._cannot_show(DAMAGED)
        self._update_buttons()

    def close_document(self) -> None:
        """Lets go of the file (so the session can delete it) and says so."""
        self.release()
        self.closed.emit()

    def release(self) -> None:
        """Lets go of the file without a word: the session is ending."""
        self._pdf.close()
        self._image = QPixmap()
        self.image_label.clear()
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
        if self.content.currentWidget() is self.image_area:
            self._show_image()

    def _open_pdf(self) -> None:
        error = self._pdf.load(self._path)
        if error == QPdfDocument.Error.IncorrectPassword:
            self._pdf.close()
            self._cannot_show(PROTECTED)
        elif error != QPdfDocument.Error.None_ or self.document.pageCount() < 1:
            self._pdf.close()
            self._cannot_show(DAMAGED)
        else:
            self._show_page_count(self.document.pageCount())
            self.pdf_view.setZoomFactor(self.zoom_factor())
            self.pdf_view.verticalScrollBar().setValue(0)
            self.content.setCurrentWidget(self.pdf_view)

    def _show_image(self) -> None:
        """At 1.0 the image fits the screen (never enlarged past its own size); zoom scales from there."""
        if self._image.isNull():
            return
        room = self.image_area.viewport().size()
        fit = min(1.0, room.width() / self._image.width(), room.height() / self._image.height())
        scale = max(fit, 0.05) * self.zoom_factor()
        size = QSize(max(1, round(self._image.width() * scale)), max(1, round(self._image.height() * scale)))
        self.image_label.setPixmap(
            self._image.scaled(
                size, Qt.AspectRatioMode.KeepAspectRatio, Qt.TransformationMode.SmoothTransformation
            )
        )
        self.image_label.resize(size)

    def _show_page_count(self, count: int | None) -> None:
        self._page_count = count
        if count is None:
            self.pages.setText("")
        else:
            self.pages.setText(self.tr("1 page") if count == 1 else self.tr("{n} pages").format(n=count))

    def _cannot_show(self, why: str) -> None:
        """`why`: DAMAGED or PROTECTED."""
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
        self.content.setCurrentWidget(self.message)

    def _print(self) -> None:
        if self._path is not None and self.content.currentWidget() is not self.message:
            self.printRequested.emit(self._path)

    def _update_buttons(self) -> None:
        showing = self.content.currentWidget() is not self.message
        self.smaller_button.setEnabled(showing and self._zoom.can_shrink)
        self.bigger_button.setEnabled(showing and self._zoom.can_grow)
        self.print_button.setEnabled(showing)
