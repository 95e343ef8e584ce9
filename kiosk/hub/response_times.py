"""How quickly help calls were answered (pure: rows in, figures out; no database, no web).

From each call's times on the hub: how many calls, how they ended (done, cancelled, still open), and the
minutes from the call to "seen" and to "J'arrive" (coming), as the median and the 90th percentile, over all
calls, by site and by the hour of the day (Paris time) the call was made. These are computed here rather
than in SQL: SQLite has neither percentiles nor time zones, and the same figures must come out of both
databases. A call moved straight to "coming" was seen then.
"""

from __future__ import annotations

import statistics
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, datetime
from zoneinfo import ZoneInfo

PARIS = ZoneInfo("Europe/Paris")
OPEN_STATES = frozenset({"sent", "seen", "coming"})


@dataclass(frozen=True)
class Call:
    """One help call as the hub keeps it: UTC times without a zone."""

    site: str
    created_at: datetime
    seen_at: datetime | None
    coming_at: datetime | None
    state: str


@dataclass(frozen=True)
class Summary:
    calls: int
    done: int
    cancelled: int
    still_open: int
    to_seen: tuple[float, ...]  # minutes from the call to "seen", one per call seen, in order
    to_coming: tuple[float, ...]  # minutes from the call to "J'arrive", one per call an advisor came to


def _minutes(start: datetime, end: datetime | None) -> float | None:
    if end is None:
        return None
    return max(0.0, (end - start).total_seconds() / 60)


def summarize(calls: Iterable[Call]) -> Summary:
    calls = list(calls)
    seen = [_minutes(c.created_at, c.seen_at or c.coming_at) for c in calls]
    coming = [_minutes(c.created_at, c.coming_at) for c in calls]
    return Summary(
        calls=len(calls),
        done=sum(c.state == "done" for c in calls),
        cancelled=sum(c.state == "cancelled" for c in calls),
        still_open=sum(c.state in OPEN_STATES for c in calls),
        to_seen=tuple(sorted(m for m in seen if m is not None)),
        to_coming=tuple(sorted(m for m in coming if m is not None)),
    )


def by_site(calls: Iterable[Call]) -> dict[str, Summary]:
    """Each site's summary, sites in alphabetical order."""
    sites: dict[str, list[Call]] = {}
    for call in calls:
        sites.setdefault(call.site, []).append(call)
    return {site: summarize(sites[site]) for site in sorted(sites)}


def paris_hour(utc: datetime) -> int:
    return utc.replace(tzinfo=UTC).astimezone(PARIS).hour


def by_hour(calls: Iterable[Call]) -> dict[int, Summary]:
    """The summary of the calls made in each hour of the day (Paris time), from the first such hour to the
    last (the hours between with no call included)."""
    hours: dict[int, list[Call]] = {}
    for call in calls:
        hours.setdefault(paris_hour(call.created_at), []).append(call)
    if not hours:
        return {}
    return {h: summarize(hours.get(h, [])) for h in range(min(hours), max(hours) + 1)}


def median(values: tuple[float, ...]) -> float | None:
    return statistics.median(values) if values else None


def percentile_90(values: tuple[float, ...]) -> float | None:
    """The 90th percentile, interpolated between the two nearest values (as PostgreSQL's percentile_cont)."""
    if not values:
        return None
    if len(values) == 1:
        return values[0]
    return statistics.quantiles(values, n=10, method="inclusive")[8]
