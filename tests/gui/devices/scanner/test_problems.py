"""How a scanimage run ended → a problem code: the rules, then the live test device failing on purpose."""

from __future__ import annotations

import subprocess

import pytest

from kiosk.devices.scanner.capabilities import parse_options
from kiosk.devices.scanner.defaults import Purpose, choose_settings
from kiosk.devices.scanner.problems import Ending, Problem, problem_for
from kiosk.devices.scanner.scanimage import scan_command, scan_environment


def test_a_good_scan_has_no_problem() -> None:
    assert problem_for(Ending(0, "Scanned page 1. (scanner status = 5)\n", pages=1)) is None


def test_a_feeder_that_empties_after_pages_is_a_normal_end() -> None:
    stderr = "Scanned page 2. (scanner status = 5)\nscanimage: sane_start: Document feeder out of documents\n"
    assert problem_for(Ending(0, stderr, pages=2, feeder=True)) is None


def test_an_empty_feeder_from_the_start() -> None:
    stderr = "Scanning page 1\nscanimage: sane_start: Document feeder out of documents\n"
    assert problem_for(Ending(0, stderr, pages=0, feeder=True)) is Problem.NO_DOCUMENTS
    assert problem_for(Ending(0, "", pages=0, feeder=True)) is Problem.NO_DOCUMENTS


@pytest.mark.parametrize(
    ("code", "stderr", "problem"),
    [
        (1, "scanimage: no SANE devices found\n", Problem.NO_DEVICE),
        (1, "scanimage: open of device foo:0 failed: Invalid argument\n", Problem.NO_DEVICE),
        (3, "scanimage: open of device hp:1 failed: Device busy\n", Problem.BUSY),
        (8, "", Problem.COVER_OPEN),  # the status alone
        (6, "", Problem.JAMMED),
        (9, "scanimage: sane_read: Error during device I/O\n", Problem.IO_ERROR),
        (11, "", Problem.NO_DEVICE),
        (4, "scanimage: setting of option --mode failed (Invalid argument)\n", Problem.IO_ERROR),
        (137, "", Problem.CRASHED),
    ],
)
def test_exit_codes_and_messages(code: int, stderr: str, problem: Problem) -> None:
    assert problem_for(Ending(code, stderr, pages=0)) is problem


def test_how_the_kiosk_stopped_it_comes_first() -> None:
    assert problem_for(Ending(2, "", pages=0, cancelled=True)) is Problem.CANCELLED
    assert problem_for(Ending(0, "", pages=1, cancelled=True)) is Problem.CANCELLED
    assert problem_for(Ending(9, "", pages=0, crashed=True)) is Problem.CRASHED
    assert problem_for(Ending(9, "", pages=0, crashed=True, timed_out=True)) is Problem.TIMEOUT
    # A stall after the driver said why: its reason helps the visitor more.
    busy = "scanimage: sane_read: Device busy\n"
    assert problem_for(Ending(9, busy, pages=0, crashed=True, timed_out=True)) is Problem.BUSY


STATUSES = [
    ("SANE_STATUS_COVER_OPEN", False, Problem.COVER_OPEN),
    ("SANE_STATUS_JAMMED", True, Problem.JAMMED),
    ("SANE_STATUS_NO_DOCS", True, Problem.NO_DOCUMENTS),
    ("SANE_STATUS_NO_DOCS", False, Problem.NO_DOCUMENTS),
    ("SANE_STATUS_IO_ERROR", False, Problem.IO_ERROR),
    ("SANE_STATUS_NO_MEM", False, Problem.IO_ERROR),
    ("SANE_STATUS_ACCESS_DENIED", False, Problem.NO_DEVICE),
    ("SANE_STATUS_CANCELLED", False, Problem.CANCELLED),
    ("Default", True, None),
]


@pytest.mark.parametrize(("status", "feeder", "problem"), STATUSES)
def test_live_device_statuses(sane_config, tmp_path, captured, status, feeder, problem) -> None:
    """The test device made to fail with each SANE status, through the same command line the kiosk runs."""
    config = sane_config(read_status_code=f'"{status}"')
    settings = choose_settings(parse_options(captured("test-device-A.txt")), Purpose.TEXT, feeder=feeder)
    out = tmp_path / "pages"
    out.mkdir()
    command = scan_command("test:0", settings, out, run=1)
    env = scan_environment({"PATH": "/usr/bin:/bin"}, config)
    expected = problem
    try:
        done = subprocess.run(command, env=env, capture_output=True, text=True, timeout=10, check=False)
        ending = Ending(done.returncode, done.stderr, 0, feeder=feeder)
    except subprocess.TimeoutExpired as stalled:
        # The test backend sometimes hangs while cancelling after an error, as real drivers do: the
        # kiosk's watchdog then kills it, and what the driver said still names the problem. All but
        # "cancelled": after a stall the kiosk cannot tell the driver's own cancel from the one its
        # watchdog's SIGTERM makes scanimage say, so it reports the stall.
        stderr = stalled.stderr.decode() if isinstance(stalled.stderr, bytes) else stalled.stderr or ""
        ending = Ending(-1, stderr, 0, crashed=True, timed_out=True, feeder=feeder)
        if problem is Problem.CANCELLED:
            expected = Problem.TIMEOUT
    pages = len(list(out.glob("*.png")))
    ending = Ending(**{**ending.__dict__, "pages": pages})
    assert problem_for(ending) is expected
    assert (pages > 0) == (problem is None)


def test_live_unknown_device(sane_env, tmp_path, captured) -> None:
    settings = choose_settings(parse_options(captured("test-device-A.txt")), Purpose.TEXT)
    command = scan_command("nothing:0", settings, tmp_path, run=1)
    done = subprocess.run(command, env=sane_env, capture_output=True, text=True, timeout=20, check=False)
    assert problem_for(Ending(done.returncode, done.stderr, pages=0)) is Problem.NO_DEVICE
