"""The kiosk's own screens fit the display, whatever its size: a service's site with its bar, the document
viewer, the refused-file notice, a site that does not answer (its contact card), and the overlays
(idle warning, session-end confirmation naming what is open). The run checks them at 1280×800;
tests/e2e/test_small_screen.py runs the tests marked `fits` again on a 1024×768 screen."""

from __future__ import annotations

import dataclasses

import msgspec
import pytest

from kiosk.config import OfflineHelp
from tests.gui.browser.conftest import make_shortcut
from tests.gui.browser.site import Site
from tests.gui.browser.test_kiosk_browser import click_link, download_site  # noqa: F401 (fixture)
from tests.gui.conftest import touch
from tests.gui.fit import assert_fits

pytestmark = pytest.mark.fits


def test_a_service_its_document_and_its_notices_fit(make_kiosk, config, download_site, qtbot):  # noqa: F811
    from kiosk.browser.document_viewer import DocumentViewer

    shortcut = make_shortcut(download_site, id="alpha", label="Caisse d'allocations familiales")
    kiosk = make_kiosk(dataclasses.replace(config, shortcuts=(shortcut, *config.shortcuts[1:])))
    touch(kiosk.window, kiosk.home.shortcut_tiles[0])
    screen = kiosk.window.screens.currentWidget()
    qtbot.waitUntil(lambda: screen.page.url().path() == "/" and not screen.page.isLoading(), timeout=15000)
    assert_fits(kiosk.window)

    click_link(qtbot, screen, "exe")
    qtbot.waitUntil(screen.notice.isVisible, timeout=15000)
    assert_fits(kiosk.window)
    touch(kiosk.window, screen.notice.ok_button)

    click_link(qtbot, screen, "attachment")
    qtbot.waitUntil(lambda: isinstance(kiosk.window.screens.currentWidget(), DocumentViewer), timeout=15000)
    assert_fits(kiosk.window)

    touch(kiosk.window, kiosk.top_bar.end_button)
    assert len(kiosk.window.confirm_overlay.losses.text().splitlines()) == 3  # the heading, site, document
    assert_fits(kiosk.window)
    touch(kiosk.window, kiosk.window.confirm_overlay.stay_button)

    kiosk.window.idle_overlay.start(10)
    assert_fits(kiosk.window)


def test_the_contact_card_of_a_site_that_does_not_answer_fits(make_kiosk, config, qtbot):
    site = Site("service")
    site.server.server_close()  # down: nothing listens on that port
    shortcut = msgspec.structs.replace(
        make_shortcut(site, id="alpha", label="Assurance maladie"),
        offline_help=OfflineHelp(
            phone="3646",
            hours="Du lundi au vendredi, de 8 h 30 à 17 h 30",
            address="Agence de la Grand-Rue, 12 rue de la République, 69000 Lyon",
            bring="Votre carte Vitale et une pièce d'identité",
        ),
    )
    kiosk = make_kiosk(dataclasses.replace(config, shortcuts=(shortcut, *config.shortcuts[1:])))
    touch(kiosk.window, kiosk.home.shortcut_tiles[0])
    screen = kiosk.window.screens.currentWidget()
    qtbot.waitUntil(lambda: screen.content.currentWidget() is screen.offline, timeout=20000)
    assert_fits(kiosk.window)
