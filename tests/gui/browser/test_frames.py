"""Frames show the shortcut's own site, and the sites it lists as embeddable; a frame of any other site shows
the kiosk's notice instead, whether the frame was there from the start, sent there by a script or a link, or
led there by a server redirect, and the refusal is counted. Images and scripts of other sites still load."""

from __future__ import annotations

import time

import shiboken6
from PySide6.QtCore import QUrl
from pytestqt.exceptions import TimeoutError as WaitTimeout

from kiosk.browser.policy import FRAME_NOTICE_URL
from tests.gui.browser.conftest import make_shortcut
from tests.gui.browser.test_navigation import run_js

NOTICE = "Ce contenu ne peut pas s'afficher ici."
FIRST_PARAGRAPH = "(document.querySelector('p') || {}).textContent || ''"


def in_frame(qtbot, page, name: str, script: str):
    """What `script` gives inside the frame called `name` of `page`; None when there is no such frame, or when
    no answer comes (a script sent to a frame while it changes documents is dropped)."""
    frame = page.findFrameByName(name)
    if frame is None:
        return None
    results = []
    frame.runJavaScript(script, 0, results.append)
    try:
        qtbot.waitUntil(lambda: bool(results), timeout=2000)
    except WaitTimeout:
        return None
    return results[0]


def wait_in_frame(qtbot, page, name: str, script: str, expected, timeout: float = 10.0):
    """Waits until `script` gives `expected` in the frame `name`; fails with what it gave last."""
    deadline = time.monotonic() + timeout
    while True:
        seen = in_frame(qtbot, page, name, script)
        if seen == expected:
            return
        assert time.monotonic() < deadline, f"frame {name}: {seen!r}, waited for {expected!r}"
        qtbot.wait(100)


def frame_url(page, name: str) -> str:
    frame = page.findFrameByName(name)
    return frame.url().toString() if frame is not None else ""


def open_counting(qtbot, open_browser, shortcut):
    """Opens the shortcut's screen; returns it and the list of refusals it reports for counting."""
    screen = open_browser(shortcut, wait=False)
    refused: list[str] = []
    screen.navigationRefused.connect(refused.append)
    qtbot.waitUntil(lambda: screen.page.title() == "frames" and not screen.page.isLoading(), timeout=15000)
    return screen, refused


def test_a_frame_of_another_site_shows_the_notice_while_its_images_and_scripts_load(
    qtbot, open_browser, service, elsewhere
):
    screen, refused = open_counting(qtbot, open_browser, make_shortcut(service, "/frames"))
    page = screen.page
    wait_in_frame(qtbot, page, "own", FIRST_PARAGRAPH, "service")
    wait_in_frame(qtbot, page, "direct", FIRST_PARAGRAPH, NOTICE)
    assert frame_url(page, "direct") == FRAME_NOTICE_URL
    qtbot.waitUntil(lambda: len(refused) == 2, timeout=5000)
    assert refused == ["domain", "domain"]  # the direct frame and the redirected one
    assert "/framed" not in elsewhere.requests  # its page was never asked for
    # what a CDN serves still comes: the image is drawn, the script ran
    assert run_js(qtbot, page, "document.getElementById('pixel').naturalWidth") == 1
    assert run_js(qtbot, page, "window.scriptFrom || ''") == "elsewhere"
    assert {"/pixel.png", "/script.js"} <= set(elsewhere.requests)
    # the page itself stays, with no page-wide notice: only the frame tells
    assert page.url().toString() == service.url("/frames")
    assert not screen.notice.isVisible()


def test_a_redirect_inside_a_frame_to_another_site_is_stopped_at_the_hop(
    qtbot, open_browser, service, elsewhere
):
    screen, refused = open_counting(qtbot, open_browser, make_shortcut(service, "/frames"))
    wait_in_frame(qtbot, screen.page, "hop", FIRST_PARAGRAPH, NOTICE)
    assert "/redirect-in-then-out" in service.requests  # the first hop, on the allowed site, was followed
    assert "/" not in elsewhere.requests  # the second was never asked for
    qtbot.waitUntil(lambda: len(refused) == 2, timeout=5000)


def test_a_frame_sent_to_another_site_by_a_script_shows_the_notice(qtbot, open_browser, service, elsewhere):
    screen, refused = open_counting(qtbot, open_browser, make_shortcut(service, "/frames"))
    page = screen.page
    wait_in_frame(qtbot, page, "own", FIRST_PARAGRAPH, "service")
    qtbot.waitUntil(lambda: len(refused) == 2, timeout=5000)
    run_js(qtbot, page, f"document.querySelector('iframe[name=own]').src = '{elsewhere.url('/framed')}'; 1")
    wait_in_frame(qtbot, page, "own", FIRST_PARAGRAPH, NOTICE)
    assert frame_url(page, "own") == FRAME_NOTICE_URL
    qtbot.waitUntil(lambda: len(refused) == 3, timeout=5000)
    assert "/framed" not in elsewhere.requests
    assert page.url().toString() == service.url("/frames")


def test_a_link_inside_a_frame_to_another_site_shows_the_notice(qtbot, open_browser, service, elsewhere):
    screen, refused = open_counting(qtbot, open_browser, make_shortcut(service, "/frames"))
    page = screen.page
    wait_in_frame(qtbot, page, "own", FIRST_PARAGRAPH, "service")
    qtbot.waitUntil(lambda: len(refused) == 2, timeout=5000)
    in_frame(qtbot, page, "own", "document.getElementById('out').click(); 1")
    wait_in_frame(qtbot, page, "own", FIRST_PARAGRAPH, NOTICE)
    qtbot.waitUntil(lambda: len(refused) == 3, timeout=5000)
    assert "/framed" not in elsewhere.requests


def test_an_embeddable_site_shows_in_a_frame_but_never_as_the_page(qtbot, open_browser, service, elsewhere):
    shortcut = make_shortcut(service, "/frames", embeddable=(elsewhere,))
    screen, refused = open_counting(qtbot, open_browser, shortcut)
    page = screen.page
    wait_in_frame(qtbot, page, "direct", FIRST_PARAGRAPH, "elsewhere")
    wait_in_frame(qtbot, page, "hop", "document.title", "elsewhere")  # the redirect's end, on that site
    assert refused == []
    with qtbot.waitSignal(screen.navigationRefused, timeout=10000) as top_level:
        run_js(qtbot, page, "document.getElementById('out').click(); 1")
    assert top_level.args == ["domain"]
    assert screen.notice.isVisible()
    qtbot.wait(300)
    assert page.url().toString() == service.url("/frames")


def test_frames_the_page_builds_itself_still_show(qtbot, open_browser, service):
    screen = open_browser(make_shortcut(service, "/built-frames"))
    refused: list[str] = []
    screen.navigationRefused.connect(refused.append)
    for name in ("srcdoc", "data", "blob", "blank"):
        wait_in_frame(qtbot, screen.page, name, FIRST_PARAGRAPH, "fait ici")
    assert frame_url(screen.page, "blob").startswith("blob:" + service.origin)
    assert refused == []


def test_the_notice_scheme_serves_nothing_else(qtbot, open_browser, service):
    screen = open_browser(make_shortcut(service, "/built-frames"))
    run_js(qtbot, screen.page, "document.querySelector('iframe[name=srcdoc]').src = 'kiosk:other'; 1")
    qtbot.wait(500)
    assert in_frame(qtbot, screen.page, "srcdoc", FIRST_PARAGRAPH) == "fait ici"  # refused: nothing changed
    screen.view.load(QUrl(FRAME_NOTICE_URL))  # and never as the page
    qtbot.wait(500)
    assert screen.page.url().toString() == service.url("/built-frames")


def test_a_frame_inside_a_frame_is_judged_too(qtbot, open_browser, service, elsewhere):
    screen, refused = open_counting(qtbot, open_browser, make_shortcut(service, "/nested"))
    wait_in_frame(qtbot, screen.page, "outer", FIRST_PARAGRAPH, "service")
    wait_in_frame(qtbot, screen.page, "inner", FIRST_PARAGRAPH, NOTICE)
    assert refused == ["domain"]
    assert "/framed" not in elsewhere.requests


def test_a_form_sent_into_a_frame_to_another_site_goes_nowhere(qtbot, open_browser, service, elsewhere):
    screen, refused = open_counting(qtbot, open_browser, make_shortcut(service, "/frames"))
    page = screen.page
    wait_in_frame(qtbot, page, "own", FIRST_PARAGRAPH, "service")
    qtbot.waitUntil(lambda: len(refused) == 2, timeout=5000)
    run_js(qtbot, page, "document.getElementById('send').submit(); 1")
    qtbot.waitUntil(lambda: len(refused) == 3, timeout=5000)
    qtbot.wait(300)
    assert in_frame(qtbot, page, "own", FIRST_PARAGRAPH) == "service"  # the frame keeps what it showed
    assert not any(path.startswith("/framed") for path in elsewhere.requests)


def test_the_next_visitor_gets_the_notice_too(qtbot, open_browser, service):
    shortcut = make_shortcut(service, "/frames")
    first, _ = open_counting(qtbot, open_browser, shortcut)
    wait_in_frame(qtbot, first.page, "direct", FIRST_PARAGRAPH, NOTICE)
    old_profile = open_browser.profile.profile()
    first.deleteLater()  # as the session wiper does: the screen, then the pages and the profile
    open_browser.profile.discard()
    qtbot.waitUntil(lambda: not shiboken6.isValid(old_profile), timeout=5000)  # the deferred deletions ran
    second, refused = open_counting(qtbot, open_browser, shortcut)  # a new profile, its own notice handler
    wait_in_frame(qtbot, second.page, "direct", FIRST_PARAGRAPH, NOTICE)
    qtbot.waitUntil(lambda: len(refused) == 2, timeout=5000)


def test_a_frame_still_loading_when_another_is_refused_shows_its_own_page(qtbot, open_browser, service):
    """The notice goes into the frames that have no document when a redirect is refused, a frame whose page
    is still on its way among them: that page, when it comes, replaces it."""
    screen = open_browser(make_shortcut(service, "/slow-and-hop"), wait=False)
    wait_in_frame(qtbot, screen.page, "hop", FIRST_PARAGRAPH, NOTICE)
    wait_in_frame(qtbot, screen.page, "slow", FIRST_PARAGRAPH, "service")
