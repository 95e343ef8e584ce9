"""The kiosk's printing, Qt side: every CUPS call runs on one worker thread (a serial lane of kiosk.tasks);
results come back by signal.

    service = PrintService(server=None, allowance=PageAllowance(30))   # None: the local CUPS, as libcups
    service.printersChanged.connect(...)        # list[PrinterInfo], the default one marked
    service.refresh_printers()
    ticket = service.submit(pdf_path, PrintOptions(copies=2))
    service.progress.connect(...)               # ticket, pages done, pages in all, JobState, Problem | None
    service.finished / service.failed / service.cancelled
    service.cancel(ticket)
    session.register_wiper("print jobs", service.wipe)

`submit` returns at once with a ticket (the kiosk's number for the job, known before CUPS gives its own).
The worker then reads the PDF, counts its pages, checks the page allowance and the printer (a printer with a
blocking problem refuses the job: it would come out for the next visitor), and sends it. A QTimer on the GUI
thread asks the worker for each job's progress every `poll_interval_ms`; a poll still running is never
stacked. A CUPS that is down, a missing or stopped printer end in `failed(ticket, Problem)` or
`printersFailed(Problem)`: nothing raises into Qt and nothing waits longer than the server's timeout.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from dataclasses import dataclass
from itertools import count
from pathlib import Path

from PySide6.QtCore import QObject, QTimer, Signal

from kiosk.devices.printer import backend, ipp
from kiosk.devices.printer.backend import PrinterInfo, PrintError, PrintOptions
from kiosk.devices.printer.limits import PageAllowance, selected_pages
from kiosk.devices.printer.problems import JobState, Problem
from kiosk.tasks import Tasks

log = logging.getLogger(__name__)
POLL_INTERVAL_MS = 500
POLL_FAILURES_BEFORE_GIVING_UP = 3  # consecutive polls that cannot reach CUPS: the job is reported failed


@dataclass
class _Ticket:
    id: int
    options: PrintOptions
    job_id: int | None = None
    total: int = 0  # pages × copies
    done: int = 0
    charged: int = 0  # pages taken from the allowance
    state: JobState = JobState.PENDING
    problem: Problem | None = None
    ended: bool = False
    cancel_requested: bool = False
    forgotten: bool = False  # wiped: nothing more is said about it
    poll_failures: int = 0


class PrintService(QObject):
    printersChanged = Signal(object)  # list[PrinterInfo], sorted, the default one has is_default
    printersFailed = Signal(object)  # Problem: CUPS down, not authorized
    accepted = Signal(int, int)  # ticket, pages in all (pages × copies): CUPS has the job
    progress = Signal(
        int, int, int, object, object
    )  # ticket, pages done, pages in all, JobState, Problem|None
    finished = Signal(int)  # ticket: every page printed
    failed = Signal(int, object)  # ticket, Problem
    cancelled = Signal(int)  # ticket: cancelled through `cancel`

    def __init__(
        self,
        server: ipp.Server | None = None,
        *,
        printer: str | None = None,
        allowance: PageAllowance | None = None,
        poll_interval_ms: int = POLL_INTERVAL_MS,
        parent: QObject | None = None,
    ) -> None:
        """`printer`: the queue to print on (None: CUPS's default). `allowance`: the session's page limit
        (None: no limit); `wipe` resets it."""
        super().__init__(parent)
        self.server = server or ipp.Server.from_environment()
        self.printer = printer
        self.allowance = allowance
        self.printers: list[PrinterInfo] = []  # as of the last refresh
        self._lock = threading.Lock()  # guards _tickets and the allowance (GUI thread and worker)
        self._tickets: dict[int, _Ticket] = {}
        self._numbers = count(1)
        self._worker = Tasks(self, serial=True)  # one worker: CUPS calls run in the order they were asked
        self._events: list[Callable[[], None]] = []  # worker thread only: what the running call has to say
        self._polling = False
        self._closed = False
        self._timer = QTimer(self)
        self._timer.setInterval(poll_interval_ms)
        self._timer.timeout.connect(self._poll)

    # --- GUI thread -----------------------------------------------------------------------------------------

    def refresh_printers(self) -> None:
        """Ask CUPS for its printers; answers with printersChanged or printersFailed."""
        self._run(self._work_refresh)

    def submit(
        self, pdf_path: Path | str, options: PrintOptions | None = None, printer: str | None = None
    ) -> int:
        """Queue a PDF for printing; return its ticket. What follows comes by signal for that ticket."""
        ticket = _Ticket(next(self._numbers), options or PrintOptions())
        with self._lock:
            self._tickets[ticket.id] = ticket
        self._run(lambda: self._work_submit(ticket, Path(pdf_path), printer or self.printer))
        return ticket.id

    def cancel(self, ticket_id: int) -> None:
        """Cancel a job of this session. `cancelled` follows once CUPS has cancelled it."""
        with self._lock:
            ticket = self._tickets.get(ticket_id)
            if ticket is None or ticket.ended:
                return
            ticket.cancel_requested = True
            job_id = ticket.job_id
        if job_id is not None:  # else the submission, still queued, cancels it as soon as CUPS has it
            self._run(lambda: self._work_cancel(ticket, job_id))

    def wipe(self) -> None:
        """End of session: cancel every unfinished job of this session, purge them all from CUPS's history,
        forget them and reset the page allowance. Returns at once; the worker does the cancelling."""
        with self._lock:
            tickets = list(self._tickets.values())
            self._tickets.clear()
            for ticket in tickets:
                ticket.forgotten = True  # a submission still queued cancels itself once CUPS has it
            job_ids = [t.job_id for t in tickets if t.job_id is not None]
            if self.allowance is not None:
                self.allowance.reset()
        self._timer.stop()
        self._worker.forget()  # what calls still running have to say about this session is dropped
        self._polling = False  # a poll still running will not say it is done
        if job_ids:
            self._run(lambda: self._work_purge(job_ids))

    def pending(self) -> list[int]:
        """Tickets of this session's jobs that have not ended."""
        with self._lock:
            return [t.id for t in self._tickets.values() if not t.ended]

    def close(self, timeout_ms: int = 5000) -> bool:
        """Stop polling and wait for the worker's current calls. True if it finished within the timeout."""
        self._closed = True
        self._timer.stop()
        return self._worker.close(timeout_ms)

    def _run(self, work: Callable[[], None], then: Callable[[], None] | None = None) -> None:
        """Queue `work` on the worker; what it said with `_later` runs on the GUI thread once it returns
        (not if the session was wiped meanwhile), then `then`, even if `work` failed."""

        def call() -> list[Callable[[], None]]:
            self._events = []
            work()
            return self._events

        def said(events: list[Callable[[], None]]) -> None:
            for fn in events:
                try:
                    fn()
                except Exception:
                    log.exception("print service callback failed")
            if then is not None:
                then()

        def failed(error: Exception) -> None:  # a bug, not a CUPS failure: log it, never let it reach Qt
            log.error("print worker task failed", exc_info=error)
            if then is not None:
                then()

        self._worker.run(call, said, failed)

    def _later(self, fn: Callable[[], None]) -> None:
        """From the worker: run `fn` on the GUI thread once the running call returns."""
        self._events.append(fn)

    def _poll(self) -> None:
        if self._polling:
            return  # the last poll is still running (a slow CUPS): never stack them
        with self._lock:
            watched = [t for t in self._tickets.values() if t.job_id is not None and not t.ended]
        if not watched:
            self._timer.stop()
            return
        self._polling = True
        self._run(lambda: self._work_poll(watched), then=self._poll_done)

    def _ensure_polling(self) -> None:
        if not self._timer.isActive() and not self._closed:
            self._timer.start()

    # --- worker thread --------------------------------------------------------------------------------------

    def _work_refresh(self) -> None:
        try:
            printers = backend.list_printers(self.server)
        except PrintError as e:
            log.warning("cannot list printers: %s", e)
            problem = e.problem
            self._later(lambda: self.printersFailed.emit(problem))
            return

        def done() -> None:
            self.printers = printers
            self.printersChanged.emit(printers)

        self._later(done)

    def _fail(self, ticket: _Ticket, problem: Problem) -> None:
        """Worker: end a ticket with a problem, giving back the pages it did not print."""
        with self._lock:
            if ticket.ended:
                return
            ticket.ended = True
            ticket.problem = problem
            if self.allowance is not None and not ticket.forgotten:
                self.allowance.refund(ticket.charged - ticket.done)
        self._later(lambda: self.failed.emit(ticket.id, problem))

    def _work_submit(self, ticket: _Ticket, path: Path, printer: str | None) -> None:
        if ticket.forgotten:
            return
        if ticket.cancel_requested:
            self._end_cancelled(ticket)
            return
        options = ticket.options
        try:
            from kiosk.devices.printer.pdfpages import count_pages  # QtPdf loads on first print

            pages = count_pages(path)
            document = path.read_bytes()
        except (OSError, ValueError) as e:
            log.warning("cannot print a document: %s", e)
            self._fail(ticket, Problem.DOCUMENT_UNREADABLE)
            return
        total = selected_pages(pages, options.page_ranges) * options.copies
        if total < 1:
            self._fail(ticket, Problem.DOCUMENT_UNREADABLE)  # the ranges select no page of this document
            return
        with self._lock:
            if self.allowance is not None:
                decision = self.allowance.check(total // options.copies, options.copies)
                if not decision.allowed:
                    ticket.ended, ticket.problem = True, Problem.PAGE_LIMIT
                    self._later(lambda: self.failed.emit(ticket.id, Problem.PAGE_LIMIT))
                    return
                self.allowance.charge(total)
                ticket.charged = total
            ticket.total = total
        try:
            name = printer or backend.default_printer(self.server)
            if name is None:
                raise PrintError(Problem.NO_PRINTER, "CUPS has no default printer")
            submitted = backend.submit(self.server, name, document, options)
        except PrintError as e:
            log.warning("print job refused: %s", e)
            self._fail(ticket, e.problem)
            return
        with self._lock:
            ticket.job_id = submitted.job_id
            cancel_now = ticket.forgotten or ticket.cancel_requested
        if cancel_now:
            self._work_cancel(ticket, submitted.job_id, purge=ticket.forgotten)
            return

        def accepted() -> None:
            self.accepted.emit(ticket.id, total)
            self._ensure_polling()

        self._later(accepted)

    def _work_poll(self, tickets: list[_Ticket]) -> None:
        for ticket in tickets:
            if ticket.forgotten or ticket.ended or ticket.job_id is None:
                continue
            try:
                status = backend.job_status(self.server, ticket.job_id)
            except PrintError as e:
                ticket.poll_failures += 1
                if (
                    e.problem is not Problem.SERVER_DOWN
                    or ticket.poll_failures >= POLL_FAILURES_BEFORE_GIVING_UP
                ):
                    self._fail(ticket, e.problem)
                continue
            ticket.poll_failures = 0
            self._follow(ticket, status)

    def _poll_done(self) -> None:
        self._polling = False

    def _follow(self, ticket: _Ticket, status: backend.JobStatus) -> None:
        done = min(status.pages_done or 0, ticket.total)
        if status.state == JobState.COMPLETED:
            done = ticket.total  # some drivers report no pages; a completed job printed them all
        changed = (status.state, done, status.problem) != (ticket.state, ticket.done, ticket.problem)
        ticket.state, ticket.done = status.state, done
        if status.state == JobState.CANCELLED and ticket.cancel_requested:
            self._end_cancelled(ticket)
            return
        if status.problem is not None and status.finished:
            self._fail(ticket, status.problem)
            return
        ticket.problem = status.problem
        if changed:
            state, problem = status.state, status.problem
            self._later(lambda: self.progress.emit(ticket.id, done, ticket.total, state, problem))
        if status.state == JobState.COMPLETED:
            with self._lock:
                ticket.ended = True
            self._later(lambda: self.finished.emit(ticket.id))

    def _end_cancelled(self, ticket: _Ticket) -> None:
        with self._lock:
            if ticket.ended:
                return
            ticket.ended = True
            ticket.state = JobState.CANCELLED
            if self.allowance is not None and not ticket.forgotten:
                self.allowance.refund(ticket.charged - ticket.done)
        self._later(lambda: self.cancelled.emit(ticket.id))

    def _work_cancel(self, ticket: _Ticket, job_id: int, *, purge: bool = False) -> None:
        try:
            if backend.cancel(self.server, job_id, purge=purge):
                self._end_cancelled(ticket)
            # else it had already ended: the next poll reports how
        except PrintError as e:
            log.warning("cannot cancel print job %s: %s", job_id, e)
            self._fail(ticket, e.problem)

    def _work_purge(self, job_ids: list[int]) -> None:
        for job_id in job_ids:
            try:
                backend.cancel(self.server, job_id, purge=True)
            except PrintError as e:
                log.warning("cannot purge print job %s: %s", job_id, e)
