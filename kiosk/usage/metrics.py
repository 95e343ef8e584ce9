"""The fixed list of usage metrics and the keys each one accepts (DESIGN.md, "Privacy model for usage data").

A metric counts something; its key says which one (a bucket, an outcome, a code), never who or what was
typed. A metric's keys are either a fixed set here, or a *dynamic* set named here and given at run time
from the running config (the shortcut ids). Adding a metric or a key is a code change, reviewed like one.
"""

from __future__ import annotations

from dataclasses import dataclass

from kiosk.languages import LANGUAGES

SHORTCUT = "shortcut"  # dynamic key set: the shortcut ids of the running config
DYNAMIC_KEY_SETS = frozenset({SHORTCUT})


@dataclass(frozen=True)
class Metric:
    name: str
    keys: frozenset[str] | None  # the allowed keys, or None when `dynamic` names them
    dynamic: str | None  # name of a key set given at run time (see DYNAMIC_KEY_SETS)
    description: str


# (upper bound in seconds, exclusive; key). Past the last bound: ">60min".
_DURATION_BUCKETS = (
    (60, "<1min"),
    (5 * 60, "1-5min"),
    (15 * 60, "5-15min"),
    (30 * 60, "15-30min"),
    (60 * 60, "30-60min"),
)
DURATION_BUCKETS = frozenset({key for _, key in _DURATION_BUCKETS} | {">60min"})


def duration_bucket(seconds: float) -> str:
    """The `session_duration` key for a session of `seconds` (negative counts as under a minute)."""
    for bound, key in _DURATION_BUCKETS:
        if seconds < bound:
            return key
    return ">60min"


DIAGNOSTIC_AREAS = range(1, 8)
DIAGNOSTIC_LEVELS = ("a_decouvrir", "avec_aide", "autonome")
DIAGNOSTIC_GROUPS = frozenset({"debutant", "intermediaire", "avance"})
ERROR_CODES = frozenset({"config_invalid", "store_corrupt", "display_missing", "diagnostic_content"})


def _fixed(name: str, keys: set[str] | frozenset[str], description: str) -> Metric:
    return Metric(name, frozenset(keys), None, description)


def _dynamic(name: str, key_set: str, description: str) -> Metric:
    return Metric(name, None, key_set, description)


METRICS: dict[str, Metric] = {
    m.name: m
    for m in (
        _fixed("session_started", {""}, "a visitor started a session"),
        _fixed("session_duration", DURATION_BUCKETS, "how long a session lasted, by bucket"),
        _dynamic("shortcut_opened", SHORTCUT, "a public-service shortcut was opened"),
        _dynamic("navigation_blocked", SHORTCUT, "a page outside the allow-list was refused, by shortcut"),
        _fixed(
            "diagnostic_level",
            {f"{area}:{level}" for area in DIAGNOSTIC_AREAS for level in DIAGNOSTIC_LEVELS},
            "level reached in a diagnostic area, as area:level",
        ),
        _fixed("diagnostic_completed", DIAGNOSTIC_GROUPS, "a diagnostic reached its result, by group"),
        _fixed("pages_scanned", {""}, "pages scanned"),
        _fixed("pages_printed", {""}, "pages printed"),
        _fixed(
            "help_call",
            {"answered", "cancelled", "unanswered", "undelivered", "counter"},
            "outcome of a help call: an advisor came, the visitor cancelled, the session ended before an "
            "advisor came or before the hub had the call, or the visitor was sent to the counter",
        ),
        _fixed(
            "help_call_wait",
            {f"{step}:{bucket}" for step in ("seen", "coming") for bucket in DURATION_BUCKETS},
            "time from a help call to an advisor seeing it, and to an advisor coming, as step:bucket",
        ),
        _fixed("error", ERROR_CODES, "an error the kiosk met, by code"),
        _fixed("language", frozenset(LANGUAGES), "interface language chosen (those the config accepts)"),
        _fixed("accessibility", {"read_aloud", "zoom", "high_contrast"}, "accessibility feature used"),
        _fixed(
            "session_ended",
            {"button", "idle", "shutdown", "advisor"},
            "how a session ended (advisor: freed from the advisors' board)",
        ),
        _fixed(
            "usage_lost",
            {"refused", "evicted"},
            "counter rows never delivered: refused by the hub for good, or evicted from a full outbox",
        ),
    )
}
