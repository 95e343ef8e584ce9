"""A terminal's counts reach the hub: the running kiosk's own sync thread, and `kiosk sync --once` as a
technician runs it — both against a real hub on loopback, with the kiosk's real database."""

from __future__ import annotations

import time
from datetime import UTC, datetime

import pytest

from kiosk.store.database import open_store
from kiosk.usage.counter import add_rows
from tests.e2e.conftest import kiosk_env, run_kiosk
from tests.hub_on_loopback import add_terminal, hub_totals, running_hub, sqlite_url

pytestmark = pytest.mark.e2e

DAY = datetime.fromtimestamp(time.time() - 3 * 86400, UTC).strftime("%Y-%m-%d")  # closed, within 90 days
PAST = [(f"{DAY}T{h:02d}:00:00Z", "session_started", "", h + 1) for h in range(24)]


@pytest.fixture(scope="module")
def hub(tmp_path_factory):
    url = sqlite_url(tmp_path_factory.mktemp("hub"))
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
