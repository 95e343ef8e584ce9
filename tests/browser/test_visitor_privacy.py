"""What one visitor leaves in the browser (cookies, localStorage, IndexedDB) is gone for the next one; the
browser's permissions are denied unless the shortcut allows them."""

from __future__ import annotations

import json

from PySide6.QtCore import QUrl

from tests.browser.conftest import make_shortcut


def seen(qtbot, screen) -> dict:
    qtbot.waitUntil(lambda: screen.page.title().startswith("seen:"), timeout=10000)
    return json.loads(screen.page.title().removeprefix("seen:"))


def test_a_session_wipe_leaves_nothing_for_the_next_visitor(qtbot, open_browser, service):
    shortcut = make_shortcut(service, "/storage")
    first = open_browser(shortcut)
    assert seen(qtbot, first) == {"cookie": False, "local": None, "indexeddb": None}

    with qtbot.waitSignal(first.view.loadFinished, timeout=10000):
        first.view.load(QUrl(service.url("/storage?again")))
    assert seen(qtbot, first) == {"cookie": True, "local": "Jeanne", "indexeddb": "Jeanne"}  # same visitor

    first.deleteLater()  # what the session wiper does: the screen (and its views) first, then the pages
    open_browser.profile.discard()
    qtbot.wait(200)  # the deferred deletions run
    assert not open_browser.profile.exists

    second = open_browser(shortcut)
    assert seen(qtbot, second) == {"cookie": False, "local": None, "indexeddb": None}


def test_geolocation_is_denied_unless_the_shortcut_allows_it(qtbot, open_browser, service):
    screen = open_browser(make_shortcut(service, "/geo"), wait=False)
    with qtbot.waitSignal(screen.page.permissionDenied, timeout=10000) as denied:
        pass
    assert denied.args == ["Geolocation"]
    qtbot.waitUntil(lambda: screen.page.title() == "geo:error:1", timeout=10000)  # PERMISSION_DENIED


def test_an_allowed_permission_is_not_denied(qtbot, open_browser, service):
    screen = open_browser(make_shortcut(service, "/geo", permissions=("location",)), wait=False)
    denials = []
    screen.page.permissionDenied.connect(denials.append)
    qtbot.waitUntil(lambda: screen.page.title().startswith("geo:"), timeout=10000)
    assert denials == []
    assert screen.page.title() != "geo:error:1"  # granted: no position source here, but not refused
