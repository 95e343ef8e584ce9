"""`kiosk check` on a terminal: the configuration, then the printers (a private cupsd) and the scanners
(SANE's test device), with an exit status a monitoring script can use: 0 all is well, 3 a device needs a
technician."""

from __future__ import annotations

import shutil
import tempfile
from pathlib import Path

import pytest

from kiosk.cli import main
from tests.gui.devices.printer.private_cupsd import PrivateCups
from tests.gui.devices.scanner.conftest import write_sane_config


@pytest.fixture(scope="module")
def kiosk_grade_cups(cups):
    """A second private cupsd set up as a terminal should be: it keeps no job, and has a default printer."""
    folder = Path(tempfile.mkdtemp(prefix="ilot-cups-"))
    try:
        with PrivateCups(folder, cupsd_extra="PreserveJobFiles No\nPreserveJobHistory No\n") as server:
            server.add_pdf_printer("KioskPDF", default=True)
            yield server
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def run_check(capsys, tmp_path, cups, **sane_options) -> tuple[int, str]:
    config = tmp_path / "etc-ilot"
    config.mkdir(exist_ok=True)
    (config / "site.yaml").write_text("site_name: Bureau de test\n")
    with pytest.MonkeyPatch.context() as env:
        env.setenv("CUPS_SERVER", cups.address)
        env.setenv("CUPS_SERVERROOT", str(cups.root))  # where a terminal's cupsd.conf is: /etc/cups
        env.setenv("SANE_CONFIG_DIR", str(write_sane_config(tmp_path / "sane", **sane_options)))
        status = main(["check", "--config", str(config)])
    return status, capsys.readouterr().out


def test_a_terminal_in_order_exits_0(kiosk_grade_cups, tmp_path, capsys):
    status, out = run_check(capsys, tmp_path, kiosk_grade_cups)
    assert "Configuration OK" in out
    assert "Printer KioskPDF (default): idle" in out
    assert "CUPS keeps no printed documents nor job history." in out
    assert "Scanner: 2 found." in out and "test:0" in out
    assert status == 0, out


def test_cups_keeping_jobs_needs_the_technician(cups, printer, tmp_path, capsys):
    status, out = run_check(capsys, tmp_path, cups)
    assert status == 3, out
    assert "cupsctl PreserveJobFiles=No PreserveJobHistory=No" in out  # the fix, named
    assert "No default printer. Fix: `lpadmin -d" in out


def test_a_stopped_printer_is_named_with_its_fix(cups, printer, tmp_path, capsys):
    cups.tool("cupsdisable", printer)
    status, out = run_check(capsys, tmp_path, cups)
    assert status == 3, out
    assert f"cupsenable {printer}" in out


def test_no_scanner_needs_the_technician(kiosk_grade_cups, tmp_path, capsys):
    status, out = run_check(capsys, tmp_path, kiosk_grade_cups, backends="")
    assert status == 3, out
    assert "Scanner: no scanner found." in out
    assert "scanimage -L" in out
