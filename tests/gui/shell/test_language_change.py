"""Every screen follows a language change while it is shown: switched to English, each visible text that has
an English translation shows it; switched back, the French texts return. Texts made from what the screen
shows (a page number, a countdown) are made again in the new language."""

from __future__ import annotations

import dataclasses
import xml.etree.ElementTree as ElementTree
from collections import defaultdict

import pytest
import shiboken6
import yaml
from PySide6.QtCore import QCoreApplication, QUrl
from PySide6.QtWidgets import QAbstractButton, QLabel, QWidget

from kiosk.devices.printer.messages import message
from kiosk.devices.printer.problems import Problem
from kiosk.devices.scanner.messages import problem_text
from kiosk.devices.scanner.problems import Problem as ScanProblem
from kiosk.resources import resource_path
from kiosk.shell.translation import switch_language
from tests.gui import home_configs
from tests.gui.browser.conftest import make_shortcut
from tests.gui.browser.download_site import DownloadSite, two_page_pdf
from tests.gui.conftest import touch
from tests.gui.diagnostic.driver import kind

TS_FILE = resource_path("assets", "translations", "kiosk_en.ts")


def sources() -> dict[str, set[str]]:
    """Each source text of the translation file and the contexts it is in."""
    contexts = defaultdict(set)
    for context in ElementTree.parse(TS_FILE).getroot().iter("context"):
        name = context.findtext("name") or ""
        for entry in context.iter("message"):
            contexts[entry.findtext("source")].add(name)
    return contexts


def english_of(contexts: dict[str, set[str]]) -> dict[str, set[str]]:
    """What the installed translators make of each source text, where that differs from it."""
    english = {}
    for source, names in contexts.items():
        translated = {QCoreApplication.translate(name, source) for name in names} - {source}
        if translated:
            english[source] = translated
    return english


def shown_texts(window: QWidget) -> dict[QWidget, str]:
    """Every visible label's and button's text in the window (the top bar, the screen shown, its overlays)."""
    widgets = [w for w in window.findChildren(QWidget) if isinstance(w, (QLabel, QAbstractButton))]
    return {w: w.text() for w in widgets if w.isVisible() and w.text()}


def switch(kiosk, language: str) -> None:
    kiosk.translators = switch_language(kiosk.qapp, kiosk.translators, language)
    QCoreApplication.processEvents()  # Qt posts LanguageChange to the windows


def assert_follows_the_language(kiosk, at_least: int = 2, as_written: set[str] = frozenset()) -> None:
    """The screen shown now turns English, then French again; texts `as_written` (content) may stay."""
    window = kiosk.window
    before = shown_texts(window)
    contexts = sources()
    switch(kiosk, "en")
    try:
        english = english_of(contexts)
        checked = {
            w: french for w, french in before.items() if french in english and french not in as_written
        }
        assert len(checked) >= at_least, sorted(before.values())
        kept_french = {french: w.text() for w, french in checked.items() if w.text() not in english[french]}
        assert kept_french == {}, "these texts did not follow the language change"
    finally:
        switch(kiosk, "fr")
    before = {w: text for w, text in before.items() if shiboken6.isValid(w)}
    assert {w: w.text() for w in before} == before, "the French texts came back"


@pytest.fixture
def download_site():
    site = DownloadSite()
    site.start()
    yield site
    site.stop()


def test_the_home_the_idle_warning_and_the_end_confirmation_follow_the_language(kiosk, qtbot):
    assert_follows_the_language(kiosk, at_least=5)
    kiosk.window.idle_overlay.start(30)
    kiosk.window.idle_overlay._tick.stop()  # the countdown holds still while its words are compared
    assert_follows_the_language(kiosk)
    kiosk.window.idle_overlay.cancel()
    kiosk.session_control.request_end()
    assert kiosk.window.confirm_overlay.isVisible()
    assert_follows_the_language(kiosk, at_least=4)


def test_a_service_its_refusal_notice_and_a_document_follow_the_language(
    make_kiosk, config, download_site, qtbot
):
    shortcut = make_shortcut(download_site, id="alpha", label="Alpha")
    kiosk = make_kiosk(dataclasses.replace(config, shortcuts=(shortcut, *config.shortcuts[1:])))
    touch(kiosk.window, kiosk.home.tiles[0])
    screen = kiosk.window.screens.currentWidget()
    qtbot.waitUntil(lambda: screen.page.url().path() == "/" and not screen.page.isLoading(), timeout=15000)
    assert_follows_the_language(kiosk, at_least=6)

    screen.load(QUrl("https://example.org/"))  # refused by the policy before any network
    assert screen.notice.isVisible()
    assert_follows_the_language(kiosk, at_least=8)
    touch(kiosk.window, screen.notice.ok_button)

    pdf = kiosk.paths.session_scratch / "relevé.pdf"
    pdf.write_bytes(two_page_pdf())
    kiosk.browsing.show_document(str(pdf))
    viewer = kiosk.window.screens.currentWidget()
    assert viewer is kiosk.browsing.viewer
    assert_follows_the_language(kiosk, at_least=4)
    switch(kiosk, "en")
    try:
        assert viewer.pages.text() == QCoreApplication.translate("DocumentViewer", "{n} pages").format(n=2)
        assert kiosk.window.top_bar.place_label.text() == viewer.windowTitle() != "Votre document"
    finally:
        switch(kiosk, "fr")
    assert kiosk.window.top_bar.place_label.text() == "Votre document"


def test_the_contact_card_of_a_site_that_does_not_answer_follows_the_language(kiosk, qtbot):
    touch(kiosk.window, next(t for t in kiosk.home.tiles if t.item_id == "gamma"))
    screen = kiosk.window.screens.currentWidget()
    qtbot.waitUntil(lambda: screen.content.currentWidget() is screen.offline, timeout=15000)
    assert_follows_the_language(kiosk, at_least=4)


def test_the_print_and_scan_wizards_follow_the_language(kiosk, qtbot):
    kiosk.printing.choose_document()
    wizard = kiosk.printing.wizard
    qtbot.waitUntil(lambda: kiosk.window.screens.currentWidget() is wizard)
    assert wizard.pages.currentWidget() is wizard.choose_page
    assert_follows_the_language(kiosk, at_least=3)
    wizard.problem_page.show_message(lambda: message(Problem.MEDIA_EMPTY))  # as a failed job shows it
    wizard.pages.setCurrentWidget(wizard.problem_page)
    assert_follows_the_language(kiosk, at_least=4)  # what happened and what to do among them
    wizard.pages.setCurrentWidget(wizard.choose_page)
    touch(kiosk.window, wizard.choose_page.leave_button)

    kiosk.scanning.open(photocopy=True)
    scan = kiosk.scanning.wizard
    qtbot.waitUntil(lambda: kiosk.window.screens.currentWidget() is scan)
    assert_follows_the_language(kiosk, at_least=5)
    touch(kiosk.window, scan.choose_page.one_sheet_button)
    assert scan.pages.currentWidget() is scan.place_page
    assert_follows_the_language(kiosk, at_least=3)
    scan.problem_page.show_text(lambda: problem_text(ScanProblem.COVER_OPEN))
    scan.pages.setCurrentWidget(scan.problem_page)
    assert_follows_the_language(kiosk, at_least=4)


def test_the_diagnostic_pages_follow_the_language(kiosk, qtbot):
    touch(kiosk.window, next(t for t in kiosk.home.tiles if t.item_id == "diagnostic"))
    screen = kiosk.window.screens.currentWidget()
    written = content_texts()
    assert screen.pages.currentWidget() is screen.welcome_page
    assert_follows_the_language(kiosk, at_least=3, as_written=written)
    touch(kiosk.window, screen.start_button)
    assert screen.pages.currentWidget() is screen.item_page
    assert_follows_the_language(kiosk, at_least=2, as_written=written)
    seen = set()  # the pages and the kinds of exercise checked
    for _ in range(200):
        page = screen.pages.currentWidget()
        if page is screen.result_page:
            break
        shown = type(screen.exercise) if page is screen.item_page else page
        if shown not in seen:
            seen.add(shown)
            assert_follows_the_language(kiosk, at_least=1, as_written=written)
        touch(kiosk.window, page.continue_button if page is screen.early_page else page.skip_button)
    assert screen.question_page in seen
    assert_follows_the_language(kiosk, at_least=3, as_written=written)


def test_page_numbers_and_the_countdown_are_made_again_in_the_new_language(make_kiosk, paths, qtbot):
    (paths.config_dir / "shortcuts.yaml").write_text(home_configs.SIXTEEN, encoding="utf-8")
    kiosk = make_kiosk()
    home = kiosk.home
    assert home.page_count > 1
    touch(kiosk.window, home.next_button)
    kiosk.window.idle_overlay.start(30)
    kiosk.window.idle_overlay._tick.stop()  # the countdown holds still while its words are compared
    french_page, french_countdown = home.page_number.text(), kiosk.window.idle_overlay.countdown.text()
    switch(kiosk, "en")
    try:
        page = QCoreApplication.translate("HomeScreen", "Page {n} sur {total}")
        assert home.page_number.text() == page.format(n=2, total=home.page_count) != french_page
        remaining = kiosk.window.idle_overlay.remaining
        countdown = QCoreApplication.translate("IdleOverlay", "{n} secondes").format(n=remaining)
        assert kiosk.window.idle_overlay.countdown.text() == countdown != french_countdown
    finally:
        switch(kiosk, "fr")
    assert home.page_number.text() == french_page
    assert kiosk.window.idle_overlay.countdown.text() == french_countdown


def content_texts() -> set[str]:
    """Every text of the diagnostic's content: it stays as written, whatever the kiosk's language."""
    path = resource_path("assets", "diagnostic", "contenu.yaml")
    texts, values = set(), [yaml.safe_load(path.read_text(encoding="utf-8"))]
    while values:
        value = values.pop()
        if isinstance(value, dict):
            values.extend(value.values())
        elif isinstance(value, list):
            values.extend(value)
        elif isinstance(value, str):
            texts.add(value)
    return texts


def test_every_kind_of_exercise_follows_the_language(kiosk, qtbot):
    touch(kiosk.window, next(t for t in kiosk.home.tiles if t.item_id == "diagnostic"))
    screen = kiosk.window.screens.currentWidget()
    touch(kiosk.window, screen.start_button)
    first_of_each_kind = {}
    for area in screen.content.areas:
        for item in area.items:
            first_of_each_kind.setdefault(kind(item), item)
    assert len(first_of_each_kind) >= 5
    for item in first_of_each_kind.values():
        screen.item_page.show_item(item, screen.diagnostic.progress())
        assert screen.pages.currentWidget() is screen.item_page
        assert_follows_the_language(kiosk, at_least=2, as_written=content_texts())
