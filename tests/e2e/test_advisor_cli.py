"""`kiosk advisor …` as a technician runs it, on a terminal's data folder: add an account with its PIN from
a pipe, list it, refuse a weak PIN, lift a lockout, remove the account."""

from __future__ import annotations

import subprocess
import time

import pytest

from kiosk.advisor import accounts
from kiosk.store.database import open_store
from tests.e2e.conftest import ROOT, kiosk_command, kiosk_env

pytestmark = pytest.mark.e2e


def advisor(data, *args: str, pin: str = "") -> subprocess.CompletedProcess:
    return subprocess.run(
        kiosk_command("advisor", *args, "--data-dir", str(data)),
        input=pin + "\n",
        capture_output=True,
        text=True,
        timeout=60,
        env=kiosk_env(),
        cwd=ROOT,
    )


def test_a_technician_manages_the_advisors_accounts(tmp_path):
    data = tmp_path / "data"
    added = advisor(data, "add", "Samira", "--role", "advisor", pin="482915")
    assert added.returncode == 0, added.stderr
    assert advisor(data, "add", "Paul", "--role", "technician", pin="735102").returncode == 0
    weak = advisor(data, "add", "Lina", "--role", "advisor", pin="1234")
    assert (
        weak.returncode == 1 and "at least 6 digits" in weak.stderr and "Nothing was changed" in weak.stderr
    )
    listed = advisor(data, "list")
    assert listed.stdout.splitlines() == ["Paul\ttechnician", "Samira\tadvisor"]

    db = open_store(data / "kiosk.db").db
    for _ in range(5):
        accounts.try_unlock(db, "Samira", "000001", time.time())
    db.close()
    assert "Samira\tadvisor, locked for 5 min" in advisor(data, "list").stdout
    assert advisor(data, "reset-lockout", "Samira").returncode == 0
    assert "Samira\tadvisor" in advisor(data, "list").stdout.splitlines()

    assert advisor(data, "remove", "Paul").returncode == 0
    missing = advisor(data, "remove", "Paul")
    assert missing.returncode == 1 and "kiosk advisor list" in missing.stderr
    assert advisor(data, "list").stdout.splitlines() == ["Samira\tadvisor"]
