"""The help calls' courier against the real hub on loopback: a call kept through the hub's failures and
delivered once, an advisor's moves brought back, a cancel carried, and what a stopped kiosk owed sent at
its next start. The terminal's side is its real database on the store's thread."""

from __future__ import annotations

import queue
import time
import uuid

import pytest

from kiosk.advisor import call_queue
from kiosk.advisor.courier import CallCourier, CallNews
from kiosk.store import StoreWorker
from kiosk.usage.sync import HubClient
from tests.hub_on_loopback import FaultProxy, add_terminal, advisor_moves, hub_call, running_hub

pytestmark = pytest.mark.e2e


@pytest.fixture(scope="module")
def hub(module_hub_db_url):
    with running_hub(module_hub_db_url) as base:
        yield module_hub_db_url, base


@pytest.fixture
def terminal(hub):
    url, base = hub
    site = f"poste-{uuid.uuid4().hex[:6]}"
    return url, base, site, add_terminal(url, "borne-1", site)


@pytest.fixture
def store(tmp_path):
    worker = StoreWorker(tmp_path / "kiosk.db")
    worker.start()
    yield worker
    worker.close(timeout=10)


class Courier:
    """A courier with its news in a queue, as the kiosk's Qt side would get them."""

    def __init__(self, base: str, token: str, store: StoreWorker):
        self.news: queue.Queue[CallNews] = queue.Queue()
        self.courier = CallCourier(lambda: HubClient(base, token, timeout=(2, 5)), store.call, self.news.put)
        self.courier.start()

    def until(self, wanted, timeout: float = 20) -> list[CallNews]:
        """The news up to the first that `wanted` accepts."""
        seen = []
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            try:
                news = self.news.get(timeout=max(0.01, deadline - time.monotonic()))
            except queue.Empty:
                break
            seen.append(news)
            if wanted(news):
                return seen
        raise AssertionError(f"not told in {timeout} s; told: {seen}")


def nothing_owed(store: StoreWorker, timeout: float = 20) -> None:
    """Waits until the hub has heard all the terminal owed it."""
    deadline = time.monotonic() + timeout
    while store.call(call_queue.owed) and time.monotonic() < deadline:
        time.sleep(0.1)
    assert store.call(call_queue.owed) == []


def test_a_call_kept_through_the_hubs_failures_is_delivered_once(terminal, store):
    url, base, _site, token = terminal
    with FaultProxy(base) as proxy:
        proxy.faults = ["500", "cut", "503"]  # "cut": the hub stored it, its answer was lost
        call = store.call(lambda db: call_queue.open_call(db, "imprimer", time.time()))
        courier = Courier(proxy.url, token, store)
        try:
            courier.courier.wake()
            told = courier.until(lambda news: news.reachable)
        finally:
            courier.courier.close()
    assert [news.reachable for news in told][:2] == [False, False]
    assert told[-1] == CallNews(call.call_id, "sent", reachable=True)
    row = hub_call(url, call.call_id)
    assert (row.ticket, row.topic, row.state) == (call.ticket, "imprimer", "sent")
    assert store.call(lambda db: call_queue.find(db, call.call_id)).state == "sent"


def test_an_advisors_moves_reach_the_terminal_and_its_cancel_reaches_the_hub(terminal, store):
    url, base, _site, token = terminal
    call = store.call(lambda db: call_queue.open_call(db, None, time.time()))
    courier = Courier(base, token, store)
    try:
        courier.courier.wake()
        courier.until(lambda news: news.state == "sent")
        advisor_moves(url, call.call_id, "seen")
        assert courier.until(lambda news: news.state == "seen")[-1].reachable
        advisor_moves(url, call.call_id, "coming")
        courier.until(lambda news: news.state == "coming")
        store.call(lambda db: call_queue.want_end(db, call.call_id, "cancel"))
        courier.courier.wake()
        nothing_owed(store)
    finally:
        courier.courier.close()
    row = hub_call(url, call.call_id)
    assert row.state == "cancelled" and row.coming_at is not None


def test_what_a_stopped_kiosk_owed_is_carried_at_its_next_start(terminal, store):
    url, base, _site, token = terminal
    delivered = store.call(lambda db: call_queue.open_call(db, None, time.time()))
    courier = Courier(base, token, store)
    try:
        courier.courier.wake()
        courier.until(lambda news: news.state == "sent")
    finally:
        courier.courier.close()
    never_sent = store.call(lambda db: call_queue.open_call(db, None, time.time()))
    # The kiosk stops here; at its next start the open calls belong to sessions that are over.
    assert store.call(call_queue.abandon_open) == 2
    courier = Courier(base, token, store)
    try:
        courier.courier.wake()
        nothing_owed(store)
    finally:
        courier.courier.close()
    assert hub_call(url, delivered.call_id).state == "cancelled"
    assert hub_call(url, never_sent.call_id) is None  # cancelled before the hub ever had it: nothing there
