"""The buttons of a screen's own bar (the browser's, the document viewer's): the word under its picture, so
that six of them fit a 1024-px screen with their words whole."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QSize, Qt
from PySide6.QtWidgets import QToolButton

from kiosk.shell import theme
from kiosk.shell.icons import Icons

ICON_SIZE = 28


def bar_button(
    icons: Icons, icon_name: str, text: str, action: Callable[[], object], primary: bool = False
) -> QToolButton:
    """`primary`: the bar's main way on (filled, white picture)."""
    button = QToolButton()
    button.setIcon(icons.icon(icon_name, theme.WHITE if primary else theme.BLUE, ICON_SIZE))
    button.setIconSize(QSize(ICON_SIZE, ICON_SIZE))
    button.setText(text)
    button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextUnderIcon)
    button.setProperty("bar", True)
    button.setMinimumHeight(theme.MIN_TILE)
    if primary:
        button.setProperty("role", "primary")
    button.clicked.connect(lambda: action())
    return button
