"""The print wizard inside the kiosk, walked through as a visitor would, on a private CUPS with a PDF
printer: from the home tile to "Récupérez vos feuilles", a stopped printer, the page limit, the end of the
session."""

from __future__ import annotations

import dataclasses
import shutil
import threading

import msgspec
import pytest

from tests.gui.conftest import config, files_held_under, make_kiosk, paths, touch  # noqa: F401 (fixtures)
from tests.gui.devices.printer.conftest import pdf_texts


@pytest.fixture
def print_kiosk(make_kiosk, config, cups, printer, monkeypatch):  # noqa: F811
    """make_kiosk(**site) → a kiosk printing on the test's PDF queue of the private CUPS."""
    monkeypatch.setenv("CUPS_SERVER", cups.address)

    def make(**site):
        site_config = msgspec.structs.replace(config.site, printer=printer, **site)
        return make_kiosk(dataclasses.replace(config, site=site_config))

    return make


def put_in_session(kiosk, pdf, name: str):
    target = kiosk.paths.session_scratch / name
    shutil.copy(pdf, target)
    return target


def to_the_options(kiosk, qtbot, pdf, name: str):
    """`pdf` among the session's documents, then by touch: Imprimer, the document, Continuer; returns the
    wizard once CUPS has answered about the printer."""
    put_in_session(kiosk, pdf, name)
    touch(kiosk.window, print_tile(kiosk))
    wizard = kiosk.window.screens.currentWidget()
    touch(kiosk.window, wizard.choose_page.document_tiles[0])
    touch(kiosk.window, wizard.choose_page.continue_button)
    qtbot.waitUntil(
        lambda: wizard.options_page.printer is not None and wizard.options_page.page_count > 0, timeout=10000
    )
    return wizard


def print_tile(kiosk):
    return next(t for t in kiosk.home.tiles if t.item_id == "print")


def test_from_the_home_tile_to_the_sheets(print_kiosk, make_pdf, cups, printer, qtbot):
    kiosk = print_kiosk()
    put_in_session(kiosk, make_pdf(3), "attestation.pdf")
    touch(kiosk.window, print_tile(kiosk))
    wizard = kiosk.window.screens.currentWidget()
    assert wizard.pages.currentWidget() is wizard.choose_page
    assert [t.document.name for t in wizard.choose_page.document_tiles] == ["attestation.pdf"]
    assert not wizard.choose_page.continue_button.isEnabled()  # nothing chosen yet

    touch(kiosk.window, wizard.choose_page.document_tiles[0])
    touch(kiosk.window, wizard.choose_page.continue_button)
    assert wizard.pages.currentWidget() is wizard.options_page
    qtbot.waitUntil(lambda: wizard.options_page.printer is not None, timeout=10000)  # CUPS answered
    qtbot.waitUntil(lambda: wizard.options_page.page_count == 3, timeout=5000)
    assert wizard.options_page.summary.text() == "Vous allez imprimer 3 pages."

    touch(kiosk.window, wizard.options_page.copies.more_button)
    touch(kiosk.window, wizard.options_page.some_pages_button)
    touch(kiosk.window, wizard.options_page.first_page.more_button)  # pages 2 to 3
    assert wizard.options_page.summary.text() == "Vous allez imprimer 4 pages."
    assert wizard.options_page.allowance.text() == "Vous pouvez encore imprimer 30 pages."

    touch(kiosk.window, wizard.options_page.print_button)
    assert wizard.pages.currentWidget() is wizard.progress_page
    qtbot.waitUntil(lambda: wizard.pages.currentWidget() is wizard.done_page, timeout=30000)
    assert pdf_texts(cups.output(printer)) == ["Page 2", "Page 3", "Page 2", "Page 3"]

    touch(kiosk.window, wizard.done_page.done_button)
    assert kiosk.window.screens.currentWidget() is kiosk.home
    assert kiosk.printing.service.allowance.remaining == 26


def test_a_stopped_printer_says_so_and_prints_nothing(print_kiosk, make_pdf, cups, printer, qtbot):
    cups.tool("cupsdisable", printer)
    kiosk = print_kiosk()
    put_in_session(kiosk, make_pdf(1), "page.pdf")
    touch(kiosk.window, print_tile(kiosk))
    wizard = kiosk.window.screens.currentWidget()
    touch(kiosk.window, wizard.choose_page.document_tiles[0])
    touch(kiosk.window, wizard.choose_page.continue_button)
    qtbot.waitUntil(lambda: not wizard.options_page.printer_warning.isHidden(), timeout=10000)
    assert "L'imprimante est arrêtée." in wizard.options_page.printer_warning.text()
    assert "conseiller" in wizard.options_page.printer_warning.text()
    assert not wizard.options_page.print_button.isEnabled()


def test_a_printer_stopped_after_the_check_gives_the_problem_screen(
    print_kiosk, make_pdf, cups, printer, qtbot
):
    kiosk = print_kiosk()
    wizard = to_the_options(kiosk, qtbot, make_pdf(1), "page.pdf")
    cups.tool("cupsdisable", printer)  # stopped while the visitor chose the copies
    touch(kiosk.window, wizard.options_page.print_button)
    qtbot.waitUntil(lambda: wizard.pages.currentWidget() is wizard.problem_page, timeout=15000)
    assert wizard.problem_page.what.text() == "L'imprimante est arrêtée."
    touch(kiosk.window, wizard.problem_page.retry_button)
    assert wizard.pages.currentWidget() is wizard.options_page


def test_the_page_limit_holds(print_kiosk, make_pdf, qtbot):
    kiosk = print_kiosk(print_page_limit=3)
    wizard = to_the_options(kiosk, qtbot, make_pdf(5), "long.pdf")
    assert not wizard.options_page.print_button.isEnabled()
    assert "3 page" in wizard.options_page.allowance.text()

    touch(kiosk.window, wizard.options_page.some_pages_button)
    for _ in range(2):
        touch(kiosk.window, wizard.options_page.last_page.less_button)  # pages 1 to 3
    assert wizard.options_page.print_button.isEnabled()


def test_without_documents_the_wizard_says_how_to_get_one(print_kiosk):
    kiosk = print_kiosk()
    touch(kiosk.window, print_tile(kiosk))
    wizard = kiosk.window.screens.currentWidget()
    assert wizard.choose_page.no_document.isVisible()
    assert not wizard.choose_page.continue_button.isVisible()


def test_the_session_end_leaves_no_job_and_no_file(print_kiosk, make_pdf, qtbot):
    kiosk = print_kiosk()
    wizard = to_the_options(kiosk, qtbot, make_pdf(2), "page.pdf")
    touch(kiosk.window, wizard.options_page.print_button)

    kiosk.session_control.end("button")
    assert kiosk.printing.service.pending() == []
    assert wizard.path is None and wizard.choose_page.document_tiles == []
    assert list(kiosk.paths.session_scratch.iterdir()) == []
    assert kiosk.window.screens.currentWidget() is kiosk.home


def test_the_options_show_at_once_and_say_the_document_is_opening(print_kiosk, make_pdf, qtbot):
    kiosk = print_kiosk()
    pdf = put_in_session(kiosk, make_pdf(2), "attestation.pdf")
    wizard = kiosk.printing.show()
    wizard.start(pdf)  # the PDF is loaded off the GUI thread: not yet
    assert wizard.pages.currentWidget() is wizard.options_page
    assert wizard.options_page.summary.text() == "Ouverture du document…"
    assert not wizard.options_page.print_button.isEnabled()
    qtbot.waitUntil(
        lambda: wizard.options_page.summary.text() == "Vous allez imprimer 2 pages.", timeout=5000
    )
    qtbot.waitUntil(lambda: wizard.options_page.thumbnails.drawn == 2, timeout=5000)


def test_a_pdf_that_cannot_be_read_gets_a_plain_message_once_tried(print_kiosk, qtbot):
    kiosk = print_kiosk()
    broken = kiosk.paths.session_scratch / "attestation.pdf"
    broken.write_bytes(b"%PDF-1.4\nthis is not really a pdf\n%%EOF")
    wizard = kiosk.printing.show()
    wizard.start(broken)
    qtbot.waitUntil(lambda: wizard.pages.currentWidget() is wizard.problem_page, timeout=5000)
    assert wizard.problem_page.what.text() == "Ce document ne peut pas être imprimé."
    assert files_held_under(kiosk.paths.session_scratch) == []


def test_the_end_confirmation_says_a_print_in_progress_is_lost(
    print_kiosk, make_pdf, cups, printer, qtbot, monkeypatch
):
    from kiosk.devices.printer import backend

    kiosk = print_kiosk()
    wizard = to_the_options(kiosk, qtbot, make_pdf(1), "page.pdf")
    cups.tool("cupsdisable", printer)  # the job cannot print
    # CUPS takes its time to answer: the job is still in progress. Without this, a stopped printer's refusal
    # could come before the end button is touched, a race decided by the GUI thread's pace.
    cups_answers, submit = threading.Event(), backend.submit
    monkeypatch.setattr(
        backend, "submit", lambda *args, **kw: (cups_answers.wait(10), submit(*args, **kw))[1]
    )
    touch(kiosk.window, wizard.options_page.print_button)
    assert kiosk.printing.service.pending() != []

    touch(kiosk.window, kiosk.top_bar.end_button)
    losses = kiosk.window.confirm_overlay.losses.text().splitlines()
    assert "• l'impression en cours" in losses
    assert "• votre document (téléchargé ou scanné)" in losses
    cups_answers.set()


def test_a_downloaded_picture_prints_as_one_a4_page(print_kiosk, cups, printer, qtbot):
    """A picture (half transparent here, as PNG logos and screenshots often are) is fitted on an A4 page
    before printing; its PDF joins the session's documents."""
    from PySide6.QtGui import QColor, QImage

    kiosk = print_kiosk()
    picture = QImage(1600, 1000, QImage.Format.Format_ARGB32)  # landscape, half transparent
    picture.fill(QColor(0, 0, 145, 128))
    picture.save(str(kiosk.paths.session_scratch / "capture.png"))
    touch(kiosk.window, print_tile(kiosk))
    wizard = kiosk.window.screens.currentWidget()
    assert [t.document.name for t in wizard.choose_page.document_tiles] == ["capture.png"]
    touch(kiosk.window, wizard.choose_page.document_tiles[0])
    touch(kiosk.window, wizard.choose_page.continue_button)
    qtbot.waitUntil(lambda: wizard.pages.currentWidget() is wizard.options_page, timeout=10000)
    assert wizard.path.endswith("capture.pdf")
    qtbot.waitUntil(lambda: wizard.options_page.page_count == 1, timeout=5000)  # loaded off the GUI thread
    size = wizard.options_page.document.pagePointSize(0)
    assert round(size.width()) == 842 and round(size.height()) == 595  # A4, turned like the picture
    qtbot.waitUntil(
        lambda: wizard.options_page.printer is not None and wizard.options_page.page_count > 0, timeout=10000
    )
    touch(kiosk.window, wizard.options_page.print_button)
    qtbot.waitUntil(lambda: wizard.pages.currentWidget() is wizard.done_page, timeout=30000)
    assert len(pdf_texts(cups.output(printer))) == 1


def test_a_file_that_is_not_a_picture_gets_a_plain_message(print_kiosk, qtbot):
    kiosk = print_kiosk()
    fake = kiosk.paths.session_scratch / "photo.jpg"
    fake.write_bytes(b"\xff\xd8\xff\xe0 not really a JPEG")
    wizard = kiosk.printing.show()
    wizard.start(fake)
    qtbot.waitUntil(lambda: wizard.pages.currentWidget() is wizard.problem_page, timeout=10000)
    assert wizard.problem_page.what.text() == "Ce document ne peut pas être imprimé."
