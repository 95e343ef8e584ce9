"""Pictures of PDF pages for thumbnails, drawn on white: PDF pages without a background of their own are
transparent, which would show the screen behind them."""

from __future__ import annotations

from PySide6.QtGui import QColor, QImage, QPainter

from kiosk.shell import theme


def on_white(image: QImage) -> QImage:
    """A rendered page (transparent where the PDF draws nothing) on a white sheet of its size."""
    page = QImage(image.size(), QImage.Format.Format_RGB32)
    page.fill(QColor(theme.WHITE))
    painter = QPainter(page)
    painter.drawImage(0, 0, image)
    painter.end()
    return page
