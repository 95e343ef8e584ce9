"""Advisors' accounts in a real kiosk database: added, listed, removed; the PIN checked, wrong tries locking
the account across a reopening of the database (a restart), every outcome audited without the PIN."""

from __future__ import annotations

import pytest

from kiosk.advisor import accounts, lockout
from kiosk.advisor.pins import PinRefused
from kiosk.store.database import open_store

NOW = 1_800_000_000.0


@pytest.fixture
def db(tmp_path):
    opened = open_store(tmp_path / "kiosk.db").db
    yield opened
    opened.close()


def test_accounts_are_added_listed_and_removed(db):
    accounts.add(db, "  Samira   B. ", "advisor", "482915", NOW)
    accounts.add(db, "Paul", "technician", "735102", NOW)
    assert [(a.name, a.role) for a in accounts.accounts(db, NOW)] == [
        ("Paul", "technician"),
        ("Samira B.", "advisor"),
    ]
    with pytest.raises(accounts.AccountError, match="already has an account"):
        accounts.add(db, "Paul", "advisor", "735102", NOW)
    with pytest.raises(PinRefused):
        accounts.add(db, "Lina", "advisor", "111111", NOW)
    with pytest.raises(accounts.AccountError):
        accounts.add(db, "Lina", "boss", "735102", NOW)
    accounts.remove(db, "Paul", NOW)
    assert [a.name for a in accounts.accounts(db, NOW)] == ["Samira B."]
    stored = db.execute("SELECT pin_hash FROM advisors").fetchone()[0]
    assert stored.startswith("$argon2id$")


def test_the_right_pin_unlocks_and_five_wrong_ones_lock_even_after_a_restart(tmp_path):
    path = tmp_path / "kiosk.db"
    db = open_store(path).db
    accounts.add(db, "Samira", "advisor", "482915", NOW)
    unlocked = accounts.try_unlock(db, "Samira", "482915", NOW)
    assert unlocked.account == accounts.Account("Samira", "advisor", 0.0)
    assert accounts.try_unlock(db, "Nobody", "482915", NOW).account is None
    for tries_left in (4, 3, 2, 1):
        assert accounts.try_unlock(db, "Samira", "000001", NOW).tries_left == tries_left
    locked = accounts.try_unlock(db, "Samira", "000001", NOW)
    assert locked.account is None and locked.locked_for == lockout.FIRST_LOCK
    db.close()

    db = open_store(path).db  # the kiosk restarted: still locked, even for the right PIN
    refused = accounts.try_unlock(db, "Samira", "482915", NOW + 60)
    assert refused.account is None and refused.locked_for == lockout.FIRST_LOCK - 60
    assert accounts.accounts(db, NOW + 60)[0].locked_for == lockout.FIRST_LOCK - 60
    accounts.reset_lockout(db, "Samira", NOW + 61)
    assert accounts.try_unlock(db, "Samira", "482915", NOW + 62).account is not None
    accounts.note_relock(db, "Samira", "idle", NOW + 700)
    events = [(name, event) for _, name, event in accounts.audit(db)]
    assert events == [
        ("Samira", "added"),
        ("Samira", "unlocked"),
        *[("Samira", "wrong_pin")] * 5,
        ("Samira", "locked_out"),
        ("Samira", "lockout_reset"),
        ("Samira", "unlocked"),
        ("Samira", "relocked:idle"),
    ]
    dump = "\n".join(db.iterdump())
    assert "482915" not in dump and "000001" not in dump
    db.close()
