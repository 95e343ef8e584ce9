"""Open the kiosk's SQLite database: check its integrity, set its pragmas, migrate its schema.

`open_store` is blocking file I/O: call it from `StoreWorker` (or a command-line tool), never from the GUI
thread. Nothing here is ever deleted: a corrupt file is moved aside, and a copy is taken before migrating.
"""

from __future__ import annotations

import logging
import os
import sqlite3
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from sqlite_utils import Database

from kiosk.store.migrations import MIGRATIONS, Migration

_log = logging.getLogger(__name__)

# Files SQLite keeps next to a database; they belong to it and move with it.
_COMPANION_SUFFIXES = ("-wal", "-shm", "-journal")
_CORRUPTION_CODES = {sqlite3.SQLITE_CORRUPT, sqlite3.SQLITE_NOTADB}


class StoreError(Exception):
    """The database cannot be used as it is."""


class StoreTooNew(StoreError):
    """The database was written by a newer kiosk; it is left untouched."""


class MigrationFailed(StoreError):
    """A migration failed; the database stays at the version before it."""


@dataclass(frozen=True)
class StoreOpened:
    """An open database and what happened while opening it.

    `db` belongs to the thread that opened it (sqlite3 refuses other threads).
    """

    db: Database
    moved_aside: Path | None  # where a corrupt file went, if there was one
    migrated_from: int  # schema version found (0 for a new database)
    backup: Path | None  # copy taken before migrating, if any


def open_store(
    path: Path, migrations: Sequence[Migration] = MIGRATIONS, *, log: logging.Logger = _log
) -> StoreOpened:
    """Open (or create) the database at `path` and bring its schema to `len(migrations)`.

    Raises `StoreTooNew` if the file has a newer schema than `migrations` knows, and `MigrationFailed`
    if a migration raises.
    """
    path.parent.mkdir(parents=True, exist_ok=True)
    moved_aside = None
    problem = _check(path)
    if problem is not None:
        moved_aside = _move_aside(path)
        log.warning("database %s is unusable (%s); moved to %s, starting fresh", path, problem, moved_aside)

    version, has_schema = _inspect(path)
    if version > len(migrations):
        raise StoreTooNew(
            f"{path} has schema version {version}, this kiosk knows up to {len(migrations)}: "
            "install a newer kiosk; the database was not touched"
        )

    db = Database(path, execute_plugins=False)
    try:
        _set_pragmas(db, log)
        backup = None
        if version < len(migrations) and has_schema:
            backup = _backup(db, path, len(migrations))
            log.info("copied %s to %s before migrating", path, backup)
        _migrate(db, migrations, version, log)
    except BaseException:
        db.close()
        raise
    return StoreOpened(db=db, moved_aside=moved_aside, migrated_from=version, backup=backup)


def _check(path: Path) -> str | None:
    """Why the file at `path` is not a usable database, or None if it is (or does not exist)."""
    if not path.exists():
        return None
    try:
        return _quick_check(path, read_only=True)
    except sqlite3.DatabaseError as e:
        if _error_code(e) != sqlite3.SQLITE_READONLY:
            raise
    # A hot rollback journal needs a rollback, which a read-only connection cannot do.
    return _quick_check(path, read_only=False)


def _quick_check(path: Path, *, read_only: bool) -> str | None:
    conn = _connect(path, read_only=read_only)
    try:
        rows = conn.execute("PRAGMA quick_check").fetchall()
    except sqlite3.DatabaseError as e:
        # Only corruption moves a file aside: "locked" or "cannot open" must not.
        if _error_code(e) in _CORRUPTION_CODES:
            return str(e)
        raise
    finally:
        conn.close()
    if rows != [("ok",)]:
        return "quick_check: " + "; ".join(str(r[0]) for r in rows)[:500]
    return None


def _inspect(path: Path) -> tuple[int, bool]:
    """The schema version of the database at `path` and whether it holds anything."""
    if not path.exists():
        return 0, False
    conn = _connect(path, read_only=True)
    try:
        version = conn.execute("PRAGMA user_version").fetchone()[0]
        has_schema = conn.execute("SELECT count(*) FROM sqlite_master").fetchone()[0] > 0
    finally:
        conn.close()
    return version, has_schema or version > 0


def _connect(path: Path, *, read_only: bool) -> sqlite3.Connection:
    """A plain connection; read-only ones leave the files as they are (no checkpoint, no -wal removal)."""
    if read_only:
        return sqlite3.connect(f"{path.absolute().as_uri()}?mode=ro", uri=True)
    return sqlite3.connect(path)


def _error_code(error: sqlite3.Error) -> int:
    """The primary SQLite result code of `error` (SQLITE_CORRUPT, SQLITE_READONLY…)."""
    return getattr(error, "sqlite_errorcode", 0) & 0xFF


def _move_aside(path: Path) -> Path:
    """Rename `path` (and its -wal/-shm) to `<name>.corrupt-<UTC time>`; return the new path."""
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%SZ")
    target = _free_name(path.with_name(f"{path.name}.corrupt-{stamp}"))
    os.replace(path, target)
    for suffix in _COMPANION_SUFFIXES:
        companion = path.with_name(path.name + suffix)
        if companion.exists():
            # Same naming as SQLite's, so the moved file still opens with its WAL.
            os.replace(companion, target.with_name(target.name + suffix))
    return target


def _free_name(candidate: Path) -> Path:
    """`candidate`, or `candidate-1`, `-2`… if that name is taken."""
    name, n = candidate, 0
    while name.exists():
        n += 1
        name = candidate.with_name(f"{candidate.name}-{n}")
    return name


def _set_pragmas(db: Database, log: logging.Logger) -> None:
    mode = db.execute("PRAGMA journal_mode=WAL").fetchone()[0]
    if mode != "wal":
        log.warning("SQLite refused WAL mode for %s; using %s", db.conn, mode)
    # FULL: in WAL mode, NORMAL may lose the last commits on a power cut; one fsync a flush costs nothing.
    db.execute("PRAGMA synchronous=FULL")
    db.execute("PRAGMA foreign_keys=ON")
    db.execute("PRAGMA busy_timeout=5000")  # a `kiosk check` or `kiosk sync` may read at the same time


def _backup(db: Database, path: Path, target_version: int) -> Path:
    """Copy the live database (WAL content included) to `<name>.before-v<target>.bak`."""
    backup = _free_name(path.with_name(f"{path.name}.before-v{target_version}.bak"))
    partial = backup.with_name(backup.name + ".partial")
    dest = sqlite3.connect(partial)
    try:
        db.conn.backup(dest)
        dest.execute("PRAGMA journal_mode=DELETE")  # one self-contained file
    finally:
        dest.close()
    os.replace(partial, backup)
    return backup


def _migrate(db: Database, migrations: Sequence[Migration], version: int, log: logging.Logger) -> None:
    for i in range(version, len(migrations)):
        migration = migrations[i]
        try:
            with db.atomic():
                migration(db)
                db.execute(f"PRAGMA user_version = {i + 1:d}")
        except Exception as e:
            raise MigrationFailed(
                f"migration to version {i + 1} ({migration.__name__}) failed: {e}; "
                f"the database stays at version {i}"
            ) from e
        log.info("database migrated to version %d (%s)", i + 1, migration.__name__)
