"""In public mode the visitor cannot close or leave the kiosk from the keyboard or a context menu."""

import pytest
from PySide6.QtCore import QEvent, QPoint, Qt
from PySide6.QtGui import QContextMenuEvent, QKeyEvent
from PySide6.QtWidgets import QApplication, QLineEdit

from tests.gui.conftest import touch

Key = Qt.Key
Mod = Qt.KeyboardModifier


def test_window_refuses_to_close_in_public_mode(kiosk):
    assert kiosk.window.close() is False
    assert kiosk.window.isVisible()
    assert kiosk.window.windowFlags() & Qt.WindowType.FramelessWindowHint


@pytest.mark.parametrize(
    ("key", "modifiers"),
    [
        (Key.Key_F4, Mod.AltModifier),
        (Key.Key_Q, Mod.ControlModifier),
        (Key.Key_W, Mod.ControlModifier),
        (Key.Key_Escape, Mod.NoModifier),
        (Key.Key_F11, Mod.NoModifier),
        (Key.Key_Tab, Mod.AltModifier),
        (Key.Key_I, Mod.ControlModifier | Mod.ShiftModifier),
    ],
)
def test_escape_keys_do_nothing(kiosk, key, modifiers):
    event = QKeyEvent(QEvent.Type.KeyPress, key, modifiers)
    assert kiosk.lockdown.eventFilter(kiosk.window, event) is True  # swallowed
    QApplication.sendEvent(kiosk.window, event)
    assert kiosk.window.isVisible()
    assert kiosk.window.isFullScreen()


def test_typing_still_works_including_altgr_and_ctrl_editing(kiosk, qtbot):
    field = QLineEdit(kiosk.window)
    field.show()
    field.setFocus()
    qtbot.keyClicks(field, "Élodie 75@")
    assert field.text() == "Élodie 75@"
    for key, modifiers in [
        (Key.Key_2, Mod.ControlModifier | Mod.AltModifier),
        (Key.Key_A, Mod.ControlModifier),
    ]:
        assert kiosk.lockdown.eventFilter(field, QKeyEvent(QEvent.Type.KeyPress, key, modifiers)) is False


def test_no_context_menu_and_no_right_click(kiosk, qtbot):
    event = QContextMenuEvent(QContextMenuEvent.Reason.Mouse, QPoint(10, 10), QPoint(10, 10))
    assert kiosk.lockdown.eventFilter(kiosk.home, event) is True
    field = QLineEdit(kiosk.window)
    field.show()
    touch(kiosk.window, field, Qt.MouseButton.RightButton)
    qtbot.wait(100)
    assert QApplication.activePopupWidget() is None  # no "Copy / Paste" menu


def test_a_key_reaching_the_window_is_swallowed_before_any_widget(kiosk):
    """The lockdown sits on the window's QWindow (an application-wide Python filter crashed PySide6 when a
    QWebEngineView joined the shown window): a key the X server delivers there goes no further."""
    handle = kiosk.window.windowHandle()
    assert handle is not None
    key = QKeyEvent(QEvent.Type.KeyPress, Key.Key_F11, Mod.NoModifier)
    assert QApplication.sendEvent(handle, key) is True


def test_windowed_mode_can_close(qtbot, config, paths):
    from kiosk.app import Kiosk

    built = Kiosk(config, paths, public=False)
    try:
        built.window.show_kiosk()
        qtbot.waitExposed(built.window)
        assert built.lockdown is None
        assert built.window.close() is True
    finally:
        built.shutdown()
        built.window.deleteLater()


def test_the_filters_follow_the_window_when_a_web_page_joins_it(kiosk, qtbot):
    """Qt replaces the kiosk window's QWindow when the first web view joins: lockdown and the idle watcher
    must still see every key and touch after a service was opened and the session ended."""
    touch(kiosk.window, kiosk.home.tiles[0])  # opens the browser: the QWindow may be replaced here
    qtbot.waitUntil(lambda: kiosk.window.windowHandle() is not None)
    kiosk.session_control.end("button")
    assert not kiosk.session.active

    touch(kiosk.window, kiosk.home.tiles[1])
    assert kiosk.session.active  # the idle watcher saw the touch
    swallowed = QApplication.sendEvent(
        kiosk.window.windowHandle(), QKeyEvent(QEvent.Type.KeyPress, Key.Key_Escape, Mod.NoModifier)
    )
    assert swallowed is True  # the lockdown saw the key
