"""Every step of the scan wizard fits the screen the run has (1280×800, or ILOT_TEST_SCREEN=1024x768): the
window stays the screen's size and nothing on it is cut; and its words: "Est-elle lisible ?" is answered by
Oui / Non, the photocopy's button says "Photocopier", a document is named without ".pdf"."""

from __future__ import annotations

import pytest

from kiosk.session_documents import list_documents
from tests.gui.conftest import config, make_kiosk, paths, touch  # noqa: F401 (fixtures)
from tests.gui.devices.scanner.test_scan_wizard import scan_a_page, scan_kiosk, tile  # noqa: F401 (fixture)
from tests.gui.devices.scanner.test_service import SLOW
from tests.gui.fit import misfits

pytestmark = pytest.mark.fits


def fits(kiosk, step: str) -> None:
    assert misfits(kiosk.window) == [], step


def test_every_scan_step_fits_the_screen(scan_kiosk, qtbot):  # noqa: F811
    kiosk = scan_kiosk(**SLOW)
    touch(kiosk.window, tile(kiosk, "scan"))
    wizard = kiosk.window.screens.currentWidget()
    fits(kiosk, "choose")
    touch(kiosk.window, wizard.choose_page.several_sheets_button)
    fits(kiosk, "place the sheet")
    touch(kiosk.window, wizard.place_page.scan_button)
    assert wizard.pages.currentWidget() is wizard.scanning_page
    fits(kiosk, "scanning")
    qtbot.waitUntil(lambda: wizard.pages.currentWidget() is wizard.preview_page, timeout=60000)
    qtbot.waitUntil(lambda: not wizard.preview_page.preview.pixmap().isNull(), timeout=5000)
    fits(kiosk, "is it readable")
    touch(kiosk.window, wizard.preview_page.no_button)
    fits(kiosk, "what to do")
    touch(kiosk.window, wizard.preview_page.question_back_button)
    touch(kiosk.window, wizard.preview_page.yes_button)
    fits(kiosk, "another sheet")
    touch(kiosk.window, wizard.preview_page.finish_button)
    qtbot.waitUntil(lambda: wizard.pages.currentWidget() is wizard.done_page, timeout=15000)
    fits(kiosk, "done")

    touch(kiosk.window, wizard.done_page.keep_button)
    kiosk.session_control.end("button")
    # The home's own layout is judged by its tests; here: the window the scanner had is the screen again.
    assert [p for p in misfits(kiosk.window) if p.startswith("window ")] == []


def test_a_problem_fits_the_screen(scan_kiosk, qtbot):  # noqa: F811
    kiosk = scan_kiosk(backends="")
    touch(kiosk.window, tile(kiosk, "scan"))
    wizard = kiosk.window.screens.currentWidget()
    touch(kiosk.window, wizard.choose_page.card_button)
    touch(kiosk.window, wizard.place_page.scan_button)
    qtbot.waitUntil(lambda: wizard.pages.currentWidget() is wizard.problem_page, timeout=15000)
    fits(kiosk, "problem")


def test_is_it_readable_is_answered_yes_or_no(scan_kiosk, qtbot):  # noqa: F811
    """Non says what to do (turn, scan again) and leads back to the question; Oui goes on."""
    kiosk = scan_kiosk()
    touch(kiosk.window, tile(kiosk, "scan"))
    wizard = kiosk.window.screens.currentWidget()
    touch(kiosk.window, wizard.choose_page.one_sheet_button)
    scan_a_page(kiosk, wizard, qtbot)
    visible = [
        b.text()
        for b in (
            wizard.preview_page.yes_button,
            wizard.preview_page.no_button,
            wizard.preview_page.rotate_button,
        )
        if b.isVisible()
    ]
    assert visible == ["Oui", "Non"]  # the question's only answers
    touch(kiosk.window, wizard.preview_page.no_button)
    assert wizard.preview_page.rotate_button.isVisible() and wizard.preview_page.again_button.isVisible()
    assert wizard.preview_page.question_back_button.text() == "Étape précédente"
    touch(kiosk.window, wizard.preview_page.again_button)  # scanned again
    assert wizard.pages.currentWidget() is wizard.place_page
    assert len(kiosk.scanning.service.pages()) == 0
    scan_a_page(kiosk, wizard, qtbot)
    touch(kiosk.window, wizard.preview_page.yes_button)
    qtbot.waitUntil(lambda: wizard.pages.currentWidget() is wizard.done_page, timeout=15000)
    assert [d.name for d in list_documents(kiosk.paths.session_scratch)] == ["Document scanné 1.pdf"]
    assert wizard.done_page.done_name.text() == "Document scanné 1"
    assert (
        "Parcourir" not in wizard.done_page.send_help.text()
        and "fichier" in wizard.done_page.send_help.text()
    )


def test_the_wizard_buttons_say_what_they_do(scan_kiosk, qtbot):  # noqa: F811
    """No "Terminer" (the top bar's ends the session) and no "Retour" (the browser's previous page)."""
    kiosk = scan_kiosk()
    touch(kiosk.window, tile(kiosk, "scan"))
    wizard = kiosk.window.screens.currentWidget()
    texts = {button.text() for button in wizard.findChildren(type(wizard.place_page.scan_button))}
    assert not {text for text in texts if text.startswith(("Terminer", "Retour"))}
    assert wizard.preview_page.finish_button.text() == "J'ai fini de scanner"
    assert wizard.choose_page.leave_button.text() == "Ne pas scanner"


def test_the_photocopy_says_photocopier(scan_kiosk, qtbot):  # noqa: F811
    kiosk = scan_kiosk()
    touch(kiosk.window, tile(kiosk, "copy"))
    wizard = kiosk.window.screens.currentWidget()
    touch(kiosk.window, wizard.choose_page.one_sheet_button)
    assert wizard.place_page.scan_button.text() == "Photocopier"
    assert "« Photocopier »" in wizard.place_page.text.text()
    assert wizard.preview_page.finish_button.text() == "C'est fini, imprimer"
    fits(kiosk, "photocopy: place the sheet")
    touch(kiosk.window, kiosk.window.top_bar.home_button)  # the visitor leaves the photocopy
    touch(kiosk.window, tile(kiosk, "scan"))  # the same wizard, scanning again
    assert kiosk.window.screens.currentWidget() is wizard
    touch(kiosk.window, wizard.choose_page.one_sheet_button)
    assert wizard.place_page.scan_button.text() == "Scanner"
