"""The pages of the document to print as thumbnails, as many a row as the area holds: blank at once, then
drawn a few pages at a time off the GUI thread (kiosk.tasks), in page order, so that the options screen
shows at once even for a long document; pages left out of the chosen range are greyed."""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QColor, QImage, QPixmap
from PySide6.QtWidgets import QGridLayout, QLabel, QScrollArea, QVBoxLayout, QWidget

from kiosk.shell import theme
from kiosk.shell.page_pictures import render_pages
from kiosk.shell.wizard_parts import wizard_label
from kiosk.tasks import Tasks

log = logging.getLogger(__name__)

THUMBNAIL = QSize(150, 200)  # px: the box each page is fitted into
SPACING = 16
BATCH = 8  # pages drawn by one work: each work opens the document anew, and answers soon


class PageThumbnails(QScrollArea):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._path: str | None = None
        self._cells: list[QWidget] = []
        self.drawn = 0  # thumbnails drawn so far, in page order
        self._drawing = Tasks(self)  # clear() forgets the pages still being drawn
        self._grid = QGridLayout()
        self._grid.setSpacing(SPACING)
        self._grid.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        holder = QWidget()
        holder.setLayout(self._grid)
        self.setWidget(holder)
        self.setWidgetResizable(True)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)

    def show_pages(self, path: str | Path, count: int) -> None:
        """Blank thumbnails for the `count` pages of the PDF at `path` at once, then their pictures."""
        self.clear()
        self._path = str(path)
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
            self._cells.append(cell)
        self._lay_out()
        self.drawn = 0
        self._draw_next()

    def clear(self) -> None:
        self._drawing.forget()
        self._path = None
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
        """The next few pages, on a worker thread; their answer asks for the ones after."""
        first, path = self.drawn, self._path
        if path is None or first >= len(self._cells):
            return
        last, box = first + BATCH - 1, THUMBNAIL * self.devicePixelRatioF()
        self._drawing.run(lambda: render_pages(path, first, last, box), self._put, self._not_drawn)

    def _put(self, pages: list[QImage]) -> None:
        scale = self.devicePixelRatioF()
        for image in pages:
            if self.drawn >= len(self._cells):
                return
            pixmap = QPixmap.fromImage(image)
            pixmap.setDevicePixelRatio(scale)
            self._cells[self.drawn].findChild(QLabel, "PageThumbnail").setPixmap(pixmap)
            self.drawn += 1
        if pages:
            self._draw_next()

    def _not_drawn(self, error: Exception) -> None:
        log.warning("page thumbnails not drawn: %s", type(error).__name__)  # the blank ones stay
