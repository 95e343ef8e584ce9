"""What went wrong with a scan, as one of a few codes, from how `scanimage` ended (pure: no Qt).

scanimage exits with the SANE status of the call that failed (1 unsupported, 2 cancelled, 3 device busy, 4
invalid, 6 jammed, 7 no documents, 8 cover open, 9 I/O error, 10 no memory, 11 access denied) and prints the
status's text on stderr ("scanimage: sane_read: Scanner cover is open"). It runs with LC_ALL=C, so the text
is English. The kiosk also knows how the process ended: killed by a signal, stopped by its watchdog (no
progress for too long) or by the visitor.

The codes are counted and shown as plain French sentences (see `messages.py`); no stderr text is ever kept.
"""

from __future__ import annotations

import enum
import re
from dataclasses import dataclass


class Problem(enum.StrEnum):
    NO_DEVICE = "no-device"  # no scanner found, unplugged, or it cannot be opened
    BUSY = "busy"  # in use by another program, or still warming up
    COVER_OPEN = "cover-open"
    JAMMED = "jammed"  # a sheet is stuck in the feeder
    NO_DOCUMENTS = "no-documents"  # the feeder is empty
    CANCELLED = "cancelled"  # the visitor stopped it
    IO_ERROR = "io-error"  # the device failed in another way: the scan can be tried again
    CRASHED = "crashed"  # the driver process was killed or crashed
    TIMEOUT = "timeout"  # no progress for too long: the kiosk stopped it


# SANE_Status values, as scanimage's exit code.
_BY_STATUS = {
    2: Problem.CANCELLED,
    3: Problem.BUSY,
    6: Problem.JAMMED,
    7: Problem.NO_DOCUMENTS,
    8: Problem.COVER_OPEN,
    9: Problem.IO_ERROR,
    10: Problem.IO_ERROR,
    11: Problem.NO_DEVICE,  # access denied: the kiosk's user may not open the device (udev, saned)
}

# sane_strstatus() texts and scanimage's own messages, most specific first.
_BY_TEXT: tuple[tuple[re.Pattern[str], Problem], ...] = tuple(
    (re.compile(pattern, re.IGNORECASE), problem)
    for pattern, problem in (
        (r"cover is open", Problem.COVER_OPEN),
        (r"feeder jammed", Problem.JAMMED),
        (r"out of documents", Problem.NO_DOCUMENTS),
        (r"device busy", Problem.BUSY),
        (r"no SANE devices found", Problem.NO_DEVICE),
        (r"open of device .* failed", Problem.NO_DEVICE),
        (r"access to resource has been denied", Problem.NO_DEVICE),
        (r"error during device I/O|out of memory", Problem.IO_ERROR),
        (r"operation was cancell?ed", Problem.CANCELLED),
    )
)
_OUT_OF_DOCUMENTS_AT_START = re.compile(r"sane_start: Document feeder out of documents", re.IGNORECASE)


@dataclass(frozen=True)
class Ending:
    """How one scanimage run ended."""

    exit_code: int
    stderr: str
    pages: int  # pages it finished writing
    crashed: bool = False  # ended by a signal it did not handle (SIGKILL, SIGSEGV…)
    cancelled: bool = False  # the visitor cancelled (the kiosk sent SIGTERM)
    timed_out: bool = False  # the watchdog stopped it
    feeder: bool = False  # a feeder batch (scan until the feeder is empty)


def problem_for(ending: Ending) -> Problem | None:
    """The problem to report, or None when the scan went well.

    A feeder batch ends when the feeder is empty: that is its normal end once a page was scanned, and the
    "no documents" problem when none was."""
    if ending.cancelled:
        return Problem.CANCELLED
    said = _problem_in_text(ending.stderr)
    if ending.timed_out:
        # A driver that said what went wrong before it stalled (the test backend sometimes hangs while
        # cancelling after an error; a busy device may never answer) says more than "it stalled".
        return said if said not in (None, Problem.CANCELLED) else Problem.TIMEOUT
    if ending.crashed:
        return Problem.CRASHED
    if ending.exit_code == 0:
        if ending.pages > 0:
            return None
        if ending.feeder and said is None:
            return Problem.NO_DOCUMENTS
        return said or Problem.IO_ERROR  # "Batch terminated, 1 page scanned" with no page written
    if ending.exit_code in _BY_STATUS and said is None:
        return _BY_STATUS[ending.exit_code]
    if said is not None:
        return said
    if ending.exit_code > 128:
        return Problem.CRASHED  # a shell or wrapper reporting a signal
    return Problem.IO_ERROR


def _problem_in_text(stderr: str) -> Problem | None:
    text = _OUT_OF_DOCUMENTS_AT_START.sub("", stderr) if _pages_said(stderr) else stderr
    for pattern, problem in _BY_TEXT:
        if pattern.search(text):
            return problem
    return None


def _pages_said(stderr: str) -> bool:
    """Whether scanimage said it finished at least one page ("Scanned page 1. (scanner status = 5)")."""
    return re.search(r"Scanned page \d+\. \(scanner status = 5\)", stderr) is not None


_VISITOR_ENDINGS = frozenset({Problem.CANCELLED.value, Problem.NO_DOCUMENTS.value})


def scanner_state_after(problem: str) -> str:
    """The heartbeat's scanner code after a scan failed with `problem`: the scanner is fine when the visitor
    stopped it or the feeder was empty; otherwise the problem's code (jammed, no-device, crashed…)."""
    return "ready" if problem in _VISITOR_ENDINGS else problem
