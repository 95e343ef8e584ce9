"""The advisors' board on a real hub on loopback (SQLite and PostgreSQL): it lists the calls of the
advisor's sites only, with their words; the buttons move them (real POSTs with the session's CSRF token)
and are refused for another site (403) or backwards (409); its event stream delivers a new call and a move;
a board that was away reloads from the table; a call posted to one hub process reaches a board held on
another over the same database."""

from __future__ import annotations

import html
import re
import threading

import pytest

from tests.e2e.hub.board_client import (
    EventStream,
    add_advisor,
    logged_in,
    new_site,
    send_call,
    terminal_get,
)
from tests.e2e.hub.pages_data import csrf_of
from tests.hub_on_loopback import running_hub

pytestmark = pytest.mark.e2e
PLAIN_HTTP = {"ILOT_HUB_INSECURE_COOKIES": "1"}


@pytest.fixture(scope="module")
def hub(module_hub_db_url):
    with running_hub(module_hub_db_url, env=PLAIN_HTTP) as base:
        yield module_hub_db_url, base


def cards(page: str) -> dict[str, str]:
    """Each call's card on the page, by its hub id, as text."""
    found = re.findall(r'<li class="call state-\w+" data-id="(\d+)">(.*?)</li>', page, re.S)
    return {i: " ".join(html.unescape(re.sub(r"<[^>]+>", " ", body)).split()) for i, body in found}


def call_hub_id(page: str, ticket: str) -> str:
    return next(i for i, text in cards(page).items() if text.startswith(ticket))


def test_the_board_lists_the_calls_of_the_advisors_sites_only(hub):
    url, base = hub
    mine, (token,) = new_site(url)
    _theirs, (their_token,) = new_site(url)
    add_advisor(url, f"samia@{mine}.example.org", "Samia", mine)
    send_call(base, token, "A-07", "imprimer")
    send_call(base, token, "A-08", None)
    send_call(base, their_token, "B-01", "compte")
    browser = logged_in(base, f"samia@{mine}.example.org")
    page = browser.get("/conseillers")
    assert page.status_code == 200
    assert "script-src 'self'" in page.headers["content-security-policy"]
    shown = list(cards(page.text).values())
    assert len(shown) == 2 and "B-01" not in page.text and their_token not in page.text
    assert shown[0].startswith("A-07 Nouvel appel Imprimer ou scanner")  # oldest first: waited longest
    assert f"{mine} · borne-1" in shown[0] and "depuis moins d'une minute" in shown[0]
    assert "J'ai vu J'arrive Terminé Libérer la borne" in shown[0]
    assert "Sans précision" in shown[1]
    assert "<title>(2) Appels — Îlot</title>" in page.text
    newest = list(cards(browser.get("/conseillers?ordre=recents").text).values())
    assert [c[:4] for c in newest] == ["A-08", "A-07"]
    listed = browser.get("/conseillers/appels.json").json()
    assert [c["ticket"] for c in listed["calls"]] == ["A-07", "A-08"] and listed[
        "title"
    ] == "(2) Appels — Îlot"
    assert listed["calls"][0]["moves"] == [
        {"state": "seen", "label": "J'ai vu"},
        {"state": "coming", "label": "J'arrive"},
        {"state": "done", "label": "Terminé"},
    ]


def test_the_buttons_move_a_call_and_refuse_other_sites_and_going_back(hub):
    url, base = hub
    mine, (token,) = new_site(url)
    theirs, (their_token,) = new_site(url)
    add_advisor(url, f"lina@{mine}.example.org", "Lina", mine)
    call_id = send_call(base, token, "A-11", "emploi")
    send_call(base, their_token, "B-02")
    browser = logged_in(base, f"lina@{mine}.example.org")
    page = browser.get("/conseillers").text
    csrf = csrf_of(page)
    hub_id = call_hub_id(page, "A-11")

    seen = browser.post(f"/conseillers/appels/{hub_id}/etat", data={"etat": "seen", "csrf": csrf})
    assert seen.status_code == 200 and seen.url.endswith("/conseillers?ordre=anciens")  # back on the page
    assert cards(seen.text)[hub_id].startswith("A-11 Vu par un conseiller")
    assert "J'ai vu" not in cards(seen.text)[hub_id] and "<title>Appels — Îlot</title>" in seen.text
    assert terminal_get(base, token, f"/{call_id}").json()["state"] == "seen"  # the terminal sees it

    coming = browser.post(
        f"/conseillers/appels/{hub_id}/etat",
        data={"etat": "coming", "csrf": csrf},
        headers={"Accept": "application/json"},
    )
    assert coming.status_code == 200 and coming.json()["call"]["state_words"] == "Un conseiller arrive"
    back = browser.post(f"/conseillers/appels/{hub_id}/etat", data={"etat": "seen", "csrf": csrf})
    assert back.status_code == 409 and "Un autre conseiller a déjà fait avancer cet appel" in back.text
    forged = browser.post(f"/conseillers/appels/{hub_id}/etat", data={"etat": "done", "csrf": "x" * 43})
    assert forged.status_code == 403 and "expiré" in forged.text

    admin = f"admin@{theirs}.example.org"
    add_advisor(url, admin, "Paul", theirs)
    their_page = logged_in(base, admin).get("/conseillers").text
    their_id = call_hub_id(their_page, "B-02")
    refused = browser.post(f"/conseillers/appels/{their_id}/etat", data={"etat": "seen", "csrf": csrf})
    assert refused.status_code == 403 and "un site que vous ne suivez pas" in html.unescape(refused.text)
    assert terminal_get(base, their_token, "").json()[0]["state"] == "sent"  # untouched

    done = browser.post(f"/conseillers/appels/{hub_id}/etat", data={"etat": "done", "csrf": csrf})
    assert done.status_code == 200
    ended = cards(done.text)[hub_id]
    assert "Terminé à " in ended and "J'arrive" not in ended and "Libérer" not in ended
    assert re.search(r"Terminés récemment.*A-11", html.unescape(done.text), re.S)
    again = browser.post(f"/conseillers/appels/{hub_id}/etat", data={"etat": "coming", "csrf": csrf})
    assert again.status_code == 409 and "déjà terminé" in again.text


def test_two_moves_at_once_apply_one_after_the_other(hub):
    url, base = hub
    site, (token,) = new_site(url)
    add_advisor(url, f"a@{site}.example.org", "Ana", site)
    add_advisor(url, f"b@{site}.example.org", "Bea", site)
    call_id = send_call(base, token, "A-12")
    first, second = logged_in(base, f"a@{site}.example.org"), logged_in(base, f"b@{site}.example.org")
    pages = [b.get("/conseillers").text for b in (first, second)]
    hub_id = call_hub_id(pages[0], "A-12")
    answers = {}

    def press(name, browser, page, state):
        answers[name] = browser.post(
            f"/conseillers/appels/{hub_id}/etat",
            data={"etat": state, "csrf": csrf_of(page)},
            headers={"Accept": "application/json"},
        ).status_code

    threads = [
        threading.Thread(target=press, args=("coming", first, pages[0], "coming")),
        threading.Thread(target=press, args=("seen", second, pages[1], "seen")),
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    # Whichever went first, the call never goes back: coming wins, and "seen" after it is refused.
    assert answers["coming"] == 200 and answers["seen"] in (200, 409)
    assert terminal_get(base, token, f"/{call_id}").json()["state"] == "coming"


def test_the_stream_delivers_a_new_call_and_a_move_and_nothing_of_other_sites(hub):
    url, base = hub
    site, (token,) = new_site(url)
    _other, (other_token,) = new_site(url)
    add_advisor(url, f"nora@{site}.example.org", "Nora", site)
    browser = logged_in(base, f"nora@{site}.example.org")
    with EventStream(browser) as events:
        send_call(base, other_token, "B-09")
        send_call(base, token, "A-21", "demarche")
        arrived = events.next_call()
        assert arrived["ticket"] == "A-21" and arrived["topic"] == "Une démarche"  # B-09 never came
        assert arrived["state"] == "sent" and arrived["site"] == site
        page = browser.get("/conseillers").text
        moved = browser.post(
            f"/conseillers/appels/{arrived['id']}/etat", data={"etat": "seen", "csrf": csrf_of(page)}
        )
        assert moved.status_code == 200
        assert events.next_call(id=arrived["id"])["state"] == "seen"


def test_a_board_that_was_away_reloads_what_it_missed_from_the_table(hub):
    url, base = hub
    site, (token,) = new_site(url)
    add_advisor(url, f"omar@{site}.example.org", "Omar", site)
    browser = logged_in(base, f"omar@{site}.example.org")
    with EventStream(browser) as events:
        send_call(base, token, "A-30")
        assert events.next_call()["ticket"] == "A-30"
    send_call(base, token, "A-31")  # while no board listens
    with EventStream(browser) as events:
        listed = browser.get("/conseillers/appels.json").json()  # what the script does on each (re)open
        assert [c["ticket"] for c in listed["calls"]] == ["A-30", "A-31"]
        send_call(base, token, "A-32")
        assert events.next_call(ticket="A-32")["state"] == "sent"


def test_a_call_posted_to_one_hub_process_reaches_a_board_on_another(hub):
    url, base = hub
    site, (token,) = new_site(url)
    add_advisor(url, f"ines@{site}.example.org", "Ines", site)
    with running_hub(url, env=PLAIN_HTTP) as other:
        browser = logged_in(other, f"ines@{site}.example.org")
        with EventStream(browser) as events:
            send_call(base, token, "A-40")  # to the first process
            arrived = events.next_call()
            assert arrived["ticket"] == "A-40"
            seen = logged_in(base, f"ines@{site}.example.org")
            page = seen.get("/conseillers").text
            assert seen.post(
                f"/conseillers/appels/{arrived['id']}/etat", data={"etat": "coming", "csrf": csrf_of(page)}
            ).ok
            assert events.next_call(id=arrived["id"])["state"] == "coming"
