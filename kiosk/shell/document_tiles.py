"""Large tiles for the visitor's documents (downloads, scans): the first page of a PDF or the picture, its
name below (whole when it fits two lines, without its ".pdf"), a thick border and a check mark once
touched. Used wherever a visitor picks a document: the upload
chooser and the print wizard. The thumbnail is made off the GUI thread: a picture decoded on a worker
(kiosk.tasks), a PDF loaded on one (kiosk.shell.pdf_opening) and its first page drawn on QtPdf's render thread
(kiosk.shell.page_queue); a tile deleted meanwhile never hears of it."""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtCore import QEvent, QRect, QSize, Qt
from PySide6.QtGui import QFontMetrics, QImage, QImageReader, QPixmap
from PySide6.QtWidgets import QLabel, QPushButton, QVBoxLayout, QWidget

from kiosk.session_documents import SessionDocument
from kiosk.shell import theme
from kiosk.shell.icons import Icons
from kiosk.shell.page_queue import PageQueue
from kiosk.shell.pdf_file import PdfFile
from kiosk.shell.pdf_opening import let_go, open_pdf
from kiosk.tasks import Tasks

log = logging.getLogger(__name__)

THUMBNAIL = QSize(180, 220)  # px: the box a first page or a picture is fitted into
TILE_SIZE = QSize(220, 320)
CHECK_SIZE = 44


def picture_thumbnail(path: Path, box: QSize) -> QImage:
    """Worker: the picture at `path` fitted into `box`; a null image if it cannot be read."""
    reader = QImageReader(str(path))
    reader.setAutoTransform(True)  # photos taken sideways
    if reader.size().isValid():
        reader.setScaledSize(reader.size().scaled(box, Qt.AspectRatioMode.KeepAspectRatio))
    image = reader.read()
    if not image.isNull() and (image.width() > box.width() or image.height() > box.height()):
        image = image.scaled(
            box, Qt.AspectRatioMode.KeepAspectRatio, Qt.TransformationMode.SmoothTransformation
        )
    return image


class DocumentTile(QPushButton):
    """One document: its thumbnail and its name; touched, it is marked with a thick border and a check."""

    def __init__(self, document: SessionDocument, icons: Icons, parent: QWidget | None = None):
        super().__init__(parent)
        self.document = document
        self.setObjectName("DocumentTile")
        self.setCheckable(True)
        self.setFixedSize(TILE_SIZE)
        self.setFocusPolicy(Qt.FocusPolicy.TabFocus)  # a touch selects without the focus ring hiding it
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self.setAccessibleName(document.shown_name)

        scale = self.devicePixelRatioF()
        self.thumbnail = QLabel()
        self.thumbnail.setObjectName("DocumentThumbnail")
        self.thumbnail.setFixedSize(THUMBNAIL)
        self.thumbnail.setAlignment(Qt.AlignmentFlag.AlignCenter)
        placeholder = "file-text" if document.kind == "pdf" else "image"
        self.thumbnail.setPixmap(icons.pixmap(placeholder, theme.BLUE, 96, scale))
        self.has_thumbnail = False
        self._tasks = Tasks(self)  # deleted with the tile: a thumbnail still being made is dropped
        self._pages: PageQueue | None = None  # draws a PDF's first page, then goes
        self.name = QLabel()
        self.name.setObjectName("DocumentName")
        self.name.ensurePolished()
        self.name.setText(_fitted(document.shown_name, self.name.fontMetrics(), TILE_SIZE.width() - 24))
        self.name.setWordWrap(True)
        self.name.setMaximumHeight(TILE_SIZE.height() - THUMBNAIL.height() - 30)  # never over the picture
        self.name.setAlignment(Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop)
        self.check = QLabel(self)
        self.check.setObjectName("TileCheck")
        self.check.setFixedSize(CHECK_SIZE, CHECK_SIZE)
        self.check.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.check.setPixmap(icons.pixmap("check", theme.WHITE, 32, scale))
        self.check.move(TILE_SIZE.width() - CHECK_SIZE - 8, 8)
        self.check.hide()

        column = QVBoxLayout(self)
        column.setContentsMargins(12, 14, 12, 8)
        column.setSpacing(8)
        column.addWidget(self.thumbnail, 0, Qt.AlignmentFlag.AlignHCenter)
        column.addWidget(self.name, 1)
        for child in (self.thumbnail, self.name, self.check):
            child.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        self.check.raise_()
        self.toggled.connect(self.check.setVisible)

    def sizeHint(self) -> QSize:
        return TILE_SIZE  # the stylesheet's min-height for every button must not shrink a tile

    def event(self, event: QEvent) -> bool:
        handled = super().event(event)
        if event.type() == QEvent.Type.Polish:
            self.setFixedSize(TILE_SIZE)  # the stylesheet's min-height, set while polishing, let it shrink
        return handled

    def minimumSizeHint(self) -> QSize:
        return TILE_SIZE

    def draw_thumbnail(self) -> None:
        """Draws the thumbnail off the GUI thread; the placeholder stays if the document cannot be read."""
        path, box = self.document.path, THUMBNAIL * self.devicePixelRatioF()
        if self.document.kind == "pdf":
            gui_thread = self.thread()
            opening = lambda: open_pdf(path, gui_thread, read_sizes=False)  # noqa: E731
            self._tasks.run(opening, self._draw_first_page, self._not_drawn, discard=let_go)
        else:
            self._tasks.run(lambda: picture_thumbnail(path, box), self._set_thumbnail, self._not_drawn)

    def _draw_first_page(self, pdf: PdfFile) -> None:
        self._pages = PageQueue(self)
        pdf.setParent(self._pages)  # deleted after the queue's render thread has stopped
        self._pages.rendered.connect(lambda _index, image: self._first_page_drawn(pdf, image))
        self._pages.draw(pdf.document, [0], THUMBNAIL * self.devicePixelRatioF())

    def _first_page_drawn(self, pdf: PdfFile, image: QImage) -> None:
        self._set_thumbnail(image)
        self._pages.clear()
        let_go(pdf)  # the file closed now, not once the tile is deleted
        self._pages.deleteLater()
        self._pages = None

    def _set_thumbnail(self, image: QImage) -> None:
        if not image.isNull():
            pixmap = QPixmap.fromImage(image)
            pixmap.setDevicePixelRatio(self.devicePixelRatioF())
            self.thumbnail.setPixmap(pixmap)
            self.has_thumbnail = True

    def _not_drawn(self, error: Exception) -> None:
        log.warning("no thumbnail for a document: %s", type(error).__name__)


def _fitted(name: str, metrics: QFontMetrics, width: int, lines: int = 2) -> str:
    """`name` wrapped in at most `lines` lines of `width` px; a longer name loses its middle."""
    room = width * lines
    while True:
        text = _breakable(metrics.elidedText(name, Qt.TextElideMode.ElideMiddle, room))
        height = metrics.boundingRect(QRect(0, 0, width, 10_000), Qt.TextFlag.TextWordWrap, text).height()
        if height <= lines * metrics.lineSpacing() or room <= width:
            return text
        room -= metrics.averageCharWidth() * 2


def _breakable(name: str) -> str:
    """Lets a long name wrap after its separators ("attestation-paiement-caf"), never inside a word."""
    for separator in "_-":
        name = name.replace(separator, separator + "\u200b")
    return name
