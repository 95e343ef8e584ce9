"""The wired kiosk with a site that frames another one: the refused frames are counted for the service that
showed them, and the notice they show speaks the kiosk's language."""

from __future__ import annotations

import dataclasses

import msgspec

from tests.gui.browser import conftest as browser_fixtures
from tests.gui.browser.conftest import make_shortcut
from tests.gui.browser.test_frames import FIRST_PARAGRAPH, wait_in_frame
from tests.gui.conftest import touch

sites = browser_fixtures.sites  # the service's site and another one, both on loopback


def test_refused_frames_are_counted_for_their_service_and_told_in_its_language(
    make_kiosk, config, sites, qtbot
):
    service, elsewhere = sites
    shortcut = make_shortcut(service, "/frames", id="alpha", label="Alpha")
    english = dataclasses.replace(config, site=msgspec.structs.replace(config.site, language="en"))
    kiosk = make_kiosk(dataclasses.replace(english, shortcuts=(shortcut, *config.shortcuts[1:])))

    touch(kiosk.window, kiosk.home.tiles[0])
    screen = kiosk.window.screens.currentWidget()
    qtbot.waitUntil(lambda: screen.page.title() == "frames" and not screen.page.isLoading(), timeout=15000)
    wait_in_frame(qtbot, screen.page, "direct", FIRST_PARAGRAPH, "This content cannot be shown here.")
    wait_in_frame(qtbot, screen.page, "hop", FIRST_PARAGRAPH, "This content cannot be shown here.")
    wait_in_frame(qtbot, screen.page, "own", FIRST_PARAGRAPH, "service")

    kiosk.counter.flush().result(5)
    rows = {(metric, key): count for _, metric, key, count in kiosk.counter.totals().result(5)}
    assert rows[("navigation_blocked", "alpha")] == 2
    assert elsewhere.requests.count("/framed") == 0
