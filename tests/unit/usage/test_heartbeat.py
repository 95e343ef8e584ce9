"""The heartbeat's body is what the hub's schema takes and nothing about a person; its sources fail alone; a
hub that does not answer is logged once; the sync thread beats at start and then on its interval."""

from __future__ import annotations

import json
import logging
import threading
import time
from dataclasses import replace

import pytest

from kiosk.config import load_config
from kiosk.devices.scanner.problems import scanner_state_after
from kiosk.hub.schemas import Heartbeat
from kiosk.resources import bundled_shortcuts
from kiosk.usage import heartbeat as beat
from kiosk.usage.sync import HubClient, SyncRunner
from tests.hub_on_loopback import free_port

NOW = 1_764_600_000.0  # 2025-12-01T14:40:00Z

SHOT = beat.Snapshot(
    version="0.1.0",
    config_version="cfg-0123456789ab",
    printer="media-empty",
    scanner="unused",
    free_disk_mb=12_345,
    backlog_rows=480,
    last_sync=NOW - 600,
    last_frame=NOW - 30,
)


def sources(**changes) -> beat.Sources:
    fields = {
        "version": SHOT.version,
        "config_version": SHOT.config_version,
        "printer": lambda: SHOT.printer,
        "scanner": lambda: SHOT.scanner,
        "free_disk_mb": lambda: SHOT.free_disk_mb,
        "backlog_and_last_sync": lambda: (SHOT.backlog_rows, SHOT.last_sync),
        "last_frame": lambda: SHOT.last_frame,
    }
    return beat.Sources(**(fields | changes))


def test_the_body_is_what_the_hubs_schema_takes_and_nothing_more():
    sent = json.loads(beat.body(SHOT))
    assert set(sent) == set(Heartbeat.model_fields)  # no field the hub does not know, none missing
    taken = Heartbeat.model_validate_json(beat.body(SHOT))
    assert taken.printer == "media-empty" and taken.backlog_rows == 480
    assert sent["last_frame"] == "2025-12-01T14:39:30+00:00"
    assert taken.last_frame.isoformat() == "2025-12-01T14:39:30"  # the hub keeps UTC without a zone


def test_a_terminal_that_never_synced_nor_painted_still_beats():
    fresh = replace(SHOT, last_sync=None, last_frame=None, backlog_rows=0)
    taken = Heartbeat.model_validate_json(beat.body(fresh))
    assert taken.last_sync is None and taken.last_frame is None


def test_nothing_about_a_person_or_a_secret_is_sent(tmp_path):
    site = tmp_path / "config"
    site.mkdir()
    (site / "site.yaml").write_text(
        'site_id: poste-lyon\nterminal_id: borne-1\nhub_url: "https://hub.example.fr/"\n'
        'hub_token: "secret-token-123"\n',
        encoding="utf-8",
    )
    config = load_config(site, bundled_shortcuts(), tmp_path / "last-good.json").config
    shot = beat.snapshot(sources(config_version=beat.config_version(config)))
    text = beat.body(shot).decode()
    for secret in ("secret-token-123", "poste-lyon", "borne-1", "hub.example.fr"):
        assert secret not in text
    values = json.loads(text).values()
    assert all(v is None or isinstance(v, int) or len(v) <= 40 for v in values)  # codes, counts, times


def test_the_config_version_is_short_stable_and_ignores_the_token(tmp_path):
    def version(site_yaml: str) -> str:
        folder = tmp_path / str(len(list(tmp_path.iterdir())))
        folder.mkdir()
        (folder / "site.yaml").write_text(site_yaml, encoding="utf-8")
        return beat.config_version(load_config(folder, bundled_shortcuts(), folder / "lg.json").config)

    base = 'site_id: poste-a\nhub_url: "https://hub.example.fr/"\nhub_token: "t1"\n'
    first = version(base)
    assert first.startswith("cfg-") and len(first) == 16
    assert version(base) == first
    assert version(base.replace("t1", "t2")) == first
    assert version(base + "idle_timeout: 600\n") != first
    Heartbeat.model_validate({**json.loads(beat.body(SHOT)), "config_version": first})


def test_a_source_that_fails_gives_its_fallback_and_the_rest_is_sent(caplog):
    def broken():
        raise OSError("CUPS went away")

    shot = beat.snapshot(sources(printer=broken, backlog_and_last_sync=broken))
    assert shot.printer == beat.UNKNOWN and shot.backlog_rows == 0 and shot.last_sync is None
    assert shot.scanner == "unused" and shot.last_frame == SHOT.last_frame
    Heartbeat.model_validate_json(beat.body(shot))


def test_the_installed_version_is_the_packages():
    from kiosk import __version__

    assert beat.installed_version() == __version__  # pyproject.toml and kiosk/__init__.py agree


def test_the_hubs_reply_is_read_and_a_foreign_one_is_not():
    reply = beat.read_reply('{"server_time": "2026-12-02T10:00:00+00:00"}')
    assert reply.server_time.year == 2026 and reply.actions == ()
    assert beat.read_reply("<html>proxy error</html>") is None
    assert beat.read_reply('{"time": 3}') is None


def test_a_hub_that_does_not_answer_is_logged_once(caplog):
    hub = HubClient(f"http://127.0.0.1:{free_port()}/", "token", timeout=(1, 1))
    remembered = []
    beats = beat.Heartbeats(hub, sources(), lambda name, value: remembered.append((name, value)))
    with caplog.at_level(logging.INFO, logger="kiosk.usage.heartbeat"):
        assert all(beats.send() is None for _ in range(4))
    assert len(caplog.records) == 1 and "ConnectionError" in caplog.text
    assert remembered == [(beat.BEAT_FAILED, "the hub could not be reached (ConnectionError)")] * 4
    hub.close()


@pytest.mark.parametrize(
    ("problem", "state"), [("cancelled", "ready"), ("no-documents", "ready"), ("jammed", "jammed")]
)
def test_the_scanner_state_after_a_failed_scan(problem, state):
    assert scanner_state_after(problem) == state


class CountingClient:
    """Stands in for SyncClient: counts passes, says to come back in an hour."""

    def __init__(self):
        self.passes = 0

    def send_due(self):
        self.passes += 1
        return type("Report", (), {"retry_in": 3600.0})()

    def close(self):
        pass


def test_the_sync_thread_beats_after_its_first_pass_then_on_its_interval():
    client, beats, order = CountingClient(), threading.Event(), []

    def one_beat():
        order.append(client.passes)
        if len(order) >= 3:
            beats.set()

    runner = SyncRunner(client, beat=one_beat, beat_interval=0.05)
    runner.start()
    try:
        assert beats.wait(5)
    finally:
        runner.close()
    assert order[0] == 1  # the first beat follows the first pass, so its backlog and last sync are fresh
    assert client.passes == 1  # beating is not syncing: the next pass is in an hour


def test_waking_the_sync_thread_syncs_and_beats_at_once():
    client, beat_times = CountingClient(), []
    runner = SyncRunner(client, beat=lambda: beat_times.append(time.monotonic()), beat_interval=3600)
    runner.start()
    try:
        deadline = time.monotonic() + 5
        while not beat_times and time.monotonic() < deadline:
            time.sleep(0.01)
        runner.wake()
        while len(beat_times) < 2 and time.monotonic() < deadline:
            time.sleep(0.01)
    finally:
        runner.close()
    assert len(beat_times) == 2 and client.passes == 2
