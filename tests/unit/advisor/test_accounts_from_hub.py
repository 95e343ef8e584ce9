"""The hub's advisors' accounts replacing those it gave before, in a real kiosk database: added, changed,
removed with their lockout, a local account's name kept, bad entries skipped, an empty list emptying the
hub's accounts and nothing else; the hashes then open the assisted mode offline."""

from __future__ import annotations

import pytest

from kiosk.advisor import accounts, pins
from kiosk.advisor.accounts import HubAccount
from kiosk.store.database import open_store
from kiosk.usage.heartbeat import read_reply
from kiosk.usage.sync import reply_handler

NOW = 1_800_000_000.0
SAMIA = HubAccount("Samia", "advisor", pins.hash_pin("482915"))
PAUL = HubAccount("Paul", "technician", pins.hash_pin("735102"))


@pytest.fixture
def db(tmp_path):
    opened = open_store(tmp_path / "kiosk.db").db
    yield opened
    opened.close()


def listed(db) -> list[tuple[str, str, str]]:
    return [(a.name, a.role, a.source) for a in accounts.accounts(db, NOW)]


def test_the_hubs_list_replaces_the_hubs_accounts_and_unlocks_offline(db):
    changes = accounts.replace_from_hub(db, [SAMIA, PAUL], NOW)
    assert changes == accounts.HubChanges(added=("Paul", "Samia"))
    assert listed(db) == [("Paul", "technician", "hub"), ("Samia", "advisor", "hub")]
    assert accounts.try_unlock(db, "Samia", "482915", NOW).account.role == "advisor"
    assert accounts.replace_from_hub(db, [SAMIA, PAUL], NOW + 1) == accounts.HubChanges()  # the same again

    for _ in range(5):
        accounts.try_unlock(db, "Paul", "000001", NOW + 2)
    assert accounts.accounts(db, NOW + 2)[0].locked_for > 0
    new_pin = HubAccount("Samia", "technician", pins.hash_pin("605813"))
    changes = accounts.replace_from_hub(db, [new_pin], NOW + 3)
    assert changes == accounts.HubChanges(changed=("Samia",), removed=("Paul",))
    assert listed(db) == [("Samia", "technician", "hub")]
    assert db.execute("SELECT count(*) FROM advisor_lockouts WHERE name = 'Paul'").fetchone()[0] == 0
    assert accounts.try_unlock(db, "Samia", "482915", NOW + 4).account is None
    assert accounts.try_unlock(db, "Samia", "605813", NOW + 5).account.role == "technician"
    events = [(name, event) for _, name, event in accounts.audit(db) if ":hub" in event]
    assert events == [
        ("Paul", "added:hub"),
        ("Samia", "added:hub"),
        ("Paul", "removed:hub"),
        ("Samia", "changed:hub"),
    ]


def test_a_local_account_keeps_its_name_and_an_empty_list_removes_only_the_hubs(db):
    accounts.add(db, "Samia", "technician", "905813", NOW)
    changes = accounts.replace_from_hub(db, [SAMIA, PAUL], NOW)
    assert changes.added == ("Paul",) and changes.skipped == ("Samia",)
    assert listed(db) == [("Paul", "technician", "hub"), ("Samia", "technician", "local")]
    assert accounts.try_unlock(db, "Samia", "482915", NOW).account is None  # the hub's PIN opens nothing
    assert accounts.try_unlock(db, "Samia", "905813", NOW).account is not None

    assert accounts.replace_from_hub(db, [], NOW + 1).removed == ("Paul",)
    assert listed(db) == [("Samia", "technician", "local")]


def test_entries_that_are_not_accounts_are_skipped(db):
    bad = [
        HubAccount("", "advisor", SAMIA.pin_hash),
        HubAccount("x" * 41, "advisor", SAMIA.pin_hash),
        HubAccount("Lina", "boss", SAMIA.pin_hash),
        HubAccount("Lina", "advisor", "482915"),  # a PIN is never taken as its hash
    ]
    changes = accounts.replace_from_hub(db, [*bad, SAMIA, SAMIA], NOW)
    assert changes.added == ("Samia",) and len(changes.skipped) == 5
    assert listed(db) == [("Samia", "advisor", "hub")]


def test_a_hub_account_is_removed_on_the_hub_not_here(db):
    accounts.replace_from_hub(db, [SAMIA], NOW)
    with pytest.raises(accounts.AccountError, match="comes from the hub"):
        accounts.remove(db, "Samia", NOW)


def test_the_sync_thread_applies_a_reply_only_when_it_carries_the_list(db):
    handle = reply_handler(lambda work: work(db), clock=lambda: NOW)
    with_two = (
        '{"server_time": "2026-12-02T10:00:00+00:00", "advisors": ['
        f'{{"name": "Samia", "role": "advisor", "pin_hash": "{SAMIA.pin_hash}"}},'
        f'{{"name": "Paul", "role": "technician", "pin_hash": "{PAUL.pin_hash}"}},'
        '{"name": 3}]}'
    )
    reply = read_reply(with_two)
    assert [a.name for a in reply.advisors] == ["Samia", "Paul"]  # the entry that is not one is left out
    handle(reply)
    assert [a[0] for a in listed(db)] == ["Paul", "Samia"]

    handle(read_reply('{"server_time": "2026-12-02T10:15:00+00:00"}'))  # an older hub: nothing said
    handle(read_reply('{"server_time": "2026-12-02T10:15:00+00:00", "advisors": "everyone"}'))
    assert [a[0] for a in listed(db)] == ["Paul", "Samia"]
    handle(read_reply('{"server_time": "2026-12-02T10:30:00+00:00", "advisors": []}'))
    assert listed(db) == []
