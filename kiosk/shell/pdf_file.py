"""A QPdfDocument reading a file the kiosk opens and closes itself.

`QPdfDocument.load(path)` opens the file itself and `close()` does not let go of it: the file stays open until
the document is deleted or loads another one (seen with Qt 6.11). A screen kept between sessions would then
keep the last visitor's document readable after it was deleted. Here the document reads from a QFile that
`close()` closes. The QFile is the PdfFile's child, so that `moveToThread` takes the document and its file
together (kiosk.shell.pdf_opening loads one off the GUI thread). `opened_pdf` is the same for a document
read once, on the thread that made it (thumbnails, page counts)."""

from __future__ import annotations

import contextlib
from collections.abc import Iterator
from pathlib import Path

from PySide6.QtCore import QFile, QIODevice, QObject
from PySide6.QtPdf import QPdfDocument


class PdfFile(QObject):
    def __init__(self, parent: QObject | None = None):
        super().__init__(parent)
        self.document = QPdfDocument(self)
        self._file: QFile | None = None

    def load(self, path: str | Path) -> QPdfDocument.Error:
        """Opens the PDF at `path` (the previous one closed first); `QPdfDocument.Error.None_` when it loaded.
        A file that cannot be read is closed at once."""
        self.close()
        self._file = QFile(str(path), self)
        if not self._file.open(QIODevice.OpenModeFlag.ReadOnly):
            self.close()
            return QPdfDocument.Error.FileNotFound
        self.document.load(self._file)  # a QFile is read at once: the status is final on return
        error = self.document.error()
        if error != QPdfDocument.Error.None_ or self.document.status() != QPdfDocument.Status.Ready:
            self.close()
            return error if error != QPdfDocument.Error.None_ else QPdfDocument.Error.Unknown
        return error

    def close(self) -> None:
        """The document emptied and its file closed: nothing of it stays open."""
        self.document.close()
        if self._file is not None:
            self._file.close()
            self._file.setParent(None)  # Python's again: deleted with the reference below
            self._file = None


@contextlib.contextmanager
def opened_pdf(path: str | Path) -> Iterator[QPdfDocument]:
    """The PDF at `path` loaded (see its `status()`: Ready, or Error for a file QtPdf cannot read); its file
    is closed on leaving, which QPdfDocument.close() alone would not do (above)."""
    file = QFile(str(path))
    document = QPdfDocument(None)
    try:
        if file.open(QIODevice.OpenModeFlag.ReadOnly):
            document.load(file)  # a QFile is read at once: the status is final on return
        yield document
    finally:
        document.close()
        file.close()
