"""A loopback website offering files to download, the way real servers send them (and lie about them).

`/` links to each file by id; the tests click those links. Files: a real two-page PDF served inline, as an
attachment, as `application/octet-stream` with a .pdf name, and under a name trying to leave the folder; a
PNG; an .exe; an .exe served as `application/pdf`; and a PDF whose connection breaks halfway."""

from __future__ import annotations

from http.server import BaseHTTPRequestHandler

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QMarginsF, Qt
from PySide6.QtGui import QColor, QFont, QImage, QPageLayout, QPageSize, QPainter, QPdfWriter

from tests.gui.browser.loopback import LoopbackSite

EXE = b"MZ\x90\x00\x03\x00\x00\x00\x04\x00\x00\x00\xff\xff\x00\x00" + b"\x00" * 240 + b"This program..."

LINKS = {  # link id → path
    "inline": "/inline/attestation.pdf",
    "attachment": "/attachment",
    "octet": "/octet/attestation.pdf",
    "escape": "/escape",
    "png": "/image/photo.png",
    "exe": "/setup.exe",
    "exe-octet": "/octet/setup.exe",
    "lying": "/lying/attestation.pdf",
    "broken": "/broken/attestation.pdf",
}


def two_page_pdf() -> bytes:
    """A real PDF, drawn with Qt, two A4 pages each saying its number."""
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    writer = QPdfWriter(buffer)
    writer.setPageLayout(
        QPageLayout(QPageSize(QPageSize.PageSizeId.A4), QPageLayout.Orientation.Portrait, QMarginsF())
    )
    writer.setResolution(72)
    painter = QPainter(writer)
    painter.setFont(QFont("DejaVu Sans", 24))
    painter.drawText(72, 144, "Attestation - page 1")
    writer.newPage()
    painter.drawText(72, 144, "Attestation - page 2")
    painter.end()
    buffer.close()
    return bytes(data)


def small_png() -> bytes:
    image = QImage(40, 30, QImage.Format.Format_RGB32)
    image.fill(QColor(Qt.GlobalColor.darkBlue))
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")
    buffer.close()
    return bytes(data)


class DownloadSite(LoopbackSite):
    def __init__(self) -> None:
        super().__init__()
        self.pdf = two_page_pdf()
        self.png = small_png()

    def answer(self, request: BaseHTTPRequestHandler) -> None:
        path = request.path.split("?")[0]
        if path == "/":
            links = "".join(f"<p><a id='{key}' href='{href}'>{key}</a></p>" for key, href in LINKS.items())
            return _send(request, b"<!doctype html><title>downloads</title>" + links.encode(), "text/html")
        if path == LINKS["inline"]:
            return _send(request, self.pdf, "application/pdf")
        if path == LINKS["attachment"]:
            return _send(request, self.pdf, "application/pdf", 'attachment; filename="attestation.pdf"')
        if path == LINKS["octet"]:
            return _send(request, self.pdf, "application/octet-stream")
        if path == LINKS["escape"]:
            name = 'attachment; filename="../../../tmp/../attestation.pdf"'
            return _send(request, self.pdf, "application/octet-stream", name)
        if path == LINKS["png"]:
            return _send(request, self.png, "image/png", "attachment")  # inline, the page would show it
        if path == LINKS["exe"]:
            return _send(request, EXE, "application/x-msdownload")
        if path == LINKS["exe-octet"]:
            return _send(request, EXE, "application/octet-stream")
        if path == LINKS["lying"]:
            return _send(request, EXE, "application/pdf")
        if path == LINKS["broken"]:
            request.send_response(200)
            request.send_header("Content-Type", "application/pdf")
            request.send_header("Content-Length", str(len(self.pdf) + 100_000))
            request.end_headers()
            request.wfile.write(self.pdf[:200])
            request.wfile.flush()
            request.close_connection = True
            return None
        request.send_response(404)
        request.send_header("Content-Length", "0")
        request.end_headers()
        return None


def _send(request: BaseHTTPRequestHandler, body: bytes, mime: str, disposition: str | None = None) -> None:
    request.send_response(200)
    request.send_header("Content-Type", mime)
    request.send_header("Content-Length", str(len(body)))
    if disposition:
        request.send_header("Content-Disposition", disposition)
    request.end_headers()
    request.wfile.write(body)
