"""Pictures of PDF pages for thumbnails: a page fitted into a box, drawn on white (PDF pages without a
background of their own are transparent, which would show the screen behind them). Safe on a worker thread:
QImage only."""

from __future__ import annotations

from PySide6.QtCore import QSize, QSizeF, Qt
from PySide6.QtGui import QColor, QImage, QPainter
from PySide6.QtPdf import QPdfDocument

from kiosk.shell import theme


def render_page(document: QPdfDocument, index: int, box: QSize) -> QImage:
    """Page `index` of a loaded document, as large as fits in `box` (device pixels), on white."""
    size = document.pagePointSize(index).scaled(QSizeF(box), Qt.AspectRatioMode.KeepAspectRatio).toSize()
    return on_white(document.render(index, size))


def on_white(image: QImage) -> QImage:
    """A rendered page (transparent where the PDF draws nothing) on a white sheet of its size."""
    page = QImage(image.size(), QImage.Format.Format_RGB32)
    page.fill(QColor(theme.WHITE))
    painter = QPainter(page)
    painter.drawImage(0, 0, image)
    painter.end()
    return page
