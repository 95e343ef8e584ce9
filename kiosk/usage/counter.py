"""Count usage in memory and fold it into hourly rows of `usage_counters` through the store worker.

`count()` only touches a dict under a lock, so the GUI thread may call it. A flush hands the pending counts
to the `StoreWorker` as one transaction that adds them to the stored rows; if it fails, the counts go back
to pending and the next flush retries. What is stored is `(hour UTC, metric, key, count)`, nothing else.
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable, Iterable, Mapping
from concurrent.futures import Future
from datetime import UTC, datetime
from typing import TYPE_CHECKING

from kiosk.store.worker import StoreWorker
from kiosk.usage.metrics import DYNAMIC_KEY_SETS, METRICS

if TYPE_CHECKING:
    from sqlite_utils import Database

_log = logging.getLogger(__name__)

Row = tuple[str, str, str, int]  # (period_start, metric, key, count)
_Pending = dict[tuple[str, str, str], int]

_UPSERT = """
INSERT INTO usage_counters (period_start, metric, key, count) VALUES (?, ?, ?, ?)
ON CONFLICT (period_start, metric, key) DO UPDATE SET count = count + excluded.count
"""


class UnknownMetric(ValueError):
    """A metric that is not in `METRICS`: a programming error."""


class UnknownKey(ValueError):
    """A key the metric does not accept: a programming error."""


def hour_start(timestamp: float) -> str:
    """The UTC hour holding `timestamp` (seconds since the epoch), e.g. "2026-11-26T14:00:00Z"."""
    return datetime.fromtimestamp(timestamp // 3600 * 3600, UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


class UsageCounter:
    """In-memory hourly counters, flushed to SQLite every `flush_interval` seconds and on `close()`.

    `dynamic_keys` gives each dynamic key set its keys, e.g. `{"shortcut": ["ameli", "caf"]}`.
    `flush_interval=None` turns the periodic flush off (tests).
    """

    def __init__(
        self,
        worker: StoreWorker,
        *,
        dynamic_keys: Mapping[str, Iterable[str]] | None = None,
        clock: Callable[[], float] = time.time,
        flush_interval: float | None = 30.0,
        log: logging.Logger = _log,
    ) -> None:
        self._worker = worker
        self._clock = clock
        self._log = log
        self._lock = threading.Lock()
        self._pending: _Pending = {}
        self._failing = False
        self._dynamic: dict[str, frozenset[str]] = dict.fromkeys(DYNAMIC_KEY_SETS, frozenset())
        for name, keys in (dynamic_keys or {}).items():
            self.set_dynamic_keys(name, keys)
        self._stop = threading.Event()
        self._ticker: threading.Thread | None = None
        if flush_interval is not None:
            self._ticker = threading.Thread(
                target=self._tick, args=(flush_interval,), name="ilot-usage-flush", daemon=True
            )
            self._ticker.start()

    def set_dynamic_keys(self, name: str, keys: Iterable[str]) -> None:
        """Replace a dynamic key set, e.g. the shortcut ids after the config was reloaded."""
        if name not in DYNAMIC_KEY_SETS:
            raise ValueError(f"unknown dynamic key set {name!r}; known: {sorted(DYNAMIC_KEY_SETS)}")
        self._dynamic[name] = frozenset(keys)

    def count(self, metric: str, key: str = "", n: int = 1) -> None:
        """Add `n` to `metric`/`key` for the current hour. No I/O: safe on the GUI thread."""
        spec = METRICS.get(metric)
        if spec is None:
            raise UnknownMetric(f"unknown usage metric {metric!r}")
        allowed = spec.keys if spec.dynamic is None else self._dynamic[spec.dynamic]
        if key not in allowed:
            raise UnknownKey(f"usage metric {metric!r} does not accept the key {key!r}")
        if n < 1:
            raise ValueError(f"usage counts only go up: n={n}")
        slot = (hour_start(self._clock()), metric, key)
        with self._lock:
            self._pending[slot] = self._pending.get(slot, 0) + n

    def flush(self) -> Future[int]:
        """Hand the pending counts to the worker; the future gives the number of rows written."""
        with self._lock:
            batch, self._pending = self._pending, {}
        if not batch:
            done: Future[int] = Future()
            done.set_result(0)
            return done
        rows = [(*slot, n) for slot, n in batch.items()]
        try:
            future = self._worker.submit(lambda db: add_rows(db, rows), log_errors=False)
        except RuntimeError:
            self._put_back(batch)
            raise
        future.add_done_callback(lambda f: self._flushed(f, batch))
        return future

    def totals(self, since: str | None = None) -> Future[list[Row]]:
        """Stored rows (not the pending ones), oldest first; `since` is an hour from `hour_start`."""
        return self._worker.submit(lambda db: _read_rows(db, since))

    def close(self) -> Future[int]:
        """Stop the periodic flush and flush one last time. Close this before the worker."""
        self._stop.set()
        if self._ticker is not None and self._ticker is not threading.current_thread():
            self._ticker.join()
        try:
            return self.flush()
        except RuntimeError:
            with self._lock:
                lost = sum(self._pending.values())
            self._log.error("store worker already closed: %d usage counts not saved", lost)
            raise

    def _tick(self, interval: float) -> None:
        while not self._stop.wait(interval):
            try:
                self.flush()
            except RuntimeError:
                self._log.warning("store worker closed; periodic usage flush stops")
                return

    def _flushed(self, future: Future[int], batch: _Pending) -> None:
        error = None if future.cancelled() else future.exception()
        if future.cancelled() or error is not None:
            self._put_back(batch)
            if not self._failing:
                self._failing = True
                self._log.error("cannot save usage counts, keeping them to retry: %r", error)
        elif self._failing:
            self._failing = False
            self._log.info("usage counts saved again")

    def _put_back(self, batch: _Pending) -> None:
        with self._lock:
            for slot, n in batch.items():
                self._pending[slot] = self._pending.get(slot, 0) + n


def add_rows(db: Database, rows: list[Row]) -> int:
    """Adds `rows` to the stored counts, in one transaction (nested in the caller's, if any)."""
    with db.atomic():
        db.conn.executemany(_UPSERT, rows)
    return len(rows)


def _read_rows(db: Database, since: str | None) -> list[Row]:
    sql = "SELECT period_start, metric, key, count FROM usage_counters"
    params: tuple[str, ...] = ()
    if since is not None:
        sql += " WHERE period_start >= ?"
        params = (since,)
    sql += " ORDER BY period_start, metric, key"
    return [tuple(row) for row in db.execute(sql, params).fetchall()]
