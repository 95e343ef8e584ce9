"""The sync client: sends the outbox to the hub, oldest batch first, and carries out the retry rules.

`HubClient` is the HTTP side (requests, TLS verified, the token as a bearer, each batch's id as its
Idempotency-Key). `SyncClient.send_due()` is one pass: close the hours that are due, apply the cap, then
send until the outbox is empty or the hub says to wait; it returns what happened and when to try again.
Its database work runs wherever `in_store` runs it (the store's thread in the kiosk): this module never
touches SQLite itself, and never runs on the GUI thread (`SyncRunner` is its thread in the kiosk, which also
sends the heartbeat: kiosk/usage/heartbeat.py).
"""

from __future__ import annotations

import logging
import random
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import TYPE_CHECKING, Any, TypeVar
from urllib.parse import urljoin

import requests

from kiosk.usage import outbox
from kiosk.usage.retry import LONGEST_DELAY, Decision, Outcome, decide, first_send_delay

if TYPE_CHECKING:
    from sqlite_utils import Database

    from kiosk.usage import heartbeat

log = logging.getLogger(__name__)

T = TypeVar("T")
InStore = Callable[[Callable[["Database"], T]], T]

TIMEOUT = (5, 30)  # seconds: to connect, then between bytes of the answer
USER_AGENT = "ilot-kiosk"
BEAT_INTERVAL = 15 * 60  # seconds between heartbeats (kiosk/usage/heartbeat.py)


@dataclass(frozen=True)
class HubAnswer:
    status: int | None  # None: no answer at all (network down, timeout, cut)
    retry_after: str | None = None
    answers: list[str] | None = None  # per row, when the hub took the batch
    error: str = ""  # what went wrong, for the log and `kiosk check`


class HubClient:
    def __init__(
        self,
        hub_url: str,
        token: str,
        session: requests.Session | None = None,
        timeout: tuple[float, float] = TIMEOUT,
    ):
        self.hub_url = hub_url if hub_url.endswith("/") else hub_url + "/"
        self._timeout = timeout
        self._session = session or requests.Session()
        self._session.headers.update({"Authorization": f"Bearer {token}", "User-Agent": USER_AGENT})

    def post(self, path: str, body: bytes, headers: dict[str, str] | None = None) -> requests.Response:
        return self._session.post(
            urljoin(self.hub_url, path),
            data=body,
            headers={"Content-Type": "application/json", **(headers or {})},
            timeout=self._timeout,
        )

    def get(
        self, path: str, params: dict[str, str] | None = None, timeout: tuple[float, float] | None = None
    ) -> requests.Response:
        """A read from the hub (a help call's state, the site's open calls), with the same TLS and token."""
        return self._session.get(urljoin(self.hub_url, path), params=params, timeout=timeout or self._timeout)

    def send_batch(self, batch: outbox.Batch) -> HubAnswer:
        try:
            response = self.post("api/v1/usage", batch.body(), {"Idempotency-Key": batch.batch_id})
        except requests.RequestException as error:
            return HubAnswer(None, error=_network_error(error))
        answers = None
        if response.ok:
            answers = _answers(response, batch)
            if answers is None:
                return HubAnswer(None, error="the hub's answer does not match the batch")
        return HubAnswer(response.status_code, response.headers.get("Retry-After"), answers)

    def close(self) -> None:
        self._session.close()


def _answers(response: requests.Response, batch: outbox.Batch) -> list[str] | None:
    try:
        body = response.json()
    except ValueError:
        return None
    answers = body.get("answers") if isinstance(body, dict) else None
    if (
        body.get("batch_id") != batch.batch_id
        or not isinstance(answers, list)
        or len(answers) != len(batch.rows)
        or not set(answers) <= outbox.ANSWERS
    ):
        return None
    return answers


def _network_error(error: requests.RequestException) -> str:
    if isinstance(error, requests.exceptions.SSLError):
        return "the hub's TLS certificate is not valid for its address"
    if isinstance(error, requests.Timeout):
        return "the hub did not answer in time"
    if isinstance(error, requests.ConnectionError):
        return "cannot reach the hub (network down, or wrong hub_url)"
    return f"request failed: {type(error).__name__}"


@dataclass(frozen=True)
class SyncReport:
    batches_sent: int
    rows_delivered: int
    rows_dropped: int
    evicted: int
    backlog: outbox.Backlog
    decision: Decision | None = None  # the answer that ended the pass, unless the outbox emptied
    retry_in: float | None = None  # seconds until the next try; None: at the next hour's close

    @property
    def done(self) -> bool:
        return self.backlog.rows == 0


class SyncClient:
    def __init__(
        self,
        hub: HubClient,
        in_store: InStore,
        *,
        clock: Callable[[], float] = time.time,
        rng: random.Random | None = None,
    ):
        self._hub = hub
        self._in_store = in_store
        self._clock = clock
        self._rng = rng or random.Random()

    def close(self) -> None:
        self._hub.close()

    def send_due(self) -> SyncReport:
        now = self._clock()
        self._in_store(lambda db: outbox.close_hours(db, now))
        evicted = self._in_store(lambda db: outbox.enforce_cap(db, now))
        sent = delivered = dropped = 0
        decision: Decision | None = None
        while (batch := self._in_store(outbox.next_batch)) is not None:
            answer = self._hub.send_batch(batch)
            sent += 1
            decision = decide(
                answer.status,
                attempt=batch.attempts,
                rows=len(batch.rows),
                retry_after=answer.retry_after,
                now=datetime.fromtimestamp(self._clock(), UTC),
                rng=self._rng,
            )
            if decision.outcome is Outcome.DELIVERED:
                applied = self._in_store(
                    lambda db, b=batch, a=answer.answers: outbox.apply_answers(db, b, a, now)
                )
                delivered += applied.delivered
                dropped += applied.dropped
                continue
            if decision.outcome is Outcome.SPLIT:
                self._in_store(lambda db, b=batch: outbox.split(db, b))
                continue
            if decision.outcome is Outcome.DROP:
                self._in_store(lambda db, b=batch: outbox.drop(db, b, now))
                dropped += len(batch.rows)
                log.error("the hub refused a batch of %d rows for good: %s", len(batch.rows), decision.reason)
                continue
            reason = answer.error or decision.reason
            if decision.outcome is Outcome.RETRY:
                self._in_store(lambda db, b=batch: outbox.note_failed_send(db, b.batch_id))
                self._note("last_error", reason)
                log.warning("sync: %s; next try in %.0f s", reason, decision.delay)
                return self._report(sent, delivered, dropped, evicted, decision, decision.delay)
            self._note("paused", reason)
            self._note("last_error", reason)
            log.error("sync paused, nothing lost: %s", reason)
            return self._report(sent, delivered, dropped, evicted, decision, LONGEST_DELAY)
        self._note("last_success", "")
        self._forget("paused")
        return self._report(sent, delivered, dropped, evicted, decision, None)

    def _report(self, sent, delivered, dropped, evicted, decision, retry_in) -> SyncReport:
        return SyncReport(
            sent, delivered, dropped, evicted, self._in_store(outbox.backlog), decision, retry_in
        )

    def _note(self, name: str, value: str) -> None:
        at = datetime.fromtimestamp(self._clock(), UTC).isoformat(timespec="seconds")
        self._in_store(lambda db: note(db, name, value, at))

    def _forget(self, name: str) -> None:
        self._in_store(lambda db: db.execute("DELETE FROM sync_state WHERE name = ?", (name,)))


def note(db: Database, name: str, value: str, at: str) -> None:
    with db.atomic():
        db.execute(
            "INSERT INTO sync_state (name, value, at) VALUES (?, ?, ?) "
            "ON CONFLICT (name) DO UPDATE SET value = excluded.value, at = excluded.at",
            (name, value, at),
        )


def remember_in(in_store: InStore) -> Callable[[str, str], None]:
    """A function that notes (name, value) in sync_state, with the time it is called, through the store."""

    def remember(name: str, value: str) -> None:
        at = datetime.now(UTC).isoformat(timespec="seconds")
        in_store(lambda db: note(db, name, value, at))

    return remember


def sync_state(db: Database) -> dict[str, tuple[str, str]]:
    """What the sync client last saw: name → (value, ISO time)."""
    return {name: (value, at) for name, value, at in db.execute("SELECT name, value, at FROM sync_state")}


def next_hour_close(now: float) -> float:
    """When the hour in progress closes (its end plus the outbox's grace)."""
    return (now // 3600 + 1) * 3600 + outbox.GRACE


def runner_for(
    hub_url: str, token: str, in_store: InStore, beat_sources: heartbeat.Sources | None = None
) -> SyncRunner:
    """The kiosk's sync thread for the site's hub (not started); it also beats when given the sources."""
    from kiosk.usage.heartbeat import Heartbeats  # it imports this module

    hub = HubClient(hub_url, token)
    beats = (
        Heartbeats(hub, beat_sources, remember_in(in_store), on_reply=reply_handler(in_store))
        if beat_sources is not None
        else None
    )
    return SyncRunner(SyncClient(hub, in_store), beat=beats.send if beats else None)


def reply_handler(
    in_store: InStore, clock: Callable[[], float] = time.time
) -> Callable[[heartbeat.BeatReply], None]:
    """What the sync thread does with a heartbeat's reply: the advisors' accounts it carries replace the
    hub's accounts in the kiosk database (one transaction on the store's thread); a reply without them
    changes nothing."""
    from kiosk.advisor.accounts import replace_from_hub

    def handle(reply: heartbeat.BeatReply) -> None:
        if reply.advisors is None:
            return
        changes = in_store(lambda db: replace_from_hub(db, reply.advisors, clock()))
        if changes.added or changes.changed or changes.removed:
            log.info(
                "advisors from the hub: %d added, %d changed, %d removed",
                len(changes.added),
                len(changes.changed),
                len(changes.removed),
            )

    return handle


class SyncRunner:
    """The kiosk's sync thread: a pass at start, then at each hour's close (plus a random spread), or when
    the hub said to try again; `wake()` (the network came back) tries at once. With `beat`, it also sends a
    heartbeat after the first pass, then every `beat_interval` seconds (and on `wake()`): a beat that fails
    is simply the next one's job. Never waits on the GUI."""

    def __init__(
        self,
        client: SyncClient,
        *,
        clock: Callable[[], float] = time.time,
        rng: Any = None,
        beat: Callable[[], object] | None = None,
        beat_interval: float = BEAT_INTERVAL,
    ):
        self._client = client
        self._clock = clock
        self._rng = rng or random.Random()
        self._beat = beat
        self._beat_interval = beat_interval
        self._wake = threading.Event()
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, name="ilot-sync", daemon=True)
        self.last_report: SyncReport | None = None

    def start(self) -> None:
        self._thread.start()

    def wake(self) -> None:
        self._wake.set()

    def close(self, timeout: float = 5.0) -> None:
        """Stops the thread; a send in progress may finish first, at most `timeout` seconds are waited (what
        it did not finish is sent again next time: nothing is lost)."""
        self._stop.set()
        self._wake.set()
        if self._thread.is_alive():
            self._thread.join(timeout)
        self._client.close()

    def _run(self) -> None:
        next_sync = next_beat = self._clock()
        woken = False
        while not self._stop.is_set():
            if woken or self._clock() >= next_sync:
                next_sync = self._clock() + self._sync_pass()
            if self._stop.is_set():
                break
            if self._beat is not None and (woken or self._clock() >= next_beat):
                try:
                    self._beat()
                except Exception:  # the beat's own failures are handled inside; this is a bug: keep going
                    log.exception("heartbeat failed")
                next_beat = self._clock() + self._beat_interval
            due = next_sync if self._beat is None else min(next_sync, next_beat)
            woken = self._wake.wait(max(0.0, due - self._clock()))
            self._wake.clear()
            woken = woken and not self._stop.is_set()

    def _sync_pass(self) -> float:
        """One pass; returns the seconds until the next."""
        try:
            self.last_report = report = self._client.send_due()
            delay = report.retry_in
        except Exception:  # a full disk, a store closing: log it, keep the thread, try later
            log.exception("sync pass failed")
            delay = LONGEST_DELAY / 12
        if delay is None:
            delay = next_hour_close(self._clock()) - self._clock() + first_send_delay(self._rng)
        return delay
