"""How many pages a PDF has, read with QtPdf (no widget, no event loop: safe on a worker thread, where the
print service and the options screen count them)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtPdf import QPdfDocument

from kiosk.shell.pdf_file import opened_pdf


def count_pages(path: Path | str) -> int:
    """The page count of the PDF at `path`; ValueError when it is not a PDF QtPdf can read."""
    with opened_pdf(path) as document:
        if document.status() != QPdfDocument.Status.Ready or document.pageCount() < 1:
            raise ValueError(f"not a readable PDF ({document.error().name})")
        return document.pageCount()
