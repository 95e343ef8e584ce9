"""printer-state + printer-state-reasons → problem codes (pure)."""

from __future__ import annotations

import pytest

from kiosk.devices.printer.problems import (
    Condition,
    Problem,
    Severity,
    condition,
    printer_problems,
    reason_problem,
    severity,
    split_reason,
)

IDLE, PROCESSING, STOPPED = 3, 4, 5


@pytest.mark.parametrize(
    ("reason", "problem"),
    [
        ("media-empty-error", Problem.MEDIA_EMPTY),
        ("media-empty", Problem.MEDIA_EMPTY),  # no suffix counts as an error
        ("media-needed-error", Problem.MEDIA_EMPTY),
        ("media-jam-error", Problem.MEDIA_JAM),
        ("door-open-error", Problem.DOOR_OPEN),
        ("cover-open", Problem.DOOR_OPEN),
        ("interlock-open-error", Problem.DOOR_OPEN),
        ("toner-empty-error", Problem.TONER_EMPTY),
        ("marker-supply-empty-error", Problem.TONER_EMPTY),
        ("toner-low-report", Problem.TONER_LOW),
        ("toner-low-warning", Problem.TONER_LOW),
        ("marker-supply-low-warning", Problem.TONER_LOW),
        ("media-low-report", Problem.MEDIA_LOW),
        ("offline-report", Problem.OFFLINE),  # a report, but the job will not come out
        ("shutdown-error", Problem.OFFLINE),
        ("connecting-to-device", Problem.OFFLINE),
        ("fuser-over-temp-error", Problem.PRINTER_ERROR),  # unknown error: still blocking
        ("MEDIA-EMPTY-ERROR", Problem.MEDIA_EMPTY),
    ],
)
def test_reason_maps_to_problem(reason, problem):
    assert reason_problem(reason) is problem


@pytest.mark.parametrize(
    "reason",
    [
        "none",
        "paused",
        "cups-waiting-for-job-completed",
        "cups-missing-filter-warning",
        "media-empty-report",  # an empty second tray: printing goes on
        "media-jam-warning",
        "fuser-over-temp-warning",  # unknown warnings and reports say nothing a visitor can act on
        "other-report",
        "",
    ],
)
def test_reasons_that_are_no_problem(reason):
    assert reason_problem(reason) is None


def test_split_reason():
    assert split_reason("media-empty-error") == ("media-empty", "error")
    assert split_reason("toner-low-report") == ("toner-low", "report")
    assert split_reason("door-open") == ("door-open", "error")


def test_severity_blocking_vs_warning():
    assert severity(Problem.MEDIA_EMPTY) is Severity.BLOCKING
    assert severity(Problem.STOPPED) is Severity.BLOCKING
    assert severity(Problem.SERVER_DOWN) is Severity.BLOCKING
    assert severity(Problem.TONER_LOW) is Severity.WARNING
    assert severity(Problem.MEDIA_LOW) is Severity.WARNING


def test_idle_printer_without_reasons_has_no_problem():
    assert printer_problems(IDLE, ["none"]) == ()
    assert condition(IDLE, ()) is Condition.IDLE
    assert condition(PROCESSING, ()) is Condition.PRINTING


def test_stopped_printer_says_stopped():
    problems = printer_problems(STOPPED, ["paused"])
    assert problems == (Problem.STOPPED,)
    assert condition(STOPPED, problems) is Condition.STOPPED


def test_stopped_printer_names_its_cause_rather_than_stopped():
    problems = printer_problems(STOPPED, ["media-empty-error", "paused"])
    assert problems == (Problem.MEDIA_EMPTY,)
    assert condition(STOPPED, problems) is Condition.ERROR


def test_blocking_problems_come_before_warnings_without_duplicates():
    problems = printer_problems(IDLE, ["toner-low-report", "media-jam-error", "media-jam", "door-open-error"])
    assert problems == (Problem.MEDIA_JAM, Problem.DOOR_OPEN, Problem.TONER_LOW)


def test_warning_only_printer_still_prints():
    problems = printer_problems(PROCESSING, ["toner-low-report", "media-low-warning"])
    assert set(problems) == {Problem.TONER_LOW, Problem.MEDIA_LOW}
    assert condition(PROCESSING, problems) is Condition.WARNING


def test_printer_refusing_jobs():
    assert printer_problems(IDLE, ["none"], accepting=False) == (Problem.NOT_ACCEPTING,)


def test_offline_idle_printer_is_an_error():
    problems = printer_problems(IDLE, ["offline-report"])
    assert problems == (Problem.OFFLINE,)
    assert condition(IDLE, problems) is Condition.ERROR
