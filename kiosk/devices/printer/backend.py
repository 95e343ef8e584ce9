"""Printers and print jobs on the local CUPS server, as plain values (pure: no Qt; blocking calls).

Every function here talks to CUPS and may take up to the server's timeout: call them off the GUI thread
(`service.PrintService` does). Failures are `PrintError`s carrying a `Problem` code, never a hang.

    printers = list_printers(server)                  # [PrinterInfo(name, state, reasons, problems, …)]
    job_id = submit(server, "KioskPDF", pdf_bytes, PrintOptions(copies=2, page_ranges=((1, 3),)))
    status = job_status(server, job_id)               # JobStatus(state, pages_done, problem, …)
    cancel(server, job_id)
"""

from __future__ import annotations

from dataclasses import dataclass, field

from kiosk.devices.printer import ipp, ipp_codes, ipp_message
from kiosk.devices.printer.problems import (
    Condition,
    JobState,
    Problem,
    condition,
    first_blocking,
    printer_problems,
)

PRINTER_ATTRIBUTES = (
    "printer-name",
    "printer-info",
    "printer-location",
    "printer-make-and-model",
    "printer-state",
    "printer-state-reasons",
    "printer-state-message",
    "printer-is-accepting-jobs",
    "print-color-mode-supported",
    "sides-supported",
    "copies-supported",
    "page-ranges-supported",
)
JOB_ATTRIBUTES = (
    "job-id",
    "job-state",
    "job-state-reasons",
    "job-printer-uri",
    "job-impressions-completed",
    "job-media-sheets-completed",
    "job-printer-state-reasons",
    "job-printer-state-message",
)
JOB_NAME = "Ilot"  # never the document's name: it may say whose it is


class PrintError(Exception):
    def __init__(self, problem: Problem, detail: str = "") -> None:
        super().__init__(f"{problem.value}: {detail}" if detail else problem.value)
        self.problem = problem
        self.detail = detail


@dataclass(frozen=True)
class PrinterInfo:
    name: str
    state: int  # IPP printer-state: 3 idle, 4 processing, 5 stopped
    reasons: tuple[str, ...]
    accepting: bool
    problems: tuple[Problem, ...]
    color_modes: tuple[str, ...] = ()  # print-color-mode-supported: "color", "monochrome", …
    sides: tuple[str, ...] = ("one-sided",)  # sides-supported
    description: str = ""  # printer-info, as the technician named it
    location: str = ""
    model: str = ""
    is_default: bool = False

    @property
    def condition(self) -> Condition:
        return condition(self.state, self.problems)

    @property
    def blocking_problem(self) -> Problem | None:
        return first_blocking(self.problems)

    @property
    def can_duplex(self) -> bool:
        return "two-sided-long-edge" in self.sides

    @property
    def can_choose_colour(self) -> bool:
        return "color" in self.color_modes and "monochrome" in self.color_modes


@dataclass(frozen=True)
class PrintOptions:
    copies: int = 1
    page_ranges: tuple[tuple[int, int], ...] | None = None  # 1-based, inclusive; None: every page
    duplex: bool = False  # two-sided along the long edge, where the printer can
    colour: bool | None = None  # True colour, False greyscale, None the printer's default
    hold: bool = False  # wait in the queue until released (job-hold-until=indefinite)


@dataclass(frozen=True)
class JobStatus:
    job_id: int
    state: JobState
    pages_done: int | None  # impressions CUPS reports printed, None when it reports nothing
    sheets_done: int | None
    reasons: tuple[str, ...] = ()
    printer_reasons: tuple[str, ...] = ()  # the printer's state reasons, as the job sees them
    problem: Problem | None = None  # why the job waits or ended badly

    @property
    def finished(self) -> bool:
        return self.state.finished


@dataclass(frozen=True)
class Submitted:
    job_id: int
    applied: dict[str, object] = field(default_factory=dict)  # the IPP job attributes actually sent


def _tuple(value: object) -> tuple:
    if value is None:
        return ()
    return value if isinstance(value, tuple) else (value,)


def _fail(error: ipp_codes.IppError, missing: Problem = Problem.NO_PRINTER) -> PrintError:
    problem = {
        ipp_codes.SERVER_DOWN: Problem.SERVER_DOWN,
        ipp_codes.TIMEOUT: Problem.SERVER_DOWN,
        ipp_codes.PROTOCOL: Problem.SERVER_DOWN,
        ipp_codes.NOT_AUTHORIZED: Problem.NOT_AUTHORIZED,
        ipp_codes.PRINTER_NOT_FOUND: missing,
    }.get(error.code, Problem.PRINTER_ERROR)
    if error.code == ipp_codes.REFUSED and error.status == ipp_codes.NOT_POSSIBLE:
        problem = Problem.NOT_ACCEPTING
    return PrintError(problem, str(error))


def _printer(attrs: dict[str, object], default: str | None) -> PrinterInfo:
    name = str(attrs.get("printer-name", ""))
    state = int(attrs.get("printer-state") or 3)
    reasons = tuple(str(r) for r in _tuple(attrs.get("printer-state-reasons")))
    accepting = bool(attrs.get("printer-is-accepting-jobs", True))
    return PrinterInfo(
        name=name,
        state=state,
        reasons=reasons,
        accepting=accepting,
        problems=printer_problems(state, reasons, accepting),
        color_modes=tuple(str(m) for m in _tuple(attrs.get("print-color-mode-supported"))),
        sides=tuple(str(s) for s in _tuple(attrs.get("sides-supported"))) or ("one-sided",),
        description=str(attrs.get("printer-info") or ""),
        location=str(attrs.get("printer-location") or ""),
        model=str(attrs.get("printer-make-and-model") or ""),
        is_default=name == default,
    )


def _requested(names: tuple[str, ...]) -> ipp_message.Attribute:
    return ipp_message.attr("requested-attributes", ipp_codes.KEYWORD, *names)


def default_printer(server: ipp.Server) -> str | None:
    """The server's default printer's name, or None when it has none."""
    try:
        response = ipp.request(server, ipp_codes.CUPS_GET_DEFAULT, "/", [_requested(("printer-name",))])
    except ipp_codes.IppError as e:
        if e.code == ipp_codes.PRINTER_NOT_FOUND:
            return None
        raise _fail(e) from e
    return response.group(ipp_codes.PRINTER_GROUP).get("printer-name")


def list_printers(server: ipp.Server) -> list[PrinterInfo]:
    """Every local queue with its state and problems, the default one marked, sorted by name."""
    default = default_printer(server)
    try:
        response = ipp.request(server, ipp_codes.CUPS_GET_PRINTERS, "/", [_requested(PRINTER_ATTRIBUTES)])
    except ipp_codes.IppError as e:
        if e.code == ipp_codes.PRINTER_NOT_FOUND:  # CUPS answers "not found" when there is no printer at all
            return []
        raise _fail(e) from e
    printers = [_printer(attrs, default) for attrs in response.all_groups(ipp_codes.PRINTER_GROUP)]
    return sorted((p for p in printers if p.name), key=lambda p: p.name.lower())


def printer_info(server: ipp.Server, name: str) -> PrinterInfo:
    """One printer; PrintError(NO_PRINTER) when it does not exist."""
    try:
        response = ipp.request(
            server,
            ipp_codes.GET_PRINTER_ATTRIBUTES,
            f"/printers/{name}",
            [
                ipp_message.attr("printer-uri", ipp_codes.URI, server.printer_uri(name)),
                _requested(PRINTER_ATTRIBUTES),
            ],
        )
    except ipp_codes.IppError as e:
        raise _fail(e) from e
    return _printer(response.group(ipp_codes.PRINTER_GROUP), None)


def job_attributes(printer: PrinterInfo, options: PrintOptions) -> list[ipp_message.Attribute]:
    """The IPP job attributes for `options` on this printer; options it cannot honour are left out."""
    attributes = []
    if options.copies != 1:
        attributes.append(ipp_message.attr("copies", ipp_codes.INTEGER, options.copies))
        # Collated (1 2 3, 1 2 3): each copy is a whole document a visitor can hand in.
        handling = "separate-documents-collated-copies"
        attributes.append(ipp_message.attr("multiple-document-handling", ipp_codes.KEYWORD, handling))
    if options.page_ranges:
        attributes.append(ipp_message.attr("page-ranges", ipp_codes.RANGE, *sorted(options.page_ranges)))
    if options.duplex and printer.can_duplex:
        attributes.append(ipp_message.attr("sides", ipp_codes.KEYWORD, "two-sided-long-edge"))
    elif not options.duplex and "one-sided" in printer.sides and printer.can_duplex:
        attributes.append(ipp_message.attr("sides", ipp_codes.KEYWORD, "one-sided"))
    if options.colour is not None and printer.can_choose_colour:
        attributes.append(
            ipp_message.attr(
                "print-color-mode", ipp_codes.KEYWORD, "color" if options.colour else "monochrome"
            )
        )
    if options.hold:
        attributes.append(ipp_message.attr("job-hold-until", ipp_codes.KEYWORD, "indefinite"))
    return attributes


def submit(
    server: ipp.Server,
    printer: str | PrinterInfo,
    document: bytes,
    options: PrintOptions = PrintOptions(),
    *,
    refuse_blocked: bool = True,
) -> Submitted:
    """Send a PDF to `printer`; return its CUPS job id.

    With `refuse_blocked`, a printer with a blocking problem (stopped, no paper…) refuses the job with that
    problem rather than keep it queued: on a public terminal it would come out for the next visitor.
    """
    if options.copies < 1:
        raise ValueError("copies must be at least 1")
    info = printer if isinstance(printer, PrinterInfo) else printer_info(server, printer)
    if refuse_blocked and (problem := info.blocking_problem) is not None:
        raise PrintError(problem, f"printer {info.name} is {problem.value}")
    attributes = job_attributes(info, options)
    try:
        response = ipp.request(
            server,
            ipp_codes.PRINT_JOB,
            f"/printers/{info.name}",
            [
                ipp_message.attr("printer-uri", ipp_codes.URI, server.printer_uri(info.name)),
                ipp_message.attr("requesting-user-name", ipp_codes.NAME, ipp.user_name()),
                ipp_message.attr("job-name", ipp_codes.NAME, JOB_NAME),
                ipp_message.attr("document-format", ipp_codes.MIME_TYPE, "application/pdf"),
            ],
            job_attributes=attributes,
            document=document,
        )
    except ipp_codes.IppError as e:
        raise _fail(e) from e
    job_id = response.group(ipp_codes.JOB_GROUP).get("job-id")
    if not isinstance(job_id, int):
        raise PrintError(Problem.PRINTER_ERROR, "CUPS accepted the job without a job id")
    return Submitted(job_id, {a.name: a.values if len(a.values) > 1 else a.values[0] for a in attributes})


def _job_problem(
    state: JobState, reasons: tuple[str, ...], printer_reasons: tuple[str, ...]
) -> Problem | None:
    if state == JobState.ABORTED:
        return Problem.JOB_FAILED
    if state == JobState.CANCELLED:
        return Problem.JOB_CANCELLED
    if state.finished:
        return None
    if "job-completed-with-errors" in reasons or "document-format-error" in reasons:
        return Problem.JOB_FAILED  # a filter failed: CUPS holds the job until someone acts
    found = printer_problems(3, printer_reasons)
    if "printer-stopped" in reasons or state == JobState.STOPPED:
        return first_blocking(found) or Problem.STOPPED
    return first_blocking(found)


def job_status(server: ipp.Server, job_id: int) -> JobStatus:
    """Where a job is. PrintError(JOB_FAILED) when CUPS no longer knows it (purged)."""
    try:
        response = ipp.request(
            server,
            ipp_codes.GET_JOB_ATTRIBUTES,
            "/jobs/",
            [ipp_message.attr("job-uri", ipp_codes.URI, server.job_uri(job_id)), _requested(JOB_ATTRIBUTES)],
        )
    except ipp_codes.IppError as e:
        raise _fail(e, missing=Problem.JOB_FAILED) from e
    attrs = response.group(ipp_codes.JOB_GROUP)
    state = JobState(int(attrs.get("job-state") or JobState.PENDING))
    reasons = tuple(str(r) for r in _tuple(attrs.get("job-state-reasons")))
    printer_reasons = tuple(str(r) for r in _tuple(attrs.get("job-printer-state-reasons")))
    impressions = attrs.get("job-impressions-completed")
    sheets = attrs.get("job-media-sheets-completed")
    return JobStatus(
        job_id=job_id,
        state=state,
        pages_done=impressions if isinstance(impressions, int) else None,
        sheets_done=sheets if isinstance(sheets, int) else None,
        reasons=reasons,
        printer_reasons=printer_reasons,
        problem=_job_problem(state, reasons, printer_reasons),
    )


def cancel(server: ipp.Server, job_id: int, *, purge: bool = False) -> bool:
    """Cancel a job (True), or do nothing if it had already finished (False).

    With `purge`, CUPS also forgets it: its document and its history go, finished or not.
    """
    attributes = [
        ipp_message.attr("job-uri", ipp_codes.URI, server.job_uri(job_id)),
        ipp_message.attr("requesting-user-name", ipp_codes.NAME, ipp.user_name()),
    ]
    if purge:
        attributes.append(ipp_message.attr("purge-job", ipp_codes.BOOLEAN, True))
    try:
        ipp.request(server, ipp_codes.CANCEL_JOB, "/jobs/", attributes)
    except ipp_codes.IppError as e:
        if e.code == ipp_codes.REFUSED and e.status == ipp_codes.NOT_POSSIBLE:
            return False  # "job already completed/canceled/aborted"
        if e.code == ipp_codes.PRINTER_NOT_FOUND:
            return False  # already purged
        raise _fail(e, missing=Problem.JOB_FAILED) from e
    return True


def release(server: ipp.Server, job_id: int) -> None:
    """Let a held job print."""
    try:
        ipp.request(
            server,
            ipp_codes.RELEASE_JOB,
            "/jobs/",
            [
                ipp_message.attr("job-uri", ipp_codes.URI, server.job_uri(job_id)),
                ipp_message.attr("requesting-user-name", ipp_codes.NAME, ipp.user_name()),
            ],
        )
    except ipp_codes.IppError as e:
        raise _fail(e, missing=Problem.JOB_FAILED) from e
