"""The sync client's retry rules (DESIGN.md): every answer a hub can give, and the waits between tries."""

from __future__ import annotations

import random
from datetime import UTC, datetime, timedelta
from email.utils import format_datetime

import pytest

from kiosk.usage.retry import (
    FIRST_DELAY,
    HOURLY_SPREAD,
    LONGEST_DELAY,
    LONGEST_RETRY_AFTER,
    Outcome,
    backoff,
    decide,
    first_send_delay,
    retry_after_seconds,
)

NOW = datetime(2026, 12, 2, 10, 0, tzinfo=UTC)


@pytest.mark.parametrize(
    ("status", "outcome"),
    [
        (None, Outcome.RETRY),
        (200, Outcome.DELIVERED),
        (207, Outcome.DELIVERED),
        (408, Outcome.RETRY),
        (429, Outcome.RETRY),
        (500, Outcome.RETRY),
        (502, Outcome.RETRY),
        (503, Outcome.RETRY),
        (599, Outcome.RETRY),
        (413, Outcome.SPLIT),
        (400, Outcome.DROP),
        (422, Outcome.DROP),
        (401, Outcome.PAUSE),
        (403, Outcome.PAUSE),
        (404, Outcome.PAUSE),
        (410, Outcome.PAUSE),
        (301, Outcome.PAUSE),
        (409, Outcome.PAUSE),
    ],
)
def test_every_answer_has_its_outcome(status, outcome):
    decision = decide(status, attempt=0, rows=10, now=NOW, rng=random.Random(1))
    assert decision.outcome is outcome
    assert decision.reason


def test_a_single_row_too_big_for_the_hub_is_dropped_not_split_forever():
    assert decide(413, attempt=0, rows=1).outcome is Outcome.DROP


def test_only_a_retry_waits():
    for status in (200, 413, 400, 401):
        assert decide(status, attempt=3, rows=10).delay == 0


@pytest.mark.parametrize("status", [429, 503])
def test_retry_after_in_seconds_is_obeyed(status):
    decision = decide(status, attempt=0, rows=5, retry_after="120", now=NOW)
    assert decision.delay == 120


def test_retry_after_as_a_date_is_obeyed():
    header = format_datetime(NOW + timedelta(minutes=7), usegmt=True)
    assert decide(429, attempt=0, rows=5, retry_after=header, now=NOW).delay == 7 * 60


def test_a_retry_after_in_the_past_means_now_and_a_huge_one_a_day():
    assert retry_after_seconds(format_datetime(NOW - timedelta(hours=1), usegmt=True), NOW) == 0
    assert retry_after_seconds("999999999", NOW) == LONGEST_RETRY_AFTER


@pytest.mark.parametrize("header", ["", "soon", "12.5", "-3", None])
def test_an_unreadable_retry_after_falls_back_on_the_backoff(header):
    decision = decide(503, attempt=2, rows=5, retry_after=header, now=NOW, rng=random.Random(4))
    ceiling = FIRST_DELAY * 4
    assert ceiling / 2 <= decision.delay <= ceiling


def test_backoff_doubles_from_five_seconds_to_an_hour_with_jitter():
    rng = random.Random(7)
    for attempt in range(30):
        ceiling = min(LONGEST_DELAY, FIRST_DELAY * 2**attempt)
        waits = [backoff(attempt, rng) for _ in range(200)]
        assert all(ceiling / 2 <= wait <= ceiling for wait in waits)
        assert max(waits) - min(waits) > ceiling / 4  # really spread, not a fixed wait
    assert backoff(10_000, rng) <= LONGEST_DELAY


def test_the_first_send_of_an_hour_is_spread_over_the_quarter():
    rng = random.Random(3)
    delays = [first_send_delay(rng) for _ in range(1000)]
    assert all(0 <= d <= HOURLY_SPREAD for d in delays)
    # a fleet starting together is spread: no minute of the quarter holds more than a tenth of it
    per_minute = [sum(1 for d in delays if m * 60 <= d < (m + 1) * 60) for m in range(15)]
    assert max(per_minute) < 100
