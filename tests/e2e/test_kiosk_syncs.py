"""A terminal's counts reach the hub: the running kiosk's own sync thread, and `kiosk sync --once` as a
technician runs it — both against a real hub on loopback, with the kiosk's real database."""

from __future__ import annotations

import signal
import subprocess
import time
from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import select

from kiosk.hub.database import engine_for
from kiosk.hub.tables import heartbeats, terminals
from kiosk.store import StoreWorker
from kiosk.store.database import open_store
from kiosk.usage import heartbeat
from kiosk.usage.counter import add_rows
from kiosk.usage.sync import HubClient, remember_in
from tests.e2e.conftest import ROOT, kiosk_command, kiosk_env, run_kiosk
from tests.hub_on_loopback import add_terminal, hub_totals, running_hub

pytestmark = pytest.mark.e2e

DAY = datetime.fromtimestamp(time.time() - 3 * 86400, UTC).strftime("%Y-%m-%d")  # closed, within 90 days
PAST = [(f"{DAY}T{h:02d}:00:00Z", "session_started", "", h + 1) for h in range(24)]


@pytest.fixture(scope="module")
def hub(module_hub_db_url):
    url = module_hub_db_url
    with running_hub(url) as base:
        yield url, base


def terminal_folders(tmp_path, base: str, token: str, site: str):
    config, data = tmp_path / "config", tmp_path / "data"
    config.mkdir()
    (config / "site.yaml").write_text(
        f'site_id: {site}\nterminal_id: borne-1\nhub_url: "{base}"\nhub_token: "{token}"\n', encoding="utf-8"
    )
    opened = open_store(data / "kiosk.db")
    add_rows(opened.db, PAST)  # counts of hours long closed, waiting for the hub
    opened.db.close()
    return config, data


def totals(rows) -> dict:
    return {(p, m, k): n for p, m, k, n in rows}


def test_the_running_kiosk_sends_what_is_due(hub, tmp_path, x_display):
    url, base = hub
    token = add_terminal(url, site="poste-kiosk")
    config, data = terminal_folders(tmp_path, base, token, "poste-kiosk")
    ran = run_kiosk(
        "run",
        "--config",
        str(config),
        "--data-dir",
        str(data),
        "--quit-after-first-paint",
        env=kiosk_env(DISPLAY=x_display),
    )
    assert ran.returncode == 0, ran.stderr[-2000:]
    assert hub_totals(url, "poste-kiosk") == totals(PAST)


def stored_heartbeat(url: str, site: str):
    engine = engine_for(url)
    try:
        with engine.connect() as connection:
            return connection.execute(
                select(heartbeats)
                .join(terminals, terminals.c.id == heartbeats.c.terminal)
                .where(terminals.c.site_id == site)
            ).first()
    finally:
        engine.dispose()


def test_the_running_kiosk_beats_with_the_time_of_its_last_frame(hub, tmp_path, x_display):
    url, base = hub
    token = add_terminal(url, site="poste-beat")
    config, data = terminal_folders(tmp_path, base, token, "poste-beat")
    started = datetime.now(UTC).replace(tzinfo=None, microsecond=0)
    env = kiosk_env(DISPLAY=x_display, CUPS_SERVER=str(tmp_path / "no-cups.sock"))  # the printer: known down
    kiosk = subprocess.Popen(
        kiosk_command("run", "--config", str(config), "--data-dir", str(data)),
        env=env,
        cwd=ROOT,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    try:
        deadline = time.monotonic() + 60
        while (beat := stored_heartbeat(url, "poste-beat")) is None and kiosk.poll() is None:
            assert time.monotonic() < deadline, "no heartbeat reached the hub"
            time.sleep(0.2)
    finally:
        kiosk.send_signal(signal.SIGTERM)
        _, stderr = kiosk.communicate(timeout=30)
    assert beat is not None, stderr.decode()[-2000:]
    assert kiosk.returncode == 0, stderr.decode()[-2000:]
    assert started <= beat.last_frame <= beat.received_at  # the window painted, and the beat says when
    assert beat.received_at - beat.last_frame < timedelta(seconds=30)
    assert beat.last_sync is not None and beat.backlog_rows == 0  # it beat after the pass that sent PAST
    assert (beat.version, beat.printer, beat.scanner) == ("0.1.0", "server-down", "unused")
    assert beat.config_version.startswith("cfg-") and beat.free_disk_mb > 0
    lines = hub_lines(config, data)
    assert f"Last heartbeat: {beat.received_at:%Y-%m-%d}" in lines and "clock" not in lines


def test_sync_once_says_what_it_sent_and_what_stopped_it(hub, tmp_path):
    url, base = hub
    token = add_terminal(url, site="poste-cli")
    config, data = terminal_folders(tmp_path, base, token + "-wrong", "poste-cli")
    paused = run_kiosk("sync", "--once", "--config", str(config), "--data-dir", str(data))
    assert paused.returncode == 2, paused.stdout + paused.stderr
    assert "token" in paused.stdout and "paused" in paused.stdout and "24 row(s)" in paused.stdout
    assert hub_totals(url, "poste-cli") == {}

    site = (config / "site.yaml").read_text(encoding="utf-8").replace(token + "-wrong", token)
    (config / "site.yaml").write_text(site, encoding="utf-8")
    sent = run_kiosk("sync", "--once", "--config", str(config), "--data-dir", str(data))
    assert sent.returncode == 0, sent.stdout + sent.stderr
    assert "24 row(s) taken" in sent.stdout and "Waiting: 0 row(s)" in sent.stdout
    assert hub_totals(url, "poste-cli") == totals(PAST)


def hub_lines(config, data) -> str:
    checked = run_kiosk("check", "--config", str(config), "--data-dir", str(data))
    assert checked.returncode in (0, 3), checked.stdout + checked.stderr  # 3: printers, scanners or hub
    return checked.stdout.split("\nHub:\n", 1)[1]


def test_check_says_whether_the_hub_takes_this_terminal(hub, tmp_path):
    url, base = hub
    token = add_terminal(url, site="poste-check")
    config, data = terminal_folders(tmp_path, base, token, "poste-check")
    lines = hub_lines(config, data)
    assert "accepts this terminal's token" in lines and "! " not in lines
    assert "Waiting to be sent: 0 row(s)" in lines  # the hours are still in the counters, not the outbox
    assert "Last success: never" in lines

    assert run_kiosk("sync", "--once", "--config", str(config), "--data-dir", str(data)).returncode == 0
    lines = hub_lines(config, data)
    assert "Last success: 20" in lines and "Waiting to be sent: 0 row(s)" in lines

    site = config / "site.yaml"
    site.write_text(site.read_text(encoding="utf-8").replace(token, token + "x"), encoding="utf-8")
    lines = hub_lines(config, data)
    assert "! The hub answers but refuses this terminal's token" in lines
    assert "rotate-token borne-1 --site poste-check" in lines

    other = add_terminal(url, "borne-9", site="poste-autre")
    site.write_text(site.read_text(encoding="utf-8").replace(token + "x", other), encoding="utf-8")
    assert "! The hub knows this token as poste-autre/borne-9" in hub_lines(config, data)


def beat_once(base: str, token: str, data, clock=time.time) -> heartbeat.BeatReply | None:
    """One heartbeat as the kiosk's sync thread sends it, noted in the kiosk's database."""
    store = StoreWorker(data / "kiosk.db")
    store.start()
    hub = HubClient(base, token, timeout=(2, 5))
    sources = heartbeat.Sources(
        "0.1.0", "cfg-test", lambda: "ok", lambda: "ready", lambda: 5000, lambda: (0, None), time.time
    )
    try:
        return heartbeat.Heartbeats(hub, sources, remember_in(store.call), clock=clock).send()
    finally:
        hub.close()
        store.close(timeout=5)


def test_check_says_when_this_terminals_clock_is_off_the_hubs(hub, tmp_path):
    url, base = hub
    token = add_terminal(url, site="poste-horloge")
    config, data = terminal_folders(tmp_path, base, token, "poste-horloge")
    assert beat_once(base, token, data, clock=lambda: time.time() - 30) is not None
    assert "clock" not in hub_lines(config, data)  # half a minute: within what a beat's round trip blurs

    assert beat_once(base, token, data, clock=lambda: time.time() - 600) is not None
    lines = hub_lines(config, data)
    assert "Last heartbeat: 20" in lines
    assert "! This terminal's clock is 10 min behind the hub's" in lines and "timedatectl set-ntp" in lines
    assert beat_once(base, token, data, clock=lambda: time.time() + 900) is not None
    assert "! This terminal's clock is 15 min ahead of the hub's" in hub_lines(config, data)


def test_check_says_when_the_hub_does_not_answer(tmp_path, hub_db_url):
    url = hub_db_url
    token = add_terminal(url, site="poste-loin")
    with running_hub(url) as base:
        pass
    config, data = terminal_folders(tmp_path, base, token, "poste-loin")
    assert run_kiosk("sync", "--once", "--config", str(config), "--data-dir", str(data)).returncode == 1
    assert beat_once(base, token, data) is None
    lines = hub_lines(config, data)
    assert "! The hub does not answer" in lines
    assert "Waiting to be sent: 24 row(s) in 1 batch(es)" in lines
    assert "Last error" in lines and "cannot reach the hub" in lines
    assert "Last heartbeat: never." in lines
    assert "Last heartbeat failed, 20" in lines and "could not be reached (ConnectionError)" in lines
