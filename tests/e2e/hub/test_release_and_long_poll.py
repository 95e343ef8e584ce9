""" "Libérer la borne" and the terminal's side of the board, on a real hub on loopback (SQLite and
PostgreSQL): the button asks, the terminal reads `release: true`, says `released`, and the board shows
when; the long poll answers as soon as the state moves (or a release is asked), else after its wait; a
terminal lists its own site's open calls; `kiosk hub serve --workers 2` carries a change from one worker to
a board or a long poll on the other."""

from __future__ import annotations

import html
import re
import threading
import time

import pytest
from sqlalchemy import text

from kiosk.hub.database import engine_for
from tests.e2e.hub.board_client import (
    EventStream,
    add_advisor,
    logged_in,
    new_site,
    send_call,
    terminal_get,
    terminal_post,
)
from tests.e2e.hub.pages_data import csrf_of
from tests.hub_on_loopback import running_hub

pytestmark = pytest.mark.e2e
PLAIN_HTTP = {"ILOT_HUB_INSECURE_COOKIES": "1"}


@pytest.fixture(scope="module")
def hub(module_hub_db_url):
    with running_hub(module_hub_db_url, env=PLAIN_HTTP) as base:
        yield module_hub_db_url, base


def board_call(browser, ticket: str) -> dict:
    return next(c for c in browser.get("/conseillers/appels.json").json()["calls"] if c["ticket"] == ticket)


def press(browser, path: str, **data):
    page = browser.get("/conseillers").text
    return browser.post(path, data={"csrf": csrf_of(page), **data})


def test_free_the_terminal_then_the_board_shows_the_session_ended(hub):
    url, base = hub
    site, (token,) = new_site(url)
    add_advisor(url, f"samia@{site}.example.org", "Samia", site)
    browser = logged_in(base, f"samia@{site}.example.org")
    coming_id, waiting_id = send_call(base, token, "A-50"), send_call(base, token, "A-51")
    assert terminal_post(base, token, f"/{coming_id}/released").status_code == 409  # nobody asked
    coming, waiting = board_call(browser, "A-50"), board_call(browser, "A-51")
    assert press(browser, f"/conseillers/appels/{coming['id']}/etat", etat="coming").ok

    with EventStream(browser) as events:
        asked = press(browser, f"/conseillers/appels/{coming['id']}/liberer")
        assert asked.status_code == 200 and "La borne va terminer la session du visiteur." in html.unescape(
            asked.text
        )
        assert events.next_call(id=coming["id"])["can_release"] is False
        assert terminal_get(base, token, f"/{coming_id}").json() == {
            "call_id": coming_id,
            "ticket": "A-50",
            "state": "coming",
            "release": True,
        }
        ended = terminal_post(base, token, f"/{coming_id}/released")
        assert ended.status_code == 200 and ended.json()["state"] == "done" and not ended.json()["release"]
        shown = events.next_call(id=coming["id"])
        assert shown["ended"] and re.fullmatch(
            r"Session terminée sur la borne à \d{1,2} h \d\d", shown["release_words"]
        )
        again = terminal_post(base, token, f"/{coming_id}/released")  # said twice: nothing changes
        assert again.status_code == 200 and again.json() == ended.json()
        assert board_call(browser, "A-50")["release_words"] == shown["release_words"]

        assert press(browser, f"/conseillers/appels/{waiting['id']}/liberer").ok
        assert (
            terminal_post(base, token, f"/{waiting_id}/released").json()["state"] == "cancelled"
        )  # no one came
    page = html.unescape(browser.get("/conseillers").text)
    ended_part = page.split("Terminés récemment", 1)[1]
    assert "A-50" in ended_part and "A-51" in ended_part and "Session terminée sur la borne à" in ended_part
    refused = press(browser, f"/conseillers/appels/{waiting['id']}/liberer")
    assert refused.status_code == 200  # already asked: the same answer, nothing more
    assert (
        browser.post(f"/conseillers/appels/{waiting['id']}/liberer", data={"csrf": "wrong"}).status_code
        == 403
    )


def test_the_long_poll_answers_early_on_a_move_and_after_its_wait_otherwise(hub):
    url, base = hub
    site, (token,) = new_site(url)
    add_advisor(url, f"lina@{site}.example.org", "Lina", site)
    browser = logged_in(base, f"lina@{site}.example.org")
    call_id = send_call(base, token, "A-60")
    hub_id = board_call(browser, "A-60")["id"]

    started = time.monotonic()
    quiet = terminal_get(base, token, f"/{call_id}", known="sent", wait=1.5)
    assert quiet.json()["state"] == "sent" and 1.4 < time.monotonic() - started < 5

    answer = {}

    def poll():
        begun = time.monotonic()
        answer["body"] = terminal_get(base, token, f"/{call_id}", known="sent", wait=20).json()
        answer["took"] = time.monotonic() - begun

    waiting = threading.Thread(target=poll)
    waiting.start()
    time.sleep(1.0)
    assert press(browser, f"/conseillers/appels/{hub_id}/etat", etat="seen").ok
    waiting.join(25)
    assert answer["body"]["state"] == "seen" and 1.0 < answer["took"] < 5

    started = time.monotonic()
    assert terminal_get(base, token, f"/{call_id}", known="sent", wait=20).json()["state"] == "seen"
    assert time.monotonic() - started < 2  # already different from what it knows: at once

    answer.clear()
    waiting = threading.Thread(
        target=lambda: answer.update(
            body=terminal_get(base, token, f"/{call_id}", known="seen", wait=20).json()
        )
    )
    waiting.start()
    time.sleep(1.0)
    assert press(browser, f"/conseillers/appels/{hub_id}/liberer").ok  # a release wakes it too
    waiting.join(25)
    assert answer["body"] == {"call_id": call_id, "ticket": "A-60", "state": "seen", "release": True}

    assert terminal_get(base, token, f"/{call_id}", known="sent", wait=26).status_code == 422
    assert terminal_get(base, token, f"/{call_id}", known="perdu", wait=2).status_code == 422


def test_a_terminal_lists_its_own_sites_open_calls(hub):
    url, base = hub
    _site, (first, second) = new_site(url, terminals=2)
    _other, (stranger,) = new_site(url)
    one = send_call(base, first, "A-70", "compte")
    two = send_call(base, second, "A-71", None)
    send_call(base, stranger, "B-70")
    done = send_call(base, first, "A-72")
    assert terminal_post(base, first, f"/{done}/cancel").ok
    listed = terminal_get(base, second, "").json()
    assert [(c["call_id"], c["ticket"], c["topic"], c["state"], c["terminal_id"]) for c in listed] == [
        (one, "A-70", "compte", "sent", "borne-1"),
        (two, "A-71", None, "sent", "borne-2"),
    ]
    assert all(re.fullmatch(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\+00:00", c["created_at"]) for c in listed)
    assert terminal_get(base, second + "x", "").status_code == 401


def listeners(url: str) -> int:
    engine = engine_for(url)
    try:
        with engine.connect() as connection:
            return connection.execute(
                text(
                    "SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() "
                    "AND application_name = 'ilot-hub board listener'"
                )
            ).scalar_one()
    finally:
        engine.dispose()


def test_two_workers_carry_a_change_to_a_board_and_a_long_poll_on_the_other(hub_db_url):
    url = hub_db_url
    site, (token,) = new_site(url)
    add_advisor(url, f"ines@{site}.example.org", "Ines", site)
    with running_hub(url, workers=2, env=PLAIN_HTTP) as base:
        # Each new connection goes to either worker: several boards and polls land on both.
        boards = [EventStream(logged_in(base, f"ines@{site}.example.org")) for _ in range(4)]
        try:
            call_id = send_call(base, token, "A-80")
            arrived = [board.next_call(ticket="A-80") for board in boards]
            hub_id = arrived[0]["id"]
            polls: list[dict] = []
            threads = [
                threading.Thread(
                    target=lambda: polls.append(
                        terminal_get(base, token, f"/{call_id}", known="sent", wait=20).json()
                    )
                )
                for _ in range(4)
            ]
            for thread in threads:
                thread.start()
            time.sleep(1.0)
            mover = logged_in(base, f"ines@{site}.example.org")
            assert press(mover, f"/conseillers/appels/{hub_id}/etat", etat="coming").ok
            for board in boards:
                assert board.next_call(id=hub_id)["state"] == "coming"
            for thread in threads:
                thread.join(25)
            assert [p["state"] for p in polls] == ["coming"] * 4
            if url.startswith("postgresql"):
                assert listeners(url) == 2  # one per worker, however many boards and polls it serves
        finally:
            for board in boards:
                board.close()
