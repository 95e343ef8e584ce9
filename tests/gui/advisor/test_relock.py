"""While unlocked, the banner is on every screen (the home, a service's site, the diagnostic, the print and
scan wizards) and everything still fits; the mode locks itself again after the idle time, on "Quitter le mode
accompagné" and at the session's end, each written to the audit with its reason."""

from __future__ import annotations

import pytest

from tests.gui.advisor.conftest import CAMILLE, NOAH, audit_events, unlock
from tests.gui.conftest import touch
from tests.gui.fit import assert_fits


def service_tile(kiosk, destination_id: str):
    return next(tile for tile, d in kiosk.home._services if d.id == destination_id)


@pytest.mark.fits
def test_the_banner_is_on_every_screen_while_unlocked(make_kiosk, advisors, qtbot):
    kiosk = make_kiosk()
    unlock(kiosk, qtbot, CAMILLE)
    window, banner = kiosk.window, kiosk.assisted.banner
    assert_fits(window)  # the tools' menu

    touch(window, kiosk.top_bar.home_button)
    assert window.screens.currentWidget() is kiosk.home
    assert banner.isVisible()
    assert_fits(window, scrolling=False)

    touch(window, kiosk.home.shortcut_tiles[0])  # a service's site (it does not answer: its card then)
    qtbot.waitUntil(lambda: window.screens.currentWidget() is kiosk.browsing.screen)
    assert banner.isVisible()
    assert_fits(window)

    for destination in ("diagnostic", "print", "scan"):
        touch(window, kiosk.top_bar.home_button)
        touch(window, service_tile(kiosk, destination))
        qtbot.waitUntil(lambda: window.screens.currentWidget() is not kiosk.home)
        shown = type(window.screens.currentWidget()).__name__
        assert (
            shown
            == {"diagnostic": "DiagnosticScreen", "print": "PrintWizard", "scan": "ScanWizard"}[destination]
        )
        assert banner.isVisible(), destination
        assert banner.geometry().bottom() < window.screens.geometry().top() + 1  # above the screen, not over
        assert_fits(window)


def test_the_mode_locks_itself_after_the_idle_time(make_kiosk, advisors, qtbot):
    kiosk = make_kiosk()
    assert kiosk.assisted.idle.timeout_ms == 10 * 60_000  # the site's default, assisted_idle_minutes: 10
    kiosk.assisted.idle.set_timeout(400)  # the test's own: 0.4 s without input
    unlock(kiosk, qtbot, CAMILLE)
    qtbot.wait(250)
    touch(kiosk.window, kiosk.assisted.tools.buttons["status"])  # input: the idle time starts again
    qtbot.wait(250)
    assert kiosk.assisted.unlocked
    qtbot.waitUntil(lambda: not kiosk.assisted.unlocked, timeout=3000)
    assert not kiosk.assisted.banner.isVisible()
    assert kiosk.assisted.tools is None
    assert kiosk.window.screens.currentWidget() is kiosk.home
    qtbot.waitUntil(lambda: ("Camille", "relocked:idle") in audit_events(kiosk))


def test_the_site_setting_gives_the_idle_time(make_kiosk, paths, config, qtbot):
    import dataclasses

    import msgspec

    site = msgspec.structs.replace(config.site, assisted_idle_minutes=3)
    kiosk = make_kiosk(dataclasses.replace(config, site=site))
    assert kiosk.assisted.idle.timeout_ms == 3 * 60_000


def test_quitting_the_mode_and_the_sessions_end_lock_it_again(make_kiosk, advisors, qtbot):
    kiosk = make_kiosk()
    unlock(kiosk, qtbot, CAMILLE)
    touch(kiosk.window, kiosk.assisted.banner.quit_button)
    assert not kiosk.assisted.unlocked and not kiosk.assisted.banner.isVisible()
    assert kiosk.window.screens.currentWidget() is kiosk.home
    qtbot.waitUntil(lambda: ("Camille", "relocked:quit") in audit_events(kiosk))

    unlock(kiosk, qtbot, NOAH)
    assert kiosk.assisted.banner.label.text() == "Mode accompagné — Noah"
    assert kiosk.session.active
    touch(kiosk.window, kiosk.top_bar.end_button)
    touch(kiosk.window, kiosk.window.confirm_overlay.end_button)
    assert not kiosk.session.active
    assert not kiosk.assisted.unlocked and not kiosk.assisted.banner.isVisible()
    qtbot.waitUntil(lambda: ("Noah", "relocked:session_end") in audit_events(kiosk))
    events = [e for e in audit_events(kiosk) if e[1] != "added"]
    assert events == [
        ("Camille", "unlocked"),
        ("Camille", "relocked:quit"),
        ("Noah", "unlocked"),
        ("Noah", "relocked:session_end"),
    ]


def test_the_banners_tools_button_brings_the_tools_back(make_kiosk, advisors, qtbot):
    kiosk = make_kiosk()
    unlock(kiosk, qtbot, CAMILLE)
    tools = kiosk.assisted.tools
    touch(kiosk.window, tools.buttons["status"])
    touch(kiosk.window, kiosk.top_bar.home_button)
    touch(kiosk.window, kiosk.assisted.banner.tools_button)
    assert kiosk.window.screens.currentWidget() is tools
    assert tools.stack.currentWidget() is tools.menu
