"""When the site cannot be reached the contact card replaces it; when the site answers again, the page comes
back by itself."""

from __future__ import annotations

from kiosk.browser import view
from tests.gui.browser.conftest import make_shortcut
from tests.gui.browser.site import Site


def test_the_contact_card_shows_then_the_page_returns_by_itself(qtbot, open_browser, monkeypatch):
    monkeypatch.setattr(view, "RETRY_MS", 200)  # instead of 15 s
    site = Site("service")
    port = site.port
    shortcut = make_shortcut(site)
    site.server.server_close()  # down: nothing listens on that port

    screen = open_browser(shortcut, wait=False)
    qtbot.waitUntil(lambda: screen.content.currentWidget() is screen.offline, timeout=15000)
    assert screen.offline.retry_button.isVisible()
    assert screen.offline.facts["Téléphone"] == "0100000000"

    back = Site("service", port=port)  # the network comes back
    back.start()
    try:
        qtbot.waitUntil(lambda: screen.content.currentWidget() is screen.view, timeout=15000)
        qtbot.waitUntil(lambda: screen.page.title() == "service", timeout=10000)
        with qtbot.assertNotEmitted(screen.page.loadingChanged, wait=3 * view.RETRY_MS):
            pass  # back: no more tries
    finally:
        back.stop()


def test_reessayer_tries_at_once(qtbot, open_browser):
    site = Site("service")
    port = site.port
    shortcut = make_shortcut(site)
    site.server.server_close()
    screen = open_browser(shortcut, wait=False)
    qtbot.waitUntil(lambda: screen.content.currentWidget() is screen.offline, timeout=15000)

    back = Site("service", port=port)
    back.start()
    try:
        screen.offline.retry_button.click()
        qtbot.waitUntil(lambda: screen.content.currentWidget() is screen.view, timeout=10000)
        assert screen.page.title() == "service"
    finally:
        back.stop()
