"""What the assisted mode's status page says about the link to the hub, read from the kiosk database as
`kiosk check` reads it (kiosk/usage/hub_check.py): the rows waiting to be sent, the last successful sync, the
last error or a pause, and the last heartbeat delivered. Codes and times only: the screen makes the words.
`hub_facts` runs on the store's thread. Pure: no Qt."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING

from kiosk.usage import outbox
from kiosk.usage.heartbeat import BEAT_DELIVERED, BEAT_FAILED
from kiosk.usage.sync import sync_state

if TYPE_CHECKING:
    from sqlite_utils import Database


@dataclass(frozen=True)
class HubFacts:
    configured: bool  # the site has a hub_url
    waiting_rows: int = 0
    last_success: datetime | None = None
    last_beat: datetime | None = None
    paused: bool = False  # sending stopped until a technician acts (kiosk check says why)
    failing: bool = False  # the last try failed after the last success; the kiosk tries again by itself
    beat_failing: bool = False  # the last heartbeat was not delivered (with nothing to send, no try fails)


def hub_facts(db: Database, configured: bool) -> HubFacts:
    if not configured:
        return HubFacts(False)
    state = sync_state(db)
    success = state.get("last_success")
    return HubFacts(
        True,
        waiting_rows=outbox.backlog(db).rows,
        last_success=_time(success),
        last_beat=_time(state.get(BEAT_DELIVERED)),
        paused="paused" in state,
        failing=_later(state.get("last_error"), success),
        beat_failing=_later(state.get(BEAT_FAILED), state.get(BEAT_DELIVERED)),
    )


def _later(failure: tuple[str, str] | None, success: tuple[str, str] | None) -> bool:
    return failure is not None and (success is None or failure[1] > success[1])


def _time(entry: tuple[str, str] | None) -> datetime | None:
    if entry is None:
        return None
    try:
        return datetime.fromisoformat(entry[1])
    except ValueError:
        return None
