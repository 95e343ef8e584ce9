"""The statistics' queries, over SQLAlchemy Core only (the same SQL on SQLite and PostgreSQL): sums of the
usage counts in a period and a scope (the sites a user may see, one site, one terminal), and the help calls
made in it. Periods are weeks (Monday first), months and years of Paris time; the counts are kept per UTC
hour, so a period's bounds are Paris midnights turned into UTC, and hours of the day and days of the week
are read in Paris time."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from sqlalchemy import Connection, func, select

from kiosk.hub.response_times import Call
from kiosk.hub.tables import help_calls as help_calls_table
from kiosk.hub.tables import terminals, usage_counts

PARIS = ZoneInfo("Europe/Paris")
KINDS = ("semaine", "mois", "annee")
MONTHS = (
    "janvier",
    "février",
    "mars",
    "avril",
    "mai",
    "juin",
    "juillet",
    "août",
    "septembre",
    "octobre",
    "novembre",
    "décembre",
)


@dataclass(frozen=True)
class Period:
    kind: str  # one of KINDS
    start: date  # its first day, in Paris
    end: date  # the day after its last

    def utc_bounds(self) -> tuple[datetime, datetime]:
        """The period as UTC hours without a zone, as usage_counts keeps them: [start, end)."""
        return _utc_midnight(self.start), _utc_midnight(self.end)

    def previous(self) -> Period:
        return period_containing(self.kind, self.start - timedelta(days=1))

    def next(self) -> Period:
        return period_containing(self.kind, self.end)

    def label(self) -> str:
        if self.kind == "annee":
            return f"Année {self.start.year}"
        if self.kind == "mois":
            return f"{MONTHS[self.start.month - 1].capitalize()} {self.start.year}"
        last = self.end - timedelta(days=1)
        return f"Semaine du {_day(self.start)} au {_day(last)}"


def _day(day: date) -> str:
    return f"{day.day} {MONTHS[day.month - 1]} {day.year}"


def _utc_midnight(day: date) -> datetime:
    return datetime.combine(day, time(), PARIS).astimezone(UTC).replace(tzinfo=None)


def period_containing(kind: str, day: date) -> Period:
    if kind == "annee":
        return Period(kind, date(day.year, 1, 1), date(day.year + 1, 1, 1))
    if kind == "mois":
        start = day.replace(day=1)
        return Period(kind, start, (start + timedelta(days=32)).replace(day=1))
    if kind == "semaine":
        start = day - timedelta(days=day.weekday())
        return Period(kind, start, start + timedelta(days=7))
    raise ValueError(f"unknown period {kind!r}")


def paris_time(utc_hour: datetime) -> datetime:
    """A stored hour (UTC, no zone) in Paris time."""
    return utc_hour.replace(tzinfo=UTC).astimezone(PARIS)


@dataclass(frozen=True)
class Scope:
    sites: frozenset[str] | None  # the sites the user may see; None: all
    site: str | None = None  # only this site
    terminal: int | None = None  # only this terminal (terminals.id)

    def conditions(self) -> list:
        where = []
        if self.sites is not None:
            where.append(terminals.c.site_id.in_(sorted(self.sites)))
        if self.site is not None:
            where.append(terminals.c.site_id == self.site)
        if self.terminal is not None:
            where.append(terminals.c.id == self.terminal)
        return where


def _counts(scope: Scope, period: Period, metrics: tuple[str, ...] | None, *columns):
    start, end = period.utc_bounds()
    statement = (
        select(*columns, func.sum(usage_counts.c.count))
        .select_from(usage_counts.join(terminals, terminals.c.id == usage_counts.c.terminal))
        .where(usage_counts.c.period_start >= start, usage_counts.c.period_start < end, *scope.conditions())
        .group_by(*columns)
    )
    if metrics is not None:
        statement = statement.where(usage_counts.c.metric.in_(metrics))
    return statement


def totals(connection: Connection, scope: Scope, period: Period) -> Counter[tuple[str, str]]:
    """(metric, key) → count over the period."""
    rows = connection.execute(_counts(scope, period, None, usage_counts.c.metric, usage_counts.c.key))
    return Counter({(metric, key): int(n) for metric, key, n in rows})


def hourly(
    connection: Connection, scope: Scope, period: Period, metrics: tuple[str, ...]
) -> list[tuple[datetime, str, int]]:
    """(UTC hour, metric, count) for these metrics, all keys summed: at most 8,784 hours a year each."""
    rows = connection.execute(
        _counts(scope, period, metrics, usage_counts.c.period_start, usage_counts.c.metric)
    )
    return [(hour, metric, int(n)) for hour, metric, n in rows]


def by_terminal(
    connection: Connection, scope: Scope, period: Period, metrics: tuple[str, ...]
) -> Counter[tuple[str, str, str]]:
    """(site, terminal, metric) → count, all keys summed."""
    rows = connection.execute(
        _counts(scope, period, metrics, terminals.c.site_id, terminals.c.terminal_id, usage_counts.c.metric)
    )
    return Counter({(site, terminal, metric): int(n) for site, terminal, metric, n in rows})


def help_calls(connection: Connection, scope: Scope, period: Period) -> list[Call]:
    """Every help call made in the period and scope, with its times: kiosk.hub.response_times sums them up
    (percentiles and Paris hours are not the same SQL on SQLite and PostgreSQL)."""
    start, end = period.utc_bounds()
    calls = help_calls_table
    rows = connection.execute(
        select(terminals.c.site_id, calls.c.created_at, calls.c.seen_at, calls.c.coming_at, calls.c.state)
        .select_from(calls.join(terminals, terminals.c.id == calls.c.terminal))
        .where(calls.c.created_at >= start, calls.c.created_at < end, *scope.conditions())
    )
    return [Call(*row) for row in rows]


def visible_terminals(connection: Connection, sites: frozenset[str] | None) -> list[tuple[int, str, str]]:
    """(id, site, terminal) of every terminal these sites hold (None: all), in order."""
    statement = select(terminals.c.id, terminals.c.site_id, terminals.c.terminal_id).order_by(
        terminals.c.site_id, terminals.c.terminal_id
    )
    if sites is not None:
        statement = statement.where(terminals.c.site_id.in_(sorted(sites)))
    return [tuple(row) for row in connection.execute(statement)]
