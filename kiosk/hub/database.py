"""The hub's database: an engine for a URL (SQLite by default, PostgreSQL with `postgresql://…`), and its
migration to the latest schema with Alembic."""

from __future__ import annotations

import contextlib
import fcntl
import os
from collections.abc import Iterator
from pathlib import Path

from sqlalchemy import Connection, Engine, create_engine, event, text
from sqlalchemy.engine import make_url

DATA_DIR_VARIABLE = "ILOT_HUB_DATA_DIR"
DEFAULT_DATA_DIR = Path("/var/lib/ilot-hub")
MIGRATIONS = Path(__file__).with_name("migrations")
POOL_SIZE = 20  # PostgreSQL connections per hub process
MIGRATION_LOCK = 8470_0001  # PostgreSQL's advisory lock held while migrating (any number; the hub's port)


def default_url() -> str:
    """A SQLite file in the hub's data folder (`$ILOT_HUB_DATA_DIR`, else /var/lib/ilot-hub)."""
    folder = Path(os.environ.get(DATA_DIR_VARIABLE) or DEFAULT_DATA_DIR)
    return f"sqlite:///{folder / 'hub.db'}"


def normalised(url: str) -> str:
    """`postgresql://…` means psycopg 3 (SQLAlchemy's default driver name is psycopg2's)."""
    parsed = make_url(url)
    if parsed.drivername in ("postgresql", "postgres"):
        parsed = parsed.set(drivername="postgresql+psycopg")
    return parsed.render_as_string(hide_password=False)


def engine_for(url: str) -> Engine:
    """An engine with the settings the hub needs on either database."""
    url = normalised(url)
    if make_url(url).get_backend_name() == "sqlite":
        database = make_url(url).database
        if database and database != ":memory:":
            Path(database).parent.mkdir(parents=True, exist_ok=True)
        engine = create_engine(url, connect_args={"timeout": 30})
        event.listen(engine, "connect", _sqlite_pragmas)
        return engine
    # Named by process: pg_stat_activity then tells which hub process holds which connection. A fixed pool,
    # kept open: a connection made for a burst and closed after it costs PostgreSQL a process and a SCRAM
    # handshake each time. At 100,000 terminals on 2 workers (bench/hub_scale.py): p99 410 ms with 5 kept
    # and 10 more made on demand, 131 ms with 20 kept. 20 is half the threads a worker runs requests on;
    # 4 workers stay within PostgreSQL's 100 connections.
    return create_engine(
        url,
        pool_size=POOL_SIZE,
        max_overflow=0,
        pool_pre_ping=True,
        connect_args={"application_name": f"ilot-hub {os.getpid()}"},
    )


def _sqlite_pragmas(connection, _record) -> None:
    # Several hub workers write one file: WAL lets them read while one writes, busy_timeout makes them wait.
    cursor = connection.cursor()
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA synchronous=NORMAL")
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA busy_timeout=30000")
    cursor.close()


@contextlib.contextmanager
def immediate(engine: Engine) -> Iterator[Connection]:
    """A transaction that holds the write lock from its first statement on SQLite (BEGIN IMMEDIATE), so
    that a read-then-write cannot interleave with another process's; on PostgreSQL a plain one (lock the
    rows with FOR UPDATE)."""
    with engine.begin() as connection:
        if connection.dialect.name == "sqlite":
            connection.exec_driver_sql("BEGIN IMMEDIATE")
        yield connection


def migrate(engine: Engine) -> None:
    """Brings the database to the latest schema (Alembic's `upgrade head`)."""
    from alembic import command
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    # Hub processes (or technicians) migrating one database at once: one migrates, the others wait, then
    # find it done. PostgreSQL has advisory locks; a SQLite file gets a lock file beside it.
    with _sqlite_lock(engine), engine.begin() as connection:
        if connection.dialect.name == "postgresql":
            connection.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": MIGRATION_LOCK})
        config.attributes["connection"] = connection
        command.upgrade(config, "head")


@contextlib.contextmanager
def _sqlite_lock(engine: Engine) -> Iterator[None]:
    database = engine.url.database if engine.dialect.name == "sqlite" else None
    if not database or database == ":memory:":
        yield
        return
    with open(f"{database}.migrating", "a") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        yield
