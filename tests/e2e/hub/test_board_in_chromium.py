"""The advisors' board in the real headless Chromium, against a real hub on loopback (SQLite and
PostgreSQL): a call a terminal sends while the board is open appears without a reload, with the count in
the tab's title; its "J'ai vu" button works from the page's script; the page fits 1280×800 and a 360 px
phone (buttons at least 48 px high), and its screenshots go to /tmp/ilot-hub-screenshots/."""

from __future__ import annotations

import os
import time
from pathlib import Path

import pytest

from tests.e2e.hub import chromium
from tests.e2e.hub.board_client import add_advisor, logged_in, new_site, send_call, terminal_post
from tests.hub_on_loopback import running_hub

pytestmark = [
    pytest.mark.e2e,
    pytest.mark.skipif(
        not chromium.available(), reason="needs chromium from Debian (tools/bootstrap.sh test)"
    ),
]
SHOTS = Path(os.environ.get("ILOT_SCREENSHOTS", "/tmp/ilot-hub-screenshots"))


def wait_for(page: chromium.Chromium, expression: str, timeout: float = 10):
    deadline = time.monotonic() + timeout
    while not (value := page.evaluate(expression)):
        assert time.monotonic() < deadline, f"never true: {expression}"
        time.sleep(0.1)
    return value


def test_the_board_shows_a_call_arriving_live_and_fits_a_phone(hub_db_url):
    url = hub_db_url
    site, (token, other) = new_site(url, terminals=2)
    add_advisor(url, f"samia@{site}.example.org", "Samia", site)
    SHOTS.mkdir(parents=True, exist_ok=True)
    database = "postgresql" if url.startswith("postgresql") else "sqlite"
    with running_hub(url, env={"ILOT_HUB_INSECURE_COOKIES": "1"}) as base:
        browser = logged_in(base, f"samia@{site}.example.org")
        first = send_call(base, other, "A-03", "compte")
        assert terminal_post(base, other, f"/{first}/cancel").ok  # ended: "Terminés récemment"
        send_call(base, other, "A-04", "demarche")
        with chromium.Chromium() as page:
            page.set_cookie("ilot_session", browser.cookies["ilot_session"], base)
            page.open(f"{base}conseillers", 1280, 800)
            wait_for(page, "document.getElementById('live').textContent === 'Mise à jour en direct.'")
            assert page.evaluate("document.title") == "(1) Appels — Îlot"
            page.evaluate("window.stillTheSamePage = true")

            send_call(base, token, "A-05", "imprimer")
            wait_for(page, "document.querySelectorAll('#open-calls .call').length === 2")
            assert page.evaluate("window.stillTheSamePage") is True  # live: no reload
            assert page.evaluate("document.title") == "(2) Appels — Îlot"
            newest = page.evaluate("document.querySelector('#open-calls .call:last-child').innerText")
            assert "A-05" in newest and "Imprimer ou scanner" in newest and f"{site} · borne-1" in newest
            assert "A-03" in page.evaluate("document.getElementById('ended-calls').innerText")

            page.evaluate("document.querySelector('#open-calls .call:first-child .move-seen').click()")
            wait_for(page, "document.title === '(1) Appels — Îlot'")
            seen = page.evaluate("document.querySelector('#open-calls .call:first-child').innerText")
            assert "A-04" in seen and "Vu par un conseiller" in seen and "J'ai vu" not in seen
            assert page.evaluate("window.stillTheSamePage") is True
            assert page.evaluate("document.documentElement.scrollWidth") <= 1280
            page.screenshot(SHOTS / f"conseillers-1280x800-{database}.png", full_page=False)

            page.open(f"{base}conseillers", 360, 740, mobile=True)
            wait_for(page, "document.querySelectorAll('#open-calls .call').length === 2")
            assert page.evaluate("document.documentElement.scrollWidth") <= 360  # one column, nothing cut
            heights = page.evaluate(
                "[...document.querySelectorAll('#board button, .board-tools a')]"
                ".filter(b => b.offsetParent).map(b => b.getBoundingClientRect().height)"
            )
            assert heights and min(heights) >= 48
            lefts = page.evaluate(
                "[...document.querySelectorAll('#open-calls .call')].map(c => c.getBoundingClientRect().left)"
            )
            assert len(set(lefts)) == 1  # one column
            page.screenshot(SHOTS / f"conseillers-360x740-{database}.png", full_page=False)
            page.screenshot(SHOTS / f"conseillers-360-full-{database}.png")
