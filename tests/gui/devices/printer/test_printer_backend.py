"""The CUPS backend against a private cupsd with a PDF printer: what comes out is read back with QtPdf."""

from __future__ import annotations

import shutil
import tempfile
from dataclasses import replace
from pathlib import Path

import pytest

from kiosk.devices.printer import backend, ipp
from kiosk.devices.printer.backend import PrintError, PrintOptions
from kiosk.devices.printer.problems import Condition, JobState, Problem

from .conftest import pdf_texts, wait_for_job
from .private_cupsd import PrivateCups, cups_installed


def print_and_wait(server, printer, path, options=None):
    submitted = backend.submit(server, printer, path.read_bytes(), options or PrintOptions())
    status = wait_for_job(server, submitted.job_id)
    assert status.state == JobState.COMPLETED, status
    return submitted, status


def test_lists_printers_with_state_and_default(cups, server, printer):
    cups.tool("lpadmin", "-d", printer)
    printers = {p.name: p for p in backend.list_printers(server)}
    assert printer in printers
    info = printers[printer]
    assert info.is_default
    assert info.condition is Condition.IDLE
    assert info.problems == ()
    assert info.can_duplex  # from sides-supported
    assert info.can_choose_colour  # from print-color-mode-supported
    assert backend.default_printer(server) == printer


def test_multi_page_pdf_comes_out_whole(cups, server, printer, make_pdf):
    _, status = print_and_wait(server, printer, make_pdf(4))
    assert pdf_texts(cups.output(printer)) == ["Page 1", "Page 2", "Page 3", "Page 4"]
    assert status.pages_done == 4  # job-impressions-completed


def test_copies(cups, server, printer, make_pdf):
    _, status = print_and_wait(server, printer, make_pdf(2), PrintOptions(copies=3))
    assert pdf_texts(cups.output(printer)) == ["Page 1", "Page 2"] * 3
    assert status.pages_done == 6
    assert cups.printers[printer].jobs()[-1].get("copies", 1) == 1  # copies made once, by CUPS, not again


def test_page_ranges(cups, server, printer, make_pdf):
    print_and_wait(server, printer, make_pdf(6), PrintOptions(page_ranges=((2, 3), (6, 6))))
    assert pdf_texts(cups.output(printer)) == ["Page 2", "Page 3", "Page 6"]


def test_duplex_and_greyscale_are_sent_where_supported(cups, server, printer, make_pdf):
    submitted, status = print_and_wait(server, printer, make_pdf(4), PrintOptions(duplex=True, colour=False))
    assert submitted.applied["sides"] == "two-sided-long-edge"
    assert submitted.applied["print-color-mode"] == "monochrome"
    assert status.sheets_done == 2  # four pages on two sheets
    assert len(pdf_texts(cups.output(printer))) == 4


def test_options_a_printer_cannot_honour_are_left_out():
    simplex = backend.PrinterInfo(
        "P", 3, ("none",), True, (), color_modes=("monochrome",), sides=("one-sided",)
    )
    attributes = backend.job_attributes(simplex, PrintOptions(duplex=True, colour=True))
    assert [a.name for a in attributes] == []


def test_stopped_printer_refuses_the_job_with_stopped(cups, server, printer, make_pdf):
    cups.tool("cupsdisable", printer)
    info = backend.printer_info(server, printer)
    assert info.blocking_problem is Problem.STOPPED
    assert info.condition is Condition.STOPPED
    with pytest.raises(PrintError) as error:
        backend.submit(server, printer, make_pdf(1).read_bytes())
    assert error.value.problem is Problem.STOPPED
    cups.tool("cupsenable", printer)
    assert backend.printer_info(server, printer).problems == ()


def test_printer_refusing_jobs(cups, server, printer, make_pdf):
    cups.tool("cupsreject", printer)
    with pytest.raises(PrintError) as error:
        backend.submit(server, printer, make_pdf(1).read_bytes())
    assert error.value.problem is Problem.NOT_ACCEPTING


def test_cancel_a_waiting_job(cups, server, printer, make_pdf):
    submitted = backend.submit(server, printer, make_pdf(2).read_bytes(), PrintOptions(hold=True))
    assert backend.job_status(server, submitted.job_id).state == JobState.HELD
    assert backend.cancel(server, submitted.job_id)
    status = backend.job_status(server, submitted.job_id)
    assert status.state == JobState.CANCELLED
    assert status.problem is Problem.JOB_CANCELLED
    assert not cups.output(printer).exists()  # nothing came out
    assert not backend.cancel(server, submitted.job_id)  # already cancelled: nothing to do


def _strict_cups(**options):
    """A private cupsd of its own where cancelling a job needs the owner to authenticate."""
    if not cups_installed():
        pytest.skip("CUPS is not installed")
    folder = Path(tempfile.mkdtemp(prefix="ilot-cups-strict-"))
    try:
        with PrivateCups(folder, authenticate_jobs=True, **options) as strict:
            strict.add_pdf_printer("Strict")
            yield strict
    finally:
        shutil.rmtree(folder, ignore_errors=True)


@pytest.fixture
def strict_cups():
    yield from _strict_cups()


@pytest.fixture
def strict_cups_without_peercred():
    """`PeerCred off` (in cups-files.conf since cups 2.4.2-3+deb12u10): the socket offers `Local` instead."""
    yield from _strict_cups(files_extra="PeerCred off")


def cancel_after_a_401(cups, server, document: bytes) -> None:
    access_log = cups.root / "log" / "access_log"
    before = access_log.read_text().count(" 401 ")
    submitted = backend.submit(server, "Strict", document, PrintOptions(hold=True))
    assert backend.cancel(server, submitted.job_id)
    assert backend.job_status(server, submitted.job_id).state == JobState.CANCELLED
    assert access_log.read_text().count(" 401 ") > before  # CUPS did ask


def test_cancel_authenticates_with_peercred_on_the_socket(strict_cups, make_pdf):
    cancel_after_a_401(strict_cups, ipp.Server(strict_cups.address, timeout=5), make_pdf(1).read_bytes())


def test_cancel_authenticates_with_the_root_certificate_when_the_socket_offers_it(
    strict_cups_without_peercred, make_pdf
):
    cups = strict_cups_without_peercred
    socket = ipp.Server(cups.address, timeout=5, state_dir=cups.root / "state")
    cancel_after_a_401(cups, socket, make_pdf(1).read_bytes())


def test_cancel_over_tcp_is_not_authorized_and_sends_no_certificate(strict_cups, make_pdf):
    """Today's CUPS offers only Basic over TCP (no `Local`): the kiosk, which has no password, says so."""
    over_tcp = replace(
        ipp.Server.parse(strict_cups.tcp_address, timeout=5), state_dir=strict_cups.root / "state"
    )
    assert (strict_cups.root / "state" / "certs" / "0").exists()  # readable here: only the policy keeps it
    submitted = backend.submit(over_tcp, "Strict", make_pdf(1).read_bytes(), PrintOptions(hold=True))
    with pytest.raises(PrintError) as error:
        backend.cancel(over_tcp, submitted.job_id)
    assert error.value.problem is Problem.NOT_AUTHORIZED
    assert backend.job_status(over_tcp, submitted.job_id).state == JobState.HELD
    assert "Bad authentication data" not in (strict_cups.root / "log" / "error_log").read_text()


def test_purge_forgets_a_job(cups, server, printer, make_pdf):
    submitted, _ = print_and_wait(server, printer, make_pdf(1))
    assert backend.cancel(server, submitted.job_id, purge=True)
    with pytest.raises(PrintError) as error:
        backend.job_status(server, submitted.job_id)
    assert error.value.problem is Problem.JOB_FAILED


def test_missing_printer(server, make_pdf):
    with pytest.raises(PrintError) as error:
        backend.submit(server, "NoSuchPrinter", make_pdf(1).read_bytes())
    assert error.value.problem is Problem.NO_PRINTER


def test_cups_down_is_a_problem_not_a_hang(tmp_path):
    down = ipp.Server(str(tmp_path / "cups.sock"), timeout=2)
    with pytest.raises(PrintError) as error:
        backend.list_printers(down)
    assert error.value.problem is Problem.SERVER_DOWN
    tcp = ipp.Server.parse("127.0.0.1:1", timeout=2)
    with pytest.raises(PrintError) as error:
        backend.job_status(tcp, 1)
    assert error.value.problem is Problem.SERVER_DOWN


def test_tcp_loopback_works_too(cups, printer):
    tcp = ipp.Server.parse(cups.tcp_address, timeout=5)
    assert printer in [p.name for p in backend.list_printers(tcp)]
