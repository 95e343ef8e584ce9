"""Storing what terminals send: usage rows inserted or ignored on their natural key (a resend never counts
twice, on SQLite and PostgreSQL alike), each row answered; the last heartbeat kept; requests counted per
terminal and minute for the rate limit. Each function is one statement or one transaction of the caller's."""

from __future__ import annotations

import functools
from collections.abc import Callable
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import Connection, Dialect, select
from sqlalchemy.dialects import postgresql, sqlite

from kiosk.hub.schemas import Heartbeat, UsageBatch
from kiosk.hub.tables import batches, heartbeats, request_counts, usage_counts
from kiosk.hub.terminals import Terminal, now_utc

FUTURE_LIMIT = timedelta(days=2)  # an hour further ahead than this comes from a clock gone wrong: dropped


def dialect_insert(connection: Connection, table):
    """An INSERT with the database's own ON CONFLICT clauses (SQLite's or PostgreSQL's)."""
    return (postgresql if connection.dialect.name == "postgresql" else sqlite).insert(table)


def store_usage(connection: Connection, terminal: Terminal, batch: UsageBatch) -> list[str]:
    """Inserts the batch's rows that are new; returns an answer per row: ok (stored now), duplicate (stored
    before: a resend), drop (never storable).

    The rows go in through the driver's executemany of an insert-or-ignore SQLAlchemy compiled once: its
    per-row parameter work and RETURNING's rows took 4/5 of the time (bench/hub_ingest.py). When fewer rows
    went in than were sent (a resend), the ones stored now are those received at this request's time.
    """
    received = now_utc()
    too_late = received + FUTURE_LIMIT
    hours = {text: datetime.fromisoformat(text[:-1]) for text in {row.period_start for row in batch.rows}}
    as_stored = _bind(connection, usage_counts.c.period_start)  # a batch spans a few hours: each done once
    stored_hour = {text: as_stored(hour) for text, hour in hours.items()}
    received_at = _bind(connection, usage_counts.c.received_at)(received)
    rows = [
        (terminal.id, stored_hour[row.period_start], row.metric, row.key, row.count, received_at)
        for row in batch.rows
        if hours[row.period_start] <= too_late
    ]
    inserted, stored_now = 0, None  # None: every row sent went in
    if rows:
        sql, positional = _usage_insert(connection.dialect)
        inserted = connection.exec_driver_sql(
            sql, rows if positional else [dict(zip(_COLUMNS, row, strict=True)) for row in rows]
        ).rowcount
        if inserted != len(rows):
            stored_now = _received_at(connection, terminal, list(hours.values()), received)
    connection.execute(
        dialect_insert(connection, batches)
        .values(
            terminal=terminal.id,
            batch_id=str(batch.batch_id),
            received_at=received,
            rows=len(batch.rows),
            new_rows=inserted,
        )
        .on_conflict_do_nothing(index_elements=["terminal", "batch_id"])
    )
    answers = []
    for row in batch.rows:
        hour = hours[row.period_start]
        if hour > too_late:
            answers.append("drop")
        elif stored_now is None or (hour, row.metric, row.key) in stored_now:
            answers.append("ok")
        else:
            answers.append("duplicate")
    return answers


def _received_at(
    connection: Connection, terminal: Terminal, hours: list[datetime], received: datetime
) -> set[tuple[datetime, str, str]]:
    """The terminal's rows of these hours that were stored at `received`."""
    found = connection.execute(
        select(usage_counts.c.period_start, usage_counts.c.metric, usage_counts.c.key).where(
            usage_counts.c.terminal == terminal.id,
            usage_counts.c.period_start.in_(hours),
            usage_counts.c.received_at == received,
        )
    )
    return {tuple(row) for row in found}


def _bind(connection: Connection, column) -> Callable[[Any], Any]:
    """What the driver takes for a value of `column` (SQLite keeps times as text)."""
    process = column.type.dialect_impl(connection.dialect).bind_processor(connection.dialect)
    return process or (lambda value: value)


_COLUMNS = ("terminal", "period_start", "metric", "key", "count", "received_at")


@functools.cache
def _usage_insert(dialect: Dialect) -> tuple[str, bool]:
    """The insert-or-ignore of usage rows as this database's SQL, compiled once by SQLAlchemy; and whether it
    takes the rows as tuples in `_COLUMNS` order (else as mappings)."""
    insert = (postgresql if dialect.name == "postgresql" else sqlite).insert(usage_counts)
    statement = insert.on_conflict_do_nothing(index_elements=["terminal", "period_start", "metric", "key"])
    compiled = statement.compile(dialect=dialect, column_keys=list(_COLUMNS))
    if compiled.positional and tuple(compiled.positiontup) != _COLUMNS:
        raise RuntimeError(f"unexpected parameter order: {compiled.positiontup}")
    return compiled.string, compiled.positional


def store_heartbeat(connection: Connection, terminal: Terminal, beat: Heartbeat) -> None:
    values = beat.model_dump() | {"received_at": now_utc()}
    statement = dialect_insert(connection, heartbeats).values(terminal=terminal.id, **values)
    connection.execute(statement.on_conflict_do_update(index_elements=["terminal"], set_=values))


def count_request(connection: Connection, terminal: Terminal, minute: int) -> int:
    """Counts one request of `terminal` in `minute`; returns how many it has made in that minute."""
    statement = dialect_insert(connection, request_counts).values(
        terminal=terminal.id, minute=minute, requests=1
    )
    statement = statement.on_conflict_do_update(
        index_elements=["terminal", "minute"], set_={"requests": request_counts.c.requests + 1}
    ).returning(request_counts.c.requests)
    return connection.execute(statement).scalar_one()


def forget_old_request_counts(connection: Connection, before_minute: int) -> None:
    connection.execute(request_counts.delete().where(request_counts.c.minute < before_minute))
