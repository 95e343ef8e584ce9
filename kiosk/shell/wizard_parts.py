"""Pieces the kiosk's step-by-step screens (print, scan, diagnostic) are built from: big buttons with an
icon, plain labels, a row of buttons with the main one on the right, a page with its parts centred, a wide
progress bar that still fits a small screen."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QLayout,
    QProgressBar,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from kiosk.shell import theme
from kiosk.shell.icons import Icons

ICON_SIZE = 32
PROGRESS_WIDTH = 720  # px a progress bar asks for; less on a narrow screen


def button_icon(icons: Icons, name: str, primary: bool = False) -> QIcon:
    """An icon for a button, drawn grey while the button cannot be used."""
    icon = icons.icon(name, theme.WHITE if primary else theme.BLUE, ICON_SIZE)
    icon.addPixmap(icons.pixmap(name, theme.GREY, ICON_SIZE), QIcon.Mode.Disabled)
    return icon


def big_button(
    icons: Icons, icon: str, text: str, action: Callable[[], None], primary: bool = False
) -> QPushButton:
    """A button at least a tile high; `primary`: the step's main action (filled, white icon)."""
    button = QPushButton(button_icon(icons, icon, primary), text)
    button.setIconSize(QSize(ICON_SIZE, ICON_SIZE))
    button.setMinimumHeight(theme.MIN_TILE)
    if primary:
        button.setProperty("role", "primary")
    button.clicked.connect(action)
    return button


def choice_button(text: str) -> QPushButton:
    """One of several answers; the chosen one is filled (a QButtonGroup keeps one)."""
    button = QPushButton(text)
    button.setCheckable(True)
    button.setProperty("choice", True)
    button.setMinimumHeight(theme.MIN_TILE)
    return button


def wizard_label(text: str, name: str, wrap: bool = True) -> QLabel:
    """A label styled by `name`; plain text always (a file name with "<" is not markup)."""
    label = QLabel(text)
    label.setObjectName(name)
    label.setWordWrap(wrap)
    label.setTextFormat(Qt.TextFormat.PlainText)
    return label


def picture(icons: Icons, name: str, size: int = 96) -> QLabel:
    label = QLabel()
    label.setPixmap(icons.pixmap(name, theme.BLUE, size, label.devicePixelRatioF()))
    label.setAlignment(Qt.AlignmentFlag.AlignCenter)
    return label


def button_row(*widgets: QWidget | None) -> QHBoxLayout:
    """The widgets side by side; each None is a stretch (so `(back, None, main)` puts main on the right)."""
    row = QHBoxLayout()
    row.setSpacing(24)
    for widget in widgets:
        if widget is None:
            row.addStretch()
        else:
            row.addWidget(widget)
    return row


def centred(page: QWidget, *parts: QWidget | QLayout) -> QWidget:
    """`page` with its parts one under the other in the middle of the screen."""
    column = QVBoxLayout(page)
    column.setSpacing(24)
    column.addStretch()
    for part in parts:
        if isinstance(part, QLabel):
            part.setAlignment(Qt.AlignmentFlag.AlignCenter)
            column.addWidget(part)
        elif isinstance(part, QWidget):
            column.addWidget(part, 0, Qt.AlignmentFlag.AlignHCenter)
        else:
            column.addLayout(part)
    column.addStretch()
    return page


class WideProgressBar(QProgressBar):
    """Asks for PROGRESS_WIDTH px, takes less when the screen has less (a minimum width would widen the
    window past the screen)."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setTextVisible(False)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)

    def sizeHint(self) -> QSize:
        return QSize(PROGRESS_WIDTH, super().sizeHint().height())

    def minimumSizeHint(self) -> QSize:
        return QSize(theme.MIN_TILE, super().minimumSizeHint().height())
