"""The real kiosk and the advisors' real board, on a hub of two worker processes on loopback (SQLite and
PostgreSQL): a visitor's call reaches the board's live stream, "J'ai vu" and "J'arrive" pressed on the board
change the visitor's screen, a call cancelled by the session's end leaves the board's open calls, and
"Libérer la borne" ends the visitor's session on the terminal, which the board then shows."""

from __future__ import annotations

import re
import uuid

import pytest

from tests.e2e.hub import chromium
from tests.e2e.hub.board_client import EventStream, add_advisor, logged_in
from tests.e2e.hub.pages_data import csrf_of
from tests.e2e.hub.test_board_in_chromium import wait_for
from tests.gui.advisor.test_help_call import call_from, counts, site_yaml
from tests.gui.conftest import touch
from tests.hub_on_loopback import FaultProxy, add_terminal, hub_call, running_hub

PLAIN_HTTP = {"ILOT_HUB_INSECURE_COOKIES": "1"}  # the board's cookie over http://127.0.0.1


@pytest.fixture(scope="module")
def hub(module_hub_db_url):
    with running_hub(module_hub_db_url, workers=2, env=PLAIN_HTTP) as base:
        yield module_hub_db_url, base


@pytest.fixture
def board(hub, paths):
    """A new site whose terminal is the test's kiosk, and an advisor of that site logged in to the board."""
    url, base = hub
    site = f"poste-{uuid.uuid4().hex[:6]}"
    site_yaml(paths, base, add_terminal(url, "borne-1", site))
    email = f"samia@{site}.example.org"
    add_advisor(url, email, "Samia", site)
    return logged_in(base, email)


def press(browser, path: str, **data):
    answer = browser.post(path, data={"csrf": csrf_of(browser.get("/conseillers").text), **data})
    assert answer.ok, answer.text
    return answer


def open_on_board(browser, ticket: str) -> list[dict]:
    return [c for c in browser.get("/conseillers/appels.json").json()["calls"] if c["ticket"] == ticket]


def test_the_board_moves_the_call_and_the_visitor_sees_it(make_kiosk, board, qtbot):
    kiosk = make_kiosk()
    with EventStream(board) as events:
        screen = call_from(kiosk, qtbot, "demarche")
        arrived = events.next_call(timeout=15, ticket="A-01")
    assert (arrived["topic"], arrived["terminal"], arrived["state"]) == ("Une démarche", "borne-1", "sent")
    qtbot.waitUntil(lambda: screen.state_label.text() == "Votre demande est envoyée.", timeout=10000)

    press(board, f"/conseillers/appels/{arrived['id']}/etat", etat="seen")
    qtbot.waitUntil(lambda: screen.state_label.text() == "Un conseiller a vu votre demande.", timeout=10000)
    press(board, f"/conseillers/appels/{arrived['id']}/etat", etat="coming")
    qtbot.waitUntil(lambda: screen.state_label.text() == "Un conseiller arrive.", timeout=10000)
    press(board, f"/conseillers/appels/{arrived['id']}/etat", etat="done")
    qtbot.waitUntil(lambda: screen.state_label.text() == "Votre demande est terminée.", timeout=10000)


def test_a_call_cancelled_by_the_sessions_end_leaves_the_board(make_kiosk, board, qtbot):
    kiosk = make_kiosk()
    with EventStream(board) as events:
        screen = call_from(kiosk, qtbot)
        arrived = events.next_call(timeout=15, ticket="A-01")
        qtbot.waitUntil(lambda: screen.state_label.text() == "Votre demande est envoyée.", timeout=10000)
        kiosk.session_control.end("button")
        ended = events.next_call(timeout=15, id=arrived["id"])
    assert ended["state"] == "cancelled" and ended["ended"]
    assert [c["state"] for c in open_on_board(board, "A-01")] == ["cancelled"]  # in "Terminés récemment" only


def test_liberer_la_borne_ends_the_visitors_session_on_the_terminal(make_kiosk, board, hub, qtbot):
    url, _base = hub
    kiosk = make_kiosk()
    kiosk.destinations.open("diagnostic")  # the visitor went on with something, then left
    screen = call_from(kiosk, qtbot, "autre")
    call_id = kiosk.help_calling.call.call_id
    qtbot.waitUntil(lambda: screen.state_label.text() == "Votre demande est envoyée.", timeout=10000)
    touch(kiosk.window, screen.back_button)
    (on_board,) = open_on_board(board, "A-01")
    press(board, f"/conseillers/appels/{on_board['id']}/etat", etat="coming")
    with EventStream(board) as events:
        press(board, f"/conseillers/appels/{on_board['id']}/liberer")
        qtbot.waitUntil(lambda: not kiosk.session.active, timeout=15000)
        shown = events.next_call(timeout=15, id=on_board["id"], ended=True)
    assert kiosk.window.screens.currentWidget() is kiosk.home
    assert not kiosk.help_calling.banner.isVisible()
    assert re.fullmatch(r"Session terminée sur la borne à \d{1,2} h \d\d", shown["release_words"])
    row = hub_call(url, call_id)
    assert row.state == "done" and row.released_at is not None
    counted = counts(kiosk)
    assert counted[("session_ended", "advisor")] == 1 and counted[("help_call", "answered")] == 1


@pytest.mark.skipif(not chromium.available(), reason="needs chromium from Debian (tools/bootstrap.sh test)")
def test_a_call_made_offline_reaches_the_board_in_chromium_and_its_seen_reaches_the_visitor(
    make_kiosk, board, hub, paths, qtbot
):
    _url, base = hub
    site_text = (paths.config_dir / "site.yaml").read_text(encoding="utf-8")
    with FaultProxy(base) as proxy, chromium.Chromium() as page:
        proxy.faults = ["503"] * 3  # the hub out of reach for the first tries
        (paths.config_dir / "site.yaml").write_text(site_text.replace(base, proxy.url), encoding="utf-8")
        page.set_cookie("ilot_session", board.cookies["ilot_session"], base)
        page.open(f"{base}conseillers", 1280, 800)
        wait_for(page, "document.getElementById('live').textContent === 'Mise à jour en direct.'")
        kiosk = make_kiosk()
        screen = call_from(kiosk, qtbot, "imprimer")
        qtbot.waitUntil(screen.fallback.isVisible, timeout=10000)  # the counter fallback meanwhile
        qtbot.waitUntil(lambda: screen.state_label.text() == "Votre demande est envoyée.", timeout=30000)
        shown = wait_for(page, "document.querySelector('#open-calls .call')?.innerText", timeout=10)
        assert "A-01" in shown and "Imprimer ou scanner" in shown
        page.evaluate("document.querySelector('#open-calls .call .move-seen').click()")
        qtbot.waitUntil(
            lambda: screen.state_label.text() == "Un conseiller a vu votre demande.", timeout=10000
        )
