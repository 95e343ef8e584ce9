"""The scan wizard inside the kiosk, walked through as a visitor would, on SANE's test scanner: from the home
tile to a PDF kept for a website, several pages, a scanner that is not there, and the end of the session in
the middle of a scan."""

from __future__ import annotations

import pytest
from PySide6.QtPdf import QPdfDocument

from kiosk.session_documents import list_documents
from tests.gui.conftest import config, files_held_under, make_kiosk, paths, touch  # noqa: F401 (fixtures)
from tests.gui.devices.scanner.test_service import SLOW


@pytest.fixture
def scan_kiosk(make_kiosk, sane_config, monkeypatch):  # noqa: F811
    """scan_kiosk(**test_conf) → a kiosk whose scanner is SANE's test device, set up with those options."""

    def make(**options):
        monkeypatch.setenv("SANE_CONFIG_DIR", str(sane_config(**options)))
        return make_kiosk()

    return make


def tile(kiosk, item_id: str):
    return next(t for t in kiosk.home.tiles if t.item_id == item_id)


def page_count(path: str) -> int:
    document = QPdfDocument(None)
    assert document.load(path) == QPdfDocument.Error.None_
    try:
        return document.pageCount()
    finally:
        document.close()


def scan_a_page(kiosk, wizard, qtbot) -> None:
    assert wizard.pages.currentWidget() is wizard.place_page
    touch(kiosk.window, wizard.place_page.scan_button)
    qtbot.waitUntil(lambda: wizard.pages.currentWidget() is wizard.preview_page, timeout=30000)
    preview = wizard.preview_page.preview
    qtbot.waitUntil(lambda: preview.pixmap() is not None and not preview.pixmap().isNull())


def test_from_the_home_tile_to_a_document_kept_for_a_website(scan_kiosk, qtbot):
    kiosk = scan_kiosk()
    touch(kiosk.window, tile(kiosk, "scan"))
    wizard = kiosk.window.screens.currentWidget()
    assert kiosk.window.top_bar.place_label.text() == "Scanner"
    touch(kiosk.window, wizard.choose_page.one_sheet_button)
    scan_a_page(kiosk, wizard, qtbot)
    assert wizard.preview_page.page_count.text() == "Votre document a 1 page."
    preview = wizard.preview_page.preview
    upright = preview.pixmap().size()
    touch(kiosk.window, wizard.preview_page.no_button)  # "Est-elle lisible ?" Non: turned
    touch(kiosk.window, wizard.preview_page.rotate_button)
    assert upright.height() > upright.width()
    turned = lambda: preview.pixmap().width() > preview.pixmap().height()  # noqa: E731
    qtbot.waitUntil(turned, timeout=5000)
    answers = wizard.preview_page.answers
    assert answers.currentWidget() is wizard.preview_page.question_box  # asked again, about the turned page

    touch(kiosk.window, wizard.preview_page.yes_button)  # one sheet, readable: the document is made
    qtbot.waitUntil(lambda: wizard.pages.currentWidget() is wizard.done_page, timeout=15000)
    assert wizard.done_page.done_name.text() == "Document scanné 1"  # its file keeps its .pdf
    touch(kiosk.window, wizard.done_page.keep_button)
    assert kiosk.window.screens.currentWidget() is kiosk.home

    documents = list_documents(kiosk.paths.session_scratch)
    assert [d.name for d in documents] == ["Document scanné 1.pdf"]  # offered to web pages, pages are not
    assert page_count(str(documents[0].path)) == 1


def test_several_pages_make_one_pdf_and_a_page_can_be_scanned_again(scan_kiosk, qtbot):
    kiosk = scan_kiosk()
    touch(kiosk.window, tile(kiosk, "scan"))
    wizard = kiosk.window.screens.currentWidget()
    touch(kiosk.window, wizard.choose_page.several_sheets_button)
    scan_a_page(kiosk, wizard, qtbot)
    touch(kiosk.window, wizard.preview_page.yes_button)
    touch(kiosk.window, wizard.preview_page.add_button)
    scan_a_page(kiosk, wizard, qtbot)
    touch(kiosk.window, wizard.preview_page.no_button)  # the second page was crooked: scanned again
    touch(kiosk.window, wizard.preview_page.again_button)
    scan_a_page(kiosk, wizard, qtbot)
    touch(kiosk.window, wizard.preview_page.yes_button)
    touch(kiosk.window, wizard.preview_page.add_button)
    scan_a_page(kiosk, wizard, qtbot)
    touch(kiosk.window, wizard.preview_page.yes_button)
    assert wizard.preview_page.page_count.text() == "Votre document a 3 pages."

    touch(kiosk.window, wizard.preview_page.finish_button)
    qtbot.waitUntil(lambda: wizard.pages.currentWidget() is wizard.done_page, timeout=15000)
    assert page_count(wizard.document) == 3
    touch(kiosk.window, wizard.done_page.delete_button)
    assert list_documents(kiosk.paths.session_scratch) == []


def test_the_heartbeat_reads_the_scanners_last_known_state(scan_kiosk, qtbot):
    kiosk = scan_kiosk()
    assert kiosk.scanning.state == "unused"  # SANE is never probed for the heartbeat
    touch(kiosk.window, tile(kiosk, "scan"))
    wizard = kiosk.window.screens.currentWidget()
    touch(kiosk.window, wizard.choose_page.one_sheet_button)
    scan_a_page(kiosk, wizard, qtbot)
    assert kiosk.scanning.state == "ready"


def test_no_scanner_gives_a_plain_message(scan_kiosk, qtbot):
    kiosk = scan_kiosk(backends="")
    touch(kiosk.window, tile(kiosk, "scan"))
    wizard = kiosk.window.screens.currentWidget()
    touch(kiosk.window, wizard.choose_page.card_button)
    touch(kiosk.window, wizard.place_page.scan_button)
    qtbot.waitUntil(lambda: wizard.pages.currentWidget() is wizard.problem_page, timeout=15000)
    assert wizard.problem_page.what.text() == "Le scanner ne répond pas."
    assert kiosk.scanning.state == "no-device"  # what the heartbeat tells the hub
    touch(kiosk.window, wizard.problem_page.close_button)
    assert kiosk.window.screens.currentWidget() is kiosk.home


def test_annuler_stops_the_scan(scan_kiosk, qtbot):
    kiosk = scan_kiosk(**SLOW)
    touch(kiosk.window, tile(kiosk, "scan"))
    wizard = kiosk.window.screens.currentWidget()
    touch(kiosk.window, wizard.choose_page.card_button)
    touch(kiosk.window, wizard.place_page.scan_button)
    qtbot.waitUntil(lambda: kiosk.scanning.service.driver_pid is not None, timeout=15000)
    touch(kiosk.window, wizard.scanning_page.cancel_button)
    qtbot.waitUntil(lambda: wizard.pages.currentWidget() is wizard.problem_page, timeout=15000)
    assert wizard.problem_page.what.text() == "Vous avez arrêté la numérisation."


def test_the_session_end_mid_scan_leaves_no_file_and_no_driver(scan_kiosk, qtbot):
    kiosk = scan_kiosk(**SLOW)
    touch(kiosk.window, tile(kiosk, "scan"))
    wizard = kiosk.window.screens.currentWidget()
    touch(kiosk.window, wizard.choose_page.card_button)
    touch(kiosk.window, wizard.place_page.scan_button)
    qtbot.waitUntil(lambda: kiosk.scanning.service.driver_pid is not None, timeout=15000)

    kiosk.session_control.end("button")
    assert kiosk.scanning.service.driver_pid is None
    assert not kiosk.scanning.service.scanning
    assert [p for p in kiosk.paths.session_scratch.rglob("*")] == []
    assert files_held_under(kiosk.paths.session_scratch) == []
    assert kiosk.window.screens.currentWidget() is kiosk.home


def test_a_scanned_page_its_pdf_and_its_print_preview_are_let_go_at_the_session_end(scan_kiosk, qtbot):
    kiosk = scan_kiosk()
    touch(kiosk.window, tile(kiosk, "scan"))
    wizard = kiosk.window.screens.currentWidget()
    touch(kiosk.window, wizard.choose_page.several_sheets_button)
    scan_a_page(kiosk, wizard, qtbot)  # its preview read from the page's file
    touch(kiosk.window, wizard.preview_page.yes_button)
    touch(kiosk.window, wizard.preview_page.finish_button)
    qtbot.waitUntil(lambda: wizard.pages.currentWidget() is wizard.done_page, timeout=15000)
    touch(kiosk.window, wizard.done_page.print_button)
    printer = kiosk.printing.wizard
    qtbot.waitUntil(lambda: printer.pages.currentWidget() is printer.options_page, timeout=10000)
    qtbot.waitUntil(lambda: printer.options_page.page_count > 0, timeout=5000)  # loaded off the GUI thread
    assert files_held_under(kiosk.paths.session_scratch) != []  # the print preview reads the PDF

    kiosk.session_control.end("button")
    assert [p for p in kiosk.paths.session_scratch.rglob("*")] == []
    assert files_held_under(kiosk.paths.session_scratch) == []
