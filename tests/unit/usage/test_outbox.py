"""The outbox: closed hours into batches within their limits, resends byte for byte, the hub's answers
applied, the cap, and nothing counted twice or lost without being counted."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from zoneinfo import ZoneInfo

import pytest

from kiosk.store.database import open_store
from kiosk.usage import outbox
from kiosk.usage.counter import add_rows, hour_start


def at(text: str) -> float:
    return datetime.fromisoformat(text).replace(tzinfo=UTC).timestamp()


@pytest.fixture
def db(tmp_path):
    opened = open_store(tmp_path / "kiosk.db")
    yield opened.db
    opened.db.close()


def counters(db) -> list[tuple]:
    return [tuple(r) for r in db.execute("SELECT * FROM usage_counters ORDER BY 1, 2, 3")]


def queued(db) -> list[tuple]:
    return [
        tuple(r)
        for r in db.execute("SELECT period_start, metric, key, count FROM outbox_rows ORDER BY 1, 2, 3")
    ]


def all_batches(db) -> list[outbox.Batch]:
    found = []
    while (batch := outbox.next_batch(db)) is not None:
        found.append(batch)
        outbox.apply_answers(db, batch, ["ok"] * len(batch.rows), now=0)
    return found


def test_an_hour_closes_five_minutes_after_its_end(db):
    add_rows(db, [("2026-12-02T09:00:00Z", "session_started", "", 3)])
    assert outbox.close_hours(db, at("2026-12-02T10:04:59")) == 0
    assert counters(db) and not queued(db)
    assert outbox.close_hours(db, at("2026-12-02T10:05:00")) == 1
    assert queued(db) == [("2026-12-02T09:00:00Z", "session_started", "", 3)]
    assert counters(db) == []


def test_the_hour_in_progress_and_the_one_in_its_grace_stay(db):
    rows = [(f"2026-12-02T{h:02d}:00:00Z", "pages_printed", "", h) for h in (7, 8, 9, 10)]
    add_rows(db, rows)
    outbox.close_hours(db, at("2026-12-02T10:03:00"))
    assert [r[0] for r in queued(db)] == ["2026-12-02T07:00:00Z", "2026-12-02T08:00:00Z"]
    assert [r[0] for r in counters(db)] == ["2026-12-02T09:00:00Z", "2026-12-02T10:00:00Z"]


@pytest.mark.parametrize(
    "first_utc",
    [
        "2026-10-25T00:30:00",  # Paris leaves summer time at 01:00 UTC: its 02:00-03:00 happens twice
        "2026-03-29T00:30:00",  # and enters it at 01:00 UTC: its 02:00-03:00 never happens
    ],
)
def test_hours_are_utc_across_daylight_saving_changes(db, first_utc):
    stamps = [at(first_utc) + minutes * 60 for minutes in range(0, 180, 10)]  # three real hours
    paris = ZoneInfo("Europe/Paris")
    wall_hours = sorted({datetime.fromtimestamp(t, paris).hour for t in stamps})
    assert wall_hours != list(range(wall_hours[0], wall_hours[0] + 4))  # a local hour merged, or skipped
    add_rows(db, [(hour_start(t), "session_started", "", 1) for t in stamps])
    outbox.close_hours(db, stamps[-1] + 2 * 3600)
    day = first_utc[:10]
    assert [(r[0], r[3]) for r in queued(db)] == [
        (f"{day}T00:00:00Z", 3),
        (f"{day}T01:00:00Z", 6),
        (f"{day}T02:00:00Z", 6),
        (f"{day}T03:00:00Z", 3),
    ]


def test_batches_hold_at_most_500_rows(db):
    rows = [
        (f"2026-11-{d:02d}T{h:02d}:00:00Z", "pages_printed", "", 1) for d in range(1, 29) for h in range(24)
    ]
    add_rows(db, rows)  # 672 rows
    assert outbox.close_hours(db, at("2026-12-02T00:00:00")) == 2
    batches = all_batches(db)
    assert [len(b.rows) for b in batches] == [500, 172]
    assert batches[0].rows[0][0] == "2026-11-01T00:00:00Z"  # the oldest hours first
    assert sorted(r for b in batches for r in b.rows) == sorted(rows)


def test_batches_hold_at_most_256_kb(db):
    keys = [f"ameli{i:03d}" + "x" * 200 for i in range(400)]
    rows = [("2026-12-01T10:00:00Z", "shortcut_opened", key, 1) for key in keys]
    add_rows(db, rows)
    outbox.close_hours(db, at("2026-12-02T00:00:00"), max_bytes=32 * 1024)
    batches = all_batches(db)
    assert len(batches) > 2
    assert all(len(b.body()) <= 32 * 1024 for b in batches)
    assert all(len(b.body()) > 28 * 1024 for b in batches[:-1])  # full, not needlessly small
    assert sum(len(b.rows) for b in batches) == 400


def test_a_resend_is_the_same_bytes_under_the_same_id(db, tmp_path):
    add_rows(db, [("2026-12-01T10:00:00Z", "shortcut_opened", "caf", 4)])
    outbox.close_hours(db, at("2026-12-02T00:00:00"))
    first = outbox.next_batch(db)
    assert outbox.note_failed_send(db, first.batch_id) == 1
    db.close()
    again = outbox.next_batch(open_store(tmp_path / "kiosk.db").db)  # after a restart, too
    assert again.batch_id == first.batch_id and again.body() == first.body()
    assert again.attempts == 1
    assert json.loads(again.body()) == {
        "batch_id": first.batch_id,
        "rows": [
            {"period_start": "2026-12-01T10:00:00Z", "metric": "shortcut_opened", "key": "caf", "count": 4}
        ],
    }


def test_the_hubs_answers_per_row(db):
    rows = [(f"2026-12-01T{h:02d}:00:00Z", "pages_scanned", "", h + 1) for h in range(4)]
    add_rows(db, rows)
    outbox.close_hours(db, at("2026-12-02T00:00:00"))
    batch = outbox.next_batch(db)
    applied = outbox.apply_answers(
        db, batch, ["ok", "duplicate", "drop", "retry"], now=at("2026-12-02T00:10:00")
    )
    assert applied == outbox.Applied(delivered=2, dropped=1, again=1)
    resent = outbox.next_batch(db)
    assert resent.rows == (rows[3],) and resent.batch_id != batch.batch_id
    assert counters(db) == [("2026-12-02T00:00:00Z", "usage_lost", "refused", 1)]
    assert outbox.apply_answers(db, batch, ["ok"] * 4, now=0) == outbox.Applied(0, 0, 0)  # told twice


def test_answers_that_do_not_match_the_batch_change_nothing(db):
    add_rows(db, [("2026-12-01T10:00:00Z", "pages_scanned", "", 1)])
    outbox.close_hours(db, at("2026-12-02T00:00:00"))
    batch = outbox.next_batch(db)
    for answers in ([], ["ok", "ok"], ["maybe"]):
        with pytest.raises(ValueError):
            outbox.apply_answers(db, batch, answers, now=0)
    assert outbox.next_batch(db) == batch


def test_a_batch_too_big_for_the_hub_becomes_two_in_its_place(db):
    add_rows(db, [("2026-11-30T10:00:00Z", "pages_printed", "", 1)])
    add_rows(db, [(f"2026-12-01T{h:02d}:00:00Z", "pages_printed", "", 1) for h in range(5)])
    outbox.close_hours(db, at("2026-11-30T12:00:00"))
    outbox.close_hours(db, at("2026-12-02T00:00:00"))
    older, newer = outbox.next_batch(db), None
    outbox.apply_answers(db, older, ["ok"], now=0)
    newer = outbox.next_batch(db)
    outbox.split(db, newer)
    halves = all_batches(db)
    assert [len(b.rows) for b in halves] == [2, 3]
    assert halves[0].rows + halves[1].rows == newer.rows
    with pytest.raises(ValueError):
        outbox.split(db, outbox.Batch("x", (newer.rows[0],), 0))


def test_a_dropped_batch_is_counted_as_lost(db):
    add_rows(db, [(f"2026-12-01T{h:02d}:00:00Z", "pages_printed", "", 1) for h in range(3)])
    outbox.close_hours(db, at("2026-12-02T00:00:00"))
    outbox.drop(db, outbox.next_batch(db), now=at("2026-12-02T08:30:00"))
    assert outbox.backlog(db) == outbox.Backlog(0, 0, None)
    assert counters(db) == [("2026-12-02T08:00:00Z", "usage_lost", "refused", 3)]


def test_the_cap_evicts_the_oldest_batches_and_counts_them(db):
    for day in range(1, 6):
        add_rows(db, [(f"2026-11-{day:02d}T{h:02d}:00:00Z", "pages_printed", "", 1) for h in range(10)])
        outbox.close_hours(db, at(f"2026-11-{day:02d}T23:00:00"))
    assert outbox.backlog(db) == outbox.Backlog(5, 50, "2026-11-01T00:00:00Z")
    evicted = outbox.enforce_cap(db, at("2026-11-06T00:00:00"), max_rows=25)
    assert evicted == 30
    assert outbox.backlog(db) == outbox.Backlog(2, 20, "2026-11-04T00:00:00Z")
    assert counters(db) == [("2026-11-06T00:00:00Z", "usage_lost", "evicted", 30)]


def test_the_cap_evicts_what_is_older_than_90_days(db):
    add_rows(db, [("2026-08-01T10:00:00Z", "pages_printed", "", 1)])
    outbox.close_hours(db, at("2026-08-02T00:00:00"))
    add_rows(db, [("2026-11-01T10:00:00Z", "pages_printed", "", 1)])
    outbox.close_hours(db, at("2026-11-02T00:00:00"))
    assert outbox.enforce_cap(db, at("2026-11-03T00:00:00")) == 1
    assert outbox.backlog(db).oldest_period == "2026-11-01T10:00:00Z"
    assert outbox.enforce_cap(db, at("2026-11-03T00:00:00")) == 0


def test_counts_made_while_a_batch_waits_are_not_merged_into_it(db):
    add_rows(db, [("2026-12-01T10:00:00Z", "pages_printed", "", 2)])
    outbox.close_hours(db, at("2026-12-02T00:00:00"))
    add_rows(db, [("2026-12-02T01:00:00Z", "pages_printed", "", 5)])
    batch = outbox.next_batch(db)
    assert batch.rows == (("2026-12-01T10:00:00Z", "pages_printed", "", 2),)
    total = sum(r[3] for r in queued(db)) + sum(r[3] for r in counters(db))
    assert total == 7


@pytest.mark.parametrize(
    "row",
    [
        ("2026-12-01T10:00:00Z", "shortcut_opened", "ameli", 3),
        ("2026-12-01T10:00:00Z", "session_started", "", 1_000_000_000),
        ("2026-12-01T10:00:00Z", "error", 'guillemet"et\\barre', 12),
        ("2026-12-01T10:00:00Z", "language", "العربية-é\n\x01", 7),
    ],
)
def test_a_rows_size_is_what_it_adds_to_a_body(row):
    alone, empty = outbox.encode("x", [row]), outbox.encode("x", [])
    assert outbox._row_bytes(row) == len(alone) - len(empty)
    two = outbox.encode("x", [row, row])
    assert len(two) - len(empty) == 2 * outbox._row_bytes(row) + 1  # and its comma
