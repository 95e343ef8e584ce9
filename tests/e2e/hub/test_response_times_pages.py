"""Help calls' response times on the statistics page of a real hub on loopback, on SQLite and PostgreSQL:
calls written with set times, then the page's tables and CSVs read back and every figure checked (counts,
medians and 90th percentiles by site and by Paris hour, small cells hidden, the month's Paris bounds)."""

from __future__ import annotations

import csv
import io
import os
import uuid
from datetime import datetime, timedelta
from pathlib import Path

import pytest
from sqlalchemy import insert, select

from kiosk.hub import database
from kiosk.hub.tables import help_calls, terminals
from tests.e2e.hub import chromium
from tests.e2e.hub.pages_data import Browser, add_user, page_tables
from tests.hub_on_loopback import add_terminal, running_hub

PLAIN_HTTP = {"ILOT_HUB_INSECURE_COOKIES": "1"}
MONTH = "periode=mois&jour=2026-11-15"
H = "masqué"
SHOTS = Path(os.environ.get("ILOT_SCREENSHOTS", "/tmp/ilot-hub-screenshots"))


def calls() -> list[tuple]:
    """(site, terminal, created UTC, minutes to seen, minutes to coming, state)."""
    made = []
    monday = datetime(2026, 11, 23, 8)  # 9 h in Paris
    for i in range(1, 13):  # poste-a: seen after 1 … 12 minutes; the first ten came after 2i and are done
        state = "done" if i <= 10 else "cancelled"
        made.append(
            (
                "poste-a",
                f"borne-{1 + i % 2}",
                monday + timedelta(minutes=3 * i),
                i,
                2 * i if i <= 10 else None,
                state,
            )
        )
    tuesday = datetime(2026, 11, 24, 13)  # 14 h in Paris
    made += [("poste-a", "borne-1", tuesday + timedelta(minutes=i), 5, 10, "done") for i in range(6)]
    wednesday = datetime(2026, 11, 25, 15)  # 16 h in Paris
    made += [("poste-b", "borne-1", wednesday, 10 * i, 10 * i + 10, "done") for i in range(1, 6)]
    # Half past midnight on 1 November in Paris, still 31 October in UTC: in November, never seen.
    made += [("poste-b", "borne-1", datetime(2026, 10, 31, 23, 30), None, None, "sent") for _ in range(3)]
    # Half past midnight on 1 December in Paris: not in November.
    made.append(("poste-a", "borne-1", datetime(2026, 11, 30, 23, 30), 100, 200, "done"))
    return made


@pytest.fixture(scope="module")
def hub(module_hub_db_url):
    url = module_hub_db_url
    for site, terminal in (("poste-a", "borne-1"), ("poste-a", "borne-2"), ("poste-b", "borne-1")):
        add_terminal(url, terminal, site)
    engine = database.engine_for(url)
    try:
        with engine.begin() as connection:
            ids = {
                (s, t): i
                for i, s, t in connection.execute(
                    select(terminals.c.id, terminals.c.site_id, terminals.c.terminal_id)
                )
            }
            rows = []
            for n, (site, terminal, created, seen, coming, state) in enumerate(calls()):
                rows.append(
                    {
                        "terminal": ids[(site, terminal)],
                        "call_id": str(uuid.UUID(int=n)),
                        "ticket": f"A-{n:02d}",
                        "topic": None,
                        "state": state,
                        "created_at": created,
                        "seen_at": created + timedelta(minutes=seen) if seen is not None else None,
                        "coming_at": created + timedelta(minutes=coming) if coming is not None else None,
                        "ended_at": created + timedelta(minutes=30)
                        if state in ("done", "cancelled")
                        else None,
                    }
                )
            connection.execute(insert(help_calls), rows)
    finally:
        engine.dispose()
    assert add_user(url, "admin@example.org").returncode == 0
    with running_hub(url, env=PLAIN_HTTP) as base:
        browser = Browser(base, "192.0.2.70")
        assert browser.login("admin@example.org").status_code == 303
        yield browser


def test_calls_and_response_times_by_site(hub):
    tables, _ = page_tables(hub.get(f"/statistiques?{MONTH}").text)
    header, *rows = tables["appels-sites"]
    assert header == [
        "Site",
        "Appels",
        "Terminés",
        "Annulés",
        "Ouverts",
        "Vu : médiane",
        "Vu : 90 %",
        "J'arrive : médiane",
        "J'arrive : 90 %",
    ]
    assert rows == [
        # 26 calls: 21 done, 2 cancelled and 3 still open, the last two hidden (under 5).
        ["Tous les sites", "26", "21", H, H, "6,0", "28,0", "10,0", "40,0"],
        # poste-a's 16 done are hidden with its 2 cancelled: its 18 calls minus 16 would give them.
        ["poste-a", "18", H, H, H, "5,0", "10,3", "10,0", "17,0"],
        ["poste-b", "8", H, H, H, "30,0", "46,0", "40,0", "56,0"],
    ]


def test_response_times_by_paris_hour_of_the_call(hub):
    tables, _ = page_tables(hub.get(f"/statistiques?{MONTH}").text)
    rows = {row[0]: row[1:] for row in tables["appels-heures"][1:]}
    assert list(rows) == [f"{h} h" for h in range(17)]  # 0 h: the calls of half past midnight
    assert rows["0 h"] == [H] * 8  # 3 calls, never seen
    assert rows["9 h"] == ["12", H, H, H, "6,5", "10,9", "11,0", "18,2"]
    assert rows["14 h"] == ["6", "6", H, H, "5,0", "5,0", "10,0", "10,0"]
    # Its 5 calls are hidden: with the others shown, the month's 26 would give the 0 h's 3.
    assert rows["16 h"] == [H, "5", H, H, "30,0", "46,0", "40,0", "56,0"]
    assert rows["12 h"] == [H] * 8
    page = hub.get(f"/statistiques?{MONTH}").text
    chart = page[page.index('id="appels-heures"') :]
    assert "<svg" in chart[: chart.index("</section>")]


def test_one_site_and_december(hub):
    tables, _ = page_tables(hub.get(f"/statistiques?{MONTH}&site=poste-b").text)
    assert tables["appels-sites"][1:] == [
        # 5 done are hidden with the 3 still open (and 0 cancelled): 8 minus 5 would give them.
        ["Tous les sites", "8", H, H, H, "30,0", "46,0", "40,0", "56,0"],
        ["poste-b", "8", H, H, H, "30,0", "46,0", "40,0", "56,0"],
    ]
    tables, _ = page_tables(hub.get("/statistiques?periode=mois&jour=2026-12-10").text)
    assert tables["appels-sites"][1:][0][:2] == ["Tous les sites", H]  # one call: hidden
    assert len(tables["appels-sites"]) == 3


def test_the_csvs_equal_the_tables(hub):
    tables, _ = page_tables(hub.get(f"/statistiques?{MONTH}").text)
    for slug in ("appels-sites", "appels-heures"):
        answer = hub.get(f"/statistiques/{slug}.csv?{MONTH}")
        assert answer.status_code == 200 and answer.headers["content-type"].startswith("text/csv")
        rows = list(csv.reader(io.StringIO(answer.content.decode("utf-8-sig")), delimiter=";"))
        assert rows == tables[slug], slug


@pytest.mark.skipif(not chromium.available(), reason="needs chromium from Debian (tools/bootstrap.sh test)")
def test_the_response_times_in_chromium_fit_a_phone(hub):
    SHOTS.mkdir(parents=True, exist_ok=True)
    with chromium.Chromium() as page:
        page.set_cookie("ilot_session", hub.cookies["ilot_session"], hub.base)
        for width, height, mobile, name in ((1280, 900, False, "desktop"), (390, 844, True, "phone")):
            page.open(f"{hub.base}statistiques?{MONTH}", width, height, mobile)
            rows = page.evaluate(
                "[...document.querySelectorAll('#appels-sites tbody tr')].map(r => r.innerText)"
            )
            assert len(rows) == 3 and "28,0" in rows[0]
            assert page.evaluate("document.documentElement.scrollWidth") <= width
            page.evaluate("document.getElementById('appels-sites').scrollIntoView()")
            page.screenshot(SHOTS / f"temps-de-reponse-{name}.png", full_page=False)
