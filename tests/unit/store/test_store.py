"""The store: open with integrity check, migrations with a backup, and the worker thread."""

from __future__ import annotations

import sqlite3
import threading
from concurrent.futures import Future
from pathlib import Path

import pytest

from kiosk.store import MIGRATIONS, StoreWorker
from kiosk.store.database import MigrationFailed, StoreTooNew, open_store


def _pragma(path: Path, name: str) -> object:
    conn = sqlite3.connect(path)
    try:
        return conn.execute(f"PRAGMA {name}").fetchone()[0]
    finally:
        conn.close()


def _tables(path: Path) -> set[str]:
    conn = sqlite3.connect(path)
    try:
        return {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    finally:
        conn.close()


def _make_db(path: Path, version: int, rows: int = 0) -> None:
    """A plain (non-WAL) database at `version`, with a table of `rows` rows."""
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE t (id INTEGER PRIMARY KEY, s TEXT)")
    conn.executemany("INSERT INTO t (s) VALUES (?)", [(f"row {i} " + "x" * 50,) for i in range(rows)])
    conn.execute(f"PRAGMA user_version = {version}")
    conn.commit()
    conn.close()


def _add_a(db) -> None:
    db.execute("CREATE TABLE a (x INTEGER)")


def _add_b(db) -> None:
    db.execute("CREATE TABLE b (y INTEGER)")


# --- open_store ---------------------------------------------------------------------------------------


def test_fresh_database_is_wal_and_fully_migrated(tmp_path: Path) -> None:
    path = tmp_path / "data" / "kiosk.db"  # parent does not exist yet
    opened = open_store(path)
    try:
        db = opened.db
        assert db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
        assert db.execute("PRAGMA synchronous").fetchone()[0] == 2  # FULL: a commit survives a power cut
        assert db.execute("PRAGMA foreign_keys").fetchone()[0] == 1
        assert db.execute("PRAGMA user_version").fetchone()[0] == len(MIGRATIONS)
        assert "usage_counters" in db.table_names()
        assert db["usage_counters"].pks == ["period_start", "metric", "key"]
    finally:
        opened.db.close()
    assert opened.moved_aside is None
    assert opened.migrated_from == 0
    assert opened.backup is None  # nothing to back up in a new database
    assert list(tmp_path.glob("data/*.bak")) == []


def test_reopening_a_current_database_changes_nothing(tmp_path: Path) -> None:
    path = tmp_path / "kiosk.db"
    open_store(path).db.close()
    opened = open_store(path)
    opened.db.close()
    assert opened.migrated_from == len(MIGRATIONS)
    assert opened.backup is None
    assert opened.moved_aside is None


def test_migrations_run_in_order_after_a_backup(tmp_path: Path) -> None:
    path = tmp_path / "kiosk.db"
    _make_db(path, version=1, rows=3)
    calls: list[str] = []

    def first(db) -> None:
        calls.append("first")

    def second(db) -> None:
        calls.append("second")
        db.execute("CREATE TABLE added_in_v2 (x INTEGER)")

    opened = open_store(path, [first, second])
    opened.db.close()

    assert calls == ["second"]  # the migration to v1 already ran long ago
    assert opened.migrated_from == 1
    assert opened.backup == tmp_path / "kiosk.db.before-v2.bak"
    assert _pragma(opened.backup, "user_version") == 1
    assert "added_in_v2" not in _tables(opened.backup)
    assert _pragma(opened.backup, "journal_mode") == "delete"  # a self-contained file
    assert _pragma(path, "user_version") == 2
    assert "added_in_v2" in _tables(path)


def test_backup_includes_wal_content(tmp_path: Path) -> None:
    path = tmp_path / "kiosk.db"
    open_store(path, [_add_a]).db.close()
    # Leave committed rows in the WAL only: a second connection keeps it from being checkpointed.
    keeper = sqlite3.connect(path)
    keeper.execute("SELECT count(*) FROM a").fetchall()
    writer = sqlite3.connect(path)
    writer.execute("PRAGMA wal_autocheckpoint = 0")
    writer.executemany("INSERT INTO a VALUES (?)", [(i,) for i in range(10)])
    writer.commit()
    writer.close()
    assert (tmp_path / "kiosk.db-wal").stat().st_size > 0

    opened = open_store(path, [_add_a, _add_b])
    opened.db.close()
    keeper.close()

    conn = sqlite3.connect(opened.backup)
    assert conn.execute("SELECT count(*) FROM a").fetchone()[0] == 10
    conn.close()


def test_migrations_run_in_order_from_scratch(tmp_path: Path) -> None:
    calls: list[int] = []
    migrations = [lambda db, i=i: calls.append(i) for i in range(3)]
    opened = open_store(tmp_path / "kiosk.db", migrations)
    opened.db.close()
    assert calls == [0, 1, 2]
    assert _pragma(tmp_path / "kiosk.db", "user_version") == 3


def test_failed_migration_rolls_back_to_the_previous_version(tmp_path: Path) -> None:
    path = tmp_path / "kiosk.db"
    open_store(path, [_add_a]).db.close()

    def half_done(db) -> None:
        db.execute("CREATE TABLE half (x INTEGER)")
        raise RuntimeError("boom")

    with pytest.raises(MigrationFailed, match="version 2"):
        open_store(path, [_add_a, half_done])
    assert _pragma(path, "user_version") == 1
    assert "half" not in _tables(path)
    assert (tmp_path / "kiosk.db.before-v2.bak").exists()


def test_garbage_file_is_moved_aside(tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    path = tmp_path / "kiosk.db"
    garbage = b"this is not a database, only some bytes. " * 200
    path.write_bytes(garbage)

    opened = open_store(path)
    opened.db.close()

    assert opened.moved_aside is not None
    assert opened.moved_aside.name.startswith("kiosk.db.corrupt-")
    assert opened.moved_aside.read_bytes() == garbage  # kept, never deleted
    assert _pragma(path, "user_version") == len(MIGRATIONS)
    assert str(path) in caplog.text and str(opened.moved_aside) in caplog.text


def _corrupt_page(path: Path, page: int, offset: int, data: bytes) -> None:
    page_size = _pragma(path, "page_size")
    assert _pragma(path, "page_count") > page
    with path.open("r+b") as f:
        f.seek((page - 1) * page_size + offset)
        f.write(data)


@pytest.mark.parametrize(
    ("page", "offset", "data"),
    [
        (2, 0, b"\x00" * 4096),  # a whole b-tree page zeroed: SQLite raises "malformed"
        (3, 8, b"\xff" * 16),  # a leaf's cell pointers: quick_check reports the damage
    ],
)
def test_database_corrupt_in_its_pages_is_moved_aside(
    tmp_path: Path, page: int, offset: int, data: bytes
) -> None:
    path = tmp_path / "kiosk.db"
    _make_db(path, version=1, rows=3000)
    _corrupt_page(path, page, offset, data)
    damaged = path.read_bytes()

    opened = open_store(path)
    opened.db.close()

    assert opened.moved_aside is not None
    assert opened.moved_aside.read_bytes() == damaged
    assert opened.migrated_from == 0
    assert "t" not in _tables(path)
    assert _pragma(path, "quick_check") == "ok"


def test_wal_and_shm_move_with_the_corrupt_file(tmp_path: Path) -> None:
    path = tmp_path / "kiosk.db"
    path.write_bytes(b"garbage" * 100)
    (tmp_path / "kiosk.db-wal").write_bytes(b"old wal")
    (tmp_path / "kiosk.db-shm").write_bytes(b"old shm" * 10)

    opened = open_store(path)
    opened.db.close()

    moved = opened.moved_aside
    assert moved is not None
    assert Path(f"{moved}-wal").read_bytes() == b"old wal"
    assert Path(f"{moved}-shm").exists()  # an index SQLite rebuilds: its bytes do not matter


def test_database_newer_than_the_code_is_refused_and_untouched(tmp_path: Path) -> None:
    path = tmp_path / "kiosk.db"
    _make_db(path, version=len(MIGRATIONS) + 1, rows=5)
    before = path.read_bytes()

    with pytest.raises(StoreTooNew, match="newer kiosk"):
        open_store(path)

    assert path.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["kiosk.db"]


# --- StoreWorker --------------------------------------------------------------------------------------


@pytest.fixture
def worker(tmp_path: Path):
    w = StoreWorker(tmp_path / "kiosk.db")
    w.start()
    yield w
    w.close(timeout=5)


def test_worker_opens_the_store_and_runs_jobs_off_the_calling_thread(worker: StoreWorker) -> None:
    opened = worker.opened.result(timeout=5)
    assert opened.migrated_from == 0
    job_thread = worker.submit(lambda db: threading.get_ident()).result(timeout=5)
    assert job_thread != threading.get_ident()
    version = worker.submit(lambda db: db.execute("PRAGMA user_version").fetchone()[0]).result(timeout=5)
    assert version == len(MIGRATIONS)


def test_a_failing_job_fails_its_future_and_the_worker_goes_on(
    worker: StoreWorker, caplog: pytest.LogCaptureFixture
) -> None:
    def half_write_then_fail(db) -> None:
        db.conn.execute("INSERT INTO usage_counters VALUES ('2026-11-26T14:00:00Z', 'm', '', 1)")
        raise KeyError("boom")

    failed = worker.submit(half_write_then_fail)
    with pytest.raises(KeyError, match="boom"):
        failed.result(timeout=5)
    # The worker is alive and the failed job's write was rolled back.
    assert worker.submit(lambda db: db["usage_counters"].count).result(timeout=5) == 0
    assert "half_write_then_fail" in caplog.text


def test_a_transaction_left_open_by_a_job_is_committed(worker: StoreWorker, tmp_path: Path) -> None:
    insert = "INSERT INTO usage_counters VALUES ('2026-11-26T14:00:00Z', 'm', '', 1)"
    worker.submit(lambda db: db.conn.execute(insert)).result(timeout=5)  # opens an implicit transaction
    assert worker.submit(lambda db: db.conn.in_transaction).result(timeout=5) is False
    conn = sqlite3.connect(tmp_path / "kiosk.db")
    assert conn.execute("SELECT count(*) FROM usage_counters").fetchone()[0] == 1
    conn.close()


def test_close_drains_the_queue_then_refuses_jobs(tmp_path: Path) -> None:
    w = StoreWorker(tmp_path / "kiosk.db")
    gate = threading.Event()
    w.submit(lambda db: gate.wait(5))  # queued before start: runs once open
    later = [w.submit(lambda db, i=i: i) for i in range(20)]
    w.start()
    closer = threading.Thread(target=w.close, kwargs={"timeout": 5})
    closer.start()
    gate.set()
    closer.join(5)
    assert not closer.is_alive()
    assert [f.result(timeout=0) for f in later] == list(range(20))
    with pytest.raises(RuntimeError, match="closed"):
        w.submit(lambda db: None)


def test_close_waits_for_pending_writes(tmp_path: Path) -> None:
    path = tmp_path / "kiosk.db"
    w = StoreWorker(path)
    w.start()
    for i in range(50):
        w.submit(
            lambda db, i=i: db.execute(
                "INSERT INTO usage_counters VALUES (?, 'm', '', 1)", (f"2026-11-26T{i % 24:02d}:{i:02d}",)
            )
        )
    assert w.close(timeout=5)
    conn = sqlite3.connect(path)
    assert conn.execute("SELECT count(*) FROM usage_counters").fetchone()[0] == 50
    conn.close()


def test_jobs_fail_with_the_open_error(tmp_path: Path) -> None:
    path = tmp_path / "kiosk.db"
    _make_db(path, version=len(MIGRATIONS) + 1)
    w = StoreWorker(path)
    w.start()
    job: Future[int] = w.submit(lambda db: 1)
    with pytest.raises(StoreTooNew):
        job.result(timeout=5)
    with pytest.raises(StoreTooNew):
        w.opened.result(timeout=5)
    assert w.close(timeout=5)


def test_worker_uses_the_given_migrations(tmp_path: Path) -> None:
    w = StoreWorker(tmp_path / "kiosk.db", migrations=[_add_a, _add_b])
    w.start()
    try:
        assert w.submit(lambda db: sorted(db.table_names())).result(timeout=5) == ["a", "b"]
    finally:
        w.close(timeout=5)


def test_hot_journal_is_rolled_back_not_moved_aside(tmp_path: Path) -> None:
    # Copy a database in the middle of a big transaction: the copy has a hot journal, as after a power cut.
    live = tmp_path / "live.db"
    _make_db(live, version=0, rows=10)
    conn = sqlite3.connect(live)
    conn.execute("PRAGMA cache_size = 1")  # spill to the file, so the journal is needed
    conn.execute("BEGIN")
    conn.executemany("INSERT INTO t (s) VALUES (?)", [("y" * 1000,)] * 2000)
    path = tmp_path / "kiosk.db"
    path.write_bytes(live.read_bytes())
    Path(f"{path}-journal").write_bytes(Path(f"{live}-journal").read_bytes())
    conn.rollback()
    conn.close()

    opened = open_store(path)
    count = opened.db.execute("SELECT count(*) FROM t").fetchone()[0]
    opened.db.close()

    assert opened.moved_aside is None
    assert count == 10  # the half-done transaction was rolled back
    assert opened.backup is not None  # an existing database with tables gets a copy before migrating
