""" "État de la borne" in the real kiosk: the printer's state read from the tests' own CUPS (a private cupsd,
tests/gui/devices/printer), the scanner's last known state, the network, and the hub's lines, in plain
French; and "Rapport de la borne", `kiosk check`'s report on screen."""

from __future__ import annotations

import dataclasses

import msgspec
import pytest

from tests.gui.advisor.conftest import CAMILLE, NOAH, unlock
from tests.gui.conftest import touch
from tests.gui.devices.printer.conftest import cups, printer, server  # noqa: F401 (fixtures)
from tests.gui.devices.scanner.conftest import write_sane_config
from tests.gui.fit import assert_fits


@pytest.fixture
def cups_kiosk(make_kiosk, config, cups, printer, advisors, monkeypatch):  # noqa: F811
    monkeypatch.setenv("CUPS_SERVER", cups.address)
    site = msgspec.structs.replace(config.site, printer=printer)
    return make_kiosk(dataclasses.replace(config, site=site))


@pytest.mark.fits
def test_the_status_shows_the_printers_state_from_cups(cups_kiosk, cups, printer, qtbot):  # noqa: F811
    kiosk = cups_kiosk
    unlock(kiosk, qtbot, CAMILLE)
    touch(kiosk.window, kiosk.assisted.tools.buttons["status"])
    page = kiosk.assisted.tools.pages["status"]
    qtbot.waitUntil(lambda: page.values["printer"].text() == "Prête.", timeout=10000)
    assert page.values["scanner"].text() == "Pas encore utilisé depuis le démarrage."
    assert page.values["hub"].text() == "Ce site n'a pas de serveur central."
    assert not page.values["waiting"].isVisible()
    assert page.values["network"].text() in ("Connecté.", "Pas de réseau.", "La borne ne peut pas le savoir.")
    assert_fits(kiosk.window)

    cups.tool("cupsdisable", printer)
    touch(kiosk.window, page.refresh_button)
    qtbot.waitUntil(
        lambda: page.values["printer"].text() == "Arrêtée dans le système d'impression.", timeout=10000
    )
    cups.tool("cupsenable", printer)
    kiosk.scanning.state = "jammed"  # what the last scan showed
    touch(kiosk.window, page.refresh_button)
    qtbot.waitUntil(lambda: page.values["printer"].text() == "Prête.", timeout=10000)
    assert page.values["scanner"].text() == "Une feuille est coincée."


def test_the_status_shows_the_hubs_lines(make_kiosk, config, advisors, qtbot):
    site = msgspec.structs.replace(config.site, hub_url="https://127.0.0.1:9/", hub_token="jeton")
    kiosk = make_kiosk(dataclasses.replace(config, site=site))
    unlock(kiosk, qtbot, CAMILLE)
    touch(kiosk.window, kiosk.assisted.tools.buttons["status"])
    page = kiosk.assisted.tools.pages["status"]
    unreachable = "La borne n'arrive pas à joindre le serveur central. Elle réessaie toute seule."

    def says_unreachable() -> bool:  # the sync thread's first heartbeat fails: nothing listens there
        touch(kiosk.window, page.refresh_button)
        qtbot.waitUntil(lambda: page.values["hub"].text() != "Lecture…", timeout=5000)
        return page.values["hub"].text() == unreachable

    qtbot.waitUntil(says_unreachable, timeout=20000)
    assert page.values["waiting"].isVisible()
    assert page.values["waiting"].text() == "0 ligne de comptage à envoyer."
    assert page.values["last_beat"].text() == "Jamais."


def test_the_technicians_report_is_kiosk_checks(
    make_kiosk,
    cups,  # noqa: F811
    printer,  # noqa: F811
    advisors,
    qtbot,
    tmp_path,
    monkeypatch,
):
    monkeypatch.setenv("CUPS_SERVER", cups.address)
    monkeypatch.setenv("SANE_CONFIG_DIR", str(write_sane_config(tmp_path / "sane")))
    kiosk = make_kiosk()
    unlock(kiosk, qtbot, NOAH)
    touch(kiosk.window, kiosk.assisted.tools.buttons["report"])
    page = kiosk.assisted.tools.pages["report"]
    qtbot.waitUntil(lambda: page.report.isVisible(), timeout=30000)
    text = page.report.toPlainText()
    assert "Configuration OK" in text
    assert f"Printer {printer}" in text
    assert "Scanner: 2 found." in text
    assert "No hub (hub_url is empty)" in text
    assert_fits(kiosk.window)
