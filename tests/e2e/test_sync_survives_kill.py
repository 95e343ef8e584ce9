"""`kill -9` at random points of a sync, again and again: once everything is through, the hub's totals
equal the counted totals exactly — nothing lost, nothing counted twice. The outbox and the hub each change
in one transaction, and a batch is resent under its id until the hub has answered for it."""

from __future__ import annotations

import os
import random
import signal
import sqlite3
import subprocess
import time
from datetime import UTC, datetime

import pytest

from kiosk.store.database import open_store
from kiosk.usage.counter import add_rows
from tests.e2e.conftest import ROOT, kiosk_command, kiosk_env, run_kiosk
from tests.hub_on_loopback import FaultProxy, add_terminal, hub_totals, running_hub

pytestmark = pytest.mark.e2e

KEYS = [("session_started", ""), ("pages_printed", "")] + [
    ("shortcut_opened", f"service-{n}") for n in range(46)
]


LATENCY = 0.05  # seconds each request to the hub waits, as over a terminal's network

FIRST_DAY = (time.time() // 86400 - 70) * 86400  # far enough back for 60 days, within the outbox's 90


def add_days(data, first_day: int, days: int, rng: random.Random) -> dict:
    """`days` days of hourly counts (48 rows an hour) from FIRST_DAY + `first_day`, in the terminal."""
    start = FIRST_DAY + first_day * 86400
    rows = {}
    for hour in range(days * 24):
        period = datetime.fromtimestamp(start + hour * 3600, UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
        for metric, key in KEYS:
            rows[(period, metric, key)] = rng.randint(1, 9)
    opened = open_store(data / "kiosk.db")
    add_rows(opened.db, [(*slot, n) for slot, n in rows.items()])
    opened.db.close()
    return rows


def folders(tmp_path, base: str, token: str, site: str):
    config, data = tmp_path / "config", tmp_path / "data"
    config.mkdir()
    (config / "site.yaml").write_text(
        f'site_id: {site}\nterminal_id: borne-1\nhub_url: "{base}"\nhub_token: "{token}"\n', encoding="utf-8"
    )
    return config, data


def kill_at(command: list[str], after: float, env: dict[str, str]) -> None:
    process = subprocess.Popen(
        command,
        env=env,
        cwd=ROOT,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        start_new_session=True,
    )
    time.sleep(after)
    os.killpg(process.pid, signal.SIGKILL)
    process.wait()


def owed(data) -> int:
    """Rows the terminal still owes the hub: in the outbox, or in hours not yet moved to it."""
    with sqlite3.connect(f"file:{data / 'kiosk.db'}?mode=ro", uri=True) as db:
        return sum(
            db.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in ("outbox_rows", "usage_counters")
        )


# 50 kills on SQLite; on PostgreSQL, where each pass takes longer, half as many prove the hub's side there.
KILLS = {"sqlite": 50, "postgresql": 25}


def test_kill_9_during_sync_once_50_times_loses_and_doubles_nothing(tmp_path, hub_db_url):
    url = hub_db_url
    kills = KILLS[url.split(":", 1)[0]]
    token = add_terminal(url, site="poste-kill")
    rng = random.Random(50)
    # Over loopback a day's batches go in a few tens of milliseconds, less than the start-up's jitter: with
    # a network's latency in between, the kills can aim inside the sending.
    with running_hub(url) as hub, FaultProxy(hub, latency=LATENCY) as proxy:
        config, data = folders(tmp_path, proxy.url, token, "poste-kill")
        command = kiosk_command("sync", "--once", "--config", str(config), "--data-dir", str(data))
        started = time.monotonic()
        assert run_kiosk(*command[3:]).returncode == 0
        idle = time.monotonic() - started  # a pass with nothing to send: the start-up and its checks
        counted = add_days(data, 0, 2, rng)
        started = time.monotonic()
        assert run_kiosk(*command[3:]).returncode == 0
        per_row = (time.monotonic() - started - idle) / len(counted)
        cut_short = 0
        pace = 1.0  # follows the machine's load, which the two passes above measured only once
        for day in range(2, 2 + kills):  # each time a new day, and a kill somewhere in the pass that sends it
            counted |= add_days(data, day, 1, rng)
            before = owed(data)
            kill_at(command, pace * (idle * 0.9 + rng.uniform(0, before * per_row)), kiosk_env())
            after = owed(data)
            cut_short += 0 < after < before
            pace *= 1.15 if after == before else 1 / 1.15 if after == 0 else 1
        finished = run_kiosk(*command[3:])
        assert finished.returncode == 0, finished.stdout + finished.stderr
    assert hub_totals(url, "poste-kill") == counted
    assert cut_short >= kills * 0.3  # that many kills fell in the middle of sending, not before or after it


def test_kill_9_of_the_kiosk_process_while_it_syncs(tmp_path, x_display, hub_db_url):
    url = hub_db_url
    token = add_terminal(url, site="poste-kiosk-kill")
    rng = random.Random(8)
    with running_hub(url) as base:
        config, data = folders(tmp_path, base, token, "poste-kiosk-kill")
        command = kiosk_command("run", "--config", str(config), "--data-dir", str(data))
        counted = {}
        for day in range(0, 16, 2):
            counted |= add_days(data, day, 2, rng)  # two days, and a kill at some point of the kiosk's life
            kill_at(command, rng.uniform(0.8, 2.5), kiosk_env(DISPLAY=x_display))
        finished = run_kiosk(*command[3:], "--quit-after-first-paint", env=kiosk_env(DISPLAY=x_display))
        assert finished.returncode == 0, finished.stderr[-2000:]
        assert run_kiosk("sync", "--once", "--config", str(config), "--data-dir", str(data)).returncode == 0
    assert hub_totals(url, "poste-kiosk-kill") == counted
