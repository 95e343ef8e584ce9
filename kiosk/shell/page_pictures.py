"""Pictures of PDF pages for thumbnails: a page fitted into a box, drawn on white (PDF pages without a
background of their own are transparent, which would show the screen behind them). Everything here is safe
on a worker thread: QImage only, and documents made and dropped on the thread that uses them."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSize, QSizeF, Qt
from PySide6.QtGui import QColor, QImage, QPainter
from PySide6.QtPdf import QPdfDocument

from kiosk.shell import theme
from kiosk.shell.pdf_file import opened_pdf


def render_page(document: QPdfDocument, index: int, box: QSize) -> QImage:
    """Page `index` of a loaded document, as large as fits in `box` (device pixels), on white."""
    size = document.pagePointSize(index).scaled(QSizeF(box), Qt.AspectRatioMode.KeepAspectRatio).toSize()
    image = document.render(index, size)
    page = QImage(image.size(), QImage.Format.Format_RGB32)
    page.fill(QColor(theme.WHITE))
    painter = QPainter(page)
    painter.drawImage(0, 0, image)
    painter.end()
    return page


def render_pages(path: str | Path, first: int, last: int, box: QSize) -> list[QImage]:
    """Pages `first`…`last` (from 0, included) of the PDF at `path`, each fitted into `box`; fewer (or none)
    when the document has fewer pages or cannot be read."""
    with opened_pdf(path) as document:
        if document.status() != QPdfDocument.Status.Ready:
            return []
        last = min(last, document.pageCount() - 1)
        return [render_page(document, index, box) for index in range(first, last + 1)]
