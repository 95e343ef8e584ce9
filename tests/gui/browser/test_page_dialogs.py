"""A site's confirm() and prompt() appear as the kiosk's own large dialogs; the answer reaches the site."""

from __future__ import annotations

from PySide6.QtCore import QTimer
from PySide6.QtTest import QTest

from tests.gui.browser.conftest import make_shortcut


def when_shown(dialogs, answer) -> QTimer:
    """Answers the dialog once it shows. The dialog waits in its own event loop (Qt asks the page for the
    answer synchronously), so the test's code cannot run until it closes: a timer answers from inside."""
    timer = QTimer()
    timer.setInterval(50)

    def check() -> None:
        if dialogs.isVisible():
            timer.stop()
            answer()

    timer.timeout.connect(check)
    timer.start()
    return timer


def test_confirm_is_a_kiosk_dialog_and_its_answer_reaches_the_page(qtbot, open_browser, service):
    shown = {}

    def answer() -> None:
        shown["text"] = screen.dialogs.text.text()
        shown["cancel"] = screen.dialogs.cancel_button.isVisible()
        screen.dialogs.ok_button.click()

    screen = open_browser(make_shortcut(service, "/confirm"), wait=False)
    timer = when_shown(screen.dialogs, answer)
    qtbot.waitUntil(lambda: screen.page.title() == "answer:true", timeout=10000)
    assert shown == {"text": "Voulez-vous continuer ?", "cancel": True}
    assert not screen.dialogs.isVisible()
    timer.stop()


def test_prompt_takes_what_the_visitor_types(qtbot, open_browser, service):
    shown = {}

    def answer() -> None:
        shown["default"] = screen.dialogs.field.text()
        screen.dialogs.field.clear()
        QTest.keyClicks(screen.dialogs.field, "Élodie")
        screen.dialogs.ok_button.click()

    screen = open_browser(make_shortcut(service, "/prompt"), wait=False)
    timer = when_shown(screen.dialogs, answer)
    qtbot.waitUntil(lambda: screen.page.title() == "name:Élodie", timeout=10000)
    assert shown["default"] == "Jeanne"
    timer.stop()


def test_cancelling_a_prompt_gives_the_page_null(qtbot, open_browser, service):
    screen = open_browser(make_shortcut(service, "/prompt"), wait=False)
    timer = when_shown(screen.dialogs, lambda: screen.dialogs.cancel_button.click())
    qtbot.waitUntil(lambda: screen.page.title() == "name:null", timeout=10000)
    timer.stop()
