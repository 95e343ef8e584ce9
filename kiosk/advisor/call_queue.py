"""The help calls a terminal owes the hub, in the kiosk database (table `help_calls`, schema v4): a call is
kept from the visitor's touch on "Appeler" until the hub knows how it ended, so that neither a network cut
nor a restart loses it. Its `call_id` (uuid4) is chosen here, before its first send: a resend is the same
call, and the hub stores it once.

- `open_call` gives the day's next ticket and keeps the call, state "new" until the hub has it;
- `owed` is what the courier (kiosk/advisor/courier.py) must still tell the hub, oldest first;
- `note_state` keeps what the hub said; an ended state (done, cancelled) ends what is owed;
- `want_end` asks for a call's end: "cancel" (the visitor cancelled, or their session ended with the call
  open) or "released" (an advisor freed the terminal from the board and the session has ended);
- `abandon_open` runs at start: a call left open by a kiosk that stopped belongs to a session that is over.

Nothing here says who called: a ticket, a topic chip and times. Functions take the sqlite-utils Database:
call them on the store's thread. Pure: no Qt."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from typing import TYPE_CHECKING, Literal

from kiosk.advisor.call_states import ENDED
from kiosk.advisor.tickets import PARIS, Ticket, next_ticket

if TYPE_CHECKING:
    from zoneinfo import ZoneInfo

    from sqlite_utils import Database

NEW = "new"  # kept here, not yet on the hub
End = Literal["cancel", "released"]
KEPT_FOR = 24 * 3600.0  # seconds an ended call stays in the table (nothing personal in it)


@dataclass(frozen=True)
class Call:
    call_id: str
    ticket: str
    topic: str | None
    created_at: float
    state: str  # NEW, or the hub's: sent, seen, coming, done, cancelled
    end_wanted: End | None = None

    @property
    def delivered(self) -> bool:
        return self.state != NEW


def take_ticket(db: Database, now: float, zone: ZoneInfo = PARIS) -> Ticket:
    """The day's next ticket, kept as the last given (also for a visitor sent to the counter)."""
    with db.atomic():
        row = db.execute("SELECT day, last FROM help_tickets ORDER BY day DESC LIMIT 1").fetchone()
        ticket = next_ticket(Ticket(row[0], row[1]) if row else None, now, zone=zone)
        db.execute(
            "INSERT INTO help_tickets (day, last) VALUES (?, ?) "
            "ON CONFLICT (day) DO UPDATE SET last = excluded.last",
            (ticket.day, ticket.number),
        )
        db.execute("DELETE FROM help_tickets WHERE day < ?", (ticket.day,))
    return ticket


def open_call(db: Database, topic: str | None, now: float, zone: ZoneInfo = PARIS) -> Call:
    """A new call with the day's next ticket, kept until the hub has heard all it is owed of it."""
    with db.atomic():
        ticket = take_ticket(db, now, zone)
        call = Call(str(uuid.uuid4()), ticket.text, topic, now, NEW)
        db.execute(
            "INSERT INTO help_calls (call_id, ticket, topic, created_at, state) VALUES (?, ?, ?, ?, ?)",
            (call.call_id, call.ticket, call.topic, call.created_at, call.state),
        )
        db.execute("DELETE FROM help_calls WHERE ended_at < ?", (now - KEPT_FOR,))
    return call


def owed(db: Database) -> list[Call]:
    """The calls whose end the hub does not know yet, oldest first."""
    rows = db.execute(
        "SELECT call_id, ticket, topic, created_at, state, end_wanted FROM help_calls "
        "WHERE ended_at IS NULL ORDER BY created_at"
    ).fetchall()
    return [Call(*row) for row in rows]


def find(db: Database, call_id: str) -> Call | None:
    row = db.execute(
        "SELECT call_id, ticket, topic, created_at, state, end_wanted FROM help_calls WHERE call_id = ?",
        (call_id,),
    ).fetchone()
    return Call(*row) if row else None


def note_state(db: Database, call_id: str, state: str, now: float) -> None:
    """What the hub says of the call; done or cancelled ends what the terminal owes."""
    with db.atomic():
        db.execute(
            "UPDATE help_calls SET state = ?, ended_at = CASE WHEN ? THEN ? ELSE ended_at END "
            "WHERE call_id = ?",
            (state, state in ENDED, now, call_id),
        )


def forget_undelivered(db: Database, call_id: str, now: float) -> None:
    """The call ends before the hub ever had it (it answered 404 to its end): nothing more is owed."""
    with db.atomic():
        db.execute("UPDATE help_calls SET ended_at = ? WHERE call_id = ?", (now, call_id))


def want_end(db: Database, call_id: str, end: End) -> None:
    with db.atomic():
        db.execute(
            "UPDATE help_calls SET end_wanted = ? WHERE call_id = ? AND ended_at IS NULL", (end, call_id)
        )


def abandon_open(db: Database) -> int:
    """Every call still open is to be cancelled (the kiosk starts: their sessions are over); how many."""
    with db.atomic():
        return db.execute(
            "UPDATE help_calls SET end_wanted = 'cancel' WHERE ended_at IS NULL AND end_wanted IS NULL"
        ).rowcount
