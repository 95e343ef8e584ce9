"""The hub's help-call API against a real hub on loopback (SQLite and PostgreSQL): a call stored once
however often it is sent, its state read back, cancelled once and for good, and only by its own terminal."""

from __future__ import annotations

import uuid

import pytest
import requests

from kiosk.hub import database, help_calls
from kiosk.hub.tables import help_calls as table
from kiosk.hub.terminals import Terminal, now_utc
from tests.hub_on_loopback import add_terminal, running_hub

pytestmark = pytest.mark.e2e


@pytest.fixture(scope="module")
def hub(module_hub_db_url):
    with running_hub(module_hub_db_url) as base:
        yield module_hub_db_url, base


def call(base: str, token: str, path: str = "", body: dict | None = None, get: bool = False):
    send = requests.get if get else requests.post
    kwargs = {} if get else {"json": body}
    return send(
        f"{base}api/v1/help-calls{path}", headers={"Authorization": f"Bearer {token}"}, timeout=10, **kwargs
    )


def test_a_call_is_stored_once_and_followed_by_its_terminal(hub):
    url, base = hub
    token = add_terminal(url, "borne-1", f"poste-{uuid.uuid4().hex[:6]}")
    call_id = str(uuid.uuid4())
    body = {"call_id": call_id, "ticket": "A-07", "topic": "imprimer"}
    first, again = call(base, token, body=body), call(base, token, body=body)  # a resend after a lost answer
    assert first.status_code == again.status_code == 200
    assert (
        first.json()
        == again.json()
        == {"call_id": call_id, "ticket": "A-07", "state": "sent", "release": False}
    )
    engine = database.engine_for(url)
    try:
        with engine.connect() as connection:
            assert len(connection.execute(table.select().where(table.c.call_id == call_id)).all()) == 1
    finally:
        engine.dispose()
    assert call(base, token, f"/{call_id}", get=True).json()["state"] == "sent"

    cancelled = call(base, token, f"/{call_id}/cancel")
    assert cancelled.status_code == 200 and cancelled.json()["state"] == "cancelled"
    assert call(base, token, f"/{call_id}/cancel").json()["state"] == "cancelled"  # twice: the same


def test_an_advisor_coming_then_done_cannot_be_cancelled_after(hub):
    url, base = hub
    site = f"poste-{uuid.uuid4().hex[:6]}"
    token = add_terminal(url, "borne-1", site)
    call_id = str(uuid.uuid4())
    assert call(base, token, body={"call_id": call_id, "ticket": "A-01"}).ok
    engine = database.engine_for(url)
    try:
        with engine.begin() as connection:
            terminal_id = connection.execute(table.select().where(table.c.call_id == call_id)).one().terminal
            terminal = Terminal(terminal_id, site, "borne-1")
            assert help_calls.move(connection, terminal, call_id, "coming", now_utc()).state == "coming"
        assert call(base, token, f"/{call_id}", get=True).json()["state"] == "coming"
        with engine.begin() as connection:
            help_calls.move(connection, terminal, call_id, "done", now_utc())
            row = connection.execute(table.select().where(table.c.call_id == call_id)).one()
            assert row.coming_at is not None and row.ended_at is not None and row.seen_at is None
    finally:
        engine.dispose()
    refused = call(base, token, f"/{call_id}/cancel")
    assert refused.status_code == 409 and "already done" in refused.text


def test_a_terminal_reaches_only_its_own_calls_and_bad_calls_are_refused(hub):
    url, base = hub
    mine = add_terminal(url, "borne-1", f"poste-{uuid.uuid4().hex[:6]}")
    theirs = add_terminal(url, "borne-2", f"poste-{uuid.uuid4().hex[:6]}")
    call_id = str(uuid.uuid4())
    assert call(base, mine, body={"call_id": call_id, "ticket": "A-02"}).ok
    assert call(base, theirs, f"/{call_id}", get=True).status_code == 404
    assert call(base, theirs, f"/{call_id}/cancel").status_code == 404
    assert call(base, mine, f"/{call_id}", get=True).json()["state"] == "sent"  # still open
    for bad in (
        {"call_id": str(uuid.uuid4()), "ticket": "A-02", "topic": "mon nom est Dupont"},
        {"call_id": str(uuid.uuid4()), "ticket": "<b>7</b>"},
        {"call_id": "not-a-uuid", "ticket": "A-03"},
        {"call_id": str(uuid.uuid4()), "ticket": "A-03", "name": "Jean"},  # nothing about a person
    ):
        assert call(base, mine, body=bad).status_code == 422, bad
    assert call(base, mine + "x", body={"call_id": str(uuid.uuid4()), "ticket": "A-04"}).status_code == 401


def test_the_assisted_modes_list_reads_its_sites_open_calls_from_the_hub(hub):
    from kiosk.usage.open_calls import open_calls_reader

    url, base = hub
    site = f"poste-{uuid.uuid4().hex[:6]}"
    here, neighbour = add_terminal(url, "borne-1", site), add_terminal(url, "borne-2", site)
    elsewhere = add_terminal(url, "borne-1", f"poste-{uuid.uuid4().hex[:6]}")
    waiting, cancelled = str(uuid.uuid4()), str(uuid.uuid4())
    assert call(base, neighbour, body={"call_id": waiting, "ticket": "A-11", "topic": "emploi"}).ok
    assert call(base, here, body={"call_id": cancelled, "ticket": "A-12"}).ok
    assert call(base, here, f"/{cancelled}/cancel").ok
    assert call(base, elsewhere, body={"call_id": str(uuid.uuid4()), "ticket": "A-13"}).ok
    (listed,) = open_calls_reader(base, here)()
    assert (listed.call_id, listed.ticket, listed.topic, listed.state, listed.terminal_id) == (
        waiting,
        "A-11",
        "emploi",
        "sent",
        "borne-2",
    )
