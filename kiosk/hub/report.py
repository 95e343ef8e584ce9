"""The statistics page's tables, built from the queries' sums (pure: no database, no web). Every count a
table holds is already masked: under `SMALL`, or able to reveal one under `SMALL` from a total the page shows
(kiosk.hub.suppression), it is None, shown as "masqué" in the page and the CSV and as a gap in the chart,
so no output can show a small number by mistake."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from functools import cache

import yaml

from kiosk import resources
from kiosk.hub import response_times
from kiosk.hub.response_times import Call, Summary
from kiosk.hub.stats import MONTHS, Period, paris_time
from kiosk.hub.suppression import SMALL, hidden_cells
from kiosk.usage.metrics import DIAGNOSTIC_AREAS, DIAGNOSTIC_LEVELS

HIDDEN = "masqué"  # not "< 5": a cell hidden so that another cannot be worked out may hold more


class Minutes(float):
    """A duration in minutes, shown with one decimal and a French comma ("2,5"), as a spreadsheet in French
    reads a number; the charts draw it as the number it is."""

    def __str__(self) -> str:
        return f"{self:.1f}".replace(".", ",")


Cell = str | int | Minutes | None  # text, a count, a duration, or a hidden figure


def mask(count: int) -> int | None:
    return None if count < SMALL else count


def masked(rows: list[list[Cell]], counts_from: int = 1, by_row: bool = False) -> list[list[Cell]]:
    """`rows` with their counts (from column `counts_from`) hidden where small or revealing: each count
    column's sum is known (a headline total, or another table's), and with `by_row` each row's too."""
    counts = {(r, c): v for r, row in enumerate(rows) for c, v in enumerate(row) if c >= counts_from}
    columns = range(counts_from, max((len(row) for row in rows), default=0))
    groups = [[(r, c) for r in range(len(rows))] for c in columns]
    if by_row:
        groups += [[(r, c) for c in columns] for r in range(len(rows))]
    hide = hidden_cells(counts, groups)
    return [[None if (r, c) in hide else v for c, v in enumerate(row)] for r, row in enumerate(rows)]


@dataclass(frozen=True)
class Table:
    slug: str  # its CSV's name
    title: str
    columns: list[str]  # the first names the rows, the others hold counts
    rows: list[list[Cell]]
    chart: str | None = "bar"  # "bar", "hbar", "stacked" or None
    note: str = ""
    counts_from: int = 1  # the first column that holds counts
    plotted: tuple[int, ...] | None = None  # the columns its chart draws; None: every count column

    def series(self) -> list[tuple[str, list[int | None]]]:
        """The count columns (or the plotted ones), each as (name, values), for a chart."""
        return [
            (name, [row[i] for row in self.rows])
            for i, name in enumerate(self.columns)
            if (i in self.plotted if self.plotted is not None else i >= self.counts_from)
        ]

    def empty(self) -> bool:
        return not self.rows


@dataclass(frozen=True)
class Report:
    period: Period
    headline: list[tuple[str, int | None]]
    tables: list[Table] = field(default_factory=list)

    def table(self, slug: str) -> Table:
        return next(t for t in self.tables if t.slug == slug)


DAYS = ("lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche")
DURATIONS = (
    ("<1min", "Moins d'une minute"),
    ("1-5min", "1 à 5 minutes"),
    ("5-15min", "5 à 15 minutes"),
    ("15-30min", "15 à 30 minutes"),
    ("30-60min", "30 minutes à 1 heure"),
    (">60min", "Plus d'une heure"),
)
GROUPS = (("debutant", "Débutant"), ("intermediaire", "Intermédiaire"), ("avance", "Avancé"))
LEVELS = {"a_decouvrir": "À découvrir", "avec_aide": "Avec de l'aide", "autonome": "Autonome"}
LANGUAGE_NAMES = {"fr": "Français", "en": "Anglais", "ar": "Arabe", "es": "Espagnol", "pt": "Portugais"}
ACCESSIBILITY = {
    "read_aloud": "Lecture à voix haute",
    "zoom": "Texte agrandi",
    "high_contrast": "Fort contraste",
}
HELP_CALLS = {"answered": "Un conseiller est venu", "cancelled": "Annulé", "unanswered": "Sans réponse"}

# The counts each terminal's row sums (every key of the metric).
TERMINAL_METRICS = ("session_started", "shortcut_opened", "pages_printed", "pages_scanned")
TIMED_METRICS = ("session_started", "pages_printed", "pages_scanned")


@cache
def shortcut_names() -> dict[str, str]:
    """Shortcut id → its name in the bundled shortcuts.yaml (a site's own shortcuts show their id)."""
    try:
        data = yaml.safe_load(resources.bundled_shortcuts().read_text(encoding="utf-8"))
        return {s["id"]: s["label"] for s in data.get("shortcuts", [])}
    except (OSError, KeyError, TypeError, yaml.YAMLError):
        return {}


@cache
def area_names() -> dict[int, str]:
    """Diagnostic area number → its name in the bundled content (its order there)."""
    try:
        content = resources.resource_path("assets", "diagnostic", "contenu.yaml").read_text(encoding="utf-8")
        return {i: a["name"] for i, a in enumerate(yaml.safe_load(content)["areas"], start=1)}
    except (OSError, KeyError, TypeError, yaml.YAMLError):
        return {}


def build(
    period: Period,
    totals: Counter[tuple[str, str]],
    hourly: list[tuple[datetime, str, int]],
    per_terminal: Counter[tuple[str, str, str]],
    calls: Sequence[Call] = (),
) -> Report:
    """The whole report of a period, from `stats.totals`, `stats.hourly`, `stats.by_terminal` and
    `stats.help_calls`."""

    def metric(name: str) -> Counter[str]:
        return Counter({k: n for (m, k), n in totals.items() if m == name})

    def keyed(name: str, names: dict[str, str] | None = None) -> list[list[Cell]]:
        counts = metric(name)
        ordered = sorted(counts.items(), key=lambda item: (-item[1], item[0]))
        return masked([[(names or {}).get(key, key), n] for key, n in ordered])

    def total(name: str) -> int | None:
        return mask(sum(metric(name).values()))

    local = [(paris_time(hour), m, n) for hour, m, n in hourly]
    visits = [(t, n) for t, m, n in local if m == "session_started"]

    tables = [
        _over_time(period, local),
        *_sites_and_terminals(per_terminal),
        Table(
            "services",
            "Services ouverts",
            ["Service", "Ouvertures"],
            keyed("shortcut_opened", shortcut_names()),
            "hbar",
        ),
        Table(
            "durees",
            "Durée des visites",
            ["Durée", "Visites"],
            masked([[label, metric("session_duration")[key]] for key, label in DURATIONS]),
        ),
        Table(
            "heures",
            "Heures des visites",
            ["Heure", "Visites"],
            masked([[f"{h} h", sum(n for t, n in visits if t.hour == h)] for h in range(24)]),
            note="Heure de Paris.",
        ),
        Table(
            "jours",
            "Jours des visites",
            ["Jour", "Visites"],
            masked(
                [[d.capitalize(), sum(n for t, n in visits if t.weekday() == i)] for i, d in enumerate(DAYS)]
            ),
        ),
        Table(
            "diagnostic-groupes",
            "Diagnostics terminés, par groupe",
            ["Groupe", "Diagnostics"],
            masked([[label, metric("diagnostic_completed")[key]] for key, label in GROUPS]),
        ),
        _levels(metric("diagnostic_level")),
        Table(
            "navigations-bloquees",
            "Pages refusées, par service",
            ["Service", "Pages refusées"],
            keyed("navigation_blocked", shortcut_names()),
            "hbar",
            note="Une page refusée est hors de la liste des sites permis.",
        ),
        Table("langues", "Langues choisies", ["Langue", "Choix"], keyed("language", LANGUAGE_NAMES), "hbar"),
        Table(
            "accessibilite",
            "Aides à la lecture utilisées",
            ["Aide", "Utilisations"],
            keyed("accessibility", ACCESSIBILITY),
            "hbar",
        ),
        Table("appels-aide", "Appels à l'aide", ["Issue", "Appels"], keyed("help_call", HELP_CALLS), "hbar"),
        *_response_times(calls),
    ]
    headline = [
        ("Visites", total("session_started")),
        ("Services ouverts", total("shortcut_opened")),
        ("Pages imprimées", total("pages_printed")),
        ("Pages scannées", total("pages_scanned")),
        ("Diagnostics terminés", total("diagnostic_completed")),
    ]
    return Report(period, headline, tables)


def _over_time(period: Period, local: list[tuple[datetime, str, int]]) -> Table:
    by_month = period.kind == "annee"
    if by_month:
        steps = [(m, MONTHS[m - 1].capitalize()) for m in range(1, 13)]

        def step(t: datetime) -> int:
            return t.month
    else:
        days = (period.end - period.start).days
        steps = [(period.start + timedelta(days=i), "") for i in range(days)]
        steps = [(d, f"{DAYS[d.weekday()][:3]}.\u00a0{d.day}") for d, _ in steps]

        def step(t: datetime):
            return t.date()

    sums: Counter[tuple[object, str]] = Counter()
    for t, m, n in local:
        sums[(step(t), m)] += n
    return Table(
        "dans-le-temps",
        "Visites et pages, mois par mois" if by_month else "Visites et pages, jour par jour",
        ["Mois" if by_month else "Jour", "Visites", "Pages imprimées", "Pages scannées"],
        masked([[label, *(sums[(s, m)] for m in TIMED_METRICS)] for s, label in steps]),
    )


def _sites_and_terminals(per_terminal: Counter[tuple[str, str, str]]) -> tuple[Table, Table]:
    """Two tables masked together: a site's count is the sum of its terminals', so each column of each table,
    and each site's terminals with the site's own cell, are groups whose sums are known."""
    sums: Counter[tuple[str, str]] = Counter()
    for (site, _terminal, m), n in per_terminal.items():
        sums[(site, m)] += n
    sites = sorted({site for site, _ in sums})
    pairs = sorted({(site, terminal) for site, terminal, _ in per_terminal})
    counts: dict[tuple[str, int, int], int] = {}
    for r, site in enumerate(sites):
        counts.update({("site", r, c): sums[(site, m)] for c, m in enumerate(TERMINAL_METRICS)})
    for r, (site, terminal) in enumerate(pairs):
        counts.update(
            {("borne", r, c): per_terminal[(site, terminal, m)] for c, m in enumerate(TERMINAL_METRICS)}
        )
    groups = []
    for c in range(len(TERMINAL_METRICS)):
        groups.append([("site", r, c) for r in range(len(sites))])
        groups.append([("borne", r, c) for r in range(len(pairs))])
        for s, site in enumerate(sites):
            theirs = [("borne", r, c) for r, (of, _) in enumerate(pairs) if of == site]
            groups += [theirs, [("site", s, c), *theirs]]
    hide = hidden_cells(counts, groups)

    def cells(kind: str, r: int) -> list[int | None]:
        return [None if (kind, r, c) in hide else counts[(kind, r, c)] for c in range(len(TERMINAL_METRICS))]

    return (
        Table(
            "sites",
            "Par site",
            ["Site", "Visites", "Services ouverts", "Pages imprimées", "Pages scannées"],
            [[site, *cells("site", r)] for r, site in enumerate(sites)],
            "hbar",
        ),
        Table(
            "bornes",
            "Par borne",
            ["Site", "Borne", "Visites", "Services ouverts", "Pages imprimées", "Pages scannées"],
            [[s, t, *cells("borne", r)] for r, (s, t) in enumerate(pairs)],
            None,
            counts_from=2,
        ),
    )


def _levels(levels: Counter[str]) -> Table:
    names = area_names()
    return Table(
        "diagnostic-niveaux",
        "Niveaux du diagnostic, par domaine",
        ["Domaine", *LEVELS.values()],
        masked(
            [
                [
                    names.get(area, f"Domaine {area}"),
                    *(levels[f"{area}:{level}"] for level in DIAGNOSTIC_LEVELS),
                ]
                for area in DIAGNOSTIC_AREAS
            ],
            by_row=True,  # an area's levels add up to the diagnostics completed
        ),
        "stacked",
    )


CALL_COUNTS = ["Appels", "Terminés", "Annulés", "Ouverts"]
TIMES = ["Vu : médiane", "Vu : 90 %", "J'arrive : médiane", "J'arrive : 90 %"]
ALL_SITES = "Tous les sites"


def _times(summary: Summary) -> list[Minutes | None]:
    """The median and 90th percentile to "seen" and to "J'arrive", each hidden when under `SMALL` calls."""
    cells: list[Minutes | None] = []
    for values in (summary.to_seen, summary.to_coming):
        shown = len(values) >= SMALL
        for figure in (response_times.median(values), response_times.percentile_90(values)):
            cells.append(Minutes(figure) if shown and figure is not None else None)
    return cells


def _response_times(calls: Sequence[Call]) -> tuple[Table, Table]:
    """Help calls and how quickly they were answered, by site (all sites first) and by the hour of the call.
    The counts are masked together: each column's cells add up to the all-sites row, and in each row the
    calls are those done, cancelled and still open."""
    everything = response_times.summarize(calls)
    sites = response_times.by_site(calls)
    hours = response_times.by_hour(calls)

    def counts(summary: Summary) -> list[int]:
        return [summary.calls, summary.done, summary.cancelled, summary.still_open]

    cells: dict[tuple[str, int, int], int] = {}
    for c, n in enumerate(counts(everything)):
        cells[("all", 0, c)] = n
    for r, summary in enumerate(sites.values()):
        cells.update({("site", r, c): n for c, n in enumerate(counts(summary))})
    for r, summary in enumerate(hours.values()):
        cells.update({("hour", r, c): n for c, n in enumerate(counts(summary))})
    groups = []
    for c in range(len(CALL_COUNTS)):
        groups.append([("all", 0, c), *(("site", r, c) for r in range(len(sites)))])
        groups.append([("all", 0, c), *(("hour", r, c) for r in range(len(hours)))])
    for kind, rows in (("all", 1), ("site", len(sites)), ("hour", len(hours))):
        groups += [[(kind, r, c) for c in range(len(CALL_COUNTS))] for r in range(rows)]
    hide = hidden_cells(cells, groups)

    def row(kind: str, r: int, label: str, summary: Summary) -> list[Cell]:
        shown = [None if (kind, r, c) in hide else n for c, n in enumerate(counts(summary))]
        return [label, *shown, *_times(summary)]

    site_rows = [row("all", 0, ALL_SITES, everything)] if calls else []
    site_rows += [row("site", r, site, summary) for r, (site, summary) in enumerate(sites.items())]
    hour_rows = [row("hour", r, f"{hour} h", summary) for r, (hour, summary) in enumerate(hours.items())]
    note = (
        "Ouverts : ni terminés ni annulés. Minutes depuis l'appel. "
        "Médiane : la moitié des appels ont attendu moins. "
        "90 % : neuf appels sur dix ont attendu moins. "
        "« Vu » : un conseiller a lu l'appel. "
        "« J'arrive » : un conseiller a dit qu'il venait."
    )
    return (
        Table(
            "appels-sites",
            "Appels à l'aide et temps de réponse, par site",
            ["Site", *CALL_COUNTS, *TIMES],
            site_rows,
            None,
            note=note,
        ),
        Table(
            "appels-heures",
            "Temps de réponse, par heure de l'appel",
            ["Heure", *CALL_COUNTS, *TIMES],
            hour_rows,
            "bar",
            note=note + " Heure de Paris.",
            plotted=(5, 7),  # the medians to "Vu" and to "J'arrive"
        ),
    )
