"""A help call's ticket: a short number for the day, "A-07", that a visitor can show at the counter. Numbers
start again at 1 each day at midnight, in the site's time (Paris unless told), whatever the clock's zone.
Pure: the last ticket given is a value the caller keeps (in the kiosk database)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from zoneinfo import ZoneInfo

PARIS = ZoneInfo("Europe/Paris")


@dataclass(frozen=True)
class Ticket:
    day: str  # the site's date, ISO: "2026-12-02"
    number: int  # from 1, each day
    letter: str = "A"

    @property
    def text(self) -> str:
        return f"{self.letter}-{self.number:02d}"


def day_of(now: float, zone: ZoneInfo = PARIS) -> str:
    return datetime.fromtimestamp(now, zone).date().isoformat()


def next_ticket(last: Ticket | None, now: float, letter: str = "A", zone: ZoneInfo = PARIS) -> Ticket:
    """The ticket after `last` (None: none given yet): the next number the same day, 1 on a new day."""
    day = day_of(now, zone)
    number = last.number + 1 if last is not None and last.day == day else 1
    return Ticket(day, number, letter)
