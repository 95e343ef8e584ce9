"""The end of a session lets go of every file of the visitor: the kiosk holds none of them open afterwards
(a file deleted while open stays readable through /proc/PID/fd until it is closed). Each screen that opens a
document is tried for real: the viewer with a PDF and a picture, the print wizard with a PDF, with a picture
(made into a PDF) and with the choice among the session's documents (their thumbnails)."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QCoreApplication, QEvent

from tests.gui.browser.download_site import small_png, two_page_pdf
from tests.gui.conftest import files_held_under, touch


def tile(kiosk, item_id: str):
    return next(t for t in kiosk.home.tiles if t.item_id == item_id)


def start_session(kiosk):
    touch(kiosk.window, kiosk.home.tiles[0])  # the first touch starts the session
    assert kiosk.session.active
    kiosk.window.show_home()


def write_documents(scratch):
    pdf = scratch / "attestation.pdf"
    pdf.write_bytes(two_page_pdf())
    picture = scratch / "photo.png"
    picture.write_bytes(small_png())
    return pdf, picture


def end_session_and_check(kiosk, qtbot) -> None:
    scratch = kiosk.paths.session_scratch
    kiosk.session_control.end("button")
    assert not kiosk.session.active
    assert list(scratch.iterdir()) == []
    assert files_held_under(scratch) == []  # at once, not only once Qt has deleted the screens
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)  # Qt deletes them now
    assert files_held_under(scratch) == []


@pytest.mark.parametrize("name", ["attestation.pdf", "photo.png"])
def test_the_viewer_lets_go_of_its_document(kiosk, qtbot, name):
    from kiosk.browser.document_viewer import DocumentViewer

    start_session(kiosk)
    write_documents(kiosk.paths.session_scratch)
    path = kiosk.paths.session_scratch / name
    kiosk.browsing.show_document(str(path))  # how a download or a printed web page is shown
    viewer = kiosk.window.screens.currentWidget()
    assert isinstance(viewer, DocumentViewer)
    qtbot.waitUntil(lambda: not viewer.is_opening, timeout=5000)  # read off the GUI thread
    assert viewer.content.currentWidget() is not viewer.message  # shown, not "cannot be shown"
    end_session_and_check(kiosk, qtbot)


def test_a_document_still_opening_when_the_session_ends_is_let_go_once_read(kiosk, qtbot):
    """The session may end while the viewer still reads the document off the GUI thread: its answer is
    dropped, and its file closed as soon as it comes."""
    start_session(kiosk)
    pdf, _ = write_documents(kiosk.paths.session_scratch)
    kiosk.browsing.show_document(str(pdf))
    viewer = kiosk.window.screens.currentWidget()
    assert viewer.is_opening
    assert viewer.opening.text() == "Ouverture du document…"
    scratch = kiosk.paths.session_scratch
    kiosk.session_control.end("button")
    assert list(scratch.iterdir()) == []
    qtbot.waitUntil(lambda: files_held_under(scratch) == [], timeout=5000)
    qtbot.wait(50)  # a late answer, had it been delivered, would have opened it again
    assert files_held_under(scratch) == []


def test_the_viewer_closed_by_the_visitor_lets_go_too(kiosk, qtbot):
    start_session(kiosk)
    pdf, _ = write_documents(kiosk.paths.session_scratch)
    kiosk.browsing.show_document(str(pdf))
    viewer = kiosk.window.screens.currentWidget()
    qtbot.waitUntil(lambda: not viewer.is_opening, timeout=5000)
    assert files_held_under(kiosk.paths.session_scratch) != []  # the check sees an open document
    touch(kiosk.window, viewer.close_button)
    assert files_held_under(kiosk.paths.session_scratch) == []
    end_session_and_check(kiosk, qtbot)


@pytest.mark.parametrize("index", [0, 1], ids=["pdf", "picture"])
def test_the_print_wizard_lets_go_of_the_document_it_prepared(kiosk, qtbot, index):
    start_session(kiosk)
    documents = write_documents(kiosk.paths.session_scratch)
    touch(kiosk.window, tile(kiosk, "print"))
    wizard = kiosk.printing.wizard
    assert kiosk.window.screens.currentWidget() is wizard
    chosen = next(t for t in wizard.choose_page.document_tiles if t.document.path == documents[index])
    qtbot.waitUntil(lambda: all(t.has_thumbnail for t in wizard.choose_page.document_tiles), timeout=5000)
    touch(kiosk.window, chosen)
    touch(kiosk.window, wizard.choose_page.continue_button)
    qtbot.waitUntil(lambda: wizard.pages.currentWidget() is wizard.options_page, timeout=10000)
    assert wizard.path.endswith(".pdf")  # the picture too, made into a PDF beside it
    qtbot.waitUntil(
        lambda: (
            wizard.options_page.page_count > 0
            and wizard.options_page.thumbnails.drawn == wizard.options_page.page_count
        ),
        timeout=5000,
    )
    end_session_and_check(kiosk, qtbot)


def test_the_print_wizard_from_the_viewer_lets_go_of_both(kiosk, qtbot):
    start_session(kiosk)
    pdf, _ = write_documents(kiosk.paths.session_scratch)
    kiosk.browsing.show_document(str(pdf))
    viewer = kiosk.window.screens.currentWidget()
    qtbot.waitUntil(viewer.print_button.isEnabled, timeout=5000)  # once the document is read
    touch(kiosk.window, viewer.print_button)
    wizard = kiosk.printing.wizard
    qtbot.waitUntil(lambda: wizard.pages.currentWidget() is wizard.options_page, timeout=10000)
    options = wizard.options_page
    # Read and drawn first (a session ending during a read lets go when the read ends: tested above).
    qtbot.waitUntil(
        lambda: options.page_count > 0 and options.thumbnails.drawn == options.page_count, timeout=5000
    )
    touch(kiosk.window, options.back_button)  # back to the viewer, still open
    end_session_and_check(kiosk, qtbot)
