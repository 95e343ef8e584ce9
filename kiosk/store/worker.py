"""One background thread that owns the SQLite connection; every feature writes through it.

    worker = StoreWorker(paths.database, log=log)
    worker.start()                                  # opens and migrates on the worker thread
    future = worker.submit(lambda db: db["t"].count)  # runs on the worker thread
    ...
    worker.close(timeout=5)                         # runs what is queued, closes, joins

A job is a unit of work: if it returns, a transaction it left open is committed; if it raises, it is rolled
back, the exception goes to its future and the worker goes on. Nothing here blocks the caller, so the GUI
thread may submit; it must not wait on the future (use `add_done_callback` and a Qt signal instead).
"""

from __future__ import annotations

import logging
import queue
import threading
from collections.abc import Callable, Sequence
from concurrent.futures import Future
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

from kiosk.store.migrations import MIGRATIONS, Migration

if TYPE_CHECKING:
    from sqlite_utils import Database

    from kiosk.store.database import StoreOpened

T = TypeVar("T")

_log = logging.getLogger(__name__)


@dataclass
class _Job:
    fn: Callable[[Database], Any]
    future: Future[Any]
    log_errors: bool


class StoreWorker:
    """Runs jobs `fn(db)` one after the other on a single thread that owns the database."""

    def __init__(
        self,
        path: Path,
        *,
        migrations: Sequence[Migration] = MIGRATIONS,
        log: logging.Logger = _log,
    ) -> None:
        self._path = path
        self._migrations = migrations
        self._log = log
        self._queue: queue.SimpleQueue[_Job | None] = queue.SimpleQueue()
        self._lock = threading.Lock()
        self._closed = False
        self._thread = threading.Thread(target=self._run, name="ilot-store", daemon=True)
        # Done once the database is open: tells whether a corrupt file was moved aside or a migration ran
        # (its `db` may only be used inside jobs). Fails with the error if the database cannot be opened.
        self.opened: Future[StoreOpened] = Future()

    def start(self) -> None:
        """Start the thread; it opens (and migrates) the database before running the first job."""
        with self._lock:
            if self._closed:
                raise RuntimeError("the store worker is closed")
        self._thread.start()

    @property
    def started(self) -> bool:
        return self._thread.ident is not None

    def submit(self, fn: Callable[[Database], T], *, log_errors: bool = True) -> Future[T]:
        """Queue `fn(db)`; return its future. `log_errors=False` for callers that handle failures."""
        future: Future[T] = Future()
        with self._lock:
            if self._closed:
                raise RuntimeError("the store worker is closed")
            self._queue.put(_Job(fn, future, log_errors))
        return future

    def call(self, fn: Callable[[Database], T]) -> T:
        """Runs `fn(db)` and waits for its result: for threads that may wait (the sync thread, a command),
        never the GUI thread. Raises what `fn` raised."""
        return self.submit(fn, log_errors=False).result()

    def close(self, timeout: float | None = None) -> bool:
        """Stop taking jobs, run the queued ones, close the database. True if all done within `timeout`."""
        with self._lock:
            if not self._closed:
                self._closed = True
                self._queue.put(None)
        if not self._thread.is_alive() and self._thread.ident is None:
            self._cancel_queued()  # never started: nothing will run them
            return True
        if threading.current_thread() is self._thread:
            return False  # closing from a job: the loop ends after it
        self._thread.join(timeout)
        return not self._thread.is_alive()

    def _run(self) -> None:
        try:
            from kiosk.store.database import open_store  # sqlite-utils loads here, off the start-up path

            opened = open_store(self._path, self._migrations, log=self._log)
        except BaseException as e:
            self._log.exception("cannot open the database %s", self._path)
            self.opened.set_exception(e)
            self._fail_jobs(e)
            return
        self.opened.set_result(opened)
        db = opened.db
        try:
            while (job := self._queue.get()) is not None:
                self._run_job(db, job)
        finally:
            db.close()

    def _run_job(self, db: Database, job: _Job) -> None:
        if not job.future.set_running_or_notify_cancel():
            return
        try:
            result = job.fn(db)
            if db.conn.in_transaction:
                db.conn.commit()
        except BaseException as e:
            if db.conn.in_transaction:
                db.conn.rollback()
            if job.log_errors:
                self._log.error("store job %s failed", _name(job.fn), exc_info=True)
            job.future.set_exception(e)
        else:
            job.future.set_result(result)

    def _fail_jobs(self, error: BaseException) -> None:
        while (job := self._queue.get()) is not None:
            if job.future.set_running_or_notify_cancel():
                job.future.set_exception(error)

    def _cancel_queued(self) -> None:
        while not self._queue.empty():
            job = self._queue.get_nowait()
            if job is not None:
                job.future.cancel()


def _name(fn: Callable[..., Any]) -> str:
    return getattr(fn, "__qualname__", None) or repr(fn)
