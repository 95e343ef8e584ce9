"""The help call in the real kiosk, touched as a visitor would, against the real hub on loopback: the button
on every screen, each state of a call on its screen and in the banner, the cancel, the session's end, and
the fallbacks (nobody on duty, no hub, a hub that cannot be reached) that always leave the visitor a ticket
for the counter."""

from __future__ import annotations

import dataclasses
import uuid

import pytest

from kiosk.config import load_config
from kiosk.resources import bundled_shortcuts
from tests.gui.browser.conftest import make_shortcut
from tests.gui.browser.site import Site
from tests.gui.conftest import touch
from tests.gui.fit import assert_fits
from tests.hub_on_loopback import FaultProxy, add_terminal, advisor_moves, free_port, hub_call, running_hub

ALWAYS = "advisor_schedule:\n" + "".join(
    f"  - {{day: {day}, start: '00:00', end: '23:59'}}\n"
    for day in ("lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche")
)
NEVER_NOW = "advisor_schedule:\n  - {day: mardi, start: '09:00', end: '09:01', place: 'Mairie de Mézières'}\n"


@pytest.fixture(scope="module")
def hub(module_hub_db_url):
    """The real hub on loopback, on SQLite and again on PostgreSQL."""
    with running_hub(module_hub_db_url) as base:
        yield module_hub_db_url, base


def site_yaml(paths, hub_url: str | None, token: str = "", schedule: str = ALWAYS) -> None:
    text = "site_name: Bureau de test\nidle_timeout: 60\nidle_warning: 5\n" + schedule
    if hub_url:
        text += f'hub_url: "{hub_url}"\nhub_token: "{token}"\n'
    (paths.config_dir / "site.yaml").write_text(text, encoding="utf-8")


@pytest.fixture
def on_hub(hub, paths):
    url, base = hub
    site_yaml(paths, base, add_terminal(url, "borne-1", f"poste-{uuid.uuid4().hex[:6]}"))
    return url


def counts(kiosk) -> dict[tuple[str, str], int]:
    kiosk.counter.flush().result(5)
    return {(metric, key): n for _, metric, key, n in kiosk.counter.totals().result(5)}


def call_from(kiosk, qtbot, topic: str | None = None):
    touch(kiosk.window, kiosk.top_bar.help_button)
    screen = kiosk.help_calling._screen
    qtbot.waitUntil(lambda: kiosk.window.screens.currentWidget() is screen)
    if topic:
        touch(kiosk.window, screen.chip_buttons[topic])
    touch(kiosk.window, screen.call_button)
    qtbot.waitUntil(lambda: kiosk.help_calling.call is not None)
    return screen


def loaded(paths):
    return load_config(paths.config_dir, bundled_shortcuts(), paths.last_good_config).config


def test_the_call_button_is_on_every_screen_and_brings_the_visitor_back(make_kiosk, paths, qtbot):
    site_yaml(paths, None)
    config = loaded(paths)
    service = make_shortcut(Site("service"), id="alpha", label="Caisse d'allocations familiales")
    kiosk = make_kiosk(dataclasses.replace(config, shortcuts=(service, *config.shortcuts[1:])))
    opened = {
        "the home": lambda: None,
        "a service": lambda: touch(kiosk.window, kiosk.home.shortcut_tiles[0]),
        "the diagnostic": lambda: kiosk.destinations.open("diagnostic"),
        "the scanner": lambda: kiosk.destinations.open("scan"),
        "the printer": lambda: kiosk.destinations.open("print"),
    }
    seen = []
    for place, open_it in opened.items():
        before = kiosk.window.screens.currentWidget()
        open_it()
        if place != "the home":
            qtbot.waitUntil(lambda b=before: kiosk.window.screens.currentWidget() is not b)
        there = kiosk.window.screens.currentWidget()
        seen.append(there)
        assert kiosk.top_bar.help_button.isVisible(), place
        touch(kiosk.window, kiosk.top_bar.help_button)
        screen = kiosk.help_calling._screen
        qtbot.waitUntil(lambda s=screen: kiosk.window.screens.currentWidget() is s)
        assert screen.shown.kind == "ask_counter", (
            place
        )  # this site has no hub: the counter, never a dead end
        touch(kiosk.window, screen.ask_back)
        qtbot.waitUntil(lambda t=there: kiosk.window.screens.currentWidget() is t)
    assert len(set(map(id, seen))) == len(opened)  # five different screens, each with the button


@pytest.mark.fits  # run again on a 1024×768 screen by tests/e2e/test_small_screen.py
def test_a_call_follows_its_state_on_its_screen_and_in_the_banner(make_kiosk, on_hub, qtbot):
    kiosk = make_kiosk()
    screen = call_from(kiosk, qtbot, "imprimer")
    call_id = kiosk.help_calling.call.call_id
    qtbot.waitUntil(lambda: screen.state_label.text() == "Votre demande est envoyée.", timeout=10000)
    assert screen.ticket.text() == "A-01"
    row = hub_call(on_hub, call_id)
    assert (row.ticket, row.topic, row.state) == ("A-01", "imprimer", "sent")
    assert_fits(kiosk.window)

    advisor_moves(on_hub, call_id, "seen")
    qtbot.waitUntil(lambda: screen.state_label.text() == "Un conseiller a vu votre demande.", timeout=10000)
    touch(kiosk.window, screen.back_button)  # "Continuer ma démarche": the banner keeps the state in view
    qtbot.waitUntil(lambda: kiosk.window.screens.currentWidget() is kiosk.home)
    banner = kiosk.help_calling.banner
    assert banner.isVisible() and banner.text.text() == "Demande A-01 : un conseiller l'a vue."
    advisor_moves(on_hub, call_id, "coming")
    qtbot.waitUntil(lambda: banner.text.text() == "Demande A-01 : un conseiller arrive.", timeout=10000)
    assert_fits(kiosk.window)
    touch(kiosk.window, banner.open_button)
    qtbot.waitUntil(lambda: kiosk.window.screens.currentWidget() is screen)
    assert screen.state_label.text() == "Un conseiller arrive." and not banner.isVisible()

    advisor_moves(on_hub, call_id, "done")
    qtbot.waitUntil(lambda: screen.state_label.text() == "Votre demande est terminée.", timeout=10000)
    assert kiosk.help_calling.call is None and not screen.cancel_button.isVisible()
    counted = counts(kiosk)
    assert counted[("help_call", "answered")] == 1
    assert counted[("help_call_wait", "seen:<1min")] == counted[("help_call_wait", "coming:<1min")] == 1


def test_the_visitor_cancels_and_the_hub_hears_it(make_kiosk, on_hub, qtbot):
    kiosk = make_kiosk()
    screen = call_from(kiosk, qtbot)
    call_id = kiosk.help_calling.call.call_id
    qtbot.waitUntil(lambda: screen.state_label.text() == "Votre demande est envoyée.", timeout=10000)
    touch(kiosk.window, screen.cancel_button)
    qtbot.waitUntil(lambda: kiosk.window.screens.currentWidget() is kiosk.home)
    assert not kiosk.help_calling.banner.isVisible()
    qtbot.waitUntil(lambda: hub_call(on_hub, call_id).state == "cancelled", timeout=10000)
    assert hub_call(on_hub, call_id).topic is None
    assert counts(kiosk)[("help_call", "cancelled")] == 1


def test_a_call_open_at_the_sessions_end_is_cancelled_on_the_hub(make_kiosk, on_hub, qtbot):
    kiosk = make_kiosk()
    screen = call_from(kiosk, qtbot)
    call_id = kiosk.help_calling.call.call_id
    qtbot.waitUntil(lambda: screen.state_label.text() == "Votre demande est envoyée.", timeout=10000)
    touch(kiosk.window, kiosk.top_bar.end_button)
    assert "votre demande à un conseiller" in kiosk.window.confirm_overlay.losses.text()
    touch(kiosk.window, kiosk.window.confirm_overlay.end_button)
    qtbot.waitUntil(lambda: hub_call(on_hub, call_id).state == "cancelled", timeout=10000)
    assert kiosk.help_calling.call is None and not kiosk.help_calling.banner.isVisible()
    assert counts(kiosk)[("help_call", "unanswered")] == 1
    touch(kiosk.window, kiosk.top_bar.help_button)  # the next visitor starts afresh
    assert kiosk.help_calling._screen.shown.kind == "ask"


@pytest.mark.fits  # run again on a 1024×768 screen by tests/e2e/test_small_screen.py
def test_a_hub_that_cannot_be_reached_leaves_the_ticket_for_the_counter(make_kiosk, paths, qtbot):
    site_yaml(paths, f"http://127.0.0.1:{free_port()}/", "a-token")  # nothing listens there
    kiosk = make_kiosk()
    screen = call_from(kiosk, qtbot, "emploi")
    qtbot.waitUntil(lambda: screen.fallback.isVisible(), timeout=15000)
    assert screen.ticket.text() == "A-01"
    assert screen.fallback.text() == "Le serveur ne répond pas. Montrez ce numéro au guichet : A-01."
    assert screen.state_label.text() == "Votre demande n'est pas encore partie."
    assert_fits(kiosk.window)
    kiosk.session_control.end("button")
    qtbot.waitUntil(lambda: kiosk.help_calling.call is None)
    assert counts(kiosk)[("help_call", "undelivered")] == 1


@pytest.mark.fits  # run again on a 1024×768 screen by tests/e2e/test_small_screen.py
def test_nobody_on_duty_says_the_next_permanence_and_gives_a_ticket_for_the_counter(
    make_kiosk, on_hub, paths, qtbot
):
    text = (paths.config_dir / "site.yaml").read_text(encoding="utf-8").replace(ALWAYS, NEVER_NOW)
    (paths.config_dir / "site.yaml").write_text(text, encoding="utf-8")
    kiosk = make_kiosk()
    touch(kiosk.window, kiosk.top_bar.help_button)
    screen = kiosk.help_calling._screen
    qtbot.waitUntil(lambda: kiosk.window.screens.currentWidget() is screen)
    assert screen.ask_text.text() == "Aucun conseiller n'est là en ce moment."
    assert screen.ask_hint.text().startswith("Prochaine permanence : ")
    assert "Lieu : Mairie de Mézières." in screen.ask_hint.text()
    assert not screen.call_button.isVisible() and screen.counter_button.isVisible()
    assert_fits(kiosk.window)
    touch(kiosk.window, screen.counter_button)
    qtbot.waitUntil(lambda: screen.ticket.text() == "A-01")
    assert screen.state_label.text() == "Montrez ce numéro au guichet."
    assert screen.permanence.isVisible() and not screen.cancel_button.isVisible()
    assert counts(kiosk)[("help_call", "counter")] == 1
    touch(kiosk.window, screen.back_button)
    qtbot.waitUntil(lambda: kiosk.window.screens.currentWidget() is kiosk.home)
    touch(kiosk.window, kiosk.top_bar.help_button)
    touch(kiosk.window, screen.counter_button)
    qtbot.waitUntil(lambda: screen.ticket.text() == "A-02")  # the day's next number


def test_a_site_without_a_hub_sends_the_visitor_to_the_counter(make_kiosk, paths, qtbot):
    site_yaml(paths, None)
    kiosk = make_kiosk()
    touch(kiosk.window, kiosk.top_bar.help_button)
    screen = kiosk.help_calling._screen
    qtbot.waitUntil(lambda: kiosk.window.screens.currentWidget() is screen)
    assert screen.ask_text.text() == "Cette borne ne peut pas appeler un conseiller."
    touch(kiosk.window, screen.counter_button)
    qtbot.waitUntil(lambda: screen.ticket.text() == "A-01")


def test_a_call_made_while_the_hub_fails_is_delivered_when_it_comes_back(make_kiosk, hub, paths, qtbot):
    url, base = hub
    token = add_terminal(url, "borne-1", f"poste-{uuid.uuid4().hex[:6]}")
    with FaultProxy(base) as proxy:
        proxy.faults = ["503"] * 3
        site_yaml(paths, proxy.url, token)
        kiosk = make_kiosk()
        screen = call_from(kiosk, qtbot, "compte")
        call_id = kiosk.help_calling.call.call_id
        qtbot.waitUntil(screen.fallback.isVisible, timeout=10000)
        assert hub_call(url, call_id) is None
        qtbot.waitUntil(lambda: screen.state_label.text() == "Votre demande est envoyée.", timeout=30000)
        assert not screen.fallback.isVisible()
        assert proxy.seen[:4] == ["503", "503", "503", "pass"]
    assert hub_call(url, call_id).state == "sent"
