"""Advisors' accounts on the hub reach the terminals of their sites: `kiosk hub add-advisor` (password and
PIN from stdin, as a script gives them), `set-pin`, `list-users`; after a heartbeat against the real hub on
loopback, the terminal's database opens the assisted mode with that PIN, offline; after the account is
removed on the hub and another beat, it does not. SQLite and PostgreSQL."""

from __future__ import annotations

import subprocess
import sys
import time
import uuid

import pytest

from kiosk.advisor import accounts
from kiosk.store import StoreWorker
from kiosk.store.database import open_store
from kiosk.usage import heartbeat
from kiosk.usage.sync import HubClient, reply_handler
from tests.hub_on_loopback import add_terminal, hub_command, running_hub

pytestmark = pytest.mark.e2e

PASSWORD = "un mot de passe de conseillère"


@pytest.fixture(scope="module")
def hub(module_hub_db_url):
    with running_hub(module_hub_db_url) as base:
        yield module_hub_db_url, base


def hub_with_input(url: str, text: str, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "kiosk", "hub", *args, "--db", url],
        input=text,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )


def add_advisor(url: str, email: str, name: str, *sites: str, pin: str = "482915", role: str = "advisor"):
    site_args = [a for s in sites for a in ("--site", s)]
    return hub_with_input(
        url, f"{PASSWORD}\n{pin}\n", "add-advisor", email, "--name", name, "--role", role, *site_args
    )


def beat(base: str, token: str, data) -> heartbeat.BeatReply | None:
    """One heartbeat as the kiosk's sync thread sends it, its reply handled as the sync thread does."""
    store = StoreWorker(data / "kiosk.db")
    store.start()
    hub = HubClient(base, token, timeout=(2, 5))
    sources = heartbeat.Sources(
        "0.1.0", "cfg-test", lambda: "ok", lambda: "ready", lambda: 5000, lambda: (0, None), time.time
    )
    try:
        return heartbeat.Heartbeats(hub, sources, on_reply=reply_handler(store.call)).send()
    finally:
        hub.close()
        store.close(timeout=5)


def unlocks(data, name: str, pin: str) -> bool:
    db = open_store(data / "kiosk.db").db
    try:
        return accounts.try_unlock(db, name, pin, time.time()).account is not None
    finally:
        db.close()


def test_an_advisor_added_on_the_hub_unlocks_the_terminal_until_removed(hub, tmp_path):
    url, base = hub
    site, elsewhere = f"poste-{uuid.uuid4().hex[:6]}", f"poste-{uuid.uuid4().hex[:6]}"
    token = add_terminal(url, "borne-1", site)
    samia, paul = f"samia-{site}@example.org", f"paul-{site}@example.org"
    added = add_advisor(url, samia, "Samia", site, elsewhere)
    assert added.returncode == 0, added.stderr
    assert "482915" not in added.stdout + added.stderr and PASSWORD not in added.stdout + added.stderr
    assert add_advisor(url, paul, "Paul", elsewhere, role="technician").returncode == 0  # not this site

    data = tmp_path / "data"
    open_store(data / "kiosk.db").db.close()
    reply = beat(base, token, data)
    assert reply is not None and [a.name for a in reply.advisors] == ["Samia"]
    assert reply.advisors[0].pin_hash.startswith("$argon2id$")
    assert unlocks(data, "Samia", "482915")  # from the hash alone: no hub asked
    assert not unlocks(data, "Samia", "482916") and not unlocks(data, "Paul", "482915")

    changed = hub_with_input(url, "605813\n", "set-pin", samia)
    assert changed.returncode == 0, changed.stderr
    beat(base, token, data)
    assert unlocks(data, "Samia", "605813") and not unlocks(data, "Samia", "482915")

    assert hub_command(url, "remove-user", samia).returncode == 0
    assert beat(base, token, data).advisors == ()
    assert not unlocks(data, "Samia", "605813")
    db = open_store(data / "kiosk.db").db
    try:
        assert accounts.accounts(db, time.time()) == []
    finally:
        db.close()


def test_add_advisor_refuses_what_a_terminal_could_not_use(hub):
    url, _base = hub
    site = f"poste-{uuid.uuid4().hex[:6]}"
    weak = add_advisor(url, f"a-{site}@example.org", "Lina", site, pin="123456")
    assert weak.returncode == 1 and "run of digits" in weak.stderr and "Nothing was changed" in weak.stderr
    assert add_advisor(url, f"b-{site}@example.org", "Lina", site).returncode == 0
    twice = add_advisor(url, f"c-{site}@example.org", "Lina", site)
    assert twice.returncode == 1 and "could not tell you apart" in twice.stderr
    no_site = hub_with_input(url, f"{PASSWORD}\n482915\n", "add-advisor", "d@example.org", "--name", "Zoé")
    assert no_site.returncode == 2 and "--site" in no_site.stderr
    manager = hub_with_input(url, f"{PASSWORD}\n", "add-user", f"m-{site}@example.org")
    assert manager.returncode == 0
    refused = hub_with_input(url, "605813\n", "set-pin", f"m-{site}@example.org")
    assert refused.returncode == 1 and "network manager" in refused.stderr

    listing = hub_command(url, "list-users")
    assert listing.returncode == 0
    lines = listing.stdout.splitlines()
    assert f"b-{site}@example.org\tadvisor\tLina\t{site}\tPIN set" in lines
    assert f"m-{site}@example.org\tmanager\tevery site" in lines
    assert f"a-{site}@example.org" not in listing.stdout
