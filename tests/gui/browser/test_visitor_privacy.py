"""What one visitor leaves in the browser (cookies, localStorage, IndexedDB) is gone for the next one once the
kiosk's own session end has run its wipers; the browser's permissions are denied unless the shortcut allows
them."""

from __future__ import annotations

import dataclasses
import json

import shiboken6
from PySide6.QtCore import QUrl

from tests.gui.browser.conftest import make_shortcut
from tests.gui.conftest import config, make_kiosk, paths, touch  # noqa: F401 (fixtures)


def seen(qtbot, screen) -> dict:
    qtbot.waitUntil(lambda: screen.page.title().startswith("seen:"), timeout=10000)
    return json.loads(screen.page.title().removeprefix("seen:"))


def test_a_session_wipe_leaves_nothing_for_the_next_visitor(qtbot, make_kiosk, config, service):  # noqa: F811
    shortcut = make_shortcut(service, "/storage", id="alpha", label="Alpha")
    kiosk = make_kiosk(dataclasses.replace(config, shortcuts=(shortcut, *config.shortcuts[1:])))
    touch(kiosk.window, kiosk.home.tiles[0])  # the visitor opens the service: their session starts
    first = kiosk.browsing.screen
    assert seen(qtbot, first) == {"cookie": False, "local": None, "indexeddb": None}

    with qtbot.waitSignal(first.view.loadFinished, timeout=10000):
        first.view.load(QUrl(service.url("/storage?again")))
    assert seen(qtbot, first) == {"cookie": True, "local": "Jeanne", "indexeddb": "Jeanne"}  # same visitor

    first_profile = first.page.profile()
    kiosk.session_control.end("button")  # the kiosk's own session end, with every feature's wiper
    assert not kiosk.session.active
    qtbot.waitUntil(lambda: not shiboken6.isValid(first_profile), timeout=5000)  # deleted, not only dropped

    touch(kiosk.window, kiosk.home.tiles[0])  # the next visitor
    second = kiosk.browsing.screen
    assert second is not first
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
