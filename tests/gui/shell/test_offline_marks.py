"""The "Hors ligne" mark on the home screen's tiles: set when a service's site does not answer, gone once a
page of it loads again; every tile marked while the terminal's network link is down."""

from __future__ import annotations

import dataclasses

from tests.gui.browser.conftest import make_shortcut
from tests.gui.browser.site import Site
from tests.gui.conftest import touch


def marked(kiosk) -> list[str]:
    return [t.item_id for t in kiosk.home.shortcut_tiles if t.offline_mark and not t.offline_mark.isHidden()]


def test_a_site_that_does_not_answer_gets_the_mark_until_it_loads_again(make_kiosk, config, qtbot):
    site = Site("service")
    port = site.port
    site.server.server_close()  # down: nothing listens on that port
    shortcut = make_shortcut(site, id="alpha", label="Alpha")
    kiosk = make_kiosk(dataclasses.replace(config, shortcuts=(shortcut, *config.shortcuts[1:])))
    tile = kiosk.home.tiles[0]
    assert marked(kiosk) == []

    touch(kiosk.window, tile)
    screen = kiosk.window.screens.currentWidget()
    qtbot.waitUntil(lambda: screen.content.currentWidget() is screen.offline, timeout=15000)
    touch(kiosk.window, screen.offline.back_button)
    qtbot.waitUntil(lambda: kiosk.window.screens.currentWidget() is kiosk.home)
    assert marked(kiosk) == ["alpha"]
    assert tile.accessibleDescription().startswith("Hors ligne.")

    back = Site("service", port=port)
    back.start()
    try:
        touch(kiosk.window, tile)
        screen = kiosk.window.screens.currentWidget()
        qtbot.waitUntil(lambda: screen.page.title() == "service", timeout=15000)
        qtbot.waitUntil(lambda: marked(kiosk) == [], timeout=5000)  # once the page has loaded
        assert tile.accessibleDescription() == shortcut.description
    finally:
        back.stop()


def test_every_tile_is_marked_while_the_link_is_down(kiosk, qtbot):
    kiosk.reachability.link_changed(up=False)
    assert marked(kiosk) == [t.item_id for t in kiosk.home.shortcut_tiles]
    kiosk.reachability.link_changed(up=True)
    assert marked(kiosk) == []
