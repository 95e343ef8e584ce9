"""The document viewer's picture work, run off the GUI thread (kiosk.tasks): decoding a picture, and scaling
it to the size shown. A 12-megapixel photo takes tens of milliseconds for each."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QImage


class UnreadablePicture(Exception):
    """The file's bytes say picture, but Qt cannot decode it."""


def read_picture(path: str | Path) -> QImage:
    """Worker: the picture at `path`, whole; UnreadablePicture when it cannot be decoded."""
    image = QImage(str(path))
    if image.isNull():
        raise UnreadablePicture(Path(path).suffix)
    return image


def scaled_picture(image: QImage, size: QSize) -> QImage:
    """Worker: `image` at `size`, smoothly (it is only read here: QImage is shared, copied on write)."""
    return image.scaled(size, Qt.AspectRatioMode.KeepAspectRatio, Qt.TransformationMode.SmoothTransformation)
