"""A home-screen tile: a large button with an icon, a name and one line saying what it is for."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QSizePolicy, QVBoxLayout, QWidget

from kiosk.shell import theme
from kiosk.shell.icons import Icons


class Tile(QPushButton):
    def __init__(
        self,
        item_id: str,
        label: str,
        description: str,
        icon_name: str,
        icons: Icons,
        parent: QWidget | None = None,
    ):
        super().__init__(parent)
        self.item_id = item_id
        self.setObjectName("Tile")
        self.setAccessibleName(label)
        self.setAccessibleDescription(description)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.setCursor(Qt.CursorShape.PointingHandCursor)

        picture = QLabel()
        picture.setPixmap(icons.pixmap(icon_name, theme.BLUE, theme.ICON, self.devicePixelRatioF()))
        name = QLabel(label)
        name.setObjectName("TileLabel")
        line = QLabel(description)
        line.setObjectName("TileDescription")
        line.setWordWrap(True)

        words = QVBoxLayout()
        words.setSpacing(2)
        words.addStretch()
        words.addWidget(name)
        words.addWidget(line)
        words.addStretch()
        row = QHBoxLayout(self)
        row.setContentsMargins(20, 8, 16, 8)
        row.setSpacing(20)
        row.addWidget(picture)
        row.addLayout(words, 1)
        for child in (picture, name, line):
            child.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
