"""The pages of the document to print as thumbnails, as many a row as the area holds, drawn one by one on
QtPdf's render thread (kiosk.shell.page_queue) and shown in page order as they come, so that the options
screen shows at once even for a long document; pages left out of the chosen range are greyed."""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QImage, QPixmap
from PySide6.QtPdf import QPdfDocument
from PySide6.QtWidgets import QGridLayout, QLabel, QScrollArea, QVBoxLayout, QWidget

from kiosk.shell.page_queue import PageQueue
from kiosk.shell.retranslate import Retranslating
from kiosk.shell.wizard_parts import wizard_label

THUMBNAIL = QSize(150, 200)  # px: the box each page is fitted into
SPACING = 16


class PageThumbnails(Retranslating, QScrollArea):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._count = 0
        self._cells: list[QWidget] = []
        self._kept = (1, 0)  # the pages printed (from 1, included); the others are greyed
        self.drawn = 0  # thumbnails drawn so far, in page order
        self._drawing = PageQueue(self)  # clear() drops the pages still to draw
        self._drawing.rendered.connect(self._put)
        self._grid = QGridLayout()
        self._grid.setSpacing(SPACING)
        self._grid.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        holder = QWidget()
        holder.setLayout(self._grid)
        self.setWidget(holder)
        self.setWidgetResizable(True)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.retranslate()

    def retranslate(self) -> None:
        for index, cell in enumerate(self._cells):
            cell.findChild(QLabel, "PageNumber").setText(self.tr("Page {n}").format(n=index + 1))

    def show_pages(self, document: QPdfDocument) -> None:
        """The pages of the loaded `document` (which must outlive `clear()`), each shown once drawn, in page
        order: no event-loop turn makes hundreds of widgets."""
        self.clear()
        self._count = document.pageCount()
        self._kept = (1, self._count)
        self.drawn = 0
        self._drawing.draw(document, list(range(self._count)), THUMBNAIL * self.devicePixelRatioF())

    def clear(self) -> None:
        """No page shown or still to draw: the document may be closed."""
        self._drawing.clear()
        self._count = 0
        for cell in self._cells:
            cell.deleteLater()
        self._cells = []

    def dim_left_out(self, first: int, last: int) -> None:
        """Pages outside `first`…`last` (numbered from 1) are greyed, with a dashed border."""
        self._kept = (first, last)
        for index, cell in enumerate(self._cells):
            self._dim(index, cell)

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        self._lay_out()

    def _columns(self) -> int:
        """As many pages a row as the area holds, at least one."""
        room = self.viewport().width()
        return max(1, (room + SPACING) // (THUMBNAIL.width() + 4 + SPACING))

    def _lay_out(self) -> None:
        columns = self._columns()
        for cell in self._cells:
            self._grid.removeWidget(cell)
        for index, cell in enumerate(self._cells):
            self._grid.addWidget(cell, index // columns, index % columns)

    def _put(self, index: int, image: QImage) -> None:
        if index != len(self._cells):
            return  # pages come in order; anything else was asked for another document
        cell = self._cell(index, image)
        self._cells.append(cell)
        columns = self._columns()
        self._grid.addWidget(cell, index // columns, index % columns)
        self.drawn += 1

    def _cell(self, index: int, image: QImage) -> QWidget:
        """Page `index` (from 0): its picture in a frame, its number below."""
        pixmap = QPixmap.fromImage(image)
        pixmap.setDevicePixelRatio(self.devicePixelRatioF())
        cell = QWidget()
        thumbnail = QLabel()
        thumbnail.setObjectName("PageThumbnail")
        thumbnail.setFixedSize(THUMBNAIL + QSize(4, 4))
        thumbnail.setAlignment(Qt.AlignmentFlag.AlignCenter)
        thumbnail.setPixmap(pixmap)
        number = wizard_label(self.tr("Page {n}").format(n=index + 1), "PageNumber", wrap=False)
        number.setAlignment(Qt.AlignmentFlag.AlignHCenter)
        stack = QVBoxLayout(cell)
        stack.setContentsMargins(0, 0, 0, 0)
        stack.setSpacing(4)
        stack.addWidget(thumbnail, 0, Qt.AlignmentFlag.AlignHCenter)
        stack.addWidget(number)
        cell.ensurePolished()  # the stylesheet's font first: the size follows from it
        cell.setFixedSize(cell.sizeHint())  # the grid of hundreds of pages is laid out without asking them
        self._dim(index, cell)
        return cell

    def _dim(self, index: int, cell: QWidget) -> None:
        first, last = self._kept
        left_out = not first <= index + 1 <= last
        thumbnail = cell.findChild(QLabel, "PageThumbnail")
        if thumbnail.property("left_out") != left_out:
            thumbnail.setProperty("left_out", left_out)
            thumbnail.style().unpolish(thumbnail)
            thumbnail.style().polish(thumbnail)
        cell.setEnabled(not left_out)
