"""Public-mode lockdown: the visitor cannot leave or close the kiosk from the keyboard or a context menu.

An event filter on the kiosk's window (its QWindow, which receives every key and mouse event before any
widget does) swallows the window manager's and the browser's shortcuts, and the right button, so that no
context menu can open; the main window refuses to close unless the kiosk itself is quitting (SIGTERM).
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QKeyEvent, QMouseEvent

Key = Qt.Key
Mod = Qt.KeyboardModifier

# Keys that do nothing whatever the modifiers.
BLOCKED_KEYS = frozenset(
    {Key.Key_Escape, Key.Key_Meta, Key.Key_Super_L, Key.Key_Super_R, Key.Key_Menu, Key.Key_Print}
    | {Key(Key.Key_F1.value + i) for i in range(12)}
)
# Letters that do nothing with Ctrl (quit, close, new window or tab, open, save, print, source, find…).
BLOCKED_CTRL_LETTERS = frozenset("QWNTOSPUIJHDRLGFEK")


def is_blocked(event: QKeyEvent) -> bool:
    key = Key(event.key())
    modifiers = event.modifiers()
    if key in BLOCKED_KEYS:
        return True
    if modifiers & Mod.AltModifier and not modifiers & Mod.ControlModifier:
        # Alt+F4, Alt+Tab, Alt+Left/Right… (Ctrl+Alt is AltGr on some layouts: it types @, #, {…)
        return key not in (Key.Key_Alt, Key.Key_AltGr)
    if modifiers & Mod.ControlModifier and not modifiers & Mod.AltModifier:
        text = chr(key.value) if Key.Key_A.value <= key.value <= Key.Key_Z.value else ""
        if text and text in BLOCKED_CTRL_LETTERS:
            return True
        if key in (
            Key.Key_Tab,
            Key.Key_Backtab,
            Key.Key_PageUp,
            Key.Key_PageDown,
            Key.Key_Plus,
            Key.Key_Minus,
        ):
            return True
    return False


KEYS = frozenset({QEvent.Type.KeyPress, QEvent.Type.KeyRelease, QEvent.Type.ShortcutOverride})
CLICKS = frozenset(
    {QEvent.Type.MouseButtonPress, QEvent.Type.MouseButtonRelease, QEvent.Type.MouseButtonDblClick}
)


def is_right_click(event: QMouseEvent) -> bool:
    return event.button() == Qt.MouseButton.RightButton


class Lockdown(QObject):
    """Install on the kiosk window's QWindow in public mode (see kiosk/shell/window.py, `watch_input`)."""

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        kind = event.type()
        if kind in KEYS:
            return is_blocked(event)
        if kind in CLICKS:
            return is_right_click(event)
        return kind == QEvent.Type.ContextMenu
