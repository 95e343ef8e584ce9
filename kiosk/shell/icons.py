"""Draws the shipped Lucide SVG icons in the theme's colours at the size a control needs."""

from __future__ import annotations

from functools import cache

from PySide6.QtCore import QByteArray, QRectF, Qt
from PySide6.QtGui import QIcon, QPainter, QPixmap
from PySide6.QtSvg import QSvgRenderer

from kiosk.resources import icon_path


@cache
def _svg(name: str, colour: str) -> QByteArray:
    text = icon_path(name).read_text(encoding="utf-8").replace("currentColor", colour)
    return QByteArray(text.encode("utf-8"))


def icon_pixmap(name: str, colour: str, size: int, scale: float = 1.0) -> QPixmap:
    """The icon `name` drawn with strokes of `colour`, `size` logical pixels square."""
    pixmap = QPixmap(round(size * scale), round(size * scale))
    pixmap.setDevicePixelRatio(scale)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    QSvgRenderer(_svg(name, colour)).render(painter, QRectF(0, 0, size, size))
    painter.end()
    return pixmap


def icon(name: str, colour: str, size: int) -> QIcon:
    return QIcon(icon_pixmap(name, colour, size))
