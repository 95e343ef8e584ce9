"""The home screen: a welcome title, the public-service shortcuts grouped by category, and below them, always
in view, the kiosk's own services registered in the navigation (scan, print, photocopy…).

Sections share one grid so that every tile has the same width; a short section shares its row with the next
one when both fit, so that a senior sees every service without scrolling on a common 1280×800 screen.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QGridLayout, QHBoxLayout, QLabel, QScrollArea, QVBoxLayout, QWidget

from kiosk.config import Config
from kiosk.shell.icons import Icons
from kiosk.shell.navigation import Navigation
from kiosk.shell.packing import pack_sections
from kiosk.shell.tile import ServiceTile, Tile

MIN_TILE_WIDTH = 360  # px: a tile's name and two lines of description fit (26 px and 18 px type)
MAX_COLUMNS = 3

Item = tuple[str, str, str, str]  # id, label, description, icon


class HomeScreen(QWidget):
    shortcutRequested = Signal(str)  # a shortcut id
    destinationRequested = Signal(str)  # a navigation destination id

    def __init__(self, config: Config, navigation: Navigation, icons: Icons, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("HomeScreen")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground)
        self.tiles: list[Tile | ServiceTile] = []  # every tile, the shortcuts' first
        self.shortcut_tiles: list[Tile] = []

        content = QWidget()
        column = QVBoxLayout(content)
        column.setContentsMargins(48, 4, 48, 4)
        column.setSpacing(2)
        title = QLabel(self.tr("Bienvenue"))
        title.setObjectName("Title")
        self.subtitle = subtitle = QLabel()
        subtitle.setObjectName("Subtitle")
        subtitle.setWordWrap(True)
        self.greet(previous_session_wiped=False)
        welcome = QHBoxLayout()
        welcome.setSpacing(24)
        welcome.addWidget(title)
        welcome.addWidget(subtitle, 1, Qt.AlignmentFlag.AlignBottom)
        column.addLayout(welcome)

        sections: list[tuple[str, list[Item]]] = []
        for category in config.categories:
            items = [(s.id, s.label, s.description, s.icon) for s in config.shortcuts_in(category.id)]
            if items:
                sections.append((category.label, items))
        grid = QGridLayout()
        grid.setHorizontalSpacing(16)
        grid.setVerticalSpacing(4)
        columns = columns_for(screen_width())
        places = pack_sections([len(items) for _, items in sections], columns)
        for (heading, items), (row, first) in zip(sections, places, strict=True):
            label = QLabel(heading)
            label.setObjectName("CategoryHeading")
            grid.addWidget(label, 2 * row, first, 1, min(len(items), columns - first))
            for index, item in enumerate(items):
                cell = first + index
                item_id, name, description, icon_name = item
                tile = Tile(item_id, name, description, icon_name, icons)
                tile.clicked.connect(lambda _=False, i=item_id: self.shortcutRequested.emit(i))
                self.tiles.append(tile)
                self.shortcut_tiles.append(tile)
                grid.addWidget(tile, 2 * (row + cell // columns) + 1, cell % columns)
        for c in range(columns):
            grid.setColumnStretch(c, 1)
        column.addLayout(grid)
        column.addStretch()

        self.scroll = QScrollArea()
        self.scroll.setWidgetResizable(True)
        self.scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.scroll.setWidget(content)
        page = QVBoxLayout(self)
        page.setContentsMargins(0, 0, 0, 0)
        page.setSpacing(0)
        page.addWidget(self.scroll, 1)

        # The kiosk's own services stay in view below the shortcuts, however far those scroll.
        destinations = [(d.id, d.label, d.description, d.icon) for d in navigation.destinations()]
        self.dock: QWidget | None = None
        if destinations:
            self.dock = QWidget()
            self.dock.setObjectName("ServiceDock")
            self.dock.setAttribute(Qt.WidgetAttribute.WA_StyledBackground)
            self.dock.setAccessibleName(self.tr("Les services de la borne"))
            row = QHBoxLayout(self.dock)
            row.setContentsMargins(48, 6, 48, 6)
            row.setSpacing(16)
            for item_id, name, description, icon_name in destinations:
                tile = ServiceTile(item_id, name, description, icon_name, icons)
                tile.clicked.connect(lambda _=False, i=item_id: self.destinationRequested.emit(i))
                self.tiles.append(tile)
                row.addWidget(tile, 1)
            page.addWidget(self.dock)

    def mark_offline(self, shortcut_ids: frozenset[str]) -> None:
        """The tiles of these shortcuts show "Hors ligne"; every other tile shows nothing."""
        for tile in self.shortcut_tiles:
            tile.set_offline(tile.item_id in shortcut_ids)

    def greet(self, previous_session_wiped: bool) -> None:
        """The line under "Bienvenue"; after a session's end, it tells the next visitor that nothing of the
        previous one is left."""
        wiped = self.tr("La session précédente est terminée et effacée. Touchez un service.")
        self.subtitle.setText(
            wiped if previous_session_wiped else self.tr("Touchez un service pour commencer. C'est gratuit.")
        )

    def reset(self) -> None:
        """Back to the top, nothing focused: how the next visitor must find it."""
        self.scroll.verticalScrollBar().setValue(0)
        if self.focusWidget():
            self.focusWidget().clearFocus()


def columns_for(width: int) -> int:
    """As many tile columns as fit the screen's width, at most three: a 1024-px screen gets two."""
    room = width - 2 * 48  # the page's margins
    return max(1, min(MAX_COLUMNS, (room + 16) // (MIN_TILE_WIDTH + 16)))


def screen_width() -> int:
    screen = QGuiApplication.primaryScreen()
    return screen.availableGeometry().width() if screen is not None else 1280
