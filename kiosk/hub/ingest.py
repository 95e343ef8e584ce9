"""Storing what terminals send: usage rows inserted or ignored on their natural key (a resend never counts
twice, on SQLite and PostgreSQL alike), each row answered; the last heartbeat kept; requests counted per
terminal and minute for the rate limit. Each function is one statement or one transaction of the caller's."""

from __future__ import annotations

from datetime import datetime, timedelta

from sqlalchemy import Connection
from sqlalchemy.dialects import postgresql, sqlite

from kiosk.hub.schemas import Heartbeat, UsageBatch
from kiosk.hub.tables import batches, heartbeats, request_counts, usage_counts
from kiosk.hub.terminals import Terminal, now_utc

FUTURE_LIMIT = timedelta(days=2)  # an hour further ahead than this comes from a clock gone wrong: dropped


def _insert(connection: Connection, table):
    return (postgresql if connection.dialect.name == "postgresql" else sqlite).insert(table)


def store_usage(connection: Connection, terminal: Terminal, batch: UsageBatch) -> list[str]:
    """Inserts the batch's rows that are new; returns an answer per row: ok (stored now), duplicate (stored
    before: a resend), drop (never storable)."""
    received = now_utc()
    too_late = received + FUTURE_LIMIT
    hours = [row.hour() for row in batch.rows]
    keep = [
        {
            "terminal": terminal.id,
            "period_start": hour,
            "metric": row.metric,
            "key": row.key,
            "count": row.count,
            "received_at": received,
        }
        for row, hour in zip(batch.rows, hours, strict=True)
        if hour <= too_late
    ]
    stored: set[tuple[datetime, str, str]] = set()
    if keep:
        statement = (
            _insert(connection, usage_counts)
            .on_conflict_do_nothing(index_elements=["terminal", "period_start", "metric", "key"])
            .returning(usage_counts.c.period_start, usage_counts.c.metric, usage_counts.c.key)
        )
        stored = {tuple(r) for r in connection.execute(statement, keep)}  # one statement: insertmanyvalues
    connection.execute(
        _insert(connection, batches)
        .values(
            terminal=terminal.id,
            batch_id=str(batch.batch_id),
            received_at=received,
            rows=len(batch.rows),
            new_rows=len(stored),
        )
        .on_conflict_do_nothing(index_elements=["terminal", "batch_id"])
    )
    return [
        _answer(hour <= too_late, (hour, row.metric, row.key) in stored)
        for row, hour in zip(batch.rows, hours, strict=True)
    ]


def _answer(storable: bool, stored_now: bool) -> str:
    if not storable:
        return "drop"
    return "ok" if stored_now else "duplicate"


def store_heartbeat(connection: Connection, terminal: Terminal, beat: Heartbeat) -> None:
    values = beat.model_dump() | {"received_at": now_utc()}
    statement = _insert(connection, heartbeats).values(terminal=terminal.id, **values)
    connection.execute(statement.on_conflict_do_update(index_elements=["terminal"], set_=values))


def count_request(connection: Connection, terminal: Terminal, minute: int) -> int:
    """Counts one request of `terminal` in `minute`; returns how many it has made in that minute."""
    statement = _insert(connection, request_counts).values(terminal=terminal.id, minute=minute, requests=1)
    statement = statement.on_conflict_do_update(
        index_elements=["terminal", "minute"], set_={"requests": request_counts.c.requests + 1}
    ).returning(request_counts.c.requests)
    return connection.execute(statement).scalar_one()


def forget_old_request_counts(connection: Connection, before_minute: int) -> None:
    connection.execute(request_counts.delete().where(request_counts.c.minute < before_minute))
