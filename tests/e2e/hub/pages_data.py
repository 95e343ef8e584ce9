"""Known data for the pages' tests: terminals, hourly counts and heartbeats written straight into a hub's
database (as ingest would store them), users added with `kiosk hub add-user`, and a browser-like client
that logs in through the login form."""

from __future__ import annotations

import html.parser
import re
import subprocess
import sys
from collections import Counter
from datetime import datetime, timedelta

import requests
from sqlalchemy import insert, select

from kiosk.hub import database
from kiosk.hub.tables import heartbeats, terminals, usage_counts
from tests.hub_on_loopback import add_terminal

PASSWORD = "un mot de passe assez long"
# Two sites, three terminals; November 2026 (Paris is UTC+1 then).
TERMINALS = (("poste-a", "borne-1"), ("poste-a", "borne-2"), ("poste-b", "borne-1"))


def hour(text: str) -> datetime:
    return datetime.fromisoformat(text)


# (site, terminal, UTC hour, metric, key, count)
ROWS = [
    ("poste-a", "borne-1", "2026-11-23T08:00", "session_started", "", 12),  # Monday 9 h in Paris
    ("poste-a", "borne-1", "2026-11-23T13:00", "session_started", "", 7),  # Monday 14 h
    ("poste-a", "borne-2", "2026-11-24T09:00", "session_started", "", 3),  # Tuesday 10 h: small
    ("poste-b", "borne-1", "2026-11-25T15:00", "session_started", "", 20),  # Wednesday 16 h
    ("poste-a", "borne-1", "2026-11-23T08:00", "shortcut_opened", "ameli", 9),
    ("poste-a", "borne-1", "2026-11-23T08:00", "shortcut_opened", "caf", 2),  # small
    ("poste-b", "borne-1", "2026-11-25T15:00", "shortcut_opened", "ameli", 11),
    ("poste-b", "borne-1", "2026-11-25T15:00", "shortcut_opened", "impots", 6),
    ("poste-a", "borne-1", "2026-11-23T08:00", "session_duration", "5-15min", 10),
    ("poste-a", "borne-1", "2026-11-23T13:00", "session_duration", "<1min", 4),  # small
    ("poste-b", "borne-1", "2026-11-25T15:00", "session_duration", "15-30min", 20),
    ("poste-a", "borne-1", "2026-11-23T08:00", "pages_printed", "", 30),
    ("poste-b", "borne-1", "2026-11-25T15:00", "pages_printed", "", 8),
    ("poste-b", "borne-1", "2026-11-25T15:00", "pages_scanned", "", 5),
    ("poste-a", "borne-1", "2026-11-23T08:00", "diagnostic_completed", "debutant", 6),
    ("poste-a", "borne-1", "2026-11-23T08:00", "diagnostic_level", "1:avec_aide", 6),
    ("poste-a", "borne-1", "2026-11-23T08:00", "diagnostic_level", "2:autonome", 1),  # small
    ("poste-a", "borne-1", "2026-11-23T08:00", "language", "fr", 15),
    ("poste-a", "borne-1", "2026-11-23T13:00", "language", "ar", 4),  # small
    ("poste-a", "borne-1", "2026-11-23T08:00", "accessibility", "read_aloud", 5),
    ("poste-b", "borne-1", "2026-11-25T15:00", "navigation_blocked", "ameli", 7),
    ("poste-a", "borne-1", "2026-12-01T08:00", "session_started", "", 40),  # December: another month
    ("poste-a", "borne-1", "2026-07-01T08:00", "session_started", "", 9),  # July: Paris is UTC+2
]
NOVEMBER = "2026-11-15"


def expected(metric: str, sites=None, month: str = "2026-11", key: str | None = None) -> int:
    return sum(
        n
        for s, _t, h, m, k, n in ROWS
        if m == metric and h.startswith(month) and (sites is None or s in sites) and (key is None or k == key)
    )


def fill(url: str) -> dict[tuple[str, str], int]:
    """Adds the terminals and their counts; returns each terminal's database id."""
    for site, terminal in TERMINALS:
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
            connection.execute(
                insert(usage_counts),
                [
                    {
                        "terminal": ids[(s, t)],
                        "period_start": hour(h),
                        "metric": m,
                        "key": k,
                        "count": n,
                        "received_at": hour(h) + timedelta(hours=1),
                    }
                    for s, t, h, m, k, n in ROWS
                ],
            )
        return ids
    finally:
        engine.dispose()


def put_heartbeat(url: str, terminal: int, received_at: datetime, **values) -> None:
    row = {
        "version": "1.4.0",
        "config_version": "site-2026-11",
        "printer": "ok",
        "scanner": "ready",
        "free_disk_mb": 20_000,
        "backlog_rows": 0,
        "last_sync": received_at,
        "last_frame": received_at - timedelta(seconds=30),
    } | values
    engine = database.engine_for(url)
    try:
        with engine.begin() as connection:
            connection.execute(heartbeats.delete().where(heartbeats.c.terminal == terminal))
            connection.execute(insert(heartbeats).values(terminal=terminal, received_at=received_at, **row))
    finally:
        engine.dispose()


def add_user(url: str, email: str, sites: str = "") -> subprocess.CompletedProcess:
    args = [sys.executable, "-m", "kiosk", "hub", "add-user", email, "--db", url]
    if sites:
        args += ["--sites", sites]
    return subprocess.run(
        args, input=PASSWORD + "\n", capture_output=True, text=True, timeout=60, check=False
    )


def csrf_of(page: str) -> str:
    return re.search(r'name="csrf" value="([^"]+)"', page).group(1)


class Browser(requests.Session):
    """A person's browser: its own address (the hub trusts X-Forwarded-For from loopback), its cookies."""

    def __init__(self, base: str, address: str = "192.0.2.10"):
        super().__init__()
        self.base = base
        self.headers["X-Forwarded-For"] = address

    def get(self, path: str, **kwargs) -> requests.Response:
        return super().get(self.base + path.lstrip("/"), timeout=30, **kwargs)

    def post(self, path: str, **kwargs) -> requests.Response:
        return super().post(self.base + path.lstrip("/"), timeout=30, **kwargs)

    def login(self, email: str, password: str = PASSWORD, **kwargs) -> requests.Response:
        form = self.get("/connexion")
        return self.post(
            "/connexion",
            data={"email": email, "password": password, "csrf": csrf_of(form.text), **kwargs},
            allow_redirects=False,
        )


class _Tables(html.parser.HTMLParser):
    """Each <section id=…>'s table as a list of rows of cell texts."""

    def __init__(self):
        super().__init__()
        self.tables: dict[str, list[list[str]]] = {}
        self.headline: list[str] = []
        self._section = None
        self._cell = None
        self._in_headline_value = False

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "section" and "id" in attrs:
            self._section = attrs["id"]
            self.tables[self._section] = []
        elif tag == "tr" and self._section:
            self.tables[self._section].append([])
        elif tag in ("td", "th") and self._section:
            self._cell = ""
        elif tag == "span" and "value" in (attrs.get("class") or "").split():
            self._in_headline_value = True
            self.headline.append("")

    def handle_endtag(self, tag):
        if tag in ("td", "th") and self._cell is not None:
            self.tables[self._section][-1].append(self._cell.strip())
            self._cell = None
        elif tag == "section":
            self._section = None
        elif tag == "span":
            self._in_headline_value = False

    def handle_data(self, data):
        if self._cell is not None:
            self._cell += data
        if self._in_headline_value:
            self.headline[-1] += data


def page_tables(page: str) -> tuple[dict[str, list[list[str]]], list[str]]:
    """The page's tables by section id (header row first, numbers without their spaces), and its headline."""
    parser = _Tables()
    parser.feed(page)
    tables = {
        slug: [[c.replace("\u202f", "") for c in row] for row in rows] for slug, rows in parser.tables.items()
    }
    return tables, [v.replace("\u202f", "") for v in parser.headline]


def counter(rows) -> Counter:
    return Counter(rows)
