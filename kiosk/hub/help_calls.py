"""Help calls on the hub: a terminal's call stored once however often it is sent, read back by its terminal,
and moved forward (seen, coming, done, cancelled) by the rules of kiosk/advisor/call_states.py, each move
dated. A terminal reaches only its own calls."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import Connection, select, update

from kiosk.advisor.call_states import moved
from kiosk.hub.ingest import dialect_insert
from kiosk.hub.schemas import HelpCall
from kiosk.hub.tables import help_calls
from kiosk.hub.terminals import Terminal

_DATED = {"seen": "seen_at", "coming": "coming_at", "done": "ended_at", "cancelled": "ended_at"}


@dataclass(frozen=True)
class StoredCall:
    call_id: str
    ticket: str
    state: str


def receive(connection: Connection, terminal: Terminal, call: HelpCall, now: datetime) -> StoredCall:
    """Stores the call unless this terminal sent it before; the call as the hub now has it."""
    statement = dialect_insert(connection, help_calls).values(
        terminal=terminal.id,
        call_id=str(call.call_id),
        ticket=call.ticket,
        topic=call.topic,
        state="sent",
        created_at=now,
    )
    connection.execute(statement.on_conflict_do_nothing(index_elements=["terminal", "call_id"]))
    return find(connection, terminal, str(call.call_id))


def find(connection: Connection, terminal: Terminal, call_id: str) -> StoredCall | None:
    row = connection.execute(
        select(help_calls.c.call_id, help_calls.c.ticket, help_calls.c.state).where(
            help_calls.c.terminal == terminal.id, help_calls.c.call_id == call_id
        )
    ).first()
    return StoredCall(*row) if row else None


def move(
    connection: Connection, terminal: Terminal, call_id: str, wanted: str, now: datetime
) -> StoredCall | None:
    """Moves the call to `wanted` (MoveRefused when it cannot go there); None for a call this terminal never
    sent. The row is locked while it moves, so two moves at once apply one after the other."""
    row = connection.execute(
        select(help_calls.c.id, help_calls.c.state)
        .where(help_calls.c.terminal == terminal.id, help_calls.c.call_id == call_id)
        .with_for_update()
    ).first()
    if row is None:
        return None
    state = moved(row.state, wanted)
    if state != row.state:
        values = {"state": state, _DATED[state]: now}
        connection.execute(update(help_calls).where(help_calls.c.id == row.id).values(**values))
    return find(connection, terminal, call_id)
