"""How many pages a PDF has, read with QtPdf (no widget, no event loop: safe on a worker thread)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtPdf import QPdfDocument


def count_pages(path: Path | str) -> int:
    """The page count of the PDF at `path`; ValueError when it is not a PDF QtPdf can read."""
    document = QPdfDocument(None)
    try:
        error = document.load(str(path))
        if error != QPdfDocument.Error.None_ or document.pageCount() < 1:
            raise ValueError(f"not a readable PDF ({error.name})")
        return document.pageCount()
    finally:
        document.close()
