"""Pages of a loaded PDF drawn one after the other on QtPdf's own render thread, in the order asked, each
fitted into a box and on white; `rendered(index, image)` arrives on the GUI thread.

Why not kiosk.tasks: PySide6 keeps Python's GIL during `QPdfDocument.render`, so a Python worker rendering
pages keeps the GUI thread waiting as long as each page takes (seen: 80–100 ms for a large page; a scanned
page's picture must be decoded whole even for a thumbnail). QPdfPageRenderer renders from C++, as QPdfView
does, without the GIL. One page is asked at a time: `clear()` then waits for one page at most."""

from __future__ import annotations

from PySide6.QtCore import QObject, QSize, QSizeF, Qt, Signal
from PySide6.QtGui import QImage
from PySide6.QtPdf import QPdfDocument, QPdfDocumentRenderOptions, QPdfPageRenderer

from kiosk.shell.page_pictures import on_white


class PageQueue(QObject):
    rendered = Signal(int, QImage)  # page index (from 0), its picture on white

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._renderer = QPdfPageRenderer(self)
        self._renderer.setRenderMode(QPdfPageRenderer.RenderMode.MultiThreaded)
        self._renderer.pageRendered.connect(self._arrived)
        self._document: QPdfDocument | None = None
        self._pages: list[int] = []  # still to draw, in order
        self._box = QSize()
        self._waiting_for: int | None = None  # the request being rendered

    def draw(self, document: QPdfDocument, pages: list[int], box: QSize) -> None:
        """Draws `pages` of the loaded `document` (which must outlive `clear()`), each fitted into `box`
        (device pixels), in that order; whatever was asked before is dropped."""
        self.clear()
        self._document = document
        self._renderer.setDocument(document)
        self._pages = list(pages)
        self._box = QSize(box)
        self._next()

    def clear(self) -> None:
        """Nothing more is drawn, and a page still being drawn is never delivered: the document may go."""
        self._pages = []
        self._waiting_for = None
        self._document = None
        self._renderer.setDocument(None)  # waits for a page being rendered (one page at most)

    def _next(self) -> None:
        if not self._pages or self._document is None:
            return
        index = self._pages.pop(0)
        # one page's size: well under a millisecond, even when pdfium reads it for the first time
        size = self._document.pagePointSize(index).scaled(
            QSizeF(self._box), Qt.AspectRatioMode.KeepAspectRatio
        )
        self._waiting_for = self._renderer.requestPage(index, size.toSize(), QPdfDocumentRenderOptions())

    def _arrived(self, index: int, _size: QSize, image: QImage, _options, request: int) -> None:
        if request != self._waiting_for:
            return  # asked before clear()
        self._waiting_for = None
        self.rendered.emit(index, on_white(image))
        self._next()
