"""The board's parts that need no server: the fan-out of changes to subscribers (by site, by call, a full
queue turned into one reload), the words a call is shown with, and SQLite's write lock taken at the start of
`database.immediate`."""

from __future__ import annotations

import asyncio
import sqlite3
from dataclasses import dataclass
from datetime import datetime

import pytest

from kiosk.hub import board_changes, board_words, database
from kiosk.hub.board_changes import RELOAD, BoardChanges


@dataclass(frozen=True)
class Change:
    id: int
    site_id: str


def drained(subscription) -> list:
    items = []
    while not subscription.queue.empty():
        items.append(subscription.queue.get_nowait())
    return items


def test_each_subscriber_gets_the_changes_it_is_interested_in():
    async def run():
        changes = BoardChanges()
        lyon = changes.subscribe(sites=frozenset({"poste-lyon"}))
        everyone = changes.subscribe()
        one_call = changes.subscribe(call=2)
        gone = changes.subscribe()
        changes.unsubscribe(gone)
        assert len(changes) == 3
        changes.publish([Change(1, "poste-lyon"), Change(2, "poste-caen")])
        assert drained(lyon) == [Change(1, "poste-lyon")]
        assert drained(everyone) == [Change(1, "poste-lyon"), Change(2, "poste-caen")]
        assert drained(one_call) == [Change(2, "poste-caen")]
        assert drained(gone) == []
        changes.reload()
        assert drained(lyon) == drained(everyone) == drained(one_call) == [RELOAD]

    asyncio.run(run())


def test_a_reader_that_falls_behind_is_told_to_reload_instead(monkeypatch):
    monkeypatch.setattr(board_changes, "CAPACITY", 3)

    async def run():
        changes = BoardChanges()
        slow = changes.subscribe()
        changes.publish([Change(i, "poste-lyon") for i in range(5)])
        return drained(slow)

    # Changes 0 to 2 filled the queue; 3 found it full: all four became one reload (the reader reads the
    # table, which has them); 4 came after.
    assert asyncio.run(run()) == [RELOAD, Change(4, "poste-lyon")]


def test_the_words_of_a_call():
    assert board_words.topic("imprimer") == "Imprimer ou scanner"
    assert board_words.topic(None) == "Sans précision"
    assert [label for _s, label in board_words.next_moves("sent")] == ["J'ai vu", "J'arrive", "Terminé"]
    assert board_words.next_moves("coming") == [("done", "Terminé")]
    assert board_words.next_moves("done") == board_words.next_moves("cancelled") == []
    assert board_words.waited(30) == "depuis moins d'une minute"
    assert board_words.waited(4 * 60 + 59) == "depuis 4 min"
    assert board_words.waited(65 * 60) == "depuis 1 h 05"
    assert board_words.clock(datetime(2026, 12, 2, 13, 5)) == "14 h 05"  # Paris in winter: UTC+1
    assert board_words.clock(datetime(2026, 7, 2, 7, 30)) == "9 h 30"  # in summer: UTC+2
    assert board_words.release(datetime(2026, 12, 2, 13, 0), None) == (
        "La borne va terminer la session du visiteur."
    )
    assert board_words.release(datetime(2026, 12, 2, 13, 0), datetime(2026, 12, 2, 13, 5)) == (
        "Session terminée sur la borne à 14 h 05"
    )
    assert board_words.ended("cancelled", datetime(2026, 12, 2, 13, 5)) == "Annulé à 14 h 05"
    assert board_words.title(2) == "(2) Appels — Îlot" and board_words.title(0) == "Appels — Îlot"


def test_an_immediate_transaction_holds_sqlites_write_lock_from_its_start(tmp_path):
    path = tmp_path / "hub.db"
    engine = database.engine_for(f"sqlite:///{path}")
    database.migrate(engine)
    other = sqlite3.connect(path, timeout=0.1, isolation_level=None)
    try:
        with database.immediate(engine), pytest.raises(sqlite3.OperationalError, match="locked"):
            other.execute("BEGIN IMMEDIATE")  # before the transaction has read or written anything
        other.execute("BEGIN IMMEDIATE")  # once it is over, the lock is free
        other.execute("ROLLBACK")
    finally:
        other.close()
        engine.dispose()
