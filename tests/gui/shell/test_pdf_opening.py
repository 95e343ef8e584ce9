"""A PDF loaded on a worker thread and handed to the GUI thread (kiosk.shell.pdf_opening), and pages drawn on
QtPdf's render thread (kiosk.shell.page_queue): the document lives on the GUI thread, its file is closed when
it is let go, a damaged file is refused with its file closed, and pages come in order, none after clear()."""

from __future__ import annotations

from PySide6.QtCore import QSize, QThread

from kiosk.shell.page_queue import PageQueue
from kiosk.shell.pdf_opening import UnreadablePdf, let_go, open_pdf
from kiosk.tasks import Tasks
from tests.gui.browser.download_site import two_page_pdf
from tests.gui.conftest import files_held_under

WAIT = 5000


def opened(qtbot, qapp, path):
    """What open_pdf gives back through kiosk.tasks: ("done", PdfFile) or ("failed", error)."""
    tasks, heard, workers = Tasks(), [], []

    def work():
        workers.append(QThread.currentThread())
        return open_pdf(path, qapp.thread())

    tasks.run(work, lambda pdf: heard.append(("done", pdf)), lambda error: heard.append(("failed", error)))
    qtbot.waitUntil(lambda: bool(heard), timeout=WAIT)
    assert workers[0] is not qapp.thread()
    return heard[0]


def test_a_pdf_loaded_on_a_worker_lives_on_the_gui_thread_and_lets_go_of_its_file(qtbot, qapp, tmp_path):
    path = tmp_path / "attestation.pdf"
    path.write_bytes(two_page_pdf())
    outcome, pdf = opened(qtbot, qapp, path)
    assert outcome == "done"
    assert pdf.thread() is qapp.thread() and pdf.document.thread() is qapp.thread()
    assert pdf.document.pageCount() == 2
    assert files_held_under(tmp_path) != []  # its file stays open while it is shown
    let_go(pdf)
    assert files_held_under(tmp_path) == []


def test_a_damaged_pdf_is_refused_and_its_file_closed(qtbot, qapp, tmp_path):
    path = tmp_path / "abime.pdf"
    path.write_bytes(b"%PDF-1.4\nthis is not really a pdf\n%%EOF")
    outcome, error = opened(qtbot, qapp, path)
    assert outcome == "failed" and isinstance(error, UnreadablePdf)
    assert files_held_under(tmp_path) == []


def test_pages_come_in_order_on_white_and_none_after_clear(qtbot, qapp, tmp_path):
    path = tmp_path / "attestation.pdf"
    path.write_bytes(two_page_pdf())
    _, pdf = opened(qtbot, qapp, path)
    queue, drawn = PageQueue(), []
    queue.rendered.connect(lambda index, image: drawn.append((index, image)))
    queue.draw(pdf.document, [1, 0], QSize(150, 200))
    qtbot.waitUntil(lambda: len(drawn) == 2, timeout=WAIT)
    assert [index for index, _ in drawn] == [1, 0]
    image = drawn[0][1]
    assert image.width() <= 150 and image.height() <= 200 and max(image.width(), image.height()) >= 140
    assert image.pixelColor(2, 2).name() == "#ffffff"  # the page's empty corner, on white

    drawn.clear()
    queue.draw(pdf.document, [0, 1], QSize(150, 200))
    queue.clear()  # the page being drawn is never delivered
    qtbot.wait(200)
    assert drawn == []
    let_go(pdf)
    assert files_held_under(tmp_path) == []
