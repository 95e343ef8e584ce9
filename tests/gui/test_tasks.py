"""kiosk.tasks: work off the GUI thread, answers (results and errors) on it, late answers dropped by forget(),
latest-only and every-answer requests, and a serial lane that keeps the order."""

from __future__ import annotations

import logging
import threading
import time

from PySide6.QtCore import QObject, QThread, QThreadPool

from kiosk.tasks import Tasks

WAIT = 5000


def parallel_tasks(threads: int = 4) -> Tasks:
    """Tasks on a pool of its own with room for `threads` works at once: the shared pool has as many threads
    as the machine has cores (two here), and a test whose works wait for each other needs more."""
    pool = QThreadPool()
    pool.setMaxThreadCount(threads)
    tasks = Tasks(pool=pool)
    tasks.pool = pool  # kept alive as long as the tasks
    return tasks


class Heard:
    """What the callbacks heard, and on which thread."""

    def __init__(self) -> None:
        self.results: list = []
        self.errors: list[Exception] = []
        self.discarded: list = []
        self.threads: list[QThread] = []

    def done(self, result) -> None:
        self.threads.append(QThread.currentThread())
        self.results.append(result)

    def failed(self, error: Exception) -> None:
        self.threads.append(QThread.currentThread())
        self.errors.append(error)

    def discard(self, result) -> None:
        self.threads.append(QThread.currentThread())
        self.discarded.append(result)


def test_work_runs_off_the_gui_thread_and_the_result_comes_back_on_it(qtbot, qapp) -> None:
    tasks, heard, workers = Tasks(), Heard(), []

    def work() -> int:
        workers.append(QThread.currentThread())
        return 42

    tasks.run(work, heard.done, heard.failed)
    qtbot.waitUntil(lambda: bool(heard.results), timeout=WAIT)
    assert heard.results == [42] and heard.errors == []
    assert workers[0] is not qapp.thread()
    assert heard.threads == [qapp.thread()]


def test_an_error_is_delivered_not_turned_into_none(qtbot, qapp) -> None:
    tasks, heard = Tasks(), Heard()

    def work() -> None:
        raise OSError("disk full")

    tasks.run(work, heard.done, heard.failed)
    qtbot.waitUntil(lambda: bool(heard.errors), timeout=WAIT)
    assert isinstance(heard.errors[0], OSError) and str(heard.errors[0]) == "disk full"
    assert heard.results == []
    assert heard.threads == [qapp.thread()]


def test_an_error_without_a_failed_callback_is_logged(qtbot, caplog) -> None:
    tasks, heard = Tasks(), Heard()

    def broken() -> None:
        raise ValueError("a bug")

    with caplog.at_level(logging.ERROR, logger="kiosk.tasks"):
        tasks.run(broken, heard.done)
        qtbot.waitUntil(lambda: any("broken" in r.getMessage() for r in caplog.records), timeout=WAIT)
    record = next(r for r in caplog.records if "broken" in r.getMessage())
    assert record.exc_info is not None and record.exc_info[0] is ValueError
    assert heard.results == []


def test_answers_to_work_started_before_forget_are_dropped_and_discarded(qtbot, qapp) -> None:
    tasks, heard = parallel_tasks(), Heard()
    release = threading.Event()

    def slow(value: str) -> str:
        release.wait(WAIT / 1000)
        return value

    def slow_error() -> None:
        release.wait(WAIT / 1000)
        raise OSError("late")

    tasks.run(lambda: slow("old visitor's file"), heard.done, heard.failed, discard=heard.discard)
    tasks.run(slow_error, heard.done, heard.failed)
    tasks.forget()  # the session ends while both still run
    tasks.run(lambda: "new visitor's", heard.done, heard.failed)
    qtbot.waitUntil(lambda: bool(heard.results), timeout=WAIT)
    release.set()
    qtbot.waitUntil(lambda: bool(heard.discarded), timeout=WAIT)
    qtbot.wait(100)
    assert heard.results == ["new visitor's"]
    assert heard.errors == []
    assert heard.discarded == ["old visitor's file"]
    assert set(heard.threads) == {qapp.thread()}


def test_latest_only_drops_the_older_answer_and_discards_what_it_made(qtbot) -> None:
    tasks, heard = parallel_tasks(), Heard()
    first_may_end = threading.Event()

    def first() -> str:
        first_may_end.wait(WAIT / 1000)
        return "first.pdf"

    tasks.run(first, heard.done, heard.failed, latest="picture", discard=heard.discard)
    tasks.run(lambda: "second.pdf", heard.done, heard.failed, latest="picture", discard=heard.discard)
    qtbot.waitUntil(lambda: bool(heard.results), timeout=WAIT)
    first_may_end.set()
    qtbot.waitUntil(lambda: bool(heard.discarded), timeout=WAIT)
    assert heard.results == ["second.pdf"]
    assert heard.discarded == ["first.pdf"]


def test_latest_only_keys_are_independent_and_without_a_key_every_answer_comes(qtbot) -> None:
    tasks, heard = Tasks(), Heard()
    tasks.run(lambda: "preview", heard.done, latest="preview")
    tasks.run(lambda: "sheet", heard.done, latest="sheet")
    tasks.run(lambda: "a", heard.done)
    tasks.run(lambda: "b", heard.done)
    qtbot.waitUntil(lambda: len(heard.results) == 4, timeout=WAIT)
    assert sorted(heard.results) == ["a", "b", "preview", "sheet"]


def test_a_serial_lane_runs_work_one_at_a_time_in_order_on_one_thread(qtbot, qapp) -> None:
    tasks, heard = Tasks(serial=True), Heard()
    ran, threads, running = [], set(), []

    def step(n: int) -> int:
        running.append(n)
        assert len(running) == 1, "two steps at once"
        threads.add(QThread.currentThread())
        time.sleep(0.01 if n % 2 else 0)
        ran.append(n)
        running.remove(n)
        return n

    for n in range(8):
        tasks.run(lambda n=n: step(n), heard.done, heard.failed)
    qtbot.waitUntil(lambda: len(heard.results) == 8, timeout=WAIT)
    assert ran == list(range(8))
    assert heard.results == list(range(8))
    assert heard.errors == []
    assert len(threads) == 1 and qapp.thread() not in threads
    assert tasks.close()


def test_close_waits_for_the_lane_and_takes_no_more_work(qtbot) -> None:
    tasks, ran = Tasks(serial=True), []
    tasks.run(lambda: (time.sleep(0.2), ran.append("queued")))
    assert tasks.close(timeout_ms=WAIT)
    assert ran == ["queued"]
    tasks.run(lambda: ran.append("after close"))
    qtbot.wait(100)
    assert ran == ["queued"]


def test_a_callback_that_raises_is_logged_and_later_answers_still_come(qtbot, caplog) -> None:
    tasks, heard = Tasks(serial=True), Heard()

    def bad_callback(result) -> None:
        raise RuntimeError("bug in a callback")

    with caplog.at_level(logging.ERROR, logger="kiosk.tasks"):
        tasks.run(lambda: 1, bad_callback)
        tasks.run(lambda: 2, heard.done)
        qtbot.waitUntil(lambda: bool(heard.results), timeout=WAIT)
    assert heard.results == [2]
    assert any(r.exc_info and r.exc_info[0] is RuntimeError for r in caplog.records)
    tasks.close()


def test_when_the_tasks_object_is_gone_the_result_is_discarded(qtbot) -> None:
    parent = QObject()
    tasks, heard = Tasks(parent), Heard()
    release, discarded = threading.Event(), threading.Event()

    def slow() -> str:
        release.wait(WAIT / 1000)
        return "orphan.pdf"

    def discard(result: str) -> None:
        heard.discarded.append(result)
        discarded.set()

    tasks.run(slow, heard.done, discard=discard)
    parent.deleteLater()
    qtbot.waitUntil(lambda: not _alive(tasks), timeout=WAIT)
    release.set()
    qtbot.waitUntil(discarded.is_set, timeout=WAIT)  # on the GUI thread, once the answer is back
    assert heard.discarded == ["orphan.pdf"] and heard.results == []


def _alive(obj: QObject) -> bool:
    try:
        obj.objectName()
    except RuntimeError:
        return False
    return True


def test_owners_deleted_while_their_work_answers_never_crash_and_every_answer_is_heard(qtbot, qapp) -> None:
    """A screen deleted while its work ends (the visitor closed it): a worker emitting on the Tasks raced
    its deletion on the GUI thread, a segmentation fault about once in a few hundred."""
    import shiboken6

    heard: list[int] = []
    for number in range(500):
        parent = QObject()
        Tasks(parent).run(lambda number=number: number, heard.append, discard=heard.append)
        if number % 2:
            time.sleep(0.00005 * (number % 7))  # the deletion lands before, during or after the answer
        shiboken6.delete(parent)
        qapp.processEvents()
    qtbot.waitUntil(lambda: len(heard) == 500, timeout=WAIT)  # delivered before, or discarded
    assert sorted(heard) == list(range(500))
