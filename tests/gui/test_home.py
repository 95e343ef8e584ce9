"""The home screen as a visitor meets it: the right tiles, big enough, and a touch opens the service."""

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractButton, QLabel

from kiosk.shell import theme
from kiosk.shell.home import HomeScreen
from kiosk.shell.icons import Icons
from kiosk.shell.navigation import Destination, Navigation
from tests.gui.conftest import touch


def test_home_shows_exactly_the_tiles_of_the_shortcuts_file_then_the_kiosk_services(kiosk):
    tiles = kiosk.home.tiles
    # grouped by category, in file order; then the kiosk's own services
    assert [t.item_id for t in tiles] == ["alpha", "gamma", "beta", "diagnostic", "scan", "print", "copy"]
    names = [t.accessibleName() for t in tiles]
    assert names == ["Alpha", "Gamma", "Bêta", "Faire le point", "Scanner", "Imprimer", "Photocopier"]
    headings = [w.text() for w in kiosk.home.findChildren(QLabel) if w.objectName() == "CategoryHeading"]
    assert headings == ["Aides de test", "Papiers de test"]
    services = [t.item_id for t in kiosk.home.dock.findChildren(type(tiles[-1]))]
    assert services == ["diagnostic", "scan", "print", "copy"]  # below the shortcuts, never scrolled away


def test_no_print_tile_when_the_site_turns_printing_off(make_kiosk, config):
    import dataclasses

    import msgspec

    site = msgspec.structs.replace(config.site, print_page_limit=0)
    kiosk = make_kiosk(dataclasses.replace(config, site=site))
    services = [t.item_id for t in kiosk.home.tiles if t.item_id in ("diagnostic", "scan", "print", "copy")]
    assert services == ["diagnostic", "scan"]


def test_clicking_a_tile_requests_its_shortcut(kiosk, qtbot):
    beta = next(t for t in kiosk.home.tiles if t.item_id == "beta")
    with qtbot.waitSignal(kiosk.home.shortcutRequested) as opened:
        touch(kiosk.window, beta)
    assert opened.args == ["beta"]


def test_the_click_starts_the_session_and_counts_the_shortcut(kiosk, qtbot):
    alpha = kiosk.home.tiles[0]
    assert not kiosk.session.active
    touch(kiosk.window, alpha)
    assert kiosk.session.active
    kiosk.counter.flush().result(5)
    rows = {(metric, key): count for _, metric, key, count in kiosk.counter.totals().result(5)}
    assert rows[("shortcut_opened", "alpha")] == 1
    assert rows[("session_started", "")] == 1


def test_every_control_on_the_home_meets_the_minimum_size(kiosk):
    buttons = kiosk.window.findChildren(QAbstractButton)
    visible = [b for b in buttons if b.isVisibleTo(kiosk.window)]
    assert len(visible) == 7 + 2  # three shortcuts, four kiosk services, Accueil and Terminer ma session
    for button in visible:
        minimum = theme.MIN_TILE if "Tile" in button.objectName() else theme.MIN_CONTROL
        assert button.height() >= minimum, button.text() or button.accessibleName()
        assert button.width() >= minimum


def test_the_title_and_the_top_bar_speak_plainly(kiosk):
    labels = [w.text() for w in kiosk.window.findChildren(QLabel)]
    assert "Bienvenue" in labels
    assert "Bureau de test" in labels
    assert kiosk.top_bar.home_button.text() == "Accueil"
    assert kiosk.top_bar.end_button.text() == "Terminer ma session"


def test_registered_destinations_appear_after_the_shortcuts_and_open(qtbot, config):
    opened = []
    navigation = Navigation()
    navigation.register(
        Destination(
            "diag", "Tester mes compétences", "Un petit test", "circle-help", lambda: opened.append(1)
        )
    )
    home = HomeScreen(config, navigation, Icons(None))
    qtbot.addWidget(home)
    assert [t.item_id for t in home.tiles] == ["alpha", "gamma", "beta", "diag"]
    home.destinationRequested.connect(navigation.open)
    qtbot.mouseClick(home.tiles[-1], Qt.MouseButton.LeftButton)
    assert opened == [1]


def test_no_destination_means_no_services_section(qtbot, config):
    home = HomeScreen(config, Navigation(), Icons(None))
    qtbot.addWidget(home)
    assert home.dock is None
    assert [t.item_id for t in home.tiles] == ["alpha", "gamma", "beta"]


def test_a_tile_opens_its_site_and_shows_how_to_reach_the_service_when_it_cannot(kiosk, qtbot):
    from kiosk.browser.view import BrowserScreen

    gamma = next(t for t in kiosk.home.tiles if t.item_id == "gamma")
    touch(kiosk.window, gamma)
    screen = kiosk.window.screens.currentWidget()
    assert isinstance(screen, BrowserScreen)
    assert screen.shortcut.id == "gamma"
    # nothing listens on https://127.0.0.1:59999: the contact card replaces the page, with "Réessayer".
    qtbot.waitUntil(lambda: screen.content.currentWidget() is screen.offline, timeout=15000)
    assert screen.offline.facts == {"Téléphone": "0100000003", "Horaires": "Le lundi"}
    assert screen.offline.retry_button.isVisible()

    touch(kiosk.window, screen.offline.back_button)
    assert kiosk.window.screens.currentWidget() is kiosk.home

    touch(kiosk.window, kiosk.home.tiles[0])
    assert kiosk.window.screens.currentWidget().shortcut.id == "alpha"
    assert kiosk.window.screens.count() == 2  # the previous service was replaced, not stacked


def test_tiles_take_as_many_columns_as_the_screen_holds_readably():
    from kiosk.shell.home import columns_for

    assert [columns_for(w) for w in (800, 1024, 1280, 1366, 1920)] == [1, 2, 3, 3, 3]
