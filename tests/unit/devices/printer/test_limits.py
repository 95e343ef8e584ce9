"""The per-session page allowance and page ranges (pure)."""

from __future__ import annotations

import pytest

from kiosk.devices.printer.limits import DEFAULT_LIMIT, PageAllowance, parse_page_ranges, selected_pages


def test_default_limit_is_thirty():
    assert PageAllowance().limit == DEFAULT_LIMIT == 30


def test_job_within_the_limit_is_allowed():
    allowance = PageAllowance(30)
    decision = allowance.check(pages=12, copies=2)
    assert decision.allowed
    assert decision.requested == 24
    assert decision.remaining == 30
    assert allowance.used == 0  # checking charges nothing


def test_job_beyond_what_remains_is_refused_with_what_remains():
    allowance = PageAllowance(30)
    allowance.charge(24)
    decision = allowance.check(pages=4, copies=2)
    assert not decision.allowed
    assert decision.requested == 8
    assert decision.remaining == 6
    assert allowance.check(pages=3, copies=2).allowed  # exactly what remains fits


def test_refund_and_reset():
    allowance = PageAllowance(10)
    allowance.charge(10)
    assert allowance.remaining == 0
    assert not allowance.check(1).allowed
    allowance.refund(4)
    assert allowance.remaining == 4
    allowance.refund(100)
    assert allowance.used == 0
    allowance.charge(7)
    allowance.reset()
    assert allowance.remaining == 10


def test_bad_requests():
    with pytest.raises(ValueError):
        PageAllowance(-1)
    with pytest.raises(ValueError):
        PageAllowance().check(0)
    with pytest.raises(ValueError):
        PageAllowance().check(1, copies=0)


def test_parse_page_ranges():
    assert parse_page_ranges("1-3, 5") == ((1, 3), (5, 5))
    assert parse_page_ranges(" 2 - 4 ,") == ((2, 4),)
    assert parse_page_ranges("8-") == ((8, 2**31 - 1),)
    for bad in ("", "0", "3-1", "a", "1-2-3", "-4"):
        with pytest.raises(ValueError):
            parse_page_ranges(bad)


def test_selected_pages():
    assert selected_pages(10, None) == 10
    assert selected_pages(10, ((2, 4), (9, 12))) == 5  # a range past the end stops at the last page
    assert selected_pages(10, ((1, 3), (2, 5))) == 5  # overlapping pages print once
    assert selected_pages(5, ((8, 9),)) == 0
    assert selected_pages(6, parse_page_ranges("4-")) == 3
