"""Every question a page can put to the visitor, cut short by every way out of it, in the running kiosk by
real clicks: the kiosk never vanishes, the question closes, the page gets "nothing", and what the way out
promises holds (the home, a wiped session, the other service).

A file chooser or a site's dialog waits in a local event loop, so each way out is taken from a timer while
that loop runs, as a visitor's touch would be."""

from __future__ import annotations

import dataclasses
import json
from collections.abc import Callable

import pytest
import shiboken6
from PySide6.QtCore import QPoint, Qt, QTimer
from PySide6.QtTest import QTest
from pytestqt.exceptions import TimeoutError as WaitTimeout

from kiosk.browser.downloads import PARTIAL_DIR
from tests.gui.browser.conftest import make_shortcut
from tests.gui.browser.questions_site import QuestionsSite
from tests.gui.browser.site import Site
from tests.gui.conftest import touch

PAGE_QUESTIONS = ("single", "several", "alert", "confirm", "prompt")  # answered in a local event loop
QUESTIONS = (*PAGE_QUESTIONS, "popup", "popup-file", "download", "print")
WAYS_OUT = ("home", "end", "idle", "other")
NOTHING = {  # what the page's script sees when the kiosk answers "nothing"
    "single": "cancel",
    "several": "cancel",
    "alert": "alert",
    "confirm": "confirm:false",
    "prompt": "prompt:null",
}


@pytest.fixture
def sites():
    questions, other = QuestionsSite(), Site("other")
    questions.start()
    other.start()
    yield questions, other
    questions.release_download.set()
    questions.stop()
    other.stop()


@pytest.fixture
def kiosk(make_kiosk, config, sites):
    questions, other = sites
    shortcuts = (
        make_shortcut(questions, id="alpha", label="Alpha"),
        make_shortcut(other, id="beta", label="Beta"),
        *config.shortcuts[2:],
    )
    return make_kiosk(dataclasses.replace(config, shortcuts=shortcuts))


def tile(kiosk, shortcut_id: str):
    return next(t for t in kiosk.home.shortcut_tiles if t.item_id == shortcut_id)


def run_js(qtbot, page, script: str):
    results = []
    page.runJavaScript(script, 0, results.append)
    qtbot.waitUntil(lambda: bool(results), timeout=5000)
    return results[0]


def click(qtbot, view, element_id: str) -> None:
    """A real mouse click on the page's element (a script's click() would open no chooser)."""
    box = json.loads(
        run_js(
            qtbot,
            view.page(),
            f"JSON.stringify(document.getElementById('{element_id}').getBoundingClientRect())",
        )
    )
    qtbot.waitUntil(lambda: view.focusProxy() is not None, timeout=5000)
    point = QPoint(round(box["x"] + box["width"] / 2), round(box["y"] + box["height"] / 2))
    QTest.mouseClick(view.focusProxy(), Qt.MouseButton.LeftButton, Qt.KeyboardModifier(0), point)


def click_until_answered(qtbot, screen, element_id: str) -> None:
    """Clicks until the page notes an answer (a click before Chromium's first frame is lost)."""
    for _ in range(5):
        click(qtbot, screen.view, element_id)
        try:
            qtbot.waitUntil(lambda: run_js(qtbot, screen.page, "window.answers.length") > 0, timeout=1000)
            return
        except WaitTimeout:
            pass


def open_service(qtbot, kiosk):
    touch(kiosk.window, tile(kiosk, "alpha"))
    screen = kiosk.window.screens.currentWidget()
    qtbot.waitUntil(lambda: screen.page.title() == "questions" and not screen.page.isLoading(), timeout=15000)
    return screen


def when(condition: Callable[[], bool], action: Callable[[], None]) -> QTimer:
    """Runs `action` once `condition` holds, from a timer: also while a local event loop runs."""
    timer = QTimer()
    timer.setInterval(20)

    def check() -> None:
        if condition():
            timer.stop()
            action()

    timer.timeout.connect(check)
    timer.start()
    return timer


def ask(qtbot, kiosk, screen, question: str, site: QuestionsSite) -> Callable[[], bool]:
    """Puts the question to the visitor by a real click; returns the test for "the question is open"."""
    if question in PAGE_QUESTIONS:
        click(qtbot, screen.view, question)
        return lambda: kiosk.local_loops.asking
    if question in ("popup", "popup-file"):
        click(qtbot, screen.view, "popup")
        qtbot.waitUntil(
            lambda: screen.popup_panel is not None and screen.popup_panel.title.text() == "popup",
            timeout=15000,
        )
        qtbot.waitUntil(lambda: not screen.popup_panel.view.page().isLoading(), timeout=15000)
        if question == "popup":
            return lambda: True
        click(qtbot, screen.popup_panel.view, "single")
        return lambda: kiosk.local_loops.asking
    if question == "download":
        click(qtbot, screen.view, "download")
        return lambda: any((kiosk.paths.session_scratch / PARTIAL_DIR).rglob("arriving*"))
    assert question == "print"
    touch(kiosk.window, screen.print_button)
    return lambda: True


def take_way_out(kiosk, way_out: str, taken: list) -> None:
    """The visitor leaves: touches a top-bar button, or walks away (then notes the warning shown over the
    question that is still open)."""
    window = kiosk.window
    if way_out in ("home", "other"):
        touch(window, window.top_bar.home_button)
        taken.append("home")
    elif way_out == "end":
        touch(window, window.top_bar.end_button)
        assert window.confirm_overlay.isVisible()
        touch(window, window.confirm_overlay.end_button)
        taken.append("end")
    else:
        kiosk.idle.set_timeout(100)  # the visitor walks away now; the warning then counts down for real
        kiosk.idle.restart()
        asking = kiosk.local_loops.asking
        taken.append("idle")
        taken.append(when(window.idle_overlay.isVisible, lambda: taken.append(("warned", asking))))


@pytest.mark.parametrize("way_out", WAYS_OUT)
@pytest.mark.parametrize("question", QUESTIONS)
def test_a_question_cut_short_closes_cleanly(qtbot, kiosk, sites, question, way_out):
    site = sites[0]
    idle_ms = kiosk.idle.timeout_ms
    screen = open_service(qtbot, kiosk)
    taken: list = []
    is_open = None
    for _ in range(5):  # a click that reaches Chromium before its first frame is lost: the visitor retries
        is_open = ask(qtbot, kiosk, screen, question, site)
        leave = when(is_open, lambda: take_way_out(kiosk, way_out, taken))
        try:
            qtbot.waitUntil(lambda: bool(taken), timeout=2000)
            break
        except WaitTimeout:
            leave.stop()
    assert taken, f"the {question} question never opened"
    if way_out == "idle":
        qtbot.waitUntil(lambda: ("warned", question in PAGE_QUESTIONS or question == "popup-file") in taken)
    qtbot.waitUntil(lambda: not kiosk.local_loops.asking, timeout=15000)
    if shiboken6.isValid(screen):  # a session end deletes it
        assert not screen.file_chooser.isVisible() and not screen.dialogs.isVisible()

    if way_out in ("home", "other"):
        qtbot.waitUntil(lambda: kiosk.window.screens.currentWidget() is kiosk.home, timeout=5000)
        if question in NOTHING:
            assert run_js(qtbot, screen.page, "window.answers.join()") == NOTHING[question]
        if question == "popup-file":
            assert run_js(qtbot, screen.popup_panel.view.page(), "window.answers.join()") == "cancel"
        if question in ("download", "print"):
            site.release_download.set()
            qtbot.waitUntil(
                lambda: any(p.suffix == ".pdf" for p in kiosk.paths.session_scratch.iterdir()), timeout=15000
            )
            qtbot.wait(200)
            assert kiosk.window.screens.currentWidget() is kiosk.home  # kept among the documents, not shown
    if way_out == "other":
        touch(kiosk.window, tile(kiosk, "beta"))
        assert kiosk.window.screens.currentWidget() is screen
        qtbot.waitUntil(lambda: screen.page.title() == "other" and not screen.page.isLoading(), timeout=15000)
        assert screen.content.currentWidget() is screen.view  # no pop-up of the previous service
        assert screen.page.rules.allowed_domains == (f"127.0.0.1:{sites[1].port}",)
    if way_out in ("end", "idle"):
        qtbot.waitUntil(lambda: not kiosk.session.active, timeout=15000)
        kiosk.idle.set_timeout(idle_ms)  # the next visitor stays
        assert kiosk.window.screens.currentWidget() is kiosk.home
        assert kiosk.window.screens.count() == 1
        site.release_download.set()  # what was still on its way must not land after the wipe
        qtbot.wait(500)
        assert list(kiosk.paths.session_scratch.iterdir()) == []

    # The kiosk goes on: the service opens again, its page new and nothing answered yet.
    touch(kiosk.window, kiosk.window.top_bar.home_button)
    qtbot.waitUntil(lambda: kiosk.window.screens.currentWidget() is kiosk.home, timeout=5000)
    screen = open_service(qtbot, kiosk)
    assert run_js(qtbot, screen.page, "window.answers.length") == 0


def test_the_file_system_pickers_are_not_offered_to_pages(qtbot, kiosk, sites):
    """showOpenFilePicker() and its kind crash QtWebEngine 6.11 once their page is hidden or navigates
    (kiosk/browser/engine_flags.py): pages never get them, and fall back to <input type=file>."""
    screen = open_service(qtbot, kiosk)
    click_until_answered(qtbot, screen, "pickers")
    assert run_js(qtbot, screen.page, "window.answers.join()") == "undefined,undefined,undefined"
    touch(kiosk.window, kiosk.window.top_bar.home_button)
    assert kiosk.window.screens.currentWidget() is kiosk.home


def test_a_folder_input_is_refused_without_asking(qtbot, kiosk, sites):
    screen = open_service(qtbot, kiosk)
    click_until_answered(qtbot, screen, "folder")
    assert run_js(qtbot, screen.page, "window.answers.join()") == "cancel"
    assert not kiosk.local_loops.asking and not screen.file_chooser.isVisible()
