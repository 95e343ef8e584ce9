"""A site's own "Imprimer" (`window.print()`) in the wired kiosk: one touch leads to the print wizard's
preview of that page, printed as the site styles it for paper."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest
from PySide6.QtPdf import QPdfDocument
from pytestqt.exceptions import TimeoutError as WaitTimeout

from tests.gui.browser.conftest import make_shortcut
from tests.gui.browser.questions_site import PRINTED, QuestionsSite
from tests.gui.browser.test_cut_short import click, open_service
from tests.gui.conftest import files_held_under, touch


@pytest.fixture
def kiosk(make_kiosk, config):
    site = QuestionsSite()
    site.start()
    yield make_kiosk(dataclasses.replace(config, shortcuts=(make_shortcut(site, id="alpha", label="Alpha"),)))
    site.release_download.set()
    site.stop()


def test_window_print_opens_the_print_wizard_with_the_page_as_printed(qtbot, kiosk):
    from kiosk.devices.printer.wizard import PrintWizard

    screen = open_service(qtbot, kiosk)
    shown = kiosk.window.screens.currentWidget
    for _ in range(5):  # a click that reaches Chromium before its first frame is lost: the visitor retries
        click(qtbot, screen.view, "print")
        try:
            qtbot.waitUntil(lambda: isinstance(shown(), PrintWizard), timeout=3000)
            break
        except WaitTimeout:
            pass
    wizard = kiosk.window.screens.currentWidget()
    assert isinstance(wizard, PrintWizard)
    assert Path(wizard.path).name == "Page Alpha.pdf"
    document = QPdfDocument()
    assert document.load(wizard.path) == QPdfDocument.Error.None_
    text = " ".join(document.getAllText(i).text() for i in range(document.pageCount()))
    del document  # close() alone keeps the file open (see kiosk/shell/pdf_file.py)
    assert PRINTED in text  # the site's print styles apply
    assert "pickers" not in text  # its buttons are for the screen only

    touch(kiosk.window, wizard.options_page.back_button)
    assert kiosk.window.screens.currentWidget() is screen
    kiosk.session_control.end("button")
    assert files_held_under(kiosk.paths.session_scratch) == []
    qtbot.wait(100)
    assert list(kiosk.paths.session_scratch.iterdir()) == []
