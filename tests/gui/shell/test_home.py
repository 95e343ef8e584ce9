"""The home screen as a visitor meets it: the right tiles, big enough, every one in view without scrolling
(on pages when the screen is short), and a touch opens the service."""

import pytest
from PySide6.QtCore import QRect, Qt
from PySide6.QtWidgets import QAbstractButton, QLabel

from kiosk.config import load_config
from kiosk.resources import bundled_shortcuts
from kiosk.shell import theme
from kiosk.shell.destinations import Destination, Destinations
from kiosk.shell.home import HomeScreen
from kiosk.shell.icons import Icons
from tests.gui import home_configs
from tests.gui.conftest import touch
from tests.gui.fit import misfits


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
    # three shortcuts, four services; Accueil, Appeler un conseiller, Terminer ma session; Espace conseiller
    assert len(visible) == 7 + 3 + 1
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
    destinations = Destinations()
    destinations.register(
        Destination(
            "diag", "Tester mes compétences", "Un petit test", "circle-help", lambda: opened.append(1)
        )
    )
    home = HomeScreen(config, destinations, Icons(None))
    qtbot.addWidget(home)
    assert [t.item_id for t in home.tiles] == ["alpha", "gamma", "beta", "diag"]
    home.destinationRequested.connect(destinations.open)
    qtbot.mouseClick(home.tiles[-1], Qt.MouseButton.LeftButton)
    assert opened == [1]


def test_no_destination_means_no_services_section(qtbot, config):
    home = HomeScreen(config, Destinations(), Icons(None))
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


def kiosk_with(make_kiosk, paths, shortcuts_yaml: str | None):
    """The kiosk with this shortcuts file, or with the bundled one (None)."""
    if shortcuts_yaml is None:
        (paths.config_dir / "shortcuts.yaml").unlink()
    else:
        (paths.config_dir / "shortcuts.yaml").write_text(shortcuts_yaml, encoding="utf-8")
    loaded = load_config(paths.config_dir, bundled_shortcuts(), paths.last_good_config)
    assert loaded.problems == ()
    return make_kiosk(loaded.config)


def visit_every_page(kiosk) -> list[list[str]]:
    """Turns the pages with the page buttons as a finger does; on each page, everything fits and every tile
    sits under its own category's heading. The ids of each page's tiles."""
    home, window = kiosk.home, kiosk.window
    category_of = {s.id: c.label for c in kiosk.config.categories for s in kiosk.config.shortcuts_in(c.id)}
    seen = []
    for index in range(home.page_count):
        assert home.pages.currentIndex() == index
        assert misfits(window, scrolling=False) == [], f"page {index + 1}"
        tiles = home.tiles_on_page(index)
        assert tiles and all(t.isVisible() for t in tiles)
        for tile in tiles:
            assert tile.height() >= theme.MIN_TILE
            heading = heading_above(home, tile)
            assert heading in (category_of[tile.item_id], f"{category_of[tile.item_id]} (suite)"), (
                tile.item_id
            )
        seen.append([t.item_id for t in tiles])
        if index < home.page_count - 1:
            touch(window, home.next_button)
    assert not home.next_button.isVisible()
    return seen


def heading_above(home, tile) -> str:
    """The text of the nearest heading above the tile whose width covers the tile's middle."""
    middle = tile.mapTo(home, tile.rect().center())
    top = tile.mapTo(home, tile.rect().topLeft()).y()
    above = []
    for label in home.findChildren(QLabel, "CategoryHeading"):
        if not label.isVisible():
            continue
        box = QRect(label.mapTo(home, label.rect().topLeft()), label.size())
        if box.left() <= middle.x() <= box.right() and box.bottom() < top:
            above.append((top - box.bottom(), label.text()))
    assert above, f"no heading above {tile.item_id}"
    return min(above)[1]


@pytest.mark.fits
@pytest.mark.parametrize(
    "shortcuts_yaml",
    [home_configs.SIXTEEN, None, home_configs.ONE_LONG_CATEGORY],
    ids=["16 shortcuts in 6 categories", "bundled", "one long category"],
)
def test_every_shortcut_is_in_view_on_a_page_without_scrolling_under_its_heading(
    make_kiosk, paths, shortcuts_yaml
):
    kiosk = kiosk_with(make_kiosk, paths, shortcuts_yaml)
    home = kiosk.home
    pages = visit_every_page(kiosk)
    ids = [s.id for c in kiosk.config.categories for s in kiosk.config.shortcuts_in(c.id)]
    assert [i for page in pages for i in page] == ids  # each once, in the file's order
    assert (
        len(ids) == {home_configs.SIXTEEN: 16, None: 10, home_configs.ONE_LONG_CATEGORY: 16}[shortcuts_yaml]
    )
    for label in home.findChildren(QLabel):
        if label.objectName() in ("TileLabel", "TileDescription", "CategoryHeading", "HomePageNumber"):
            assert label.font().pixelSize() >= 18, label.text()
    for button in (home.previous_button, home.next_button):
        assert button.height() >= theme.MIN_TILE


@pytest.mark.fits
def test_the_page_buttons_go_back_and_the_next_visitor_finds_the_first_page(make_kiosk, paths, qtbot):
    kiosk = kiosk_with(make_kiosk, paths, home_configs.SIXTEEN)
    home, window = kiosk.home, kiosk.window
    assert home.page_count > 1 and home.page_bar.isVisible()
    assert not home.previous_button.isVisible()
    assert home.page_number.text() == f"Page 1 sur {home.page_count}"
    touch(window, home.next_button)
    assert home.page_number.text() == f"Page 2 sur {home.page_count}"
    touch(window, home.previous_button)
    assert home.pages.currentIndex() == 0
    touch(window, home.next_button)
    last = home.tiles_on_page(1)[-1]
    with qtbot.waitSignal(home.shortcutRequested) as opened:
        touch(window, last)  # a tile of the second page opens like any other
    assert opened.args == [last.item_id]
    touch(window, kiosk.top_bar.home_button)
    assert home.pages.currentIndex() == 1  # "Accueil" during a session: the visitor's page is kept
    touch(window, kiosk.top_bar.end_button)
    touch(window, window.confirm_overlay.end_button)
    assert not kiosk.session.active
    assert window.screens.currentWidget() is home
    assert home.pages.currentIndex() == 0
    assert home.page_number.text() == f"Page 1 sur {home.page_count}"
    assert misfits(window, scrolling=False) == []


@pytest.mark.fits
def test_offline_marks_and_the_greeting_after_a_session_still_fit(make_kiosk, paths, qtbot):
    kiosk = kiosk_with(make_kiosk, paths, home_configs.SIXTEEN)
    kiosk.home.mark_offline(frozenset(s.id for s in kiosk.config.shortcuts))
    qtbot.wait(10)
    places = [t.mapTo(kiosk.window, t.rect().topLeft()) for t in kiosk.home.tiles_on_page(0)]
    kiosk.home.greet(previous_session_wiped=True)  # the longer greeting
    qtbot.wait(10)  # the layouts take it in
    assert [t.mapTo(kiosk.window, t.rect().topLeft()) for t in kiosk.home.tiles_on_page(0)] == places
    assert not any(t.offline_mark.isHidden() for t in kiosk.home.shortcut_tiles)
    visit_every_page(kiosk)


def test_a_screen_that_holds_everything_shows_no_page_buttons(kiosk):
    assert kiosk.home.page_count == 1
    assert not kiosk.home.page_bar.isVisible()
    assert misfits(kiosk.window, scrolling=False) == []


def test_the_home_follows_its_own_size_not_the_primary_screen(qtbot, paths):
    loaded = load_config(None, bundled_shortcuts(), paths.last_good_config)
    home = HomeScreen(loaded.config, Destinations(), Icons(None))
    qtbot.addWidget(home)
    columns = {}
    for width, height in ((1024, 680), (1280, 712), (1920, 992)):
        home.resize(width, height)
        home.show()
        qtbot.waitExposed(home)
        lefts = {t.mapTo(home, t.rect().topLeft()).x() for t in home.tiles_on_page(0)}
        columns[width] = (len(lefts), home.page_count)
    assert columns == {1024: (2, 2), 1280: (3, 1), 1920: (3, 1)}
