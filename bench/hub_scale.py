"""The largest fleet one hub serves: simulated terminals on loopback, the hub's latency as the fleet grows.

For each fleet size N: a fresh database, N terminals registered (a token each, made and hashed as `kiosk hub
add-terminal` does, inserted in bulk), `kiosk hub serve --workers W` on loopback, then `--seconds` of the
traffic N terminals make at their real rate: a heartbeat from each every 15 minutes and a usage batch from
each every hour (`--rows` rows: an hour of a busy terminal, encoded by kiosk.usage.outbox as the kiosk does).
The hub's load is a rate, so a minute of it shows what an hour would: time is compressed by sending only the
requests that fall in the window. They go at Poisson-random moments (terminals spread their sends:
kiosk.usage.retry.first_send_delay), open loop (a request leaves at its moment whether or not the earlier
ones were answered, as separate terminals' requests do), each on a new connection (a terminal sends one
every few minutes: nothing keeps it open). Latency is from sending to the whole answer.

Then the hub's table is compared with what was sent: every count of every batch answered `ok` is there
(else "lost"), and the table holds no more than all the batches sent (else "twice"; a batch whose answer did
not come in time may be stored: a terminal would send it again, and the hub answer `duplicate`). A request
answered anything but 200, or not in 30 s, or a row answered anything but `ok`, counts as refused.

    .venv/bin/python bench/hub_scale.py [--db sqlite] [--fleets 2000,5000,10000,20000] [--workers 1]
    .venv/bin/python bench/hub_scale.py --db postgresql --workers 2 --fleets 25000,50000,100000,200000

With `--db postgresql` it makes a throwaway cluster as tests do (tests/postgres.py: Debian's PostgreSQL, run
as the `postgres` user), unless ILOT_BENCH_POSTGRES_URL names an empty database it may use.

Target (issue 12): p99 under 200 ms with nothing refused, lost or counted twice, for ≥ 100,000 terminals on
PostgreSQL with several workers and ≥ 10,000 on SQLite. The help calls (issue 13) are not part of it yet.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import random
import sys
import time
import uuid
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import aiohttp  # noqa: E402
from sqlalchemy import func, insert, select  # noqa: E402

from bench.hub_databases import POSTGRES_VARIABLE, databases  # noqa: E402
from kiosk.hub import database, tables  # noqa: E402
from kiosk.hub.terminals import now_utc  # noqa: E402
from kiosk.hub.tokens import new_token, token_hash  # noqa: E402
from kiosk.usage import outbox  # noqa: E402
from kiosk.usage.heartbeat import Snapshot, body  # noqa: E402
from tests.hub_on_loopback import running_hub  # noqa: E402

HEARTBEAT_S = 15 * 60
SYNC_S = 3600
TARGET_P99_MS = 200


@dataclass
class Fleet:
    tokens: list[str]
    next_sync: int = 0  # terminals sync in turn: none sends the same hour twice

    def sync_body(self, rows: int) -> tuple[str, bytes, int]:
        """(token, body, total count) of the next terminal's batch for an hour it has not sent yet."""
        index = self.next_sync
        self.next_sync += 1
        token = self.tokens[index % len(self.tokens)]
        hour = (int(time.time()) // 3600 - 2 - index // len(self.tokens)) * 3600
        period = datetime.fromtimestamp(hour, UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
        counted = [(period, "shortcut_opened", f"service-{k}", 1 + (index + k) % 7) for k in range(rows)]
        return token, outbox.encode(str(uuid.uuid4()), counted), sum(row[3] for row in counted)


@dataclass
class Results:
    latencies: dict[str, list[float]] = field(default_factory=lambda: {"heartbeat": [], "usage": []})
    refused: int = 0
    failed: list[str] = field(default_factory=list)
    count_ok: int = 0  # in batches answered ok
    count_sent: int = 0  # in every batch sent, answered or not (a timed-out one may still be stored)


def register(url: str, size: int) -> list[str]:
    """`size` terminals on one site each of a hundred, as add-terminal makes them; their tokens."""
    engine = database.engine_for(url)
    try:
        database.migrate(engine)
        tokens = [new_token() for _ in range(size)]
        created = now_utc()
        rows = [
            {
                "site_id": f"site-{i % 100:03d}",
                "terminal_id": f"borne-{i:06d}",
                "token_hash": token_hash(token),
                "created_at": created,
            }
            for i, token in enumerate(tokens)
        ]
        with engine.begin() as connection:
            for start in range(0, size, 5000):
                connection.execute(insert(tables.terminals), rows[start : start + 5000])
        return tokens
    finally:
        engine.dispose()


def stored(url: str) -> int:
    """The sum of the counts in the hub's usage table."""
    engine = database.engine_for(url)
    try:
        with engine.connect() as connection:
            return int(
                connection.execute(select(func.coalesce(func.sum(tables.usage_counts.c.count), 0))).scalar()
            )
    finally:
        engine.dispose()


HEARTBEAT = body(
    Snapshot(
        version="0.1.0",
        config_version="cfg-0123456789abcdef",
        printer="ok",
        scanner="ready",
        free_disk_mb=48_000,
        backlog_rows=0,
        last_sync=time.time() - 600,
        last_frame=time.time() - 30,
    )
)


async def send(session, base: str, kind: str, token: str, data: bytes, results: Results, count: int = 0):
    headers = {"Authorization": f"Bearer {token}", "Content-Type": "application/json"}
    if kind == "usage":
        headers["Idempotency-Key"] = json.loads(data)["batch_id"]
        results.count_sent += count
    started = time.perf_counter()
    try:
        async with session.post(f"{base}api/v1/{kind}", data=data, headers=headers) as answer:
            text = await answer.text()
            status = answer.status
    except (aiohttp.ClientError, TimeoutError) as error:
        results.refused += 1
        results.failed.append(f"{kind}: {type(error).__name__}")
        return
    results.latencies[kind].append((time.perf_counter() - started) * 1000)
    if status != 200:
        results.refused += 1
        results.failed.append(f"{kind}: HTTP {status}")
        return
    if kind == "usage":
        answers = json.loads(text)["answers"]
        if any(a != "ok" for a in answers):
            results.refused += 1
            results.failed.append(f"usage: rows answered {sorted(set(answers))}")
            return
        results.count_ok += count


async def traffic(base: str, fleet: Fleet, seconds: float, rows: int, seed: int) -> Results:
    """The fleet's requests for `seconds`, each at its Poisson moment; waits for every answer."""
    size = len(fleet.tokens)
    rate = size / HEARTBEAT_S + size / SYNC_S
    share_usage = (size / SYNC_S) / rate
    chance = random.Random(seed)
    results = Results()
    connector = aiohttp.TCPConnector(limit=0, force_close=True)
    timeout = aiohttp.ClientTimeout(total=30)
    async with aiohttp.ClientSession(connector=connector, timeout=timeout) as session:
        loop = asyncio.get_running_loop()
        start = loop.time()
        moment = 0.0
        pending = set()
        while True:
            moment += chance.expovariate(rate)
            if moment > seconds:
                break
            if chance.random() < share_usage:
                token, data, count = fleet.sync_body(rows)
                request = send(session, base, "usage", token, data, results, count)
            else:
                request = send(session, base, "heartbeat", chance.choice(fleet.tokens), HEARTBEAT, results)
            delay = start + moment - loop.time()
            if delay > 0:
                await asyncio.sleep(delay)
            task = asyncio.create_task(request)
            pending.add(task)
            task.add_done_callback(pending.discard)
        if pending:
            await asyncio.wait(pending)
    return results


def percentile(values: list[float], share: float) -> float:
    if not values:
        return float("nan")
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(share * len(ordered)))]


def one_fleet(url: str, size: int, args) -> dict:
    tokens = register(url, size)
    with running_hub(url, workers=args.workers) as base:
        results = asyncio.run(traffic(base, Fleet(tokens), args.seconds, args.rows, seed=size))
    total = stored(url)
    every = results.latencies["heartbeat"] + results.latencies["usage"]
    return {
        "size": size,
        "requests": len(every) + sum(1 for f in results.failed if "HTTP" not in f),
        "rate": (size / HEARTBEAT_S + size / SYNC_S),
        "p50": percentile(every, 0.50),
        "p99": percentile(every, 0.99),
        "p99_usage": percentile(results.latencies["usage"], 0.99),
        "max": max(every, default=float("nan")),
        "refused": results.refused,
        "failed": sorted(set(results.failed))[:3],
        "lost": max(0, results.count_ok - total),  # answered ok, yet not stored
        "twice": max(0, total - results.count_sent),  # stored more than was ever sent
    }


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--db", choices=("sqlite", "postgresql"), default="sqlite")
    parser.add_argument("--fleets", default="2000,5000,10000,20000")
    parser.add_argument("--workers", type=int, default=1)
    parser.add_argument("--seconds", type=float, default=60)
    parser.add_argument("--rows", type=int, default=40)
    args = parser.parse_args()
    sizes = [int(s) for s in args.fleets.split(",")]
    if args.db == "postgresql" and os.environ.get(POSTGRES_VARIABLE) and len(sizes) > 1:
        raise SystemExit(f"with {POSTGRES_VARIABLE}, one fleet size a run (its database must start empty)")
    print(
        f"hub on {args.db}, {args.workers} worker(s); {args.seconds:.0f} s of each fleet's traffic "
        f"(a heartbeat every 15 min, a {args.rows}-row batch every hour, per terminal), new connection each"
    )
    print(
        "terminals   req/s  requests   p50 ms   p99 ms  p99 usage   max ms  refused  lost  twice   p99 < 200"
    )
    with databases(args.db) as fresh:
        for size in sizes:
            row = one_fleet(fresh(), size, args)
            verdict = (
                "ok"
                if row["p99"] < TARGET_P99_MS and not (row["refused"] or row["lost"] or row["twice"])
                else "NO"
            )
            print(
                f"{row['size']:9d} {row['rate']:7.1f} {row['requests']:9d} {row['p50']:8.1f}"
                f" {row['p99']:8.1f} {row['p99_usage']:10.1f} {row['max']:8.1f} {row['refused']:8d}"
                f" {row['lost']:5d} {row['twice']:6d}   {verdict}",
                flush=True,
            )
            if row["failed"]:
                print(f"          refused: {'; '.join(row['failed'])}", flush=True)


if __name__ == "__main__":
    main()
