"""Unlocking the assisted mode in the real kiosk, by touch: "Espace conseiller" in the home's corner, a
name, the PIN on the pad; a wrong PIN refused with the tries left; the lockout after 5, still there in a new
kiosk on the same data folder; the digits forgotten when the screen is left."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

from kiosk.shell import theme
from tests.gui.advisor.conftest import CAMILLE, audit_events, open_pin_pad, touch_pin, unlock
from tests.gui.conftest import touch

LOCKED = "Trop d'essais. Réessayez dans 5 minutes."


def type_on(kiosk, digits: str) -> None:
    """Keys as the X server delivers them: to the window's QWindow, through its input filters."""
    for digit in digits:
        QTest.keyClick(kiosk.window.windowHandle(), Qt.Key(ord(digit)))


def test_the_right_pin_touched_on_the_pad_unlocks_the_mode(make_kiosk, advisors, qtbot):
    kiosk = make_kiosk()
    entry = kiosk.assisted.entry
    assert entry.isVisible() and entry.height() >= theme.MIN_CONTROL
    assert entry.accessibleName() == "Espace conseiller"
    screen = open_pin_pad(kiosk, qtbot, "Camille")
    assert set(screen.account_buttons) == {"Camille", "Noah"}  # advisors and technicians alike
    for key in screen.pad.keys.values():
        assert key.height() >= 64 and key.width() >= 64
    for digit in "428613":
        touch(kiosk.window, screen.pad.keys[digit])
    assert screen.pad.digit_count == 6
    assert screen.pad.dots.text() == " ".join("●" * 6)  # dots, never the digits
    touch(kiosk.window, screen.pad.submit_button)
    qtbot.waitUntil(lambda: kiosk.assisted.unlocked, timeout=10000)
    assert kiosk.assisted.account.name == "Camille"
    banner = kiosk.assisted.banner
    assert banner.isVisible() and banner.label.text() == "Mode accompagné — Camille"
    assert kiosk.window.screens.currentWidget() is kiosk.assisted.tools
    assert kiosk.top_bar.place_label.text() == "Outils du conseiller"
    assert ("Camille", "unlocked") in audit_events(kiosk)


def test_a_wrong_pin_is_refused_with_the_tries_left_and_the_keyboard_works_too(make_kiosk, advisors, qtbot):
    kiosk = make_kiosk()
    screen = open_pin_pad(kiosk, qtbot, "Camille")
    touch_pin(kiosk, screen, "111222")
    qtbot.waitUntil(lambda: screen.message.text() == "Code incorrect. Il reste 4 essais.", timeout=10000)
    assert not kiosk.assisted.unlocked and not kiosk.assisted.banner.isVisible()
    assert screen.pad.digit_count == 0
    type_on(kiosk, "4286")
    assert screen.pad.digit_count == 4
    QTest.keyClick(kiosk.window.windowHandle(), Qt.Key.Key_Backspace)
    type_on(kiosk, "8613")
    assert screen.pad.digit_count == 7
    touch(kiosk.window, screen.pad.clear_button)
    assert screen.pad.digit_count == 0
    type_on(kiosk, "428613")
    QTest.keyClick(kiosk.window.windowHandle(), Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: kiosk.assisted.unlocked, timeout=10000)
    assert audit_events(kiosk)[-2:] == [("Camille", "wrong_pin"), ("Camille", "unlocked")]


def test_five_wrong_pins_lock_the_account_even_in_a_new_kiosk(make_kiosk, advisors, qtbot):
    kiosk = make_kiosk()
    screen = open_pin_pad(kiosk, qtbot, "Camille")
    for left in (4, 3, 2, 1):
        touch_pin(kiosk, screen, "111222")
        expected = f"Code incorrect. Il reste {left} essai{'s' if left > 1 else ''}."
        qtbot.waitUntil(lambda e=expected: screen.message.text() == e, timeout=10000)
    touch_pin(kiosk, screen, "111222")
    qtbot.waitUntil(lambda: screen.message.text() == LOCKED, timeout=10000)
    touch_pin(kiosk, screen, CAMILLE[2])  # the right one, too late
    qtbot.waitUntil(lambda: screen.message.text() == LOCKED, timeout=10000)
    qtbot.wait(200)
    assert not kiosk.assisted.unlocked
    assert ("Camille", "locked_out") in audit_events(kiosk)

    again = make_kiosk()  # the same data folder: the lockout is in the database
    screen = open_pin_pad(again, qtbot, "Camille")
    assert screen.message.text() == LOCKED
    touch_pin(again, screen, CAMILLE[2])
    qtbot.wait(300)
    assert screen.message.text() == LOCKED
    assert not again.assisted.unlocked
    # Another account is not locked by Camille's tries.
    touch(again.window, screen.other_button)
    touch(again.window, screen.account_buttons["Noah"])
    assert screen.message.text() == ""


def test_leaving_the_screen_forgets_the_digits(make_kiosk, advisors, qtbot):
    kiosk = make_kiosk()
    screen = open_pin_pad(kiosk, qtbot, "Camille")
    for digit in "4286":
        touch(kiosk.window, screen.pad.keys[digit])
    touch(kiosk.window, kiosk.top_bar.home_button)
    assert kiosk.window.screens.currentWidget() is kiosk.home
    assert screen.pad.digit_count == 0
    screen = open_pin_pad(kiosk, qtbot, "Camille")
    for digit in "42":
        touch(kiosk.window, screen.pad.keys[digit])
    touch(kiosk.window, screen.other_button)
    assert screen.pad.digit_count == 0


def test_without_accounts_the_screen_tells_the_technician_how_to_add_one(make_kiosk, qtbot):
    kiosk = make_kiosk()
    touch(kiosk.window, kiosk.assisted.entry)
    screen = kiosk.assisted.unlock_screen
    qtbot.waitUntil(lambda: "kiosk advisor add NOM --role advisor" in screen.who_text.text())
    assert screen.account_buttons == {}
    touch(kiosk.window, screen.home_button)
    assert kiosk.window.screens.currentWidget() is kiosk.home


def test_unlocked_the_corner_opens_the_tools(make_kiosk, advisors, qtbot):
    kiosk = make_kiosk()
    unlock(kiosk, qtbot, CAMILLE)
    touch(kiosk.window, kiosk.top_bar.home_button)
    touch(kiosk.window, kiosk.assisted.entry)
    assert kiosk.window.screens.currentWidget() is kiosk.assisted.tools
