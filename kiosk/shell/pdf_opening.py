"""A PDF opened off the GUI thread and handed to it, ready for a QPdfView.

`QPdfDocument.load` of a big file, and above all QPdfView's layout, which asks every page's size (about 90 ms
for 300 pages the first time; pdfium keeps the sizes once read), would stall the GUI thread. `open_pdf` runs
on a worker thread: it loads the document, reads every page's size there, then moves the PdfFile (its
document and its file) to the GUI thread, the only thread that may move it there. QPdfView renders pages on a
thread of its own."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QThread
from PySide6.QtPdf import QPdfDocument

from kiosk.shell.pdf_file import PdfFile
from kiosk.tasks import let_gui_in

SIZES_IN_A_ROW = 5  # page sizes read between two pauses for the GUI thread (a few ms of work)


class UnreadablePdf(Exception):
    """The file is not a PDF QtPdf can show: damaged, empty, or protected by a password (`error`)."""

    def __init__(self, error: QPdfDocument.Error) -> None:
        super().__init__(f"unreadable PDF ({error.name})")
        self.error = error


def open_pdf(path: str | Path, to_thread: QThread, read_sizes: bool = True) -> PdfFile:
    """Worker: the PDF at `path` loaded, its page sizes read (unless not `read_sizes`: a thumbnail of its
    first page needs one), moved to `to_thread` (the GUI thread) with its file still open; UnreadablePdf when
    it has no page to show (its file closed)."""
    pdf = PdfFile()
    error = pdf.load(path)
    if error != QPdfDocument.Error.None_ or pdf.document.pageCount() < 1:
        pdf.close()
        raise UnreadablePdf(error if error != QPdfDocument.Error.None_ else QPdfDocument.Error.Unknown)
    for page in range(pdf.document.pageCount() if read_sizes else 0):
        pdf.document.pagePointSize(page)
        if page % SIZES_IN_A_ROW == SIZES_IN_A_ROW - 1:
            let_gui_in()
    pdf.moveToThread(to_thread)
    return pdf


def let_go(pdf: PdfFile) -> None:
    """A PdfFile nobody will show (its answer came too late): its file closed at once, the object deleted."""
    pdf.close()
    pdf.deleteLater()
