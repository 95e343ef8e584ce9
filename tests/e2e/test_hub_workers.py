"""Several hub processes over one database share what must be shared: a terminal's rate limit is counted
across all of them, and the same batch sent to several at once is stored once. Started at once, they
migrate the database once."""

from __future__ import annotations

import subprocess
import sys
import time
import uuid
from concurrent.futures import ThreadPoolExecutor

import requests
from sqlalchemy import text

from kiosk.hub.database import engine_for
from tests.hub_on_loopback import add_terminal, hub_totals, running_hub

RATE_LIMIT = 12
WORKERS = 2


def _connections_by_process(url: str) -> set[str]:
    engine = engine_for(url)
    try:
        with engine.connect() as connection:
            names = connection.execute(
                text(
                    "SELECT application_name FROM pg_stat_activity WHERE datname = current_database() "
                    "AND pid <> pg_backend_pid()"
                )
            )
            return {name for (name,) in names}
    finally:
        engine.dispose()


def _within_one_minute() -> None:
    """The rate limit counts per clock minute: start the burst early in one."""
    if time.time() % 60 > 45:
        time.sleep(61 - time.time() % 60)


def test_workers_share_the_rate_limit_and_the_stored_rows(hub_db_url):
    url = hub_db_url
    limited = add_terminal(url, "borne-1", "poste-limite")
    sender = add_terminal(url, "borne-2", "poste-envoi")
    with running_hub(url, workers=WORKERS, env={"ILOT_HUB_RATE_LIMIT": str(RATE_LIMIT)}) as base:

        def ask(token: str) -> int:
            # A new connection each time: the workers take turns accepting them.
            return requests.get(
                base + "api/v1/terminal", headers={"Authorization": f"Bearer {token}"}, timeout=30
            ).status_code

        batch = {
            "batch_id": str(uuid.uuid4()),
            "rows": [
                {
                    "period_start": f"2026-11-30T{h:02d}:00:00Z",
                    "metric": "pages_printed",
                    "key": "",
                    "count": h + 1,
                }
                for h in range(24)
            ],
        }

        def send(_) -> list[str]:
            answer = requests.post(
                base + "api/v1/usage",
                json=batch,
                headers={"Authorization": f"Bearer {sender}", "Idempotency-Key": batch["batch_id"]},
                timeout=30,
            )
            answer.raise_for_status()
            return answer.json()["answers"]

        _within_one_minute()
        with ThreadPoolExecutor(8) as pool:
            statuses = list(pool.map(ask, [limited] * (3 * RATE_LIMIT)))
            answers = list(pool.map(send, range(RATE_LIMIT - 2)))
        if url.startswith("postgresql"):
            assert len(_connections_by_process(url)) >= WORKERS  # each worker's own pool, named by its pid
    assert statuses.count(200) == RATE_LIMIT and statuses.count(429) == 2 * RATE_LIMIT
    assert all(set(answer) <= {"ok", "duplicate"} for answer in answers)
    assert [[a[row] for a in answers].count("ok") for row in range(24)] == [1] * 24  # each row stored once
    assert sum(hub_totals(url, "poste-envoi").values()) == sum(range(1, 25))


# Imported and connected, each one waits for a line on stdin: then all of them migrate at the same moment.
MIGRATE_TOGETHER = """
import sys
from kiosk.hub.database import engine_for, migrate
engine = engine_for(sys.argv[1])
engine.connect().close()
print("ready", flush=True)
sys.stdin.readline()
migrate(engine)
"""


def test_hub_processes_started_at_once_migrate_the_database_once(hub_db_url):
    if hub_db_url.startswith("sqlite"):
        return  # several hubs on one database is PostgreSQL's case; SQLite's workers share one migration
    processes = [
        subprocess.Popen(
            [sys.executable, "-c", MIGRATE_TOGETHER, hub_db_url],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for _ in range(4)
    ]
    try:
        assert [process.stdout.readline() for process in processes] == ["ready\n"] * 4
        for process in processes:
            process.stdin.write("\n")
            process.stdin.flush()
        errors = [process.communicate(timeout=60)[1][-300:] for process in processes]
    finally:
        for process in processes:
            if process.poll() is None:
                process.kill()
    assert [process.returncode for process in processes] == [0] * 4, errors
    assert add_terminal(hub_db_url)
