"""Browser test fixtures: two loopback websites, a shortcut allowed on the first only, and its screen."""

from __future__ import annotations

import pytest
import shiboken6

from kiosk.config import OfflineHelp, Shortcut
from tests.gui.browser.loopback import LoopbackSite
from tests.gui.browser.site import Site


@pytest.fixture
def sites():
    service, elsewhere = Site("service"), Site("elsewhere")
    service.other, elsewhere.other = elsewhere, service
    service.start()
    elsewhere.start()
    yield service, elsewhere
    service.stop()
    elsewhere.stop()


@pytest.fixture
def service(sites) -> Site:
    return sites[0]


@pytest.fixture
def elsewhere(sites) -> Site:
    return sites[1]


def make_shortcut(
    site: LoopbackSite,
    path: str = "/",
    permissions: tuple[str, ...] = (),
    id: str = "test",
    label: str = "Service de test",
    embeddable: tuple[LoopbackSite, ...] = (),
) -> Shortcut:
    """A shortcut to a loopback test site: http (`allow_http`) and a port."""
    return Shortcut(
        id=id,
        label=label,
        description="Un site sur cette machine",
        icon="landmark",
        url=site.url(path),
        allowed_domains=[f"127.0.0.1:{site.port}"],
        category="aides",
        offline_help=OfflineHelp(phone="0100000000", hours="Le lundi"),
        allow_http=True,
        permissions=list(permissions),
        embeddable_domains=[f"127.0.0.1:{other.port}" for other in embeddable],
    )


@pytest.fixture
def open_browser(qtbot, tmp_path):
    """Opens a shortcut's browser screen, shown, with its start page loaded; disposes of it afterwards."""
    from kiosk.browser.profile import SessionProfile
    from kiosk.browser.view import BrowserScreen
    from kiosk.shell.icons import Icons

    profile = SessionProfile()
    screens = []

    def open_(shortcut: Shortcut, wait: bool = True) -> BrowserScreen:
        screen = BrowserScreen(shortcut, (), profile, Icons(None))
        screens.append(screen)
        screen.resize(1280, 720)
        screen.show()
        if wait:
            with qtbot.waitSignal(screen.view.loadFinished, timeout=15000):
                screen.open_start_page()
        else:
            screen.open_start_page()
        return screen

    open_.profile = profile
    yield open_
    for screen in screens:
        if shiboken6.isValid(screen):
            screen.deleteLater()  # views before their pages, pages before their profile
    profile.discard()
