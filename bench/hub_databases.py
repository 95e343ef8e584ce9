"""The hub's databases for the benches: `with databases("sqlite" | "postgresql") as fresh:` each `fresh()`
is the URL of a new, empty database. PostgreSQL is a throwaway cluster made as the tests make it
(tests/postgres.py: Debian's PostgreSQL, run as the `postgres` user), unless ILOT_BENCH_POSTGRES_URL names
an empty database the bench may use (then `fresh()` gives that one each time: the caller empties it)."""

from __future__ import annotations

import contextlib
import os
import tempfile
from collections.abc import Callable, Iterator
from pathlib import Path

from tests.hub_on_loopback import free_port, sqlite_url

POSTGRES_VARIABLE = "ILOT_BENCH_POSTGRES_URL"


@contextlib.contextmanager
def databases(kind: str) -> Iterator[Callable[[], str]]:
    if kind == "sqlite":
        with tempfile.TemporaryDirectory(prefix="ilot-bench-hub-") as folder:
            yield lambda: sqlite_url(Path(tempfile.mkdtemp(dir=folder)))
        return
    given = os.environ.get(POSTGRES_VARIABLE)
    if given:
        yield lambda: given
        return
    from tests.postgres import Cluster, missing

    if missing():
        raise SystemExit(f"no PostgreSQL here: {missing()}")
    with Cluster(free_port()) as cluster:
        yield cluster.new_database
