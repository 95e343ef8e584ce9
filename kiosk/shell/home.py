"""The home screen: a welcome title, the public-service shortcuts grouped by category, then the kiosk's own
services registered in the navigation."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QGridLayout, QLabel, QScrollArea, QVBoxLayout, QWidget

from kiosk.config import Config
from kiosk.shell.navigation import Navigation
from kiosk.shell.tile import Tile

COLUMNS = 3


class HomeScreen(QScrollArea):
    shortcutRequested = Signal(str)  # a shortcut id
    destinationRequested = Signal(str)  # a navigation destination id

    def __init__(self, config: Config, navigation: Navigation, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("HomeScreen")
        self.setWidgetResizable(True)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)

        content = QWidget()
        column = QVBoxLayout(content)
        column.setContentsMargins(48, 32, 48, 32)
        column.setSpacing(12)
        title = QLabel(self.tr("Bienvenue"))
        title.setObjectName("Title")
        subtitle = QLabel(self.tr("Touchez un service pour commencer. C'est gratuit."))
        subtitle.setObjectName("Subtitle")
        subtitle.setWordWrap(True)
        column.addWidget(title)
        column.addWidget(subtitle)

        self.tiles: list[Tile] = []
        for category in config.categories:
            shortcuts = config.shortcuts_in(category.id)
            if shortcuts:
                items = [(s.id, s.label, s.description, s.icon) for s in shortcuts]
                self._add_section(column, category.label, items, self.shortcutRequested)
        destinations = navigation.destinations()
        if destinations:
            items = [(d.id, d.label, d.description, d.icon) for d in destinations]
            self._add_section(column, self.tr("Les services de la borne"), items, self.destinationRequested)
        column.addStretch()
        self.setWidget(content)

    def _add_section(self, column: QVBoxLayout, heading: str, items: list, signal: Signal) -> None:
        label = QLabel(heading)
        label.setObjectName("CategoryHeading")
        column.addWidget(label)
        grid = QGridLayout()
        grid.setSpacing(16)
        for index, (item_id, name, description, icon_name) in enumerate(items):
            tile = Tile(item_id, name, description, icon_name)
            tile.clicked.connect(lambda _=False, i=item_id: signal.emit(i))
            grid.addWidget(tile, index // COLUMNS, index % COLUMNS)
            self.tiles.append(tile)
        for c in range(COLUMNS):
            grid.setColumnStretch(c, 1)
        column.addLayout(grid)

    def reset(self) -> None:
        """Back to the top, nothing focused: how the next visitor must find it."""
        self.verticalScrollBar().setValue(0)
        if self.focusWidget():
            self.focusWidget().clearFocus()
