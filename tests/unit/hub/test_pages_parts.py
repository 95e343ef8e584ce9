"""The pure parts of the hub's pages: Paris periods across the DST changes, the small-cell mask in every
table, the fleet's problems, the charts (no script, no address, escaped labels), the CSV, passwords,
sessions and the lockout on a SQLite database."""

from __future__ import annotations

import re
from collections import Counter
from datetime import date, datetime, timedelta

import pytest

from kiosk.devices.printer.problems import Problem as PrinterProblem
from kiosk.devices.scanner.problems import Problem as ScannerProblem
from kiosk.hub import database, lockout, sessions, users
from kiosk.hub.charts import svg
from kiosk.hub.device_words import PRINTER, SCANNER, printer_words, scanner_words
from kiosk.hub.fleet import Beat, duration, problems
from kiosk.hub.pages import csv_text
from kiosk.hub.report import HIDDEN, Table, build, mask
from kiosk.hub.stats import period_containing


def test_periods_are_paris_weeks_months_and_years_in_utc():
    week = period_containing("semaine", date(2026, 3, 26))  # the week of the change to summer time
    assert (week.start, week.end) == (date(2026, 3, 23), date(2026, 3, 30))
    assert week.utc_bounds() == (datetime(2026, 3, 22, 23), datetime(2026, 3, 29, 22))
    october = period_containing("mois", date(2026, 10, 31))
    assert october.utc_bounds() == (datetime(2026, 9, 30, 22), datetime(2026, 10, 31, 23))
    year = period_containing("annee", date(2026, 7, 14))
    assert year.utc_bounds() == (datetime(2025, 12, 31, 23), datetime(2026, 12, 31, 23))
    assert year.next().start == date(2027, 1, 1) and year.previous().start == date(2025, 1, 1)
    assert period_containing("mois", date(2026, 12, 5)).next().label() == "Janvier 2027"
    assert week.label() == "Semaine du 23 mars 2026 au 29 mars 2026"
    with pytest.raises(ValueError):
        period_containing("jour", date(2026, 1, 1))


def test_every_count_under_five_is_hidden_in_every_table():
    assert [mask(n) for n in (0, 1, 4, 5, 99)] == [None, None, None, 5, 99]
    period = period_containing("semaine", date(2026, 3, 26))
    totals = Counter({("shortcut_opened", "ameli"): 4, ("shortcut_opened", "caf"): 7, ("language", "fr"): 1})
    hourly = [
        (datetime(2026, 3, 28, 8), "session_started", 6),
        (datetime(2026, 3, 29, 8), "session_started", 7),
    ]
    report = build(period, totals, hourly, Counter({("p", "b", "session_started"): 13}))
    for table in report.tables:
        for row in table.rows:
            assert all(c is None or c >= 5 for c in row[table.counts_from :]), table.slug
    hours = dict(report.table("heures").rows)
    assert hours["9 h"] == 6 and hours["10 h"] == 7  # 8 h UTC: 9 h before the change, 10 h after
    assert report.table("langues").rows == [["Français", None]]


def test_the_fleet_says_what_needs_a_technician():
    now = datetime(2026, 11, 30, 12)
    fine = Beat(now, "1", "c", "ok", "unused", 5000, 0, now, now - timedelta(minutes=1))
    assert problems(fine, now) == []
    assert problems(fine, now + timedelta(days=2)) == ["Hors ligne depuis 2 jours."]
    from dataclasses import replace

    assert problems(replace(fine, printer="media-empty"), now) == ["Imprimante : plus de papier."]
    assert problems(replace(fine, printer="media-low", scanner="ready"), now) == []  # to know, not to mend
    assert problems(replace(fine, scanner="jammed"), now) == ["Scanner : feuille coincée dans le chargeur."]
    assert problems(replace(fine, last_frame=now - timedelta(hours=1)), now) == ["L'écran semble figé."]
    assert problems(replace(fine, free_disk_mb=100), now) == ["Le disque est presque plein."]
    assert problems(None, now) and problems(None, now, revoked=True) == []
    assert [duration(timedelta(seconds=s)) for s in (30, 60, 7200, 86400 * 3)] == [
        "moins d'une minute",
        "1 minute",
        "2 heures",
        "3 jours",
    ]


def test_every_device_code_a_terminal_sends_has_french_words_on_the_fleet_page():
    assert {p.value for p in PrinterProblem} | {"ok", "printing", "off", "unknown"} <= set(PRINTER)
    assert {p.value for p in ScannerProblem} | {"unused", "ready", "scanning", "unknown"} <= set(SCANNER)
    assert printer_words("media-empty").text == "Plus de papier"
    assert scanner_words("unused").needs_technician is False
    assert printer_words("laser-on-fire").text == "Code inconnu du hub : laser-on-fire"  # a newer terminal's


def test_charts_have_no_script_no_address_and_escape_their_labels():
    table = Table("t", "T", ["Nom", "N"], [['<script>x</script>"', 12], ["b", None]], "hbar")
    drawn = str(svg(table))
    assert "<script" not in drawn and "&lt;script&gt;" in drawn and "<!--" not in drawn
    assert re.findall(r"https?://[^\"' ]+", drawn) == [
        "http://www.w3.org/2000/svg",
        "http://www.w3.org/1999/xlink",
    ]
    assert re.findall(r'<desc class="value">([^<]*)</desc>', drawn) == ["12"]  # the hidden one is not drawn
    assert svg(Table("t", "T", ["Nom", "N"], [["b", None]])) is None


def test_the_csv_is_the_table_and_never_a_formula():
    table = Table("t", "T", ["Site", "N"], [["=HYPERLINK(1)", None], ["poste-a", 12]])
    assert csv_text(table) == f"Site;N\r\n'=HYPERLINK(1);{HIDDEN}\r\nposte-a;12\r\n"


@pytest.fixture
def connection(tmp_path):
    engine = database.engine_for(f"sqlite:///{tmp_path / 'hub.db'}")
    database.migrate(engine)
    with engine.begin() as connection:
        yield connection
    engine.dispose()


def test_passwords_are_argon2id_hashes_and_checked(connection):
    user = users.add(connection, " Ana@Example.org ", "un mot de passe long", ["poste-b", "poste-a", ""])
    assert user.email == "ana@example.org" and user.sites == frozenset({"poste-a", "poste-b"})
    stored = connection.exec_driver_sql("SELECT password_hash FROM users").scalar_one()
    assert stored.startswith("$argon2id$") and "un mot de passe" not in stored
    assert users.authenticate(connection, "ANA@example.org", "un mot de passe long") == user
    assert users.authenticate(connection, "ana@example.org", "pas le bon") is None
    assert users.authenticate(connection, "nobody@example.org", "un mot de passe long") is None
    with pytest.raises(users.UserError):
        users.add(connection, "b@example.org", "court")
    with pytest.raises(users.UserError):
        users.add(connection, "ana@example.org", "un mot de passe long")
    assert users.add(connection, "all@example.org", "un mot de passe long").sites is None


def test_sessions_live_in_the_database_with_their_csrf_token(connection):
    session = sessions.start(connection, None)
    assert sessions.find(connection, session.token) == session
    assert session.token not in connection.exec_driver_sql("SELECT token_hash FROM sessions").scalar_one()
    assert sessions.csrf_ok(session, session.csrf_token)
    assert not sessions.csrf_ok(session, "") and not sessions.csrf_ok(session, "é" + session.csrf_token)
    assert not sessions.csrf_ok(None, session.csrf_token)
    sessions.end(connection, session.token)
    assert sessions.find(connection, session.token) is None and sessions.find(connection, None) is None


def test_the_lockout_counts_in_the_database(connection):
    key = lockout.subjects("A@example.org", "192.0.2.1")["account"]
    for _ in range(4):
        lockout.record_failure(connection, key, 5)
    assert lockout.locked_until(connection, [key]) is None
    lockout.record_failure(connection, key, 5)
    assert lockout.locked_until(connection, [key, "address:x"]) is not None
    lockout.forget(connection, key)
    assert lockout.locked_until(connection, [key]) is None


def test_removing_a_user_ends_their_sessions(connection):
    user = users.add(connection, "gone@example.org", "un mot de passe long")
    session = sessions.start(connection, user.id)
    users.remove(connection, "gone@example.org")
    assert sessions.find(connection, session.token) is None
    assert users.authenticate(connection, "gone@example.org", "un mot de passe long") is None
