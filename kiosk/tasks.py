"""Background work, one way for every feature: run a function off the GUI thread, then hear back on the GUI
thread with its result or its error.

    tasks = Tasks(self)                          # on Qt's shared pool; Tasks(self, serial=True): one thread
    tasks.run(lambda: read_preview(path), self._show, self._cannot_show, latest="preview")
    session.register_wiper("…", tasks.forget)    # or call tasks.forget() in the feature's own wiper

The rules, the same for every feature:

- `work` runs on a worker thread and must not touch widgets. Then exactly one of `done(result)` or
  `failed(error)` runs on the GUI thread (the thread the Tasks object lives in). An exception is never turned
  into a value: without `failed` it is logged with its traceback.
- **Late answers are dropped by one rule: `forget()`.** A feature calls it in its wiper (the visitor left); no
  answer to work started before it is delivered. A result dropped this way is handed to `discard` (on the GUI
  thread) so that what the work made (a file) does not outlive the session.
- **Latest only**: work run with the same `latest` key replaces the earlier request; the earlier one's answer
  is dropped (and its result handed to `discard`). Without a key, every answer is delivered.
- **Serial lane**: `Tasks(parent, serial=True)` owns one worker thread: work runs in the order it was asked,
  one at a time (CUPS calls, say). `close()` stops taking work and waits for what is queued.

If the Tasks object is deleted before work ends, the answer is dropped and `discard` runs (on the GUI
thread). Callbacks that raise are logged: nothing raises into Qt.

**Work shares Python's GIL with the GUI thread.** Many PySide6 calls keep it (QPdfDocument.render,
QImage.scaled), and a worker making many short calls in a row can keep the GUI thread waiting for it far
longer than Python's switch interval (seen: 100 ms for 300 `pagePointSize` calls). Work that loops over Qt
calls calls `let_gui_in()` every few milliseconds of work.
"""

from __future__ import annotations

import logging
import time
import weakref
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, TypeVar

import shiboken6
from PySide6.QtCore import QCoreApplication, QObject, Qt, QThreadPool, Signal

log = logging.getLogger(__name__)

T = TypeVar("T")


@dataclass
class _Answer:
    number: int
    epoch: int
    latest: str | None
    result: Any = None
    error: Exception | None = None
    done: Callable[[Any], None] | None = None
    failed: Callable[[Exception], None] | None = None
    discard: Callable[[Any], None] | None = None
    name: str = ""


class _Relay(QObject):
    """What workers emit on, instead of the Tasks: a Tasks is deleted with its screen, on the GUI thread,
    whenever the visitor closes it, and a worker emitting on it at that moment crashed PySide6 (segmentation
    fault). The relay belongs to the application and is deleted only on the GUI thread, once its Tasks is
    gone and no work of it is still running: no worker ever emits on a deleted object."""

    arrived = Signal(object)  # an _Answer, emitted on a worker thread, delivered on the GUI thread

    def __init__(self, tasks: Tasks) -> None:
        super().__init__(QCoreApplication.instance())
        self._tasks = weakref.ref(tasks)
        self.running = 0  # works started and not yet answered (GUI thread only)
        self._tasks_gone = False
        self.arrived.connect(self._hand_over)
        # queued, and a slot without arguments: nothing touches the Tasks while it is being destroyed
        tasks.destroyed.connect(self._on_tasks_destroyed, Qt.ConnectionType.QueuedConnection)

    def _hand_over(self, answer: _Answer) -> None:
        self.running -= 1
        tasks = self._tasks()
        if self._tasks_gone or tasks is None or not shiboken6.isValid(tasks):
            _discard(answer)  # nobody will hear the answer
        else:
            tasks._deliver(answer)
        self._end_if_done()

    def _on_tasks_destroyed(self) -> None:
        self._tasks_gone = True
        self._end_if_done()

    def _end_if_done(self) -> None:
        if self._tasks_gone and self.running == 0:
            self.deleteLater()


class Tasks(QObject):
    """One feature's background work; see the module's documentation for the rules."""

    def __init__(
        self, parent: QObject | None = None, *, serial: bool = False, pool: QThreadPool | None = None
    ) -> None:
        """`serial`: one worker thread of its own, work in order. Else `pool` (default: Qt's shared one)."""
        super().__init__(parent)
        if serial:
            pool = QThreadPool(self)
            pool.setMaxThreadCount(1)  # one thread: work runs in the order it was asked
            pool.setExpiryTimeout(-1)
            self._own_pool = True
        else:
            self._own_pool = False
        self._pool = pool if pool is not None else QThreadPool.globalInstance()
        self._numbers = 0
        self._epoch = 0
        self._latest: dict[str, int] = {}
        self._closed = False
        self._relay = _Relay(self)

    def run(
        self,
        work: Callable[[], T],
        done: Callable[[T], None] | None = None,
        failed: Callable[[Exception], None] | None = None,
        *,
        latest: str | None = None,
        discard: Callable[[T], None] | None = None,
    ) -> None:
        """Run `work()` off the GUI thread; then `done(result)` or `failed(error)` on the GUI thread, unless
        the answer is dropped: `forget()` was called since, or newer work with the same `latest` key was run.
        A dropped result goes to `discard`. Call it from the GUI thread. Does nothing once closed."""
        if self._closed:
            return
        self._numbers += 1
        answer = _Answer(
            self._numbers, self._epoch, latest, done=done, failed=failed, discard=discard, name=_name(work)
        )
        if latest is not None:
            self._latest[latest] = answer.number
        relay = self._relay
        relay.running += 1  # the relay lives until this answer has come back

        def task() -> None:
            try:
                answer.result = work()
            except Exception as error:
                answer.error = error
            relay.arrived.emit(answer)

        self._pool.start(task)

    def forget(self) -> None:
        """The session ended: no answer to work started until now is delivered (results go to `discard`)."""
        self._epoch += 1
        self._latest.clear()

    def close(self, timeout_ms: int = 5000) -> bool:
        """Take no more work; for a serial lane, wait for its queued work. True if it ended within the
        timeout. (On the shared pool there is nothing of its own to wait for: True.)"""
        self._closed = True
        return self._pool.waitForDone(timeout_ms) if self._own_pool else True

    def _deliver(self, answer: _Answer) -> None:
        current = answer.epoch == self._epoch and (
            answer.latest is None or self._latest.get(answer.latest) == answer.number
        )
        if answer.latest is not None and self._latest.get(answer.latest) == answer.number:
            del self._latest[answer.latest]
        try:
            if not current:
                _discard(answer)
            elif answer.error is not None:
                if answer.failed is None:
                    log.error("background work %s failed", answer.name, exc_info=answer.error)
                else:
                    answer.failed(answer.error)
            elif answer.done is not None:
                answer.done(answer.result)
        except Exception:
            log.exception("background callback for %s failed", answer.name)


def let_gui_in() -> None:
    """Worker: a pause (1 ms) in which the GUI thread takes the GIL if it is waiting for it. Releasing it for
    a moment (time.sleep(0), a PySide call) is not enough: the worker takes it back before the GUI thread
    wakes."""
    time.sleep(0.001)


def _discard(answer: _Answer) -> None:
    if answer.error is None and answer.discard is not None:
        try:
            answer.discard(answer.result)
        except Exception:
            log.exception("discarding the result of %s failed", answer.name)


def _name(fn: Callable[..., Any]) -> str:
    return getattr(fn, "__qualname__", None) or repr(fn)
