"""A 30-day backlog delivered to a hub on loopback by the kiosk's sync client, against raw `requests` POSTs of
the same JSON bytes to the same hub in the same run; and the GUI event loop's worst stall meanwhile.

The hub is `kiosk hub serve` over SQLite in a temporary folder (tests/hub_on_loopback.py starts it as the
tests do). The backlog is 30 × 24 hours × 50 shortcut keys = 36,000 rows in the kiosk's real SQLite store.

1. Delivery, each on a fresh terminal of the hub (so that every insert is a real one), rounds alternating
   which goes first (the hub's table grows as they go):
   - kiosk: `SyncClient.send_due()` through `HubClient`, its database work on a `StoreWorker` thread — the
     72 batches of 500 rows each read, sent, answered and applied, until the outbox is empty. The hours are
     closed into the outbox before the clock starts, as the kiosk's hourly passes did while it was offline
     (that time is shown apart);
   - raw: the same 72 bodies (`kiosk.usage.outbox.encode`, the same bytes) POSTed in order by one
     `requests.Session`, nothing else done.
2. The GUI loop: a QApplication (offscreen) with the kiosk's GUI-thread garbage collector ticks a 5 ms
   QTimer; the worst gap between ticks while a `SyncRunner` and its `StoreWorker` close the 720 hours and
   deliver them in their threads, against the same loop idle for as long. It runs in a process of its own
   that holds what a kiosk holds (no hub modules, not the bench's rows).

    .venv/bin/python bench/sync_backlog.py [--rounds 3] [--days 30] [--keys 50]

Targets (issue 12): kiosk ≤ 2× raw; no GUI stall over 50 ms while it syncs.
"""

from __future__ import annotations

import argparse
import itertools
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import UTC, datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import requests  # noqa: E402

from kiosk.store import StoreWorker  # noqa: E402
from kiosk.usage import outbox  # noqa: E402
from kiosk.usage.counter import Row, add_rows  # noqa: E402
from kiosk.usage.sync import HubClient, SyncClient, runner_for  # noqa: E402

TICK_MS = 5
STALL_TARGET_MS = 50


def backlog(days: int, keys: int, now: float) -> list[Row]:
    """`days` of closed hours ending at the last closed one, `keys` shortcut keys each hour."""
    last_hour = int(now // 3600) * 3600 - 2 * 3600
    rows = []
    for hour in range(days * 24):
        period = datetime.fromtimestamp(last_hour - hour * 3600, UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
        rows += [(period, "shortcut_opened", f"service-{k}", 1 + (hour + k) % 9) for k in range(keys)]
    return rows


def filled_store(folder: Path, rows: list[Row]) -> StoreWorker:
    store = StoreWorker(folder / "kiosk.db")
    store.start()
    store.call(lambda db: add_rows(db, rows))
    return store


def bodies(rows: list[Row], now: float, folder: Path) -> list[tuple[str, bytes]]:
    """The batches the kiosk would send, in its order: (batch id, body)."""
    store = filled_store(folder, rows)
    try:
        store.call(lambda db: outbox.close_hours(db, now))
        found = []

        def take(db) -> bool:
            batch = outbox.next_batch(db)
            if batch is None:
                return False
            found.append((batch.batch_id, batch.body()))
            db.execute("DELETE FROM outbox_rows WHERE batch_id = ?", (batch.batch_id,))
            db.execute("DELETE FROM outbox_batches WHERE batch_id = ?", (batch.batch_id,))
            return True

        while store.call(take):
            pass
        return found
    finally:
        store.close(timeout=10)


def raw_delivery(base: str, token: str, sent: list[tuple[str, bytes]]) -> float:
    with requests.Session() as session:
        session.headers.update({"Authorization": f"Bearer {token}", "Content-Type": "application/json"})
        started = time.perf_counter()
        for batch_id, body in sent:
            answer = session.post(base + "api/v1/usage", data=body, headers={"Idempotency-Key": batch_id})
            answer.raise_for_status()
        return time.perf_counter() - started


def kiosk_delivery(base: str, token: str, rows: list[Row], now: float, folder: Path) -> tuple[float, float]:
    """(seconds to deliver the outbox, seconds its hours took to close before)."""
    store = filled_store(folder, rows)
    client = SyncClient(HubClient(base, token), store.call, clock=lambda: now)
    try:
        started = time.perf_counter()
        store.call(lambda db: outbox.close_hours(db, now))  # done hour by hour while the kiosk was offline
        closing = time.perf_counter() - started
        started = time.perf_counter()
        report = client.send_due()
        took = time.perf_counter() - started
    finally:
        client.close()
        store.close(timeout=10)
    if not report.done or report.rows_delivered != len(rows):
        raise RuntimeError(f"the kiosk did not deliver everything: {report}")
    return took, closing


def loop_gaps(app, seconds: float | None, until=None) -> dict[str, float]:
    """Runs the event loop with a 5 ms timer for `seconds`, or until `until()` is true: the worst gap between
    ticks and the 99th percentile (ms), and how many gaps were over the target."""
    from PySide6.QtCore import Qt, QTimer

    ticks: list[float] = []
    timer = QTimer()
    timer.setTimerType(Qt.TimerType.PreciseTimer)
    timer.setInterval(TICK_MS)

    def tick() -> None:
        ticks.append(time.perf_counter())
        if (until is not None and until()) or (seconds is not None and ticks[-1] - ticks[0] >= seconds):
            timer.stop()
            app.quit()

    timer.timeout.connect(tick)
    timer.start()
    app.exec()
    gaps = sorted((b - a) * 1000 for a, b in itertools.pairwise(ticks))
    return {
        "worst": gaps[-1],
        "p99": gaps[int(len(gaps) * 0.99)],
        "over": sum(g > STALL_TARGET_MS for g in gaps),
    }


def gui_during_sync(base: str, token: str, days: int, keys: int, folder: Path) -> dict[str, float]:
    """The GUI part, in a process of its own that holds what a kiosk holds (no hub modules, no bench rows)."""
    done = subprocess.run(
        [sys.executable, __file__, "--gui-child", base, token, str(days), str(keys), str(folder)],
        capture_output=True,
        text=True,
        env=dict(os.environ, QT_QPA_PLATFORM="offscreen"),
        check=False,
    )
    if done.returncode != 0:
        raise RuntimeError(f"the GUI part failed: {done.stderr[-2000:]}")
    return json.loads(done.stdout.strip().splitlines()[-1])


def gui_child(base: str, token: str, days: int, keys: int, folder: Path) -> None:
    """Prints, as JSON, the loop's worst gaps while the sync thread delivers the backlog and when idle."""
    import gc

    from PySide6.QtWidgets import QApplication

    from kiosk.shell.garbage import GuiThreadGarbageCollector

    app = QApplication([])
    store = filled_store(folder, backlog(days, keys, time.time()))
    gc.collect()  # the rows written are gone, as in a kiosk whose counts were folded in over 30 days
    collector = GuiThreadGarbageCollector()
    collector.start()
    runner = runner_for(base, token, store.call)
    try:
        started = time.perf_counter()
        runner.start()
        syncing = loop_gaps(app, None, until=lambda: runner.last_report is not None)
        took = time.perf_counter() - started
        report = runner.last_report
        if not report.done or report.rows_delivered != days * 24 * keys:
            raise RuntimeError(f"the sync thread did not deliver everything: {report}")
        idle = loop_gaps(app, took)
    finally:
        runner.close()
        store.close(timeout=10)
        collector.stop()
    print(
        json.dumps(
            {"took": took, **{f"syncing_{k}": v for k, v in syncing.items()}}
            | {f"idle_{k}": v for k, v in idle.items()}
        )
    )


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--days", type=int, default=30)
    parser.add_argument("--keys", type=int, default=50)
    parser.add_argument("--gui-runs", type=int, default=3)
    parser.add_argument("--gui-child", nargs=5, help=argparse.SUPPRESS)
    options = parser.parse_args()
    if options.gui_child:
        base, token, days, keys, folder = options.gui_child
        gui_child(base, token, int(days), int(keys), Path(folder))
        return
    now = time.time()
    rows = backlog(options.days, options.keys, now)
    from tests.hub_on_loopback import add_terminal, running_hub, sqlite_url  # not in the GUI child

    with tempfile.TemporaryDirectory() as temp:
        temp = Path(temp)
        url = sqlite_url(temp / "hub")
        terminals = iter(range(1, 1000))

        def fresh_terminal() -> str:
            return add_terminal(url, f"borne-{next(terminals)}", site="bench")

        def fresh_folder() -> Path:
            return Path(tempfile.mkdtemp(dir=temp))

        sent = bodies(rows, now, fresh_folder())
        with running_hub(url) as base:
            raw_delivery(base, fresh_terminal(), sent[:2])  # warm-up: the hub's first requests
            raw, kiosk, closings = [], [], []
            for round_ in range(options.rounds):
                order = ("raw", "kiosk") if round_ % 2 == 0 else ("kiosk", "raw")
                for which in order:
                    if which == "raw":
                        raw.append(raw_delivery(base, fresh_terminal(), sent))
                    else:
                        took, closing = kiosk_delivery(base, fresh_terminal(), rows, now, fresh_folder())
                        kiosk.append(took)
                        closings.append(closing)
            gui = [
                gui_during_sync(base, fresh_terminal(), options.days, options.keys, fresh_folder())
                for _ in range(options.gui_runs)
            ]

    raw_t, kiosk_t = statistics.median(raw), statistics.median(kiosk)
    print(f"backlog: {len(rows)} rows in {len(sent)} batches; {options.rounds} round(s), medians")
    for name, median, times in (("raw requests", raw_t, raw), ("kiosk sync", kiosk_t, kiosk)):
        each = ", ".join(f"{t:.2f}" for t in times)
        print(f"{name:14} {median:7.2f} s  {len(rows) / median:9.0f} rows/s   ({each})")
    best = min(kiosk) / min(raw)
    print(f"ratio          {kiosk_t / raw_t:7.2f}×   (target ≤ 2×); best against best: {best:.2f}×")
    print(f"(closing the 720 hours into batches, before: {statistics.median(closings):.2f} s)")
    for run in gui:
        print(
            f"GUI loop ({TICK_MS} ms timer) while the sync thread delivered ({run['took']:.2f} s): worst gap "
            f"{run['syncing_worst']:.1f} ms, p99 {run['syncing_p99']:.1f} ms, {run['syncing_over']:.0f} over "
            f"{STALL_TARGET_MS} ms; idle: worst {run['idle_worst']:.1f} ms, p99 {run['idle_p99']:.1f} ms"
        )
    print(f"target: no gap over {STALL_TARGET_MS} ms while syncing")


if __name__ == "__main__":
    main()
