"""What is wrong with a printer or a print job, as a small set of codes (pure: no Qt).

CUPS describes a printer by `printer-state` (idle, processing, stopped) and `printer-state-reasons`, IPP
keywords such as `media-empty-error` or `toner-low-report`. `printer_problems` folds them into `Problem`
codes a visitor's screen can explain, each blocking (nothing will print until someone acts) or a warning
(printing goes on). Texts live on the Qt side (`messages.py`); here there are only codes.

IPP suffixes (RFC 8011 §5.4.12): "-error" blocks, "-warning" warns, "-report" informs, no suffix counts as an
error. A few "-report" reasons still matter to a visitor: `offline-report` means the printer does not answer.
"""

from __future__ import annotations

import enum
from collections.abc import Iterable


class Severity(enum.Enum):
    BLOCKING = "blocking"  # nothing prints until someone acts
    WARNING = "warning"  # printing goes on; an advisor should know


class Problem(enum.Enum):
    # The printer
    STOPPED = "stopped"  # disabled in CUPS (cupsdisable) or paused
    OFFLINE = "offline"  # switched off, unplugged, not answering
    MEDIA_EMPTY = "media-empty"  # no paper
    MEDIA_JAM = "media-jam"
    DOOR_OPEN = "door-open"  # a door or a cover is open
    TONER_EMPTY = "toner-empty"  # no toner or ink left
    MEDIA_LOW = "media-low"
    TONER_LOW = "toner-low"
    PRINTER_ERROR = "printer-error"  # another error the printer reports
    NOT_ACCEPTING = "not-accepting"  # the queue refuses new jobs (cupsreject)
    # The print system
    SERVER_DOWN = "server-down"  # CUPS does not answer
    NO_PRINTER = "no-printer"  # no printer set up, or the chosen one is gone
    NOT_AUTHORIZED = "not-authorized"  # CUPS refused the request (policy)
    # A job
    JOB_FAILED = "job-failed"  # CUPS aborted the job (a filter or the printer failed)
    JOB_CANCELLED = "job-cancelled"  # cancelled outside the kiosk (by an advisor at the printer, say)
    DOCUMENT_UNREADABLE = "document-unreadable"  # not a PDF we can read
    PAGE_LIMIT = "page-limit"  # the session's page allowance is used up


SEVERITY = {
    Problem.MEDIA_LOW: Severity.WARNING,
    Problem.TONER_LOW: Severity.WARNING,
}


def severity(problem: Problem) -> Severity:
    return SEVERITY.get(problem, Severity.BLOCKING)


class PrinterState(enum.IntEnum):
    """IPP printer-state values."""

    IDLE = 3
    PROCESSING = 4
    STOPPED = 5


class JobState(enum.IntEnum):
    PENDING = 3
    HELD = 4
    PROCESSING = 5
    STOPPED = 6  # processing-stopped: the printer stopped while printing this job
    CANCELLED = 7
    ABORTED = 8
    COMPLETED = 9

    @property
    def finished(self) -> bool:
        return self >= JobState.CANCELLED


# Reason keyword (without its suffix) → problem. Prefix matches: "media-empty" covers "media-empty-error".
_REASONS: tuple[tuple[str, Problem], ...] = (
    ("media-empty", Problem.MEDIA_EMPTY),
    ("media-needed", Problem.MEDIA_EMPTY),
    ("input-tray-missing", Problem.MEDIA_EMPTY),
    ("media-jam", Problem.MEDIA_JAM),
    ("input-tray-feed", Problem.MEDIA_JAM),  # feed errors: paper stuck at the tray
    ("door-open", Problem.DOOR_OPEN),
    ("cover-open", Problem.DOOR_OPEN),
    ("interlock-open", Problem.DOOR_OPEN),
    ("toner-empty", Problem.TONER_EMPTY),
    ("marker-supply-empty", Problem.TONER_EMPTY),
    ("marker-waste-full", Problem.TONER_EMPTY),
    ("marker-supply-missing", Problem.TONER_EMPTY),
    ("toner-low", Problem.TONER_LOW),
    ("marker-supply-low", Problem.TONER_LOW),
    ("marker-waste-almost-full", Problem.TONER_LOW),
    ("media-low", Problem.MEDIA_LOW),
    ("offline", Problem.OFFLINE),
    ("shutdown", Problem.OFFLINE),
    ("timed-out", Problem.OFFLINE),
    ("connecting-to-device", Problem.OFFLINE),
)
# Always a warning whatever their suffix: the printer still prints.
_WARNING_ONLY = frozenset({Problem.TONER_LOW, Problem.MEDIA_LOW})
# Reported even with "-report": a visitor's job will not come out while they hold.
_EVEN_AS_REPORT = frozenset({Problem.OFFLINE})
# Reasons that say nothing about a fault.
_IGNORED = frozenset(
    {
        "none",
        "paused",  # the printer-state says "stopped" already
        "moving-to-paused",
        "cups-waiting-for-job-completed",
        "cups-missing-filter",
        "cups-insecure-filter",
        "cups-ipp-conformance-failure",
        "cups-ipp-missing-cancel-job",
        "cups-ipp-missing-get-job-attributes",
        "cups-ipp-missing-get-printer-attributes",
        "cups-ipp-missing-job-history",
        "cups-ipp-missing-job-state",
        "cups-ipp-missing-print-job",
        "cups-ipp-missing-send-document",
        "cups-ipp-missing-validate-job",
        "cups-ipp-wrong-http-version",
        "cups-remote-pending",
        "cups-remote-pending-held",
        "cups-remote-processing",
        "cups-remote-stopped",
        "cups-remote-canceled",
        "cups-remote-aborted",
        "cups-remote-completed",
        "deactivated",
    }
)
_SUFFIXES = ("-error", "-warning", "-report")
_ORDER = list(Problem)


def split_reason(reason: str) -> tuple[str, str]:
    """`"media-empty-error"` → `("media-empty", "error")`; no suffix counts as an error (RFC 8011)."""
    reason = reason.strip().lower()
    for suffix in _SUFFIXES:
        if reason.endswith(suffix):
            return reason[: -len(suffix)], suffix[1:]
    return reason, "error"


def reason_problem(reason: str) -> Problem | None:
    """The problem one printer-state-reasons keyword stands for, or None when it is no problem."""
    keyword, level = split_reason(reason)
    if not keyword or keyword in _IGNORED:
        return None
    problem = next((p for prefix, p in _REASONS if keyword.startswith(prefix)), None)
    if problem is None:
        return Problem.PRINTER_ERROR if level == "error" else None
    if level == "report" and problem not in _EVEN_AS_REPORT and problem not in _WARNING_ONLY:
        return None
    if level == "warning" and problem not in _WARNING_ONLY:
        return None  # "media-empty-warning" and the like: a printer's early notice, printing goes on
    return problem


def printer_problems(state: int, reasons: Iterable[str], accepting: bool = True) -> tuple[Problem, ...]:
    """Problems of a printer, blocking ones first, without duplicates.

    A stopped printer (`state == 5`) whose reasons name a cause (no paper) reports that cause rather than
    "stopped": it is the one a person can fix.
    """
    found = {p for r in reasons if (p := reason_problem(r)) is not None}
    blocking = {p for p in found if severity(p) is Severity.BLOCKING}
    if state == PrinterState.STOPPED and not blocking:
        found.add(Problem.STOPPED)
    if not accepting:
        found.add(Problem.NOT_ACCEPTING)
    return tuple(sorted(found, key=lambda p: (severity(p) is not Severity.BLOCKING, _ORDER.index(p))))


def blocking(problems: Iterable[Problem]) -> tuple[Problem, ...]:
    return tuple(p for p in problems if severity(p) is Severity.BLOCKING)


def first_blocking(problems: Iterable[Problem]) -> Problem | None:
    return next(iter(blocking(problems)), None)


class Condition(enum.Enum):
    """One word for a printer in a list: what a technician or an advisor reads first."""

    IDLE = "idle"
    PRINTING = "printing"
    STOPPED = "stopped"
    WARNING = "warning"  # printing works, something runs low
    ERROR = "error"  # a blocking problem other than "stopped"


def condition(state: int, problems: Iterable[Problem]) -> Condition:
    problems = tuple(problems)
    stopping = blocking(problems)
    if stopping:
        return Condition.STOPPED if stopping == (Problem.STOPPED,) else Condition.ERROR
    if state == PrinterState.STOPPED:
        return Condition.STOPPED
    if problems:
        return Condition.WARNING
    return Condition.PRINTING if state == PrinterState.PROCESSING else Condition.IDLE
