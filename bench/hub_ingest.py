"""Rows per second the hub ingests (`kiosk.hub.ingest.store_usage`, one transaction per batch as a request
makes it) against a raw DB-API `executemany` of the same rows into the same table of the same database, in
the same run: on SQLite (a file in a temporary folder, the hub's own engine settings) and, when
`ILOT_BENCH_POSTGRES_URL` names a server (postgresql://user@host:port/db, an empty database the bench may
migrate), on PostgreSQL; it says so when that is skipped.

The rows are a 30-day backlog of one terminal (36,000 rows, 50 keys an hour) in batches of 500, already
validated (`UsageBatch`, as FastAPI hands them over); their validation from JSON is timed apart, for
information. Each side writes on a fresh terminal (every insert a real one), rounds alternating which goes
first; the raw side does nothing but INSERT the prepared tuples and commit each batch.

    .venv/bin/python bench/hub_ingest.py [--rounds 3]
    ILOT_BENCH_POSTGRES_URL=postgresql://postgres@/bench?host=/tmp/pg .venv/bin/python bench/hub_ingest.py

Target (issue 12): store_usage ≥ 0.5× the raw executemany's rows per second.
"""

from __future__ import annotations

import argparse
import itertools
import os
import statistics
import sys
import tempfile
import time
import uuid
from datetime import UTC, datetime
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from kiosk.hub import database, ingest, terminals
from kiosk.hub.schemas import UsageBatch
from kiosk.usage import outbox

POSTGRES_VARIABLE = "ILOT_BENCH_POSTGRES_URL"
BATCH = 500


def backlog_bodies(days: int = 30, keys: int = 50) -> list[bytes]:
    """The terminal's batches as JSON bodies (kiosk.usage.outbox.encode)."""
    last_hour = int(time.time() // 3600) * 3600 - 2 * 3600
    rows = []
    for hour in range(days * 24):
        period = datetime.fromtimestamp(last_hour - hour * 3600, UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
        rows += [(period, "shortcut_opened", f"service-{k}", 1 + (hour + k) % 9) for k in range(keys)]
    return [outbox.encode(str(uuid.uuid4()), rows[i : i + BATCH]) for i in range(0, len(rows), BATCH)]


def hub_ingest(engine, terminal: terminals.Terminal, batches: list[UsageBatch]) -> float:
    started = time.perf_counter()
    for batch in batches:
        with engine.begin() as connection:
            answers = ingest.store_usage(connection, terminal, batch)
        if answers.count("ok") != len(batch.rows):
            raise RuntimeError("the hub did not store every row")
    return time.perf_counter() - started


def raw_insert(engine, terminal: terminals.Terminal, batches: list[UsageBatch]) -> float:
    """The same rows, as plain tuples prepared before the clock starts, by the driver's executemany."""
    received = terminals.now_utc()
    sqlite = engine.dialect.name == "sqlite"

    def when(moment: datetime):  # what SQLAlchemy's DateTime stores in SQLite: its ISO text
        return moment.isoformat(sep=" ", timespec="microseconds") if sqlite else moment

    prepared = [
        [(terminal.id, when(r.hour()), r.metric, r.key, r.count, when(received)) for r in batch.rows]
        for batch in batches
    ]
    mark = "?" if sqlite else "%s"
    statement = (
        'INSERT INTO usage_counts (terminal, period_start, metric, "key", count, received_at) '
        f"VALUES ({', '.join([mark] * 6)})"
    )
    connection = engine.raw_connection()
    try:
        started = time.perf_counter()
        for rows in prepared:
            cursor = connection.cursor()
            cursor.executemany(statement, rows)
            cursor.close()
            connection.commit()
        return time.perf_counter() - started
    finally:
        connection.close()


def bench(url: str, rounds: int, bodies: list[bytes]) -> None:
    engine = database.engine_for(url)
    try:
        database.migrate(engine)
        started = time.perf_counter()
        batches = [UsageBatch.model_validate_json(body) for body in bodies]
        validation = time.perf_counter() - started
        rows = sum(len(b.rows) for b in batches)
        numbers = itertools.count(1)
        run = uuid.uuid4().hex[:8]

        def fresh_terminal() -> terminals.Terminal:
            with engine.begin() as connection:
                token = terminals.add(connection, f"bench-{run}", f"borne-{next(numbers)}")
                return terminals.by_token(connection, token)

        hub_ingest(engine, fresh_terminal(), batches[:2])  # warm-up: statements compiled, caches filled
        hub, raw = [], []
        for round_ in range(rounds):
            for which in ("hub", "raw") if round_ % 2 == 0 else ("raw", "hub"):
                if which == "hub":
                    hub.append(hub_ingest(engine, fresh_terminal(), batches))
                else:
                    raw.append(raw_insert(engine, fresh_terminal(), batches))
    finally:
        engine.dispose()
    hub_rate, raw_rate = rows / statistics.median(hub), rows / statistics.median(raw)
    print(f"{engine.dialect.name}: {rows} rows in {len(batches)} batches, {rounds} round(s), medians")
    print(f"  raw executemany     {raw_rate:9.0f} rows/s   ({', '.join(f'{t:.2f} s' for t in raw)})")
    print(f"  ingest.store_usage  {hub_rate:9.0f} rows/s   ({', '.join(f'{t:.2f} s' for t in hub)})")
    print(f"  ratio               {hub_rate / raw_rate:9.2f}×   (target ≥ 0.5×)")
    print(f"  (validating the JSON bodies, apart: {rows / validation:.0f} rows/s)")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rounds", type=int, default=3)
    rounds = parser.parse_args().rounds
    bodies = backlog_bodies()
    with tempfile.TemporaryDirectory() as folder:
        bench(f"sqlite:///{Path(folder) / 'hub.db'}", rounds, bodies)
    postgres = os.environ.get(POSTGRES_VARIABLE)
    if postgres:
        bench(postgres, rounds, bodies)
    else:
        print(f"postgresql: skipped ({POSTGRES_VARIABLE} is not set)")


if __name__ == "__main__":
    main()
