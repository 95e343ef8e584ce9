"""When an advisor is on duty, from the site's `advisor_schedule`: whether one is now, and the next time one
will be, said in plain French for a visitor ("demain de 9 h à 12 h"; the slot's `place` says where, when not
here). Pure: the time is given; days and hours are the site's (Paris unless told)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime, time, timedelta
from zoneinfo import ZoneInfo

from kiosk.advisor.tickets import PARIS
from kiosk.config.schema import DAYS, AdvisorSlot

MONTHS = (
    "janvier", "février", "mars", "avril", "mai", "juin",
    "juillet", "août", "septembre", "octobre", "novembre", "décembre",
)  # fmt: skip


@dataclass(frozen=True)
class Upcoming:
    starts: datetime  # in the site's zone
    slot: AdvisorSlot


def on_duty(schedule: Sequence[AdvisorSlot], now: float, zone: ZoneInfo = PARIS) -> AdvisorSlot | None:
    """The slot an advisor is on duty in at `now`, at this post office (not a permanence elsewhere)."""
    local = datetime.fromtimestamp(now, zone)
    clock = local.strftime("%H:%M")
    for slot in schedule:
        if not slot.place and slot.day == DAYS[local.weekday()] and slot.start <= clock < slot.end:
            return slot
    return None


def next_permanence(schedule: Sequence[AdvisorSlot], now: float, zone: ZoneInfo = PARIS) -> Upcoming | None:
    """The first slot that starts after `now`, within the coming week (here or elsewhere); None if none."""
    local = datetime.fromtimestamp(now, zone)
    found = []
    for slot in schedule:
        hours, minutes = (int(part) for part in slot.start.split(":"))
        days_ahead = (DAYS.index(slot.day) - local.weekday()) % 7
        for ahead in (days_ahead, days_ahead + 7):
            day = local.date() + timedelta(days=ahead)
            starts = datetime.combine(day, time(hours, minutes), zone)
            if starts > local:
                found.append(Upcoming(starts, slot))
                break
    return min(found, key=lambda upcoming: upcoming.starts, default=None)


def said(upcoming: Upcoming, now: float, zone: ZoneInfo = PARIS) -> str:
    """ "aujourd'hui de 14 h à 17 h", "demain de 9 h à 12 h", "mardi 9 décembre de 9 h à 12 h", and where,
    when not here."""
    today = datetime.fromtimestamp(now, zone).date()
    day = upcoming.starts.date()
    if day == today:
        when = "aujourd'hui"
    elif day == today + timedelta(days=1):
        when = "demain"
    else:
        when = f"{DAYS[day.weekday()]} {day.day} {MONTHS[day.month - 1]}"
    return f"{when} de {_hour(upcoming.slot.start)} à {_hour(upcoming.slot.end)}"


def _hour(clock: str) -> str:
    hours, minutes = clock.split(":")
    return f"{int(hours)} h" if minutes == "00" else f"{int(hours)} h {minutes}"
