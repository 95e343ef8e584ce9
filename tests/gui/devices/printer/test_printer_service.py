"""PrintService with qtbot against the private cupsd: progress, cancel, wipe, page limit, CUPS down."""

from __future__ import annotations

import pytest

from kiosk.devices.printer import backend, ipp, ipp_codes, ipp_message
from kiosk.devices.printer.backend import PrintOptions
from kiosk.devices.printer.limits import PageAllowance
from kiosk.devices.printer.problems import JobState, Problem
from kiosk.devices.printer.service import PrintService

from .conftest import pdf_texts

TIMEOUT = 20_000


@pytest.fixture
def make_service(qtbot):
    services = []

    def make(server, **kwargs) -> PrintService:
        service = PrintService(server, poll_interval_ms=50, **kwargs)
        services.append(service)
        return service

    yield make
    for service in services:
        service.close()


def test_refresh_lists_printers(cups, server, printer, make_service, qtbot):
    service = make_service(server)
    with qtbot.waitSignal(service.printersChanged, timeout=TIMEOUT) as blocker:
        service.refresh_printers()
    names = [p.name for p in blocker.args[0]]
    assert printer in names
    assert service.printers == blocker.args[0]


def test_submit_follows_the_job_to_completion(cups, server, printer, make_service, make_pdf, qtbot):
    service = make_service(server, printer=printer)
    progress = []
    service.progress.connect(lambda *args: progress.append(args))
    with (
        qtbot.waitSignal(service.accepted, timeout=TIMEOUT) as accepted,
        qtbot.waitSignal(service.finished, timeout=TIMEOUT) as finished,
    ):
        ticket = service.submit(make_pdf(3), PrintOptions(copies=2))
    assert accepted.args == [ticket, 6]
    assert finished.args == [ticket]
    assert progress, "no progress signal"
    assert progress[-1][:4] == (ticket, 6, 6, JobState.COMPLETED)
    assert all(total == 6 and 0 <= done <= 6 for _, done, total, _, _ in progress)
    assert pdf_texts(cups.output(printer)) == ["Page 1", "Page 2", "Page 3"] * 2
    assert service.pending() == []


def test_default_printer_is_used_when_none_is_given(cups, server, printer, make_service, make_pdf, qtbot):
    cups.tool("lpadmin", "-d", printer)
    service = make_service(server)
    with qtbot.waitSignal(service.finished, timeout=TIMEOUT):
        service.submit(make_pdf(1))
    assert pdf_texts(cups.output(printer)) == ["Page 1"]


def test_stopped_printer_fails_with_stopped(cups, server, printer, make_service, make_pdf, qtbot):
    cups.tool("cupsdisable", printer)
    allowance = PageAllowance(30)
    service = make_service(server, printer=printer, allowance=allowance)
    with qtbot.waitSignal(service.failed, timeout=TIMEOUT) as failed:
        ticket = service.submit(make_pdf(2))
    assert failed.args == [ticket, Problem.STOPPED]
    assert allowance.remaining == 30  # the pages it did not print are given back
    assert not cups.output(printer).exists()


def test_page_limit_refuses_a_job_that_does_not_fit(cups, server, printer, make_service, make_pdf, qtbot):
    allowance = PageAllowance(5)
    service = make_service(server, printer=printer, allowance=allowance)
    with qtbot.waitSignal(service.finished, timeout=TIMEOUT):
        service.submit(make_pdf(2), PrintOptions(copies=2))
    assert allowance.remaining == 1
    with qtbot.waitSignal(service.failed, timeout=TIMEOUT) as failed:
        ticket = service.submit(make_pdf(2, "second.pdf"))
    assert failed.args == [ticket, Problem.PAGE_LIMIT]
    assert allowance.remaining == 1
    assert pdf_texts(cups.output(printer)) == ["Page 1", "Page 2"] * 2  # the refused job never reached CUPS
    with qtbot.waitSignal(service.finished, timeout=TIMEOUT):  # a page range that fits is allowed
        service.submit(make_pdf(2, "third.pdf"), PrintOptions(page_ranges=((2, 2),)))
    assert allowance.remaining == 0
    assert pdf_texts(cups.output(printer)) == ["Page 2"]


def test_cancel_a_waiting_job(cups, server, printer, make_service, make_pdf, qtbot):
    allowance = PageAllowance(30)
    service = make_service(server, printer=printer, allowance=allowance)
    with qtbot.waitSignal(service.progress, timeout=TIMEOUT) as progress:
        ticket = service.submit(make_pdf(3), PrintOptions(hold=True))
    assert progress.args[3] == JobState.HELD
    assert allowance.remaining == 27
    with qtbot.waitSignal(service.cancelled, timeout=TIMEOUT) as cancelled:
        service.cancel(ticket)
    assert cancelled.args == [ticket]
    assert allowance.remaining == 30
    assert service.pending() == []
    assert not cups.output(printer).exists()


def test_cancel_before_cups_has_the_job(cups, server, printer, make_service, make_pdf, qtbot):
    service = make_service(server, printer=printer)
    with qtbot.waitSignal(service.cancelled, timeout=TIMEOUT):
        ticket = service.submit(make_pdf(1), PrintOptions(hold=True))
        service.cancel(ticket)  # the worker has not sent it yet
    qtbot.wait(200)
    assert not cups.output(printer).exists()


def test_wipe_cancels_unfinished_session_jobs_and_forgets_them(
    cups, server, printer, make_service, make_pdf, qtbot
):
    allowance = PageAllowance(30)
    service = make_service(server, printer=printer, allowance=allowance)
    tickets = []
    for n in range(2):
        with qtbot.waitSignal(service.accepted, timeout=TIMEOUT):
            tickets.append(service.submit(make_pdf(2, f"doc{n}.pdf"), PrintOptions(hold=True)))
    job_ids = _jobs_on(server, printer)  # the session's two jobs, held
    assert len(job_ids) == 2
    assert all(backend.job_status(server, j).state == JobState.HELD for j in job_ids)
    service.submit(make_pdf(1, "late.pdf"), PrintOptions(hold=True))  # a late one, still queued on the worker
    heard = []
    for signal in (service.progress, service.failed, service.cancelled, service.finished, service.accepted):
        signal.connect(lambda *args: heard.append(args))

    service.wipe()

    assert service.pending() == []
    assert allowance.remaining == 30
    assert service.close(TIMEOUT)  # the worker has done what the wipe asked
    for job_id in job_ids:  # cancelled and purged from CUPS's history
        with pytest.raises(backend.PrintError):
            backend.job_status(server, job_id)
    assert service.pending() == []  # the late one did not come back
    assert _jobs_on(server, printer) == []  # the late one never stayed in CUPS either
    qtbot.wait(300)
    assert heard == []  # nothing is said about a wiped session's jobs
    assert not cups.output(printer).exists()


def _jobs_on(server, printer):
    response = ipp.request(
        server,
        ipp_codes.GET_JOBS,
        f"/printers/{printer}",
        [
            ipp_message.attr("printer-uri", ipp_codes.URI, server.printer_uri(printer)),
            ipp_message.attr("which-jobs", ipp_codes.KEYWORD, "not-completed"),
            ipp_message.attr("requested-attributes", ipp_codes.KEYWORD, "job-id"),
        ],
    )
    return [job["job-id"] for job in response.all_groups(ipp_codes.JOB_GROUP)]


def test_unreadable_document(server, printer, make_service, tmp_path, qtbot):
    not_a_pdf = tmp_path / "notes.pdf"
    not_a_pdf.write_text("hello")
    service = make_service(server, printer=printer)
    with qtbot.waitSignal(service.failed, timeout=TIMEOUT) as failed:
        ticket = service.submit(not_a_pdf)
    assert failed.args == [ticket, Problem.DOCUMENT_UNREADABLE]


def test_missing_printer(server, make_service, make_pdf, qtbot):
    service = make_service(server, printer="NoSuchPrinter")
    with qtbot.waitSignal(service.failed, timeout=TIMEOUT) as failed:
        ticket = service.submit(make_pdf(1))
    assert failed.args == [ticket, Problem.NO_PRINTER]


def test_cups_down_gives_a_problem_and_the_gui_goes_on(make_service, make_pdf, tmp_path, qtbot):
    down = ipp.Server(str(tmp_path / "nothing.sock"), timeout=2)
    service = make_service(down)
    with qtbot.waitSignal(service.printersFailed, timeout=TIMEOUT) as printers_failed:
        service.refresh_printers()
    assert printers_failed.args == [Problem.SERVER_DOWN]
    with qtbot.waitSignal(service.failed, timeout=TIMEOUT) as failed:
        ticket = service.submit(make_pdf(1))
    assert failed.args == [ticket, Problem.SERVER_DOWN]


def test_cups_stopping_while_a_job_is_followed(make_service, make_pdf, qtbot):
    """A private cupsd of its own, stopped while the service follows a held job: failed(SERVER_DOWN)."""
    import shutil
    import tempfile
    from pathlib import Path

    from .private_cupsd import PrivateCups

    folder = Path(tempfile.mkdtemp(prefix="ilot-cups-down-"))
    try:
        with PrivateCups(folder) as doomed:
            doomed.add_pdf_printer("Doomed")
            service = make_service(ipp.Server(doomed.address, timeout=2), printer="Doomed")
            with qtbot.waitSignal(service.accepted, timeout=TIMEOUT):
                ticket = service.submit(make_pdf(1), PrintOptions(hold=True))
            with qtbot.waitSignal(service.failed, timeout=TIMEOUT) as failed:
                doomed.stop()
            assert failed.args == [ticket, Problem.SERVER_DOWN]
    finally:
        shutil.rmtree(folder, ignore_errors=True)
