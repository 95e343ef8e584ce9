"""The pages of the document to print as thumbnails, as many a row as the area holds, drawn one per
event-loop turn (the options screen shows at once even for a long document); pages left out of the chosen
range are greyed."""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt, QTimer
from PySide6.QtGui import QColor, QPixmap
from PySide6.QtPdf import QPdfDocument
from PySide6.QtWidgets import QGridLayout, QLabel, QScrollArea, QVBoxLayout, QWidget

from kiosk.shell import theme
from kiosk.shell.page_pictures import render_page
from kiosk.shell.retranslate import Retranslating
from kiosk.shell.wizard_parts import wizard_label

THUMBNAIL = QSize(150, 200)  # px: the box each page is fitted into
SPACING = 16


class PageThumbnails(Retranslating, QScrollArea):
    def __init__(self, document: QPdfDocument, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._document = document
        self._cells: list[QWidget] = []
        self.drawn = 0  # thumbnails drawn so far, in page order
        self._drawing = QTimer(self)
        self._drawing.setSingleShot(True)
        self._drawing.setInterval(0)
        self._drawing.timeout.connect(self._draw_next)
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

    def show_pages(self, count: int) -> None:
        """Blank thumbnails for the document's `count` pages at once, then their pictures one by one."""
        self.clear()
        scale = self.devicePixelRatioF()
        blank = QPixmap(THUMBNAIL * scale)
        blank.fill(QColor(theme.WHITE))
        blank.setDevicePixelRatio(scale)
        for _ in range(count):
            cell = QWidget()
            thumbnail = QLabel()
            thumbnail.setObjectName("PageThumbnail")
            thumbnail.setFixedSize(THUMBNAIL + QSize(4, 4))
            thumbnail.setAlignment(Qt.AlignmentFlag.AlignCenter)
            thumbnail.setPixmap(blank)
            number = wizard_label("", "PageNumber")
            number.setAlignment(Qt.AlignmentFlag.AlignHCenter)
            stack = QVBoxLayout(cell)
            stack.setContentsMargins(0, 0, 0, 0)
            stack.setSpacing(4)
            stack.addWidget(thumbnail, 0, Qt.AlignmentFlag.AlignHCenter)
            stack.addWidget(number)
            self._cells.append(cell)
        self.retranslate()
        self._lay_out()
        self.drawn = 0
        self._drawing.start()

    def clear(self) -> None:
        self._drawing.stop()
        for cell in self._cells:
            cell.deleteLater()
        self._cells = []

    def dim_left_out(self, first: int, last: int) -> None:
        """Pages outside `first`…`last` (numbered from 1) are greyed, with a dashed border."""
        for index, cell in enumerate(self._cells):
            left_out = not first <= index + 1 <= last
            thumbnail = cell.findChild(QLabel, "PageThumbnail")
            if thumbnail.property("left_out") != left_out:
                thumbnail.setProperty("left_out", left_out)
                thumbnail.style().unpolish(thumbnail)
                thumbnail.style().polish(thumbnail)
            cell.setEnabled(not left_out)

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        self._lay_out()

    def _lay_out(self) -> None:
        """As many pages a row as the area holds, at least one."""
        room = self.viewport().width()
        columns = max(1, (room + SPACING) // (THUMBNAIL.width() + 4 + SPACING))
        for cell in self._cells:
            self._grid.removeWidget(cell)
        for index, cell in enumerate(self._cells):
            self._grid.addWidget(cell, index // columns, index % columns)

    def _draw_next(self) -> None:
        index = self.drawn
        if index >= len(self._cells) or self._document.status() != QPdfDocument.Status.Ready:
            return
        scale = self.devicePixelRatioF()
        pixmap = QPixmap.fromImage(render_page(self._document, index, THUMBNAIL * scale))
        pixmap.setDevicePixelRatio(scale)
        self._cells[index].findChild(QLabel, "PageThumbnail").setPixmap(pixmap)
        self.drawn += 1
        self._drawing.start()
