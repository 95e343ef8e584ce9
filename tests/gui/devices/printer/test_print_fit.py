"""Every step of the print wizard and of the photocopy fits the screen the run has (1280×800, or
ILOT_TEST_SCREEN=1024x768); and their words: no ".pdf", "Scanner un papier" when there is nothing to print,
a progress bar that moves, buttons that say what they do."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QPushButton

from kiosk.devices.printer.problems import JobState
from tests.gui.conftest import config, make_kiosk, paths, touch  # noqa: F401 (fixtures)
from tests.gui.devices.printer.test_print_wizard import print_kiosk, print_tile, put_in_session  # noqa: F401
from tests.gui.devices.scanner.conftest import write_sane_config
from tests.gui.fit import misfits

pytestmark = pytest.mark.fits


def fits(kiosk, step: str) -> None:
    assert misfits(kiosk.window) == [], step


def test_every_print_step_fits_the_screen(print_kiosk, make_pdf, cups, printer, qtbot):  # noqa: F811
    kiosk = print_kiosk()
    put_in_session(kiosk, make_pdf(3), "Page CAF.pdf")
    touch(kiosk.window, print_tile(kiosk))
    wizard = kiosk.window.screens.currentWidget()
    fits(kiosk, "choose")
    assert wizard.choose_page.document_tiles[0].name.text() == "Page CAF"
    touch(kiosk.window, wizard.choose_page.document_tiles[0])
    touch(kiosk.window, wizard.choose_page.continue_button)
    qtbot.waitUntil(
        lambda: wizard.options_page.printer is not None and wizard.options_page.page_count > 0, timeout=10000
    )
    assert wizard.options_page.title.text() == "Imprimer « Page CAF »"
    assert wizard.path.endswith("Page CAF.pdf")  # the file keeps its name
    fits(kiosk, "options")
    touch(kiosk.window, wizard.options_page.some_pages_button)
    fits(kiosk, "some pages")

    touch(kiosk.window, wizard.options_page.print_button)
    assert wizard.pages.currentWidget() is wizard.progress_page
    fits(kiosk, "printing")
    qtbot.waitUntil(lambda: wizard.pages.currentWidget() is wizard.done_page, timeout=30000)
    fits(kiosk, "done")
    assert wizard.done_page.done_button.text() == "J'ai récupéré mes feuilles"


def test_the_progress_bar_moves(print_kiosk, make_pdf, cups, printer, qtbot):  # noqa: F811
    """While the printer tells no page (most tell none before the last), the bar runs by itself (busy); once
    a page is out, it fills page by page."""
    kiosk = print_kiosk()
    wizard = kiosk.printing.show()
    wizard.start(put_in_session(kiosk, make_pdf(2), "page.pdf"))
    qtbot.waitUntil(
        lambda: wizard.options_page.printer is not None and wizard.options_page.page_count > 0, timeout=10000
    )
    touch(kiosk.window, wizard.options_page.print_button)
    bar = wizard.progress_page.bar
    assert (bar.minimum(), bar.maximum()) == (0, 0)  # busy
    (ticket,) = kiosk.printing.service.pending()  # the wizard's print
    kiosk.printing.service.progress.emit(ticket, 1, 2, JobState.PROCESSING, None)  # as CUPS tells it
    assert (bar.maximum(), bar.value()) == (2, 1)
    assert wizard.progress_page.text.text() == "Pages imprimées : 1 sur 2."
    fits(kiosk, "printing, one page out")
    qtbot.waitUntil(lambda: wizard.pages.currentWidget() is wizard.done_page, timeout=30000)


def test_with_no_document_scanner_un_papier_opens_the_scanner(
    print_kiosk,  # noqa: F811
    monkeypatch,
    tmp_path,
):
    monkeypatch.setenv("SANE_CONFIG_DIR", str(write_sane_config(tmp_path / "sane")))
    kiosk = print_kiosk()
    touch(kiosk.window, print_tile(kiosk))
    wizard = kiosk.window.screens.currentWidget()
    fits(kiosk, "no document")
    assert wizard.choose_page.title.text() == "Vous n'avez pas encore de document à imprimer."
    assert (
        wizard.choose_page.scan_button.isVisible()
        and wizard.choose_page.scan_button.text() == "Scanner un papier"
    )
    assert (
        wizard.choose_page.scan_button.height() >= wizard.choose_page.leave_button.height()
    )  # big, the way out of the dead end
    touch(kiosk.window, wizard.choose_page.scan_button)
    scanner = kiosk.window.screens.currentWidget()
    assert scanner is kiosk.scanning.wizard
    assert scanner.pages.currentWidget() is scanner.choose_page
    assert scanner.choose_page.title.text() == "Que voulez-vous scanner ?"


def test_the_print_buttons_say_what_they_do(print_kiosk, make_pdf):  # noqa: F811
    """No "Terminé" (the top bar's "Terminer ma session" ends the session), no "Retour" (the browser's)."""
    kiosk = print_kiosk()
    put_in_session(kiosk, make_pdf(1), "page.pdf")
    touch(kiosk.window, print_tile(kiosk))
    wizard = kiosk.window.screens.currentWidget()
    texts = {button.text() for button in wizard.findChildren(QPushButton)}
    assert not {text for text in texts if text.startswith(("Termin", "Retour"))}
    touch(kiosk.window, wizard.choose_page.document_tiles[0])
    touch(kiosk.window, wizard.choose_page.continue_button)
    assert wizard.options_page.back_button.text() == "Étape précédente"  # to the choice of a document
    touch(kiosk.window, wizard.options_page.back_button)
    assert wizard.pages.currentWidget() is wizard.choose_page


def test_a_printer_problem_fits_the_screen(print_kiosk, make_pdf, cups, printer, qtbot):  # noqa: F811
    kiosk = print_kiosk()
    wizard = kiosk.printing.show()
    wizard.start(put_in_session(kiosk, make_pdf(1), "page.pdf"))
    qtbot.waitUntil(
        lambda: wizard.options_page.printer is not None and wizard.options_page.page_count > 0, timeout=10000
    )
    cups.tool("cupsdisable", printer)
    touch(kiosk.window, wizard.options_page.print_button)
    qtbot.waitUntil(lambda: wizard.pages.currentWidget() is wizard.problem_page, timeout=15000)
    fits(kiosk, "problem")


def test_every_photocopy_step_fits_the_screen(print_kiosk, monkeypatch, tmp_path, qtbot):  # noqa: F811
    monkeypatch.setenv("SANE_CONFIG_DIR", str(write_sane_config(tmp_path / "sane")))
    kiosk = print_kiosk()
    touch(kiosk.window, next(t for t in kiosk.home.tiles if t.item_id == "copy"))
    scan = kiosk.window.screens.currentWidget()
    fits(kiosk, "photocopy: choose")
    touch(kiosk.window, scan.choose_page.one_sheet_button)
    fits(kiosk, "photocopy: place the sheet")
    touch(kiosk.window, scan.place_page.scan_button)
    fits(kiosk, "photocopy: scanning")
    qtbot.waitUntil(lambda: scan.pages.currentWidget() is scan.preview_page, timeout=30000)
    fits(kiosk, "photocopy: is it readable")
    touch(kiosk.window, scan.preview_page.yes_button)
    qtbot.waitUntil(lambda: kiosk.window.screens.currentWidget() is kiosk.printing.wizard, timeout=15000)
    wizard = kiosk.printing.wizard
    qtbot.waitUntil(
        lambda: wizard.options_page.printer is not None and wizard.options_page.page_count > 0, timeout=10000
    )
    assert wizard.options_page.title.text() == "Imprimer « Document scanné 1 »"
    assert wizard.options_page.back_button.text() == "Ne pas imprimer"
    fits(kiosk, "photocopy: print options")
