"""The network managers' pages on a real hub on loopback: login, logout, lockout, CSRF, site limits, the
totals of known data with small cells hidden, CSVs equal to the tables, markup from terminals escaped, no
address of another site in any page, and both pages seen in headless Chromium (screenshots kept)."""

from __future__ import annotations

import csv
import html
import io
import os
import re
from datetime import timedelta
from pathlib import Path

import pytest
from sqlalchemy import insert, update

from kiosk.hub import database
from kiosk.hub.tables import heartbeats, terminals, usage_counts
from kiosk.hub.terminals import now_utc
from tests.e2e.hub import chromium
from tests.e2e.hub.pages_data import (
    NOVEMBER,
    PASSWORD,
    Browser,
    add_user,
    csrf_of,
    expected,
    fill,
    hour,
    page_tables,
    put_heartbeat,
)
from tests.hub_on_loopback import add_terminal, running_hub, sqlite_url

PLAIN_HTTP = {"ILOT_HUB_INSECURE_COOKIES": "1"}
MONTH = f"periode=mois&jour={NOVEMBER}"
SHOTS = Path(os.environ.get("ILOT_SCREENSHOTS", "/tmp/ilot-hub-screenshots"))
MARKUP = '<script>alert("x")</script><b>'
ESCAPED = "&lt;script&gt;alert(&#34;x&#34;)&lt;/script&gt;&lt;b&gt;"


@pytest.fixture(scope="module")
def hub(module_hub_db_url):
    url = module_hub_db_url
    ids = fill(url)
    now = now_utc()
    put_heartbeat(url, ids[("poste-a", "borne-1")], now - timedelta(minutes=5))
    put_heartbeat(url, ids[("poste-a", "borne-2")], now - timedelta(days=3), printer="media-empty")
    put_heartbeat(
        url, ids[("poste-b", "borne-1")], now, last_frame=now - timedelta(hours=2), free_disk_mb=200
    )
    assert add_user(url, "Admin@Example.org").returncode == 0
    assert add_user(url, "a@example.org", sites="poste-a").returncode == 0
    with running_hub(url, env=PLAIN_HTTP) as base:
        yield url, base, ids


def logged_in(base: str, email: str = "admin@example.org", address: str = "192.0.2.10") -> Browser:
    browser = Browser(base, address)
    assert browser.login(email).status_code == 303
    return browser


def test_add_user_hashes_with_argon2id_and_prints_nothing_secret(hub):
    url, _base, _ids = hub
    result = add_user(url, "c@example.org", sites="poste-b,poste-a")
    assert result.returncode == 0, result.stderr
    assert PASSWORD not in result.stdout + result.stderr
    assert "poste-a, poste-b" in result.stdout
    if url.startswith("sqlite"):
        raw = Path(url.removeprefix("sqlite:///")).read_bytes()
        raw += b"".join(p.read_bytes() for p in Path(url.removeprefix("sqlite:///")).parent.glob("hub.db-*"))
    else:  # PostgreSQL's files are its server's: what the hub stored, every column of every user
        raw = "".join(str(row) for row in stored_users(url)).encode()
    assert PASSWORD.encode() not in raw and b"$argon2id$" in raw
    again = add_user(url, "C@example.org")
    assert again.returncode == 1 and "already" in again.stderr


def stored_users(url: str) -> list:
    from kiosk.hub.tables import users

    engine = database.engine_for(url)
    try:
        with engine.connect() as connection:
            return list(connection.execute(users.select()))
    finally:
        engine.dispose()


def test_login_sets_a_strict_httponly_session_and_logout_ends_it(hub):
    _url, base, _ids = hub
    browser = Browser(base, "192.0.2.20")
    assert browser.get("/statistiques", allow_redirects=False).headers["location"].startswith("/connexion")
    answer = browser.login("admin@example.org", suite="/parc")
    assert answer.status_code == 303 and answer.headers["location"] == "/parc"
    cookie = next(c for c in answer.headers["set-cookie"].split(", ilot_") if c.startswith("ilot_session"))
    assert "HttpOnly" in cookie and "SameSite=strict" in cookie
    page = browser.get("/statistiques")
    assert page.status_code == 200 and "admin@example.org" in page.text
    token = browser.cookies["ilot_session"]
    out = browser.post("/deconnexion", data={"csrf": csrf_of(page.text)}, allow_redirects=False)
    assert out.status_code == 303
    other = Browser(base, "192.0.2.20")
    other.cookies.set("ilot_session", token)  # the old cookie, kept: the session is gone in the database
    assert other.get("/statistiques", allow_redirects=False).status_code == 303


def test_a_login_never_goes_to_another_site(hub):
    _url, base, _ids = hub
    for elsewhere in ("https://evil.example/", "//evil.example/", "/\\evil.example"):
        answer = Browser(base, "192.0.2.21").login("admin@example.org", suite=elsewhere)
        assert answer.headers["location"] == "/statistiques"


def test_a_wrong_password_says_so_calmly(hub):
    _url, base, _ids = hub
    answer = Browser(base, "192.0.2.22").login("admin@example.org", "pas le bon mot de passe")
    assert answer.status_code == 400 and "ne va pas" in answer.text
    assert "ilot_session" not in answer.headers.get("set-cookie", "")


def test_five_failures_lock_the_account_even_with_the_right_password(hub):
    url, base, _ids = hub
    assert add_user(url, "locked@example.org").returncode == 0
    for i in range(5):
        browser = Browser(base, f"198.51.100.{i}")  # from five addresses: the account's count
        assert browser.login("locked@example.org", "faux mot de passe!").status_code == 400
    answer = Browser(base, "198.51.100.99").login("locked@example.org")
    assert answer.status_code == 429
    assert "Trop d'essais" in html.unescape(answer.text) and "Réessayez dans 15 minutes" in answer.text
    assert logged_in(base, "admin@example.org", "198.51.100.98")  # another account is not locked


def test_twenty_failures_from_one_address_lock_that_address(hub):
    _url, base, _ids = hub
    for i in range(20):
        assert Browser(base, "203.0.113.7").login(f"nobody{i}@example.org", "x" * 12).status_code == 400
    assert Browser(base, "203.0.113.7").login("admin@example.org").status_code == 429
    assert logged_in(base, "admin@example.org", "203.0.113.8")


def test_every_post_needs_its_session_csrf_token(hub):
    _url, base, _ids = hub
    browser = Browser(base, "192.0.2.30")
    browser.get("/connexion")
    answer = browser.post("/connexion", data={"email": "admin@example.org", "password": PASSWORD})
    assert answer.status_code == 403 and "expiré" in answer.text
    someone_else = csrf_of(Browser(base, "192.0.2.31").get("/connexion").text)
    answer = browser.post(
        "/connexion", data={"email": "admin@example.org", "password": PASSWORD, "csrf": someone_else}
    )
    assert answer.status_code == 403
    browser = logged_in(base, address="192.0.2.32")
    assert browser.post("/deconnexion", data={"csrf": someone_else}).status_code == 403
    assert browser.get("/statistiques").status_code == 200  # still logged in
    page = browser.get("/parc").text
    forms = re.findall(r"<form[^>]*method=\"post\".*?</form>", page, re.S)
    assert forms and all('name="csrf"' in form for form in forms)


def test_the_month_shows_the_right_totals_and_hides_small_cells(hub):
    _url, base, _ids = hub
    page = logged_in(base).get(f"/statistiques?{MONTH}").text
    tables, headline = page_tables(page)
    visits = expected("session_started")
    assert headline[:4] == [
        str(visits),
        str(expected("shortcut_opened")),
        str(expected("pages_printed")),
        str(expected("pages_scanned")),
    ]
    H = "masqué"
    # A count under 5 is hidden, and so is the smallest shown count beside it, which the total the page also
    # shows would otherwise give away by subtraction (Impôts: 6, hidden with CAF).
    assert tables["services"][1:] == [["ameli", "20"], ["Impôts", H], ["CAF", H]]
    assert tables["sites"][1:] == [["poste-a", "22", "11", "30", H], ["poste-b", "20", "17", "8", "5"]]
    assert tables["bornes"][1] == ["poste-a", "borne-1", H, "11", "30", H]  # 22 minus it: borne-2's visits
    assert tables["bornes"][2] == ["poste-a", "borne-2", H, H, H, H]
    hours = dict(tables["heures"][1:])
    assert hours["9 h"] == "12" and hours["16 h"] == "20" and hours["10 h"] == H and hours["14 h"] == H
    days = dict(tables["jours"][1:])
    assert days["Mercredi"] == "20" and days["Mardi"] == H and days["Lundi"] == H
    durations = dict(tables["durees"][1:])
    assert durations["15 à 30 minutes"] == "20" and durations["5 à 15 minutes"] == H
    assert tables["langues"][1:] == [["Français", H], ["Arabe", H]]
    levels = tables["diagnostic-niveaux"]
    assert levels[1][:3] == ["La souris et l'écran tactile", H, "6"] and levels[2][3] == H
    assert tables["navigations-bloquees"][1:] == [["ameli", "7"]]
    assert tables["accessibilite"][1:] == [["Lecture à voix haute", "5"]]
    plotted = re.findall(r'<desc class="value">([^<]*)</desc>', page)  # what each chart draws
    assert plotted and all(int(v) >= 5 or int(v) == 0 for v in plotted)  # a stacked bar draws a gap as 0
    cells = [c for rows in tables.values() for row in rows[1:] for c in row if c.isdigit()]
    assert cells and all(int(c) >= 5 for c in cells)


def test_weeks_and_years_in_paris_time(hub):
    _url, base, _ids = hub
    browser = logged_in(base)
    tables, headline = page_tables(browser.get("/statistiques?periode=annee&jour=2026-05-05").text)
    assert headline[0] == str(42 + 40 + 9)
    months = dict((row[0], row[1]) for row in tables["dans-le-temps"][1:])
    assert months["Novembre"] == "42" and months["Décembre"] == "40" and months["Juillet"] == "9"
    hours = dict(tables["heures"][1:])
    assert hours["9 h"] == "52" and hours["10 h"] == "12"  # 8 h UTC: 10 h in July, 9 h in winter
    tables, headline = page_tables(browser.get("/statistiques?periode=semaine&jour=2026-11-26").text)
    assert headline[0] == "42" and tables["dans-le-temps"][1][0] == "lun.\u00a023"


def test_a_user_limited_to_a_site_sees_only_that_site(hub):
    _url, base, ids = hub
    browser = logged_in(base, "a@example.org", "192.0.2.40")
    page = browser.get(f"/statistiques?{MONTH}").text
    tables, headline = page_tables(page)
    assert headline[0] == str(expected("session_started", {"poste-a"}))
    assert [row[0] for row in tables["sites"][1:]] == ["poste-a"]
    assert "poste-b" not in page
    assert browser.get(f"/statistiques?{MONTH}&site=poste-b").status_code == 404
    assert browser.get(f"/statistiques?{MONTH}&borne={ids[('poste-b', 'borne-1')]}").status_code == 404
    assert browser.get(f"/statistiques/sites.csv?{MONTH}&site=poste-b").status_code == 404
    assert "poste-b" not in browser.get(f"/statistiques/sites.csv?{MONTH}").text
    assert "poste-b" not in browser.get("/parc").text and "poste-b" not in browser.get("/parc.csv").text
    one = page_tables(browser.get(f"/statistiques?{MONTH}&borne={ids[('poste-a', 'borne-1')]}").text)[1]
    assert one[0] == "19"


def test_each_csv_equals_its_table(hub):
    _url, base, _ids = hub
    browser = logged_in(base)
    page = browser.get(f"/statistiques?{MONTH}").text
    tables, _ = page_tables(page)
    slugs = re.findall(r'href="/statistiques/([a-z-]+)\.csv\?', page)
    assert len(slugs) == len(tables) == 15
    for slug in slugs:
        answer = browser.get(f"/statistiques/{slug}.csv?{MONTH}")
        assert answer.headers["content-type"].startswith("text/csv")
        rows = list(csv.reader(io.StringIO(answer.content.decode("utf-8-sig")), delimiter=";"))
        assert rows == (tables[slug] or rows[:1]), slug  # an empty table: its CSV has the header only


def test_the_fleet_page_says_which_terminal_needs_a_technician(hub):
    _url, base, _ids = hub
    page = logged_in(base).get("/parc").text
    assert "2 bornes demandent un technicien." in page
    found = re.findall(r'<li class="terminal (\w+)">\s*<div class="head">\s*<h2>([^<]+)</h2>', page)
    cards = {name: state for state, name in found}
    assert cards == {"poste-a · borne-1": "good", "poste-a · borne-2": "bad", "poste-b · borne-1": "bad"}
    for words in (
        "Hors ligne depuis 3 jours.",
        "Imprimante : plus de papier.",
        "Plus de papier <code>media-empty</code>",  # the state in words, its code for the technician
        "Prêt <code>ready</code>",
        "L&#39;écran semble figé.",
        "Le disque est presque plein.",
        "il y a 5 minutes",
    ):
        assert words in page
    rows = list(
        csv.reader(io.StringIO(logged_in(base).get("/parc.csv").content.decode("utf-8-sig")), delimiter=";")
    )
    assert rows[0][:3] == ["Site", "Borne", "État"] and len(rows) == 4


def test_no_page_loads_or_links_anything_from_another_site(hub):
    _url, base, _ids = hub
    browser = logged_in(base)
    for path in (f"/statistiques?{MONTH}", "/parc", "/connexion"):
        answer = browser.get(path)
        assert "script-src" not in answer.headers["content-security-policy"]
        assert "default-src 'none'" in answer.headers["content-security-policy"]
        text = answer.text.replace('xmlns="http://www.w3.org/2000/svg"', "")
        text = text.replace('xmlns:xlink="http://www.w3.org/1999/xlink"', "")
        assert "http://" not in text and "https://" not in text and "<script" not in text, path
    assert "<svg" in browser.get(f"/statistiques?{MONTH}").text


def test_markup_in_every_stored_text_field_is_shown_escaped(hub_db_url):
    url = hub_db_url
    add_terminal(url, "borne-x", "site-x")
    engine = database.engine_for(url)
    hostile = {name: f"{MARKUP}{name}" for name in ("version", "config_version", "printer", "scanner")}
    with engine.begin() as connection:
        connection.execute(update(terminals).values(site_id=MARKUP + "site", terminal_id=MARKUP + "borne"))
        connection.execute(
            insert(heartbeats).values(
                terminal=1,
                received_at=now_utc(),
                free_disk_mb=1,
                backlog_rows=0,
                last_frame=now_utc(),
                **hostile,
            )
        )
        connection.execute(
            insert(usage_counts),
            [
                {
                    "terminal": 1,
                    "period_start": hour("2026-11-23T08:00"),
                    "metric": m,
                    "key": MARKUP + m,
                    "count": 9,
                    "received_at": now_utc(),
                }
                for m in ("shortcut_opened", "navigation_blocked", "language", "accessibility", "help_call")
            ],
        )
    engine.dispose()
    assert add_user(url, "admin@example.org").returncode == 0
    with running_hub(url, env=PLAIN_HTTP) as base:
        browser = logged_in(base)
        pages = [browser.get(f"/statistiques?{MONTH}").text, browser.get("/parc").text]
    for page in pages:
        assert "<script" not in page and "<b>" not in page
    assert pages[0].count(ESCAPED) >= 5 * 2 + 1  # each key in its table and its chart, the site in the filter
    for field in ("site", "borne", *hostile):
        assert f"{ESCAPED}{field}" in pages[1], field


def test_cookies_are_secure_unless_told_otherwise(tmp_path):
    url = sqlite_url(tmp_path)
    assert add_user(url, "admin@example.org").returncode == 0
    with running_hub(url) as base:
        answer = Browser(base).get("/connexion")
    assert "Secure" in answer.headers["set-cookie"] and "HttpOnly" in answer.headers["set-cookie"]


@pytest.mark.skipif(not chromium.available(), reason="needs chromium from Debian (tools/bootstrap.sh test)")
def test_the_pages_in_chromium_show_the_totals_and_fit_a_phone(hub):
    _url, base, _ids = hub
    SHOTS.mkdir(parents=True, exist_ok=True)
    browser = logged_in(base, address="192.0.2.50")
    with chromium.Chromium() as page:
        page.set_cookie("ilot_session", browser.cookies["ilot_session"], base)
        for width, height, mobile, name in ((1280, 900, False, "desktop"), (390, 844, True, "phone")):
            page.open(f"{base}statistiques?{MONTH}", width, height, mobile)
            shown = page.evaluate("[...document.querySelectorAll('.headline .value')].map(e => e.innerText)")
            assert shown[0] == str(expected("session_started"))
            caf = page.evaluate("[...document.querySelectorAll('#services tbody tr')].map(r => r.innerText)")
            assert any("CAF" in row and "masqué" in row for row in caf)
            assert (
                page.evaluate("document.documentElement.scrollWidth") <= width
            )  # nothing wider than the screen
            page.screenshot(SHOTS / f"statistiques-{name}.png")
            page.open(f"{base}parc", width, height, mobile)
            assert "2 bornes demandent un technicien." in page.evaluate("document.body.innerText")
            assert page.evaluate("document.documentElement.scrollWidth") <= width
            page.screenshot(SHOTS / f"parc-{name}.png")
        page.open(f"{base}connexion", 390, 844, True)
        page.screenshot(SHOTS / "connexion-phone.png", full_page=False)
