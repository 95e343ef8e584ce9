"""Help calls on the hub: a terminal's call stored once however often it is sent, read back by its terminal,
and moved forward (seen, coming, done, cancelled) by the rules of kiosk/advisor/call_states.py, each move
dated — by its terminal (`move`: only its own calls) or by an advisor on the board (`move_for_advisor`: only
calls of the sites they serve). "Libérer la borne": an advisor asks (`ask_release`), the terminal ends the
visitor's session and says so (`released`). Every change is announced in its own transaction
(`announce`), so that every hub process's board listener hears of it once it is committed."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import Connection, delete, insert, or_, select, text, update

from kiosk.advisor.call_states import ENDED, MoveRefused, moved
from kiosk.hub.ingest import dialect_insert
from kiosk.hub.schemas import HelpCall
from kiosk.hub.tables import help_call_changes, help_calls, terminals
from kiosk.hub.terminals import Terminal

_DATED = {"seen": "seen_at", "coming": "coming_at", "done": "ended_at", "cancelled": "ended_at"}
OPEN = ("sent", "seen", "coming")
RECENT = timedelta(minutes=10)  # how long the board keeps showing an ended call
CHANNEL = "ilot_help_calls"  # PostgreSQL's NOTIFY channel; the payload is the call's hub id
CHANGES_KEPT = timedelta(hours=1)  # SQLite's changes log: far longer than any listener's poll


class NotYourSite(PermissionError):
    """The call is of a site the advisor does not serve."""


@dataclass(frozen=True)
class StoredCall:
    call_id: str
    ticket: str
    state: str
    release: bool = False  # an advisor asked the terminal to end the visitor's session, not yet done


@dataclass(frozen=True)
class BoardCall:
    """A call as the board and the long poll see it."""

    id: int  # the hub's id
    call_id: str
    ticket: str
    topic: str | None
    state: str
    site_id: str
    terminal_id: str
    created_at: datetime
    seen_at: datetime | None
    coming_at: datetime | None
    ended_at: datetime | None
    release_asked_at: datetime | None
    released_at: datetime | None

    @property
    def release(self) -> bool:
        return self.release_asked_at is not None and self.released_at is None

    def stored(self) -> StoredCall:
        return StoredCall(self.call_id, self.ticket, self.state, self.release)


_VIEW = select(
    help_calls.c.id,
    help_calls.c.call_id,
    help_calls.c.ticket,
    help_calls.c.topic,
    help_calls.c.state,
    terminals.c.site_id,
    terminals.c.terminal_id,
    help_calls.c.created_at,
    help_calls.c.seen_at,
    help_calls.c.coming_at,
    help_calls.c.ended_at,
    help_calls.c.release_asked_at,
    help_calls.c.released_at,
).join(terminals, terminals.c.id == help_calls.c.terminal)


def announce(connection: Connection, call: int, now: datetime) -> None:
    """Tells every hub process's listener that call `call` changed, once this transaction commits:
    PostgreSQL's NOTIFY, or a row of SQLite's changes log (pruned now and then)."""
    if connection.dialect.name == "postgresql":
        connection.execute(text("SELECT pg_notify(:channel, :call)"), {"channel": CHANNEL, "call": str(call)})
        return
    change = connection.execute(
        insert(help_call_changes).values(call=call, at=now).returning(help_call_changes.c.id)
    ).scalar_one()
    if change % 200 == 0:
        connection.execute(delete(help_call_changes).where(help_call_changes.c.at < now - CHANGES_KEPT))


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
    inserted = connection.execute(
        statement.on_conflict_do_nothing(index_elements=["terminal", "call_id"]).returning(help_calls.c.id)
    ).scalar_one_or_none()
    if inserted is not None:
        announce(connection, inserted, now)
    return find(connection, terminal, str(call.call_id))


def find(connection: Connection, terminal: Terminal, call_id: str) -> StoredCall | None:
    view = find_view(connection, terminal, call_id)
    return view.stored() if view else None


def find_view(connection: Connection, terminal: Terminal, call_id: str) -> BoardCall | None:
    row = connection.execute(
        _VIEW.where(help_calls.c.terminal == terminal.id, help_calls.c.call_id == call_id)
    ).first()
    return BoardCall(*row) if row else None


def by_ids(connection: Connection, ids: Iterable[int]) -> list[BoardCall]:
    """The calls of these hub ids, as the board sees them (the listeners' one read for many changes)."""
    wanted = sorted(set(ids))
    if not wanted:
        return []
    return [BoardCall(*row) for row in connection.execute(_VIEW.where(help_calls.c.id.in_(wanted)))]


def board_calls(
    connection: Connection, sites: frozenset[str] | None, now: datetime, *, newest_first: bool = False
) -> list[BoardCall]:
    """The open calls of `sites` (None: every site) and those ended in the last 10 minutes, oldest first
    (they waited longest) unless `newest_first`."""
    query = _VIEW.where(or_(help_calls.c.state.in_(OPEN), help_calls.c.ended_at >= now - RECENT))
    if sites is not None:
        query = query.where(terminals.c.site_id.in_(sorted(sites)))
    if newest_first:
        query = query.order_by(help_calls.c.created_at.desc(), help_calls.c.id.desc())
    else:
        query = query.order_by(help_calls.c.created_at, help_calls.c.id)
    return [BoardCall(*row) for row in connection.execute(query)]


def open_calls_of_site(connection: Connection, site_id: str) -> list[BoardCall]:
    """The open calls of one site, oldest first: what an advisor at one of its terminals may see."""
    query = _VIEW.where(help_calls.c.state.in_(OPEN), terminals.c.site_id == site_id).order_by(
        help_calls.c.created_at, help_calls.c.id
    )
    return [BoardCall(*row) for row in connection.execute(query)]


def move(
    connection: Connection, terminal: Terminal, call_id: str, wanted: str, now: datetime
) -> StoredCall | None:
    """Moves the call to `wanted` (MoveRefused when it cannot go there); None for a call this terminal never
    sent. The row is locked while it moves, so two moves at once apply one after the other."""
    row = connection.execute(
        select(help_calls.c.id)
        .where(help_calls.c.terminal == terminal.id, help_calls.c.call_id == call_id)
        .with_for_update()
    ).first()
    if row is None:
        return None
    _move(connection, row.id, wanted, now)
    return find(connection, terminal, call_id)


def move_for_advisor(
    connection: Connection, sites: frozenset[str] | None, call: int, wanted: str, now: datetime
) -> BoardCall | None:
    """An advisor serving `sites` (None: every site) moves call `call` (a hub id) to `wanted`: None for no
    such call, NotYourSite for a call of another site, MoveRefused for a move backwards or out of an ended
    call. Run it in `database.immediate(engine)`: on SQLite that takes the write lock before the read, and on
    PostgreSQL the row is locked, so two moves at once apply one after the other."""
    view = _locked_view(connection, call)
    if view is None:
        return None
    if sites is not None and view.site_id not in sites:
        raise NotYourSite(f"the call is of {view.site_id}")
    _move(connection, call, wanted, now)
    return by_ids(connection, [call])[0]


def ask_release(
    connection: Connection, sites: frozenset[str] | None, call: int, now: datetime
) -> BoardCall | None:
    """An advisor's "Libérer la borne": the terminal is to end the visitor's session (it learns it when
    it reads the call). Asking again changes nothing; an ended call has no session to end (MoveRefused).
    Same rules as `move_for_advisor` otherwise."""
    view = _locked_view(connection, call)
    if view is None:
        return None
    if sites is not None and view.site_id not in sites:
        raise NotYourSite(f"the call is of {view.site_id}")
    if view.release_asked_at is None:
        if view.state in ENDED:
            raise MoveRefused(f"the call is already {view.state}")
        connection.execute(update(help_calls).where(help_calls.c.id == call).values(release_asked_at=now))
        announce(connection, call, now)
    return by_ids(connection, [call])[0]


def released(connection: Connection, terminal: Terminal, call_id: str, now: datetime) -> StoredCall | None:
    """The terminal ended the visitor's session an advisor asked it to end: the time is kept, and the call
    ends — 'done' when an advisor had said "J'arrive" (they came and are dealing with it), else
    'cancelled' (the visitor is gone without help). A call already ended keeps its state. Once said,
    saying it again changes nothing. MoveRefused when no release was asked; None for a call this terminal
    never sent."""
    row = connection.execute(
        select(help_calls.c.id)
        .where(help_calls.c.terminal == terminal.id, help_calls.c.call_id == call_id)
        .with_for_update()
    ).first()
    if row is None:
        return None
    view = by_ids(connection, [row.id])[0]
    if view.release_asked_at is None:
        raise MoveRefused("no advisor asked this terminal to end the session")
    if view.released_at is None:
        values: dict[str, object] = {"released_at": now}
        if view.state not in ENDED:
            values |= {"state": "done" if view.state == "coming" else "cancelled", "ended_at": now}
        connection.execute(update(help_calls).where(help_calls.c.id == row.id).values(**values))
        announce(connection, row.id, now)
    return find(connection, terminal, call_id)


def _locked_view(connection: Connection, call: int) -> BoardCall | None:
    row = connection.execute(select(help_calls.c.id).where(help_calls.c.id == call).with_for_update()).first()
    return by_ids(connection, [call])[0] if row else None


def _move(connection: Connection, call: int, wanted: str, now: datetime) -> None:
    state = connection.execute(select(help_calls.c.state).where(help_calls.c.id == call)).scalar_one()
    new_state = moved(state, wanted)
    if new_state != state:
        values = {"state": new_state, _DATED[new_state]: now}
        connection.execute(update(help_calls).where(help_calls.c.id == call).values(**values))
        announce(connection, call, now)
