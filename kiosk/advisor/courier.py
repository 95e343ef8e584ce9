"""The help calls' courier: two threads of the kiosk that carry the visitor's calls to the hub and bring back
what advisors do with them. Never on the GUI thread; what it learns goes out through `tell`, which the Qt
side turns into a signal (kiosk/advisor/calling.py).

- The **sender** delivers what the terminal owes the hub (kiosk/advisor/call_queue.py), oldest first: a new
  call (`POST /api/v1/help-calls`, the same body each time: the hub stores it once by its `call_id`), a
  cancel (`POST …/{id}/cancel`), a release done (`POST …/{id}/released`). A try that gets no answer, a 408,
  429 or 5xx is tried again after 2 s doubling with jitter up to a minute (a person is waiting: much
  sooner than usage's hour); an answer that will never change (400, 422) drops the call from what is
  owed, and a refused token (401, 403, 410) waits 5 minutes, as it needs a technician.
- The **watcher** follows the visitor's open call with a long poll (`GET …/{id}?known=STATE&wait=20`: the
  hub answers as soon as the state moves or an advisor asks to free the terminal), and says each change.

`wake()` after the queue changed (a new call, a cancel). `close()` stops both threads without waiting on
the network: what was not delivered is still owed, and goes at the next start.
"""

from __future__ import annotations

import json
import logging
import random
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

import requests

from kiosk.advisor import call_queue
from kiosk.advisor.call_states import ENDED

if TYPE_CHECKING:
    from kiosk.usage.sync import HubClient, InStore

log = logging.getLogger(__name__)

FIRST_RETRY = 2.0
LONGEST_RETRY = 60.0
TOKEN_REFUSED_RETRY = 300.0
POLL_WAIT = 20  # seconds the hub may hold the watcher's question
POLL_SPACING = 1.0  # seconds between two questions at least (a hub without the long poll answers at once)


@dataclass(frozen=True)
class CallNews:
    """What the courier learnt of a call."""

    call_id: str
    state: str  # call_queue.NEW while the hub has not got it, else the hub's
    reachable: bool  # the last try reached the hub and it took the request
    release: bool = False  # an advisor asked, from the board, to free the terminal


class CallCourier:
    def __init__(
        self,
        hubs: Callable[[], HubClient],
        in_store: InStore,
        tell: Callable[[CallNews], None],
        *,
        rng: random.Random | None = None,
        poll_wait: int = POLL_WAIT,
    ):
        """`hubs` makes a HubClient (one per thread: a requests session is not shared between threads)."""
        self._hubs = hubs
        self._in_store = in_store
        self._tell = tell
        self._rng = rng or random.Random()
        self._poll_wait = poll_wait
        self._stop = threading.Event()
        self._send_wanted = threading.Event()
        self._watch_wanted = threading.Event()
        self._attempts: dict[str, int] = {}
        self._not_before: dict[str, float] = {}
        self._threads = [
            threading.Thread(target=self._guarded, args=(self._send_loop,), name="ilot-calls", daemon=True),
            threading.Thread(
                target=self._guarded, args=(self._watch_loop,), name="ilot-call-watch", daemon=True
            ),
        ]

    def start(self) -> None:
        for thread in self._threads:
            thread.start()

    def wake(self) -> None:
        """Something new is owed (a call, a cancel): try now, whatever the backoff said."""
        self._not_before.clear()
        self._send_wanted.set()
        self._watch_wanted.set()

    def close(self, timeout: float = 1.0) -> None:
        self._stop.set()
        self._send_wanted.set()
        self._watch_wanted.set()
        for thread in self._threads:
            if thread.is_alive():
                thread.join(timeout)

    def _guarded(self, loop: Callable[[HubClient], None]) -> None:
        hub = self._hubs()
        try:
            loop(hub)
        except Exception:  # a bug, or the store closing under it: logged, and the next start sends again
            if not self._stop.is_set():
                log.exception("help calls: %s stopped", threading.current_thread().name)
        finally:
            hub.close()

    # The sender

    def _send_loop(self, hub: HubClient) -> None:
        while not self._stop.is_set():
            now = time.monotonic()
            due = [
                c
                for c in self._in_store(call_queue.owed)
                if (not c.delivered or c.end_wanted) and self._not_before.get(c.call_id, 0) <= now
            ]
            for call in due:
                if self._stop.is_set():
                    return
                self._deliver(hub, call)
            waits = [t - time.monotonic() for t in self._not_before.values()]
            self._send_wanted.wait(max(0.0, min(waits)) if waits else None)
            self._send_wanted.clear()

    def _deliver(self, hub: HubClient, call: call_queue.Call) -> None:
        if call.end_wanted is not None:
            path = f"api/v1/help-calls/{call.call_id}/" + (
                "cancel" if call.end_wanted == "cancel" else "released"
            )
            body = b"{}"
        else:
            path = "api/v1/help-calls"
            body = json.dumps({"call_id": call.call_id, "ticket": call.ticket, "topic": call.topic}).encode()
        try:
            response = hub.post(path, body)
        except requests.RequestException as error:
            log.warning("help call %s: no answer from the hub (%s)", call.ticket, type(error).__name__)
            return self._retry(call, None)
        status = response.status_code
        if response.ok:
            state = _state_in(response)
            if state is None:
                log.error("help call %s: the hub's answer has no state", call.ticket)
                return self._retry(call, status)
            self._in_store(lambda db: call_queue.note_state(db, call.call_id, state, time.time()))
            self._forget_attempts(call.call_id)
            if call.end_wanted is None:
                self._tell(CallNews(call.call_id, state, reachable=True))
                self._watch_wanted.set()
        elif call.end_wanted is not None and status == 409:  # it was done before the cancel: the advisor came
            self._in_store(lambda db: call_queue.note_state(db, call.call_id, "done", time.time()))
            self._forget_attempts(call.call_id)
        elif call.end_wanted is not None and status == 404:  # the hub never had it: nothing to end
            self._in_store(lambda db: call_queue.forget_undelivered(db, call.call_id, time.time()))
            self._forget_attempts(call.call_id)
        elif status in (400, 422):
            log.error("help call %s: the hub refuses it for good (HTTP %d): dropped", call.ticket, status)
            self._in_store(lambda db: call_queue.forget_undelivered(db, call.call_id, time.time()))
            self._forget_attempts(call.call_id)
            self._tell(CallNews(call.call_id, call.state, reachable=False))
        else:
            log.warning("help call %s: HTTP %d from the hub", call.ticket, status)
            self._retry(call, status)

    def _retry(self, call: call_queue.Call, status: int | None) -> None:
        attempt = self._attempts.get(call.call_id, 0)
        self._attempts[call.call_id] = attempt + 1
        if status in (401, 403, 404, 410):
            delay = TOKEN_REFUSED_RETRY
        else:
            ceiling = min(LONGEST_RETRY, FIRST_RETRY * 2 ** min(attempt, 10))
            delay = ceiling / 2 + self._rng.uniform(0, ceiling / 2)
        self._not_before[call.call_id] = time.monotonic() + delay
        if call.end_wanted is None:
            self._tell(CallNews(call.call_id, call.state, reachable=False))

    def _forget_attempts(self, call_id: str) -> None:
        self._attempts.pop(call_id, None)
        self._not_before.pop(call_id, None)

    # The watcher

    def _watch_loop(self, hub: HubClient) -> None:
        while not self._stop.is_set():
            call = self._watched()
            if call is None:
                self._watch_wanted.wait()
                self._watch_wanted.clear()
                continue
            asked = time.monotonic()
            news = self._ask(hub, call)
            if self._stop.is_set():
                return
            if news is not None and (news.state != call.state or news.release):
                if news.state != call.state:
                    self._in_store(
                        lambda db, c=call.call_id, s=news.state: call_queue.note_state(db, c, s, time.time())
                    )
                self._tell(news)
            pause = POLL_SPACING if news is not None else FIRST_RETRY * 2
            if news is not None and news.release:
                pause = max(pause, 5.0)  # the release is being carried out: do not say it again at once
            self._watch_wanted.wait(max(0.0, asked + pause - time.monotonic()))
            self._watch_wanted.clear()

    def _watched(self) -> call_queue.Call | None:
        """The visitor's open call: delivered, not ended, no end asked."""
        open_calls = [
            c
            for c in self._in_store(call_queue.owed)
            if c.delivered and c.end_wanted is None and c.state not in ENDED
        ]
        return open_calls[-1] if open_calls else None

    def _ask(self, hub: HubClient, call: call_queue.Call) -> CallNews | None:
        try:
            response = hub.get(
                f"api/v1/help-calls/{call.call_id}",
                params={"known": call.state, "wait": str(self._poll_wait)},
                timeout=(5, self._poll_wait + 10),
            )
        except requests.RequestException:
            return None
        if not response.ok:
            return None
        state = _state_in(response)
        if state is None:
            return None
        release = bool(_body(response).get("release"))
        return CallNews(call.call_id, state, reachable=True, release=release)


def _body(response: requests.Response) -> dict:
    try:
        body = response.json()
    except ValueError:
        return {}
    return body if isinstance(body, dict) else {}


def _state_in(response: requests.Response) -> str | None:
    state = _body(response).get("state")
    return state if state in ("sent", "seen", "coming", "done", "cancelled") else None
