"""The assisted mode's tests: accounts added to the test kiosk's database (as `kiosk advisor add` does), the
way in from the home's corner, and the PIN touched on the pad."""

from __future__ import annotations

import time

import pytest

from kiosk.advisor import accounts
from kiosk.store.database import open_store
from tests.gui.conftest import touch

CAMILLE = ("Camille", "advisor", "428613")
NOAH = ("Noah", "technician", "905172")


def add_accounts(paths, *people: tuple[str, str, str]) -> None:
    db = open_store(paths.database).db
    try:
        for name, role, pin in people:
            accounts.add(db, name, role, pin, time.time())
    finally:
        db.close()


def audit_events(kiosk) -> list[tuple[str, str]]:
    return [(name, event) for _, name, event in kiosk.store.call(accounts.audit)]


def open_pin_pad(kiosk, qtbot, name: str):
    """Touches "Espace conseiller", then the name; returns the unlock screen, on the PIN pad."""
    touch(kiosk.window, kiosk.assisted.entry)
    screen = kiosk.assisted.unlock_screen
    qtbot.waitUntil(lambda: name in screen.account_buttons and screen.account_buttons[name].isVisible())
    qtbot.wait(20)  # the new buttons laid out where the finger goes
    touch(kiosk.window, screen.account_buttons[name])
    assert screen.pages.currentWidget() is screen.pin
    return screen


def touch_pin(kiosk, screen, pin: str) -> None:
    for digit in pin:
        touch(kiosk.window, screen.pad.keys[digit])
    touch(kiosk.window, screen.pad.submit_button)


def unlock(kiosk, qtbot, person: tuple[str, str, str]) -> None:
    name, _role, pin = person
    screen = open_pin_pad(kiosk, qtbot, name)
    touch_pin(kiosk, screen, pin)
    qtbot.waitUntil(lambda: kiosk.assisted.unlocked, timeout=10000)


@pytest.fixture
def advisors(paths):
    add_accounts(paths, CAMILLE, NOAH)
