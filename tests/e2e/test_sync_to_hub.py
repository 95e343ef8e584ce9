"""The terminal's sync client against a real hub on loopback: counts arrive exactly once whatever the
network and the hub do, a wrong token pauses without losing anything, and the hub takes only what it must."""

from __future__ import annotations

import random
import uuid
from datetime import UTC, datetime

import pytest
import requests

from kiosk.store import StoreWorker
from kiosk.usage import outbox
from kiosk.usage.counter import add_rows
from kiosk.usage.retry import Outcome
from kiosk.usage.sync import HubClient, SyncClient, sync_state
from tests.hub_on_loopback import (
    FaultProxy,
    add_terminal,
    hub_command,
    hub_totals,
    running_hub,
)

WEEK_START = datetime(2026, 11, 23, tzinfo=UTC).timestamp()
AFTER_THE_WEEK = WEEK_START + 7 * 24 * 3600 + 3600


@pytest.fixture(scope="module")
def hub(module_hub_db_url):
    url = module_hub_db_url
    with running_hub(url) as base:
        yield url, base


@pytest.fixture
def store(tmp_path):
    worker = StoreWorker(tmp_path / "kiosk.db")
    worker.start()
    yield worker
    worker.close(timeout=10)


def a_week_of_counts(store, seed: int = 1) -> dict[tuple[str, str, str], int]:
    rng = random.Random(seed)
    metrics = [
        ("session_started", ""),
        ("pages_printed", ""),
        ("shortcut_opened", "ameli"),
        ("language", "fr"),
    ]
    totals = {}
    for hour in range(7 * 24):
        period = datetime.fromtimestamp(WEEK_START + hour * 3600, UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
        for metric, key in metrics:
            if rng.random() < 0.7:
                totals[(period, metric, key)] = rng.randint(1, 40)
    store.submit(lambda db: add_rows(db, [(*slot, n) for slot, n in totals.items()])).result()
    return totals


def sync_client(store, hub_url: str, token: str, **kwargs) -> SyncClient:
    hub = HubClient(hub_url, token, timeout=kwargs.pop("timeout", (5, 30)))
    return SyncClient(hub, store.call, clock=kwargs.pop("clock", lambda: AFTER_THE_WEEK), **kwargs)


def terminal(url: str) -> tuple[str, str]:
    site = f"poste-{uuid.uuid4().hex[:8]}"
    return site, add_terminal(url, "borne-1", site)


def test_a_week_of_counts_is_delivered_exactly(hub, store):
    url, base = hub
    site, token = terminal(url)
    sent = a_week_of_counts(store)
    report = sync_client(store, base, token).send_due()
    assert report.done and report.rows_delivered == len(sent)
    assert hub_totals(url, site) == sent
    assert "last_success" in store.submit(sync_state).result()


def test_a_resend_after_a_lost_answer_counts_nothing_twice(hub, store):
    url, base = hub
    site, token = terminal(url)
    sent = a_week_of_counts(store, seed=2)
    store.submit(lambda db: outbox.close_hours(db, AFTER_THE_WEEK)).result()
    first = store.submit(outbox.next_batch).result()
    assert HubClient(base, token).send_batch(first).answers == ["ok"] * len(first.rows)  # answer "lost"
    report = sync_client(store, base, token).send_due()
    assert report.done
    assert hub_totals(url, site) == sent


def test_faults_on_the_way_lose_nothing_and_count_nothing_twice(hub, store):
    url, base = hub
    site, token = terminal(url)
    sent = a_week_of_counts(store, seed=3)
    with FaultProxy(base) as proxy:
        proxy.faults = ["500", "429", "timeout", "cut", "413", "500", "cut"]
        client = sync_client(store, proxy.url, token, timeout=(2, 1))
        outcomes = []
        for _ in range(30):
            report = client.send_due()
            outcomes.append(report.decision.outcome if report.decision else None)
            if report.done:
                break
        assert report.done, proxy.seen
        assert proxy.faults == []
    assert hub_totals(url, site) == sent
    assert Outcome.RETRY in outcomes


@pytest.mark.parametrize(
    ("status", "outcome", "left"),
    [
        ("500", Outcome.RETRY, 6),
        ("502", Outcome.RETRY, 6),
        ("503", Outcome.RETRY, 6),
        ("408", Outcome.RETRY, 6),
        ("429", Outcome.RETRY, 6),
        ("401", Outcome.PAUSE, 6),
        ("403", Outcome.PAUSE, 6),
        ("404", Outcome.PAUSE, 6),
        ("410", Outcome.PAUSE, 6),
        ("400", None, 0),  # dropped, then the outbox is empty
        ("422", None, 0),
        ("413", None, 0),  # halves, both delivered
    ],
)
def test_each_answer_of_the_hub_and_what_the_outbox_keeps(hub, store, status, outcome, left):
    url, base = hub
    site, token = terminal(url)
    rows = [(f"2026-11-29T{h:02d}:00:00Z", "pages_printed", "", h + 1) for h in range(6)]
    store.submit(lambda db: add_rows(db, rows)).result()
    with FaultProxy(base) as proxy:
        proxy.faults = [status]
        report = sync_client(store, proxy.url, token).send_due()
    assert (report.decision.outcome if report.decision and not report.done else None) is outcome
    assert report.backlog.rows == left
    stored = hub_totals(url, site)
    if status == "413":
        assert len(stored) == 6 and proxy.seen == ["413", "pass", "pass"]
    if status in ("400", "422"):
        assert stored == {} and report.rows_dropped == 6
    if outcome is Outcome.RETRY:
        assert report.retry_in == 1 if status in ("429", "503") else 2.5 <= report.retry_in <= 5
    if outcome is Outcome.PAUSE:
        assert status in store.submit(sync_state).result()["paused"][0]


def test_the_hub_down_then_back_delivers_everything(hub_db_url, store):
    url = hub_db_url
    site, token = terminal(url)
    sent = a_week_of_counts(store, seed=4)
    with running_hub(url) as base:
        pass  # the address the terminal knows, now with nothing behind it
    report = sync_client(store, base, token).send_due()
    assert not report.done and report.decision.outcome is Outcome.RETRY
    assert report.backlog.rows == len(sent)
    assert "cannot reach the hub" in store.submit(sync_state).result()["last_error"][0]
    with running_hub(url) as again:
        report = sync_client(store, again, token).send_due()
    assert report.done
    assert hub_totals(url, site) == sent


def test_a_wrong_token_pauses_and_keeps_everything(hub, store):
    url, base = hub
    site, token = terminal(url)
    sent = a_week_of_counts(store, seed=5)
    report = sync_client(store, base, token + "x").send_due()
    assert report.decision.outcome is Outcome.PAUSE
    assert report.backlog.rows == len(sent)
    state = store.submit(sync_state).result()
    assert "token" in state["paused"][0]
    assert hub_totals(url, site) == {}
    report = sync_client(store, base, token).send_due()  # the technician fixed it
    assert report.done and hub_totals(url, site) == sent
    assert "paused" not in store.submit(sync_state).result()


def test_a_technician_adds_revokes_and_rekeys_a_terminal(hub):
    url, base = hub
    site = f"poste-{uuid.uuid4().hex[:8]}"
    added = hub_command(url, "add-terminal", "borne-1", "--site", site)
    assert added.returncode == 0 and "shown this once" in added.stderr
    token = added.stdout.strip()
    again = hub_command(url, "add-terminal", "borne-1", "--site", site)
    assert again.returncode == 1 and "rotate-token" in again.stderr
    assert hub_command(url, "revoke-terminal", "borne-1", "--site", site).returncode == 0
    answer = requests.post(base + "api/v1/heartbeat", headers={"Authorization": f"Bearer {token}"}, json={})
    assert answer.status_code == 401
    rotated = hub_command(url, "rotate-token", "borne-1", "--site", site)
    assert rotated.returncode == 0
    beat = {
        "version": "1",
        "config_version": "",
        "printer": "idle",
        "scanner": "none",
        "free_disk_mb": 1,
        "backlog_rows": 0,
    }
    new = rotated.stdout.strip()
    assert requests.post(base + "api/v1/heartbeat", headers={"Authorization": f"Bearer {new}"}, json=beat).ok
    assert (
        requests.post(
            base + "api/v1/heartbeat", headers={"Authorization": f"Bearer {token}"}, json=beat
        ).status_code
        == 401
    )


def test_a_heartbeat_as_large_as_the_columns_is_stored_and_a_larger_one_refused(hub):
    url, base = hub
    _, token = terminal(url)
    beat = {
        "version": "1",
        "config_version": "c" * 80,
        "printer": "p" * 40,
        "scanner": "s" * 40,
        "free_disk_mb": 2**63 - 1,
        "backlog_rows": 2**31 - 1,
        "last_frame": "2026-12-01T10:00:00+01:00",
    }
    headers = {"Authorization": f"Bearer {token}"}
    assert requests.post(base + "api/v1/heartbeat", headers=headers, json=beat, timeout=10).ok
    larger = {**beat, "backlog_rows": 2**31}
    assert (
        requests.post(base + "api/v1/heartbeat", headers=headers, json=larger, timeout=10).status_code == 422
    )


def _post(base: str, token: str, body: dict | bytes, key: str | None = None) -> requests.Response:
    headers = {"Authorization": f"Bearer {token}", "Content-Type": "application/json"}
    if key:
        headers["Idempotency-Key"] = key
    data = body if isinstance(body, bytes) else __import__("json").dumps(body).encode()
    return requests.post(base + "api/v1/usage", data=data, headers=headers, timeout=10)


def _batch(rows: list[dict], **extra) -> dict:
    return {"batch_id": str(uuid.uuid4()), "rows": rows, **extra}


ROW = {"period_start": "2026-12-01T10:00:00Z", "metric": "session_started", "key": "", "count": 2}


@pytest.mark.parametrize(
    "body",
    [
        _batch([ROW], terminal_id="someone-else"),  # what the body claims is never who it is
        _batch([{**ROW, "site_id": "poste-x"}]),
        _batch([{**ROW, "metric": "visitor_name"}]),
        _batch([{**ROW, "key": "<script>alert(1)</script>"}]),
        _batch([{**ROW, "metric": "shortcut_opened", "key": "<b>ameli</b>"}]),
        _batch([{**ROW, "period_start": "2026-12-01T10:30:00Z"}]),
        _batch([{**ROW, "count": 0}]),
        _batch([{**ROW, "count": "2"}]),
        _batch([ROW, ROW]),
        _batch([]),
        {"batch_id": "not-a-uuid", "rows": [ROW]},
    ],
)
def test_hostile_or_malformed_batches_are_refused_whole(hub, body):
    url, base = hub
    site, token = terminal(url)
    answer = _post(base, token, body, key=str(body.get("batch_id")))
    assert answer.status_code == 422
    assert hub_totals(url, site) == {}


def test_malformed_json_oversized_bodies_and_a_wrong_idempotency_key(hub):
    url, base = hub
    site, token = terminal(url)
    assert _post(base, token, b"{not json", key=str(uuid.uuid4())).status_code == 422
    assert _post(base, token, b"x" * (2 * 1024 * 1024), key=str(uuid.uuid4())).status_code == 413
    body = _batch([ROW])
    assert _post(base, token, body, key=str(uuid.uuid4())).status_code == 422
    assert _post(base, token, body).status_code == 422
    assert hub_totals(url, site) == {}
    assert _post(base, token, body, key=body["batch_id"]).json()["answers"] == ["ok"]


def test_rows_land_on_the_tokens_terminal_only(hub):
    url, base = hub
    site_a, token_a = terminal(url)
    site_b, _ = terminal(url)
    body = _batch([ROW])
    assert _post(base, token_a, body, key=body["batch_id"]).ok
    assert hub_totals(url, site_a) == {("2026-12-01T10:00:00Z", "session_started", ""): 2}
    assert hub_totals(url, site_b) == {}


def test_an_hour_from_a_broken_clock_is_dropped_and_counted(hub, store):
    url, base = hub
    site, token = terminal(url)
    future = "2031-01-01T10:00:00Z"
    store.submit(lambda db: add_rows(db, [(future, "pages_printed", "", 3)])).result()
    far = datetime(2031, 1, 2, tzinfo=UTC).timestamp()
    report = sync_client(store, base, token, clock=lambda: far).send_due()
    assert report.rows_dropped == 1
    assert hub_totals(url, site) == {}
    lost = store.submit(
        lambda db: db.execute("SELECT metric, key, count FROM usage_counters").fetchall()
    ).result()
    assert [tuple(r) for r in lost] == [("usage_lost", "refused", 1)]
