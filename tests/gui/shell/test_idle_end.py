"""The idle end comes when `idle_timeout` says, measured with the kiosk's real timers: the warning shows
`idle_warning` seconds before, and the session ends and is wiped at `idle_timeout` after the last touch."""

from __future__ import annotations

import dataclasses
import time

import msgspec

from tests.gui.conftest import touch

TIMEOUT, WARNING = 30, 5  # the smallest the schema allows


def test_the_session_ends_at_idle_timeout_after_the_last_touch(make_kiosk, config, qtbot):
    site = msgspec.structs.replace(config.site, idle_timeout=TIMEOUT, idle_warning=WARNING)
    kiosk = make_kiosk(dataclasses.replace(config, site=site))
    touch(kiosk.window, kiosk.window.top_bar.place_label)  # a touch anywhere starts a session
    touched = time.monotonic()
    assert kiosk.session.active

    qtbot.waitUntil(kiosk.window.idle_overlay.isVisible, timeout=(TIMEOUT + 5) * 1000)
    warned = time.monotonic() - touched
    qtbot.waitUntil(lambda: not kiosk.session.active, timeout=(WARNING + 5) * 1000)
    ended = time.monotonic() - touched

    assert TIMEOUT - WARNING - 0.5 <= warned <= TIMEOUT - WARNING + 1.5
    assert TIMEOUT - 0.5 <= ended <= TIMEOUT + 1.5
    assert kiosk.window.screens.currentWidget() is kiosk.home
