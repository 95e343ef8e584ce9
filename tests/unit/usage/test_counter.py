"""Usage counters: fixed metrics, hourly buckets, flushes that add up and survive a failing store."""

from __future__ import annotations

import logging
import threading
import time
from datetime import UTC, datetime
from pathlib import Path

import msgspec
import pytest

from kiosk.config import LANGUAGES, Site
from kiosk.store import StoreWorker
from kiosk.usage import (
    METRICS,
    SHORTCUT,
    UnknownKey,
    UnknownMetric,
    UsageCounter,
    duration_bucket,
    hour_start,
)

TIMEOUT = 5


def at(hour: int, minute: int) -> float:
    return datetime(2026, 11, 26, hour, minute, tzinfo=UTC).timestamp()


class Clock:
    def __init__(self, now: float) -> None:
        self.now = now

    def __call__(self) -> float:
        return self.now


@pytest.fixture
def worker(tmp_path: Path):
    w = StoreWorker(tmp_path / "kiosk.db")
    w.start()
    yield w
    w.close(timeout=TIMEOUT)


@pytest.fixture
def clock() -> Clock:
    return Clock(at(14, 10))


@pytest.fixture
def counter(worker: StoreWorker, clock: Clock):
    c = UsageCounter(worker, dynamic_keys={SHORTCUT: ["ameli", "caf"]}, clock=clock, flush_interval=None)
    yield c
    c.close()


def test_hour_start_is_the_utc_hour() -> None:
    assert hour_start(at(14, 59) + 59.9) == "2026-11-26T14:00:00Z"
    assert hour_start(at(15, 0)) == "2026-11-26T15:00:00Z"


def test_counts_land_in_hourly_buckets(counter: UsageCounter, clock: Clock) -> None:
    counter.count("session_started")
    clock.now = at(14, 50)
    counter.count("session_started")
    clock.now = at(15, 5)
    counter.count("session_started")
    counter.count("pages_printed", n=3)
    assert counter.flush().result(timeout=TIMEOUT) == 3

    assert counter.totals().result(timeout=TIMEOUT) == [
        ("2026-11-26T14:00:00Z", "session_started", "", 2),
        ("2026-11-26T15:00:00Z", "pages_printed", "", 3),
        ("2026-11-26T15:00:00Z", "session_started", "", 1),
    ]
    assert counter.totals(since="2026-11-26T15:00:00Z").result(timeout=TIMEOUT) == [
        ("2026-11-26T15:00:00Z", "pages_printed", "", 3),
        ("2026-11-26T15:00:00Z", "session_started", "", 1),
    ]


def test_repeated_flushes_add_up(counter: UsageCounter) -> None:
    counter.count("shortcut_opened", "ameli")
    counter.flush().result(timeout=TIMEOUT)
    counter.count("shortcut_opened", "ameli", n=2)
    counter.flush().result(timeout=TIMEOUT)
    assert counter.flush().result(timeout=TIMEOUT) == 0  # nothing pending: nothing written twice

    assert counter.totals().result(timeout=TIMEOUT) == [
        ("2026-11-26T14:00:00Z", "shortcut_opened", "ameli", 3)
    ]


def test_only_the_hour_metric_key_and_count_are_stored(counter: UsageCounter, worker: StoreWorker) -> None:
    counter.count("help_call", "answered")
    counter.flush().result(timeout=TIMEOUT)
    columns = worker.submit(lambda db: list(db["usage_counters"].columns_dict)).result(timeout=TIMEOUT)
    assert columns == ["period_start", "metric", "key", "count"]


def test_unknown_metric_and_key_raise(counter: UsageCounter) -> None:
    with pytest.raises(UnknownMetric):
        counter.count("visitor_name", "")
    with pytest.raises(UnknownKey):
        counter.count("help_call", "maybe")
    with pytest.raises(UnknownKey):
        counter.count("session_started", "someone")  # keyless metrics take only ""
    with pytest.raises(ValueError, match="only go up"):
        counter.count("pages_printed", n=0)
    assert issubclass(UnknownMetric, ValueError) and issubclass(UnknownKey, ValueError)
    assert counter.flush().result(timeout=TIMEOUT) == 0  # nothing refused was counted


def test_dynamic_shortcut_ids(counter: UsageCounter) -> None:
    counter.count("shortcut_opened", "caf")
    counter.count("navigation_blocked", "ameli")
    with pytest.raises(UnknownKey):
        counter.count("shortcut_opened", "https://www.caf.fr/")
    with pytest.raises(UnknownKey):
        counter.count("navigation_blocked", "")

    counter.set_dynamic_keys(SHORTCUT, ["ants"])  # the config was reloaded
    counter.count("shortcut_opened", "ants")
    with pytest.raises(UnknownKey):
        counter.count("shortcut_opened", "caf")


def test_dynamic_key_sets_must_be_known(worker: StoreWorker) -> None:
    with pytest.raises(ValueError, match="shortcuts"):
        UsageCounter(worker, dynamic_keys={"shortcuts": ["ameli"]}, flush_interval=None)


def test_without_dynamic_keys_shortcut_metrics_accept_nothing(worker: StoreWorker) -> None:
    counter = UsageCounter(worker, flush_interval=None)
    with pytest.raises(UnknownKey):
        counter.count("shortcut_opened", "ameli")


@pytest.mark.parametrize(
    ("seconds", "bucket"),
    [
        (-1, "<1min"),
        (0, "<1min"),
        (59.9, "<1min"),
        (60, "1-5min"),
        (299, "1-5min"),
        (300, "5-15min"),
        (899, "5-15min"),
        (900, "15-30min"),
        (1799, "15-30min"),
        (1800, "30-60min"),
        (3599, "30-60min"),
        (3600, ">60min"),
        (86_400, ">60min"),
    ],
)
def test_duration_bucket_edges(seconds: float, bucket: str) -> None:
    assert duration_bucket(seconds) == bucket
    assert bucket in METRICS["session_duration"].keys


def test_every_metric_declares_its_keys() -> None:
    for name, metric in METRICS.items():
        assert metric.name == name
        assert (metric.keys is None) != (metric.dynamic is None), name
        assert metric.description
    assert "3:avec_aide" in METRICS["diagnostic_level"].keys
    assert "8:avec_aide" not in METRICS["diagnostic_level"].keys


def test_the_language_metric_counts_exactly_the_languages_the_config_accepts() -> None:
    assert METRICS["language"].keys == frozenset(LANGUAGES)
    for language in LANGUAGES:
        assert msgspec.convert({"language": language}, Site).language == language
    for other in ("de", "uk", "FR", ""):
        assert other not in METRICS["language"].keys
        with pytest.raises(msgspec.ValidationError):
            msgspec.convert({"language": other}, Site)


def test_a_failing_flush_keeps_the_counts(
    counter: UsageCounter, worker: StoreWorker, clock: Clock, caplog: pytest.LogCaptureFixture
) -> None:
    counter.count("session_started")
    counter.flush().result(timeout=TIMEOUT)
    schema = worker.submit(
        lambda db: db.execute("SELECT sql FROM sqlite_master WHERE name = 'usage_counters'").fetchone()[0]
    ).result(timeout=TIMEOUT)
    worker.submit(lambda db: db.execute("ALTER TABLE usage_counters RENAME TO parked")).result(
        timeout=TIMEOUT
    )

    counter.count("session_started")
    counter.count("error", "store_corrupt")
    with caplog.at_level(logging.ERROR):
        with pytest.raises(Exception, match="no such table"):
            counter.flush().result(timeout=TIMEOUT)
        clock.now = at(15, 5)
        counter.count("session_started")
        with pytest.raises(Exception, match="no such table"):
            counter.flush().result(timeout=TIMEOUT)
    assert caplog.text.count("cannot save usage counts") == 1  # logged once, not at every retry

    worker.submit(lambda db: db.execute(schema)).result(timeout=TIMEOUT)  # the disk is fine again
    assert counter.flush().result(timeout=TIMEOUT) == 3
    assert counter.totals().result(timeout=TIMEOUT) == [
        ("2026-11-26T14:00:00Z", "error", "store_corrupt", 1),
        ("2026-11-26T14:00:00Z", "session_started", "", 1),  # the earlier count is in the parked table
        ("2026-11-26T15:00:00Z", "session_started", "", 1),
    ]


def test_count_does_no_io_while_the_worker_is_busy(counter: UsageCounter, worker: StoreWorker) -> None:
    gate = threading.Event()
    busy = worker.submit(lambda db: gate.wait(TIMEOUT))
    try:
        started = time.perf_counter()
        for _ in range(10_000):
            counter.count("accessibility", "zoom")
        elapsed = time.perf_counter() - started
        pending = counter.flush()  # submitting does not wait either
        assert not pending.done()
    finally:
        gate.set()
    assert busy.result(timeout=TIMEOUT) is True
    assert elapsed < 1.0
    assert pending.result(timeout=TIMEOUT) == 1
    assert counter.totals().result(timeout=TIMEOUT) == [
        ("2026-11-26T14:00:00Z", "accessibility", "zoom", 10_000)
    ]


def test_periodic_flush_and_close(worker: StoreWorker, clock: Clock) -> None:
    counter = UsageCounter(worker, clock=clock, flush_interval=0.05)
    counter.count("language", "fr")
    deadline = time.monotonic() + TIMEOUT
    while not counter.totals().result(timeout=TIMEOUT) and time.monotonic() < deadline:
        time.sleep(0.02)
    assert counter.totals().result(timeout=TIMEOUT) == [("2026-11-26T14:00:00Z", "language", "fr", 1)]

    counter.count("session_ended", "idle")
    counter.close().result(timeout=TIMEOUT)  # the last counts are flushed on close
    rows = counter.totals().result(timeout=TIMEOUT)
    assert ("2026-11-26T14:00:00Z", "session_ended", "idle", 1) in rows


def test_flush_after_the_worker_closed_keeps_the_counts(
    tmp_path: Path, clock: Clock, caplog: pytest.LogCaptureFixture
) -> None:
    w = StoreWorker(tmp_path / "kiosk.db")
    w.start()
    counter = UsageCounter(w, clock=clock, flush_interval=None)
    w.close(timeout=TIMEOUT)
    counter.count("pages_scanned")
    with pytest.raises(RuntimeError, match="closed"):
        counter.flush()
    counter.count("pages_scanned")
    with pytest.raises(RuntimeError):
        counter.close()
    assert "2 usage counts not saved" in caplog.text  # put back after the first refusal, and reported
