"""Draws the shipped Lucide SVG icons in the theme's colours at the size a control needs.

Rendered icons are kept as PNG files in a cache folder, keyed by the SVG's bytes, colour and size: a kiosk
that has started once draws its home screen without loading Qt's SVG renderer (bench/startup.py).
"""

from __future__ import annotations

import logging
import os
import zlib
from pathlib import Path

from PySide6.QtCore import QByteArray, QRectF, Qt
from PySide6.QtGui import QIcon, QPainter, QPixmap

from kiosk.resources import icon_path

log = logging.getLogger(__name__)


class Icons:
    def __init__(self, cache_dir: Path | None):
        self._cache_dir = cache_dir

    def pixmap(self, name: str, colour: str, size: int, scale: float = 1.0) -> QPixmap:
        """The icon `name` drawn with strokes of `colour`, `size` logical pixels square."""
        pixels = round(size * scale)
        svg = icon_path(name).read_bytes().replace(b"currentColor", colour.encode())
        cached = self._cached_file(svg, pixels)
        pixmap = QPixmap(str(cached)) if cached and cached.exists() else QPixmap()
        if pixmap.isNull():
            pixmap = _render(svg, pixels)
            if cached:
                _save(pixmap, cached)
        pixmap.setDevicePixelRatio(scale)
        return pixmap

    def icon(self, name: str, colour: str, size: int) -> QIcon:
        return QIcon(self.pixmap(name, colour, size))

    def _cached_file(self, svg: bytes, pixels: int) -> Path | None:
        if self._cache_dir is None:
            return None
        return self._cache_dir / f"{_key(svg + b'@%d' % pixels)}.png"


def _key(data: bytes) -> str:
    """A 64-bit key for the cache from two checksums zlib already has loaded: hashlib would load OpenSSL's
    library before the first paint, for keys that only need to tell a few hundred icons apart."""
    return f"{zlib.crc32(data):08x}{zlib.adler32(data):08x}{len(data):x}"


def _render(svg: bytes, pixels: int) -> QPixmap:
    from PySide6.QtSvg import QSvgRenderer  # loads Qt's SVG library: only on a cache miss

    pixmap = QPixmap(pixels, pixels)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    QSvgRenderer(QByteArray(svg)).render(painter, QRectF(0, 0, pixels, pixels))
    painter.end()
    return pixmap


def _save(pixmap: QPixmap, path: Path) -> None:
    """Best effort: a full disk or a read-only folder only costs the next start-up a few milliseconds."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        partial = path.with_name(f".{path.name}.{os.getpid()}")
        if pixmap.save(str(partial), "PNG"):
            os.replace(partial, path)
        else:
            partial.unlink(missing_ok=True)
    except OSError as error:
        log.debug("icon cache not written: %s", error)
