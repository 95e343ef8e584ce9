"""A private cupsd for the whole printer test run (see private_cupsd.py), a fresh PDF queue for each test that
asks for one, and PDFs to print whose pages say "Page 1", "Page 2"…"""

from __future__ import annotations

import itertools
import shutil
import tempfile
import time
from pathlib import Path

import pytest

from kiosk.devices.printer import backend, ipp

from .private_cupsd import PrivateCups, cups_installed

_names = itertools.count(1)


@pytest.fixture(scope="session")
def cups():
    if not cups_installed():
        pytest.skip(
            "CUPS is not installed (apt-get install cups cups-client cups-filters cups-ipp-utils dbus-daemon)"
        )
    # Not under pytest's tmp folder: that one is private to root (0700), and CUPS filters run as user lp.
    folder = Path(tempfile.mkdtemp(prefix="ilot-cups-"))
    try:
        with PrivateCups(folder) as server:
            yield server
    finally:
        shutil.rmtree(folder, ignore_errors=True)


@pytest.fixture
def server(cups) -> ipp.Server:
    return ipp.Server(cups.address, timeout=5)


@pytest.fixture
def printer(cups, server):
    """A new, idle PDF queue with its own simulated printer; what that printer received for the last job is
    `cups.output(name)`. Removed, and its printer stopped, after the test."""
    name = f"TestPDF{next(_names)}"
    cups.add_pdf_printer(name)
    yield name
    cups.remove_printer(name)


@pytest.fixture
def make_pdf(qapp, tmp_path):
    """make_pdf(pages) → path of a PDF whose page i shows the text "Page i"."""
    from PySide6.QtGui import QFont, QPageSize, QPainter, QPdfWriter

    def make(pages: int, name: str = "document.pdf") -> Path:
        path = tmp_path / name
        writer = QPdfWriter(str(path))
        writer.setPageSize(QPageSize(QPageSize.PageSizeId.A4))
        painter = QPainter(writer)
        font = QFont()
        font.setPointSize(36)
        painter.setFont(font)
        for page in range(1, pages + 1):
            if page > 1:
                writer.newPage()
            painter.drawText(400, 1200, f"Page {page}")
        painter.end()
        return path

    return make


def pdf_texts(path: Path) -> list[str]:
    """The text of each page of a PDF, read back with QtPdf."""
    from PySide6.QtPdf import QPdfDocument

    document = QPdfDocument(None)
    assert document.load(str(path)) == QPdfDocument.Error.None_, f"{path} is not a readable PDF"
    try:
        return [document.getAllText(i).text().strip() for i in range(document.pageCount())]
    finally:
        document.close()


def pdf_page_count(path: Path) -> int:
    return len(pdf_texts(path))


def wait_for_job(server: ipp.Server, job_id: int, timeout: float = 30) -> backend.JobStatus:
    deadline = time.monotonic() + timeout
    while True:
        status = backend.job_status(server, job_id)
        if status.finished or time.monotonic() > deadline:
            return status
        time.sleep(0.1)
