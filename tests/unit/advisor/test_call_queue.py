"""The help calls a terminal owes the hub, in a real kiosk database: tickets for the day, a call kept until
the hub knows its end, what is owed after a restart."""

from __future__ import annotations

from datetime import datetime

import pytest

from kiosk.advisor import call_queue
from kiosk.advisor.tickets import PARIS
from kiosk.store.database import open_store


def paris(text: str) -> float:
    return datetime.fromisoformat(text).replace(tzinfo=PARIS).timestamp()


MORNING = paris("2026-12-02T10:00")


@pytest.fixture
def db(tmp_path):
    opened = open_store(tmp_path / "kiosk.db").db
    yield opened
    opened.close()


def test_calls_get_the_days_tickets_in_order_and_a_new_series_after_midnight(db):
    first = call_queue.open_call(db, "imprimer", MORNING)
    counter = call_queue.take_ticket(db, MORNING + 60)  # a visitor sent to the counter takes a number too
    second = call_queue.open_call(db, None, paris("2026-12-02T23:59"))
    next_day = call_queue.open_call(db, None, paris("2026-12-03T00:01"))
    assert [first.ticket, counter.text, second.ticket, next_day.ticket] == ["A-01", "A-02", "A-03", "A-01"]
    assert first.call_id != second.call_id


def test_tickets_survive_a_restart(tmp_path):
    path = tmp_path / "kiosk.db"
    db = open_store(path).db
    call_queue.open_call(db, None, MORNING)
    db.close()
    db = open_store(path).db
    assert call_queue.open_call(db, None, MORNING + 1).ticket == "A-02"
    db.close()


def test_a_call_is_owed_until_the_hub_knows_it_ended(db):
    call = call_queue.open_call(db, "compte", MORNING)
    assert call_queue.owed(db) == [call]
    assert not call.delivered
    call_queue.note_state(db, call.call_id, "seen", MORNING + 5)
    (seen,) = call_queue.owed(db)
    assert seen.state == "seen" and seen.delivered
    call_queue.want_end(db, call.call_id, "cancel")
    assert call_queue.owed(db)[0].end_wanted == "cancel"  # still owed: the hub has not heard it yet
    call_queue.note_state(db, call.call_id, "cancelled", MORNING + 9)
    assert call_queue.owed(db) == []
    assert call_queue.find(db, call.call_id).state == "cancelled"


def test_an_ended_call_asks_for_nothing_more(db):
    call = call_queue.open_call(db, None, MORNING)
    call_queue.note_state(db, call.call_id, "done", MORNING + 60)
    call_queue.want_end(db, call.call_id, "cancel")
    assert call_queue.find(db, call.call_id).end_wanted is None


def test_a_call_the_hub_never_had_is_forgotten_once_ended(db):
    call = call_queue.open_call(db, None, MORNING)
    call_queue.want_end(db, call.call_id, "cancel")
    call_queue.forget_undelivered(db, call.call_id, MORNING + 1)
    assert call_queue.owed(db) == []


def test_at_start_every_open_call_is_to_be_cancelled_and_a_release_stays_a_release(db):
    open_one = call_queue.open_call(db, None, MORNING)
    released = call_queue.open_call(db, None, MORNING + 1)
    call_queue.want_end(db, released.call_id, "released")
    ended = call_queue.open_call(db, None, MORNING + 2)
    call_queue.note_state(db, ended.call_id, "done", MORNING + 3)
    assert call_queue.abandon_open(db) == 1
    assert [(c.call_id, c.end_wanted) for c in call_queue.owed(db)] == [
        (open_one.call_id, "cancel"),
        (released.call_id, "released"),
    ]


def test_ended_calls_leave_the_table_after_a_day(db):
    old = call_queue.open_call(db, None, MORNING)
    call_queue.note_state(db, old.call_id, "done", MORNING + 60)
    call_queue.open_call(db, None, MORNING + call_queue.KEPT_FOR + 120)
    assert call_queue.find(db, old.call_id) is None
