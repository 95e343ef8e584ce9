"""The kiosk as a whole with a real website: a touched tile opens the site, a downloaded PDF opens in the
kiosk's viewer, a refused file gets a calm notice, and the end of the session leaves no file, page or
document behind."""

from __future__ import annotations

import dataclasses
import re
from pathlib import Path

import pytest
from PySide6.QtCore import QUrl

from tests.gui.browser.conftest import make_shortcut
from tests.gui.browser.download_site import LINKS, DownloadSite
from tests.gui.conftest import files_held_under, touch


@pytest.fixture
def download_site():
    site = DownloadSite()
    site.start()
    yield site
    site.stop()


@pytest.fixture
def kiosk_with_site(make_kiosk, config, download_site):
    """The test kiosk whose first tile opens the loopback download site."""
    shortcut = make_shortcut(download_site, id="alpha", label="Alpha")
    site_config = dataclasses.replace(config, shortcuts=(shortcut, *config.shortcuts[1:]))
    return make_kiosk(site_config)


def click_link(qtbot, screen, link_id: str) -> None:
    results = []
    screen.page.runJavaScript(f"document.getElementById('{link_id}').click(); 1", 0, results.append)
    qtbot.waitUntil(lambda: bool(results), timeout=5000)


def test_a_downloaded_pdf_opens_in_the_viewer_and_the_session_end_removes_it(kiosk_with_site, qtbot):
    from kiosk.browser.document_viewer import DocumentViewer

    kiosk = kiosk_with_site
    touch(kiosk.window, kiosk.home.tiles[0])
    screen = kiosk.window.screens.currentWidget()
    qtbot.waitUntil(lambda: screen.page.url().path() == "/" and not screen.page.isLoading(), timeout=15000)

    click_link(qtbot, screen, "attachment")
    qtbot.waitUntil(lambda: isinstance(kiosk.window.screens.currentWidget(), DocumentViewer), timeout=15000)
    viewer = kiosk.window.screens.currentWidget()
    qtbot.waitUntil(lambda: viewer.pages.text() == "2 pages", timeout=5000)  # read off the GUI thread
    assert viewer.print_button.isVisible()
    saved = [p for p in kiosk.paths.session_scratch.iterdir() if p.suffix == ".pdf"]
    assert len(saved) == 1
    assert viewer.title.text() == saved[0].stem  # no file jargon (".pdf") for the visitor

    touch(kiosk.window, viewer.close_button)
    assert kiosk.window.screens.currentWidget() is screen

    kiosk.session_control.end("button")
    assert files_held_under(kiosk.paths.session_scratch) == []
    qtbot.wait(100)
    assert list(kiosk.paths.session_scratch.iterdir()) == []
    assert kiosk.window.screens.currentWidget() is kiosk.home
    assert kiosk.window.screens.count() == 1


def test_a_refused_file_gets_a_calm_notice_and_never_lands(kiosk_with_site, qtbot):
    kiosk = kiosk_with_site
    touch(kiosk.window, kiosk.home.tiles[0])
    screen = kiosk.window.screens.currentWidget()
    qtbot.waitUntil(lambda: screen.page.url().path() == "/" and not screen.page.isLoading(), timeout=15000)
    assert "exe" in LINKS

    click_link(qtbot, screen, "exe")
    qtbot.waitUntil(screen.notice.isVisible, timeout=15000)
    assert "ne peut pas être ouvert" in screen.notice.title.text()
    assert [p for p in kiosk.paths.session_scratch.rglob("*") if p.is_file()] == []


def test_the_session_can_end_while_the_document_chooser_waits(kiosk_with_site, qtbot):
    """The chooser waits in its own event loop (Qt asks the page synchronously); the idle end of the session
    must close it, wipe everything, and leave the kiosk on a clean home."""
    from PySide6.QtCore import QTimer
    from PySide6.QtWebEngineCore import QWebEnginePage

    kiosk = kiosk_with_site
    touch(kiosk.window, kiosk.home.tiles[0])
    screen = kiosk.window.screens.currentWidget()
    (kiosk.paths.session_scratch / "attestation.pdf").write_bytes(b"%PDF-1.4\n%%EOF\n")
    answers = []

    def end_when_asking() -> None:
        if screen.file_chooser.is_asking:
            kiosk.session_control.end("idle")
        else:
            QTimer.singleShot(20, end_when_asking)

    QTimer.singleShot(20, end_when_asking)
    mode = QWebEnginePage.FileSelectionMode.FileSelectOpen
    answers.append(screen.page.chooseFiles(mode, [], [".pdf"]))  # returns once the session ended

    assert answers == [[]]
    qtbot.wait(100)
    assert kiosk.window.screens.currentWidget() is kiosk.home
    assert list(kiosk.paths.session_scratch.iterdir()) == []


def test_one_press_of_imprimer_opens_the_print_wizard_with_the_page(kiosk_with_site, qtbot):
    from PySide6.QtPdf import QPdfDocument

    from kiosk.devices.printer.wizard import PrintWizard

    kiosk = kiosk_with_site
    touch(kiosk.window, kiosk.home.tiles[0])
    screen = kiosk.window.screens.currentWidget()
    qtbot.waitUntil(lambda: screen.page.url().path() == "/" and not screen.page.isLoading(), timeout=15000)

    touch(kiosk.window, screen.print_button)
    qtbot.waitUntil(lambda: isinstance(kiosk.window.screens.currentWidget(), PrintWizard), timeout=15000)
    wizard = kiosk.window.screens.currentWidget()
    assert Path(wizard.path).name == "Page Alpha.pdf"
    qtbot.waitUntil(lambda: wizard.options_page.thumbnails.drawn == 1, timeout=5000)  # its preview
    assert wizard.options_page.page_count == 1
    document = QPdfDocument()
    assert document.load(wizard.path) == QPdfDocument.Error.None_
    assert "attachment" in document.getAllText(0).text()  # the page's own words, as text
    size = document.pagePointSize(0)
    assert abs(size.width() - 595.3) < 1 and abs(size.height() - 841.9) < 1  # A4, in points
    del document  # close() alone keeps the file open (see kiosk/shell/pdf_file.py)

    touch(kiosk.window, wizard.options_page.back_button)  # "Retour": back to the service
    assert kiosk.window.screens.currentWidget() is screen
    touch(kiosk.window, screen.print_button)  # a second PDF gets its own name
    qtbot.waitUntil(lambda: kiosk.window.screens.currentWidget() is wizard, timeout=15000)
    assert Path(wizard.path).name == "Page Alpha (2).pdf"
    qtbot.waitUntil(lambda: wizard.options_page.page_count == 1, timeout=5000)  # loaded off the GUI thread

    kiosk.session_control.end("button")
    assert files_held_under(kiosk.paths.session_scratch) == []  # the wizard's PDF, still shown
    qtbot.wait(100)
    assert list(kiosk.paths.session_scratch.iterdir()) == []


def test_the_top_bar_names_the_service_and_the_browser_fits_a_1024_screen(kiosk_with_site, qtbot):
    kiosk = kiosk_with_site
    site_name = kiosk.window.top_bar.place_label.text()
    touch(kiosk.window, kiosk.home.tiles[0])
    screen = kiosk.window.screens.currentWidget()
    assert kiosk.window.top_bar.place_label.text() == "Alpha"
    assert screen.minimumSizeHint().width() <= 1024  # the smallest screens îlots still have
    touch(kiosk.window, kiosk.window.top_bar.home_button)
    assert kiosk.window.top_bar.place_label.text() == site_name


def test_a_second_service_reuses_the_screen_with_its_own_rules_and_no_way_back(
    make_kiosk, config, download_site, qtbot
):
    """The browser screen is made once per session: the next service opened gets it with its own rules,
    its own name, and a history that cannot lead back to the previous service."""
    from tests.gui.browser.site import Site

    other = Site("other")
    other.start()
    try:
        first = make_shortcut(download_site, id="alpha", label="Alpha")
        second = make_shortcut(other, id="beta", label="Beta")
        kiosk = make_kiosk(dataclasses.replace(config, shortcuts=(first, second, *config.shortcuts[2:])))

        touch(kiosk.window, kiosk.home.tiles[0])
        screen = kiosk.window.screens.currentWidget()
        qtbot.waitUntil(
            lambda: screen.page.title() == "downloads" and not screen.page.isLoading(), timeout=15000
        )
        screen.load(screen.view.url().resolved("/page2"))  # a second page: Retour now has somewhere to go
        qtbot.waitUntil(lambda: screen.back_button.isEnabled(), timeout=15000)

        touch(kiosk.window, kiosk.window.top_bar.home_button)
        touch(kiosk.window, kiosk.home.tiles[1])
        assert kiosk.window.screens.currentWidget() is screen
        assert kiosk.window.top_bar.place_label.text() == "Beta"
        qtbot.waitUntil(lambda: screen.page.title() == "other" and not screen.page.isLoading(), timeout=15000)
        assert not screen.back_button.isEnabled()
        qtbot.waitUntil(lambda: screen.page.history().count() == 1, timeout=5000)  # Qt learns it late
        assert not screen.back_button.isEnabled()

        refused: list[str] = []
        screen.navigationRefused.connect(refused.append)
        screen.load(QUrl(download_site.url("/")))  # Alpha's site is not Beta's
        assert refused
        assert kiosk.window.screens.count() == 2  # the home and the one browser screen
    finally:
        other.stop()


def test_the_browser_own_shortcuts_do_nothing_inside_a_page(make_kiosk, config, qtbot):
    """Keys pressed while a web page has the focus, delivered where the X server delivers them: the browser's
    shortcuts (print, save, view source, devtools, new window, open file, find…) reach neither Chromium nor
    the page; ordinary typing still does."""
    from PySide6.QtCore import Qt
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QApplication

    from tests.gui.browser.site import Site

    site = Site("service")
    site.start()
    try:
        shortcut = make_shortcut(site, "/keys", id="alpha", label="Alpha")
        kiosk = make_kiosk(dataclasses.replace(config, shortcuts=(shortcut, *config.shortcuts[1:])))
        touch(kiosk.window, kiosk.home.tiles[0])
        screen = kiosk.window.screens.currentWidget()
        qtbot.waitUntil(lambda: screen.page.title() == "keys:" and not screen.page.isLoading(), timeout=15000)
        kiosk.window.activateWindow()  # as on the terminal: the kiosk is the one window with the keyboard
        qtbot.waitUntil(lambda: QApplication.activeWindow() is kiosk.window, timeout=5000)
        touch(kiosk.window, screen.view)  # the page has the focus, as after a visitor's touch
        qtbot.waitUntil(lambda: screen.view.hasFocus() or screen.view.focusProxy().hasFocus(), timeout=5000)
        windows_before = len(QApplication.topLevelWidgets())

        Key, Mod = Qt.Key, Qt.KeyboardModifier
        ctrl, shift = Mod.ControlModifier, Mod.ShiftModifier
        for key, modifiers in [
            (Key.Key_P, ctrl),
            (Key.Key_S, ctrl),
            (Key.Key_U, ctrl),
            (Key.Key_O, ctrl),
            (Key.Key_N, ctrl),
            (Key.Key_T, ctrl),
            (Key.Key_F, ctrl),
            (Key.Key_I, ctrl | shift),
            (Key.Key_J, ctrl | shift),
            (Key.Key_F12, Mod.NoModifier),
            (Key.Key_F5, Mod.NoModifier),
            (Key.Key_Escape, Mod.NoModifier),
        ]:
            QTest.keyClick(kiosk.window.windowHandle(), key, modifiers)
            qtbot.wait(50)  # a person's pace: the page handles each key before the next
        for key in (Key.Key_O, Key.Key_K):
            QTest.keyClick(kiosk.window.windowHandle(), key)
            qtbot.wait(50)
        qtbot.waitUntil(lambda: screen.page.title().endswith("[o][k]"), timeout=10000)

        keys = re.findall(r"\[(\w+)\]", screen.page.title())
        assert [k for k in keys if k not in ("Control", "Shift")] == ["o", "k"]  # no shortcut, no print
        assert screen.page.url().path() == "/keys"
        assert screen.popup_panel is None
        assert len(QApplication.topLevelWidgets()) == windows_before
        assert kiosk.window.screens.currentWidget() is screen
    finally:
        site.stop()
