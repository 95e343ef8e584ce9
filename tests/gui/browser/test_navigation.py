"""The browser goes where the shortcut allows, and nowhere else, whatever the way: link, redirect, pop-up,
typed URL or a dangerous scheme."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QUrl

from tests.gui.browser.conftest import make_shortcut


def run_js(qtbot, page, script: str):
    results = []
    page.runJavaScript(script, 0, results.append)
    qtbot.waitUntil(lambda: bool(results), timeout=5000)
    return results[0]


def test_the_start_page_and_a_link_on_the_same_site_load(qtbot, open_browser, service):
    screen = open_browser(make_shortcut(service))
    assert screen.page.title() == "service"
    with qtbot.waitSignal(screen.view.loadFinished, timeout=10000):
        run_js(qtbot, screen.page, "document.getElementById('next').click(); 1")
    assert screen.page.title() == "page2"
    assert screen.back_button.isEnabled()


def test_a_link_to_another_site_is_refused_with_a_notice(qtbot, open_browser, service, elsewhere):
    screen = open_browser(make_shortcut(service))
    with qtbot.waitSignal(screen.navigationRefused, timeout=10000) as refused:
        run_js(qtbot, screen.page, "document.getElementById('out').click(); 1")
    assert refused.args == ["domain"]
    assert screen.notice.isVisible()
    assert "pas disponible" in screen.notice.title.text()
    qtbot.wait(300)
    assert screen.page.url().toString() == service.url("/")
    assert elsewhere.requests == []  # the other site was never contacted


def test_a_redirect_chain_ending_outside_is_stopped_at_the_hop(qtbot, open_browser, service, elsewhere):
    screen = open_browser(make_shortcut(service))
    with qtbot.waitSignal(screen.navigationRefused, timeout=10000) as refused:
        screen.view.load(QUrl(service.url("/redirect-out")))
    assert refused.args == ["domain"]
    assert "/redirect-in-then-out" in service.requests  # the first hop, on the allowed site, was followed
    assert elsewhere.requests == []


def test_a_redirect_inside_the_site_is_followed(qtbot, open_browser, service):
    screen = open_browser(make_shortcut(service))
    with qtbot.waitSignal(screen.view.loadFinished, timeout=10000):
        screen.view.load(QUrl(service.url("/redirect-in")))
    assert screen.page.title() == "page2"


def test_target_blank_to_the_same_site_opens_inside_the_kiosk_and_closes(qtbot, open_browser, service):
    screen = open_browser(make_shortcut(service, "/popup"))
    run_js(qtbot, screen.page, "document.getElementById('in').click(); 1")
    qtbot.waitUntil(
        lambda: screen.popup_panel is not None and screen.popup_panel.title.text() == "page2", timeout=10000
    )
    assert screen.content.currentWidget() is not screen.view
    screen.popup_panel.close_button.click()
    assert screen.content.currentWidget() is screen.view


def test_target_blank_to_another_site_is_refused(qtbot, open_browser, service, elsewhere):
    screen = open_browser(make_shortcut(service, "/popup"))
    with qtbot.waitSignal(screen.navigationRefused, timeout=10000):
        run_js(qtbot, screen.page, "document.getElementById('out').click(); 1")
    qtbot.waitUntil(lambda: screen.content.currentWidget() is screen.view, timeout=5000)
    assert elsewhere.requests == []


def test_window_open_to_another_site_is_refused(qtbot, open_browser, service, elsewhere):
    screen = open_browser(make_shortcut(service))
    with qtbot.waitSignal(screen.navigationRefused, timeout=10000):
        run_js(qtbot, screen.page, f"window.open('{elsewhere.url('/')}'); 1")
    assert elsewhere.requests == []


@pytest.mark.parametrize(
    "url",
    [
        "file:///etc/passwd",
        "data:text/html,<title>faux</title>",
        "view-source:http://127.0.0.1/",
        "chrome://settings",
        "qrc:/qt-project.org/",
    ],
)
def test_dangerous_schemes_typed_at_the_top_are_refused(qtbot, open_browser, service, url):
    screen = open_browser(make_shortcut(service))
    with qtbot.waitSignal(screen.navigationRefused, timeout=10000):
        screen.view.load(QUrl(url))  # straight to Chromium: acceptNavigationRequest must refuse it
    qtbot.wait(200)
    assert screen.page.title() == "service"


def test_a_javascript_url_the_kiosk_is_asked_to_load_does_not_run(qtbot, open_browser, service):
    screen = open_browser(make_shortcut(service))
    with qtbot.waitSignal(screen.navigationRefused, timeout=5000) as refused:
        screen.load(QUrl("javascript:document.title='piraté'"))
    assert refused.args == ["scheme"]
    qtbot.wait(300)
    assert screen.page.title() == "service"
