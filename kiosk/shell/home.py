"""The home screen: a welcome title, the public-service shortcuts grouped by category, and below them, always
in view, the kiosk's own services registered in its destinations (scan, print, photocopy…).

Nothing on it scrolls: a senior does not guess that a page scrolls. The shortcuts fill as many columns as
the home's width holds; when they need more height than the screen has, they go on pages, each with whole
categories under their headings (`kiosk.shell.packing`), and big buttons under them turn the pages
("Page précédente", "Page 1 sur 2", "Plus de services"). The layout follows the home's own size, so the
screen the kiosk is on, and is made again when that size changes.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QSize, Qt, Signal
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import (
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSizePolicy,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from kiosk.config import Config
from kiosk.shell import theme
from kiosk.shell.destinations import Destination, Destinations
from kiosk.shell.icons import Icons
from kiosk.shell.packing import Heights, Piece, paginate
from kiosk.shell.retranslate import Retranslating
from kiosk.shell.tile import ServiceTile, Tile

MIN_TILE_WIDTH = 360  # px: a tile's name and two lines of description fit (24 px and 18 px type)
MAX_COLUMNS = 3
MARGIN = 48  # px: left and right of the page
SPACING = 8  # px: between the welcome line, the tiles and the page buttons
COLUMN_GAP = 16
ROW_GAP = 5


class HomeScreen(Retranslating, QWidget):
    shortcutRequested = Signal(str)  # a shortcut id
    destinationRequested = Signal(str)  # a destination id (Destinations)

    def __init__(
        self, config: Config, destinations: Destinations, icons: Icons, parent: QWidget | None = None
    ):
        super().__init__(parent)
        self.setObjectName("HomeScreen")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground)
        self.tiles: list[Tile | ServiceTile] = []  # every tile, the shortcuts' first
        self.shortcut_tiles: list[Tile] = []
        self._sections: list[tuple[str, list[Tile]]] = []  # a category's heading and its tiles
        self._arranged: tuple | None = None  # columns, their width, the tiles' heights and pages, as shown
        self._tall: dict[Tile, int] = {}  # the height each shortcut tile needs at the present width
        self._headings: list[tuple[QLabel, str, bool]] = []  # shown: a heading, its category, continued
        self._services: list[tuple[ServiceTile, Destination]] = []
        self._previous_session_wiped = False
        self._corner: QWidget | None = None  # add_corner(): a small control at the welcome line's end

        for category in config.categories:
            tiles = [
                self._shortcut_tile(s.id, s.label, s.description, s.icon, icons)
                for s in config.shortcuts_in(category.id)
            ]
            if tiles:
                self._sections.append((category.label, tiles))
                self.shortcut_tiles += tiles
        self.tiles += self.shortcut_tiles

        self._title = title = QLabel()
        title.setObjectName("Title")
        title.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignBottom)
        self.subtitle = subtitle = QLabel()
        subtitle.setObjectName("Subtitle")
        subtitle.setWordWrap(True)
        self._welcome = welcome = QHBoxLayout()
        welcome.setSpacing(24)
        welcome.addWidget(title)
        welcome.addWidget(subtitle, 1, Qt.AlignmentFlag.AlignBottom)

        self.pages = QStackedWidget()
        # Its pages are made for the room it has: their height must never push the window past the screen.
        self.pages.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Ignored)
        self.pages.currentChanged.connect(self._show_page_number)
        self.page_bar = self._page_bar(icons)

        column = QVBoxLayout()
        column.setContentsMargins(MARGIN, 4, MARGIN, SPACING)
        column.setSpacing(SPACING)
        column.addLayout(welcome)
        column.addWidget(self.pages, 1)
        column.addWidget(self.page_bar)
        self._column = column
        page = QVBoxLayout(self)
        page.setContentsMargins(0, 0, 0, 0)
        page.setSpacing(0)
        page.addLayout(column, 1)

        services = destinations.destinations()
        self.dock: QWidget | None = None
        if services:
            self.dock = QWidget()
            self.dock.setObjectName("ServiceDock")
            self.dock.setAttribute(Qt.WidgetAttribute.WA_StyledBackground)
            row = QHBoxLayout(self.dock)
            row.setContentsMargins(MARGIN, 6, MARGIN, 6)
            row.setSpacing(16)
            for d in services:
                tile = ServiceTile(d.id, *_shown(d), d.icon, icons)
                tile.clicked.connect(lambda _=False, i=d.id: self.destinationRequested.emit(i))
                self.tiles.append(tile)
                self._services.append((tile, d))
                row.addWidget(tile, 1)
            page.addWidget(self.dock)
        self.retranslate()

    def retranslate(self) -> None:
        self._title.setText(self.tr("Bienvenue"))
        self.greet(self._previous_session_wiped)
        if self.dock is not None:
            self.dock.setAccessibleName(self.tr("Les services de la borne"))
        for tile, destination in self._services:
            tile.set_texts(*_shown(destination))
        self.previous_button.setText(self.tr("Page précédente"))
        self.next_button.setText(self.tr("Plus de services"))
        for label, category, continued in self._headings:
            label.setText(self._heading_text(category, continued))
        self._show_page_number(self.pages.currentIndex())
        if self._arranged is not None:
            self._arrange()  # the welcome line's new words may need another height

    def add_corner(self, control: QWidget) -> None:
        """A small control at the right end of the welcome line ("Espace conseiller"), out of the tiles' way:
        the welcome line's words make room for it."""
        self._corner = control
        self._welcome.addWidget(control, 0, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop)
        self._arranged = None
        self._arrange()

    def _shortcut_tile(self, item_id: str, label: str, description: str, icon: str, icons: Icons) -> Tile:
        tile = Tile(item_id, label, description, icon, icons)
        tile.clicked.connect(lambda _=False: self.shortcutRequested.emit(item_id))
        return tile

    def _page_bar(self, icons: Icons) -> QWidget:
        bar = QWidget()
        bar.setObjectName("PageBar")
        self.previous_button = QPushButton(icons.icon("arrow-left", theme.BLUE, 32), "")
        self.next_button = QPushButton(icons.icon("arrow-right", theme.WHITE, 32), "")
        self.next_button.setProperty("role", "primary")
        self.next_button.setLayoutDirection(Qt.LayoutDirection.RightToLeft)  # the arrow after the words
        self.page_number = QLabel()
        self.page_number.setObjectName("HomePageNumber")
        self.page_number.setAlignment(Qt.AlignmentFlag.AlignCenter)
        row = QHBoxLayout(bar)
        row.setContentsMargins(0, 0, 0, 0)
        row.setSpacing(COLUMN_GAP)
        for button, step in ((self.previous_button, -1), (self.next_button, 1)):
            button.setObjectName("PageButton")
            button.setIconSize(QSize(32, 32))
            policy = button.sizePolicy()
            policy.setRetainSizeWhenHidden(True)  # the other button and the number stay where they were
            button.setSizePolicy(policy)
            button.clicked.connect(
                lambda _=False, s=step: self.pages.setCurrentIndex(self.pages.currentIndex() + s)
            )
        row.addWidget(self.previous_button, 1)
        row.addWidget(self.page_number, 1)
        row.addWidget(self.next_button, 1)
        bar.hide()
        return bar

    @property
    def page_count(self) -> int:
        return self.pages.count()

    def tiles_on_page(self, index: int) -> list[Tile]:
        """The shortcut tiles of page `index`, in order."""
        page = self.pages.widget(index)
        return [t for t in self.shortcut_tiles if t.parentWidget() is page]

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._arrange()

    def _arrange(self) -> None:
        """Lays the shortcuts out for the home's present size; made again only when that changes them."""
        for tile in self.shortcut_tiles:
            tile.ensurePolished()  # measured in the stylesheet's fonts, even before the home is first shown
        width = self.width() - 2 * MARGIN
        columns = columns_for(self.width())
        column_width = (width - (columns - 1) * COLUMN_GAP) // columns
        tall = {t: max(theme.HOME_TILE_HEIGHT, t.needed_height(column_width)) for t in self.shortcut_tiles}
        probe = _heading("")
        probe.ensurePolished()
        heading = probe.sizeHint().height()
        margins = self._column.contentsMargins()
        welcome = self._welcome_height(width)
        dock = self.dock.sizeHint().height() if self.dock is not None else 0
        room = self.height() - dock - margins.top() - margins.bottom() - welcome - SPACING
        heights = Heights(
            room=room + ROW_GAP,  # each band is counted with the gap below it; the last needs none
            heading=heading + ROW_GAP,
            navigation=self.page_bar.sizeHint().height() + SPACING,
        )
        pages = paginate(
            [[tall[t] + ROW_GAP for t in tiles] for _, tiles in self._sections], columns, heights
        )
        arrangement = (columns, column_width, list(tall.values()), pages)
        if self._arranged == arrangement:
            return
        self._arranged, self._tall = arrangement, tall
        old = [self.pages.widget(i) for i in range(self.pages.count())]
        self._headings = []
        for pieces in pages:
            self.pages.addWidget(self._page(pieces, columns, column_width))
        for widget in old:
            self.pages.removeWidget(widget)
            widget.setParent(None)  # its headings leave the home now, not at the next event loop
            widget.deleteLater()
        self.page_bar.setVisible(len(pages) > 1)
        self.pages.setCurrentIndex(0)
        self._show_page_number(0)

    def _welcome_height(self, width: int) -> int:
        """The welcome line's height, the same for both greetings: a visitor's first touch changes it, and
        the tiles must not move under the finger."""
        room = width - self._title.sizeHint().width() - self._welcome.spacing()
        if self._corner is not None:
            self._corner.ensurePolished()
            room -= self._corner.sizeHint().width() + self._welcome.spacing()
        probe = QLabel()
        probe.setObjectName("Subtitle")
        probe.setWordWrap(True)
        probe.ensurePolished()  # the stylesheet's font, not the default one
        needed = self._title.sizeHint().height()
        for text in self._greetings():
            probe.setText(text)
            needed = max(needed, probe.heightForWidth(room))
        self._title.setMinimumHeight(needed)  # the subtitle's own minimum would not hold: it wraps
        if self._corner is not None:
            needed = max(needed, self._corner.sizeHint().height())
        return needed

    def _greetings(self) -> tuple[str, str]:
        """What the subtitle says: before anyone came, and after a session's end."""
        return (
            self.tr("Touchez un service pour commencer. C'est gratuit."),
            self.tr("La session précédente est terminée et effacée. Touchez un service."),
        )

    def _page(self, pieces: list[Piece], columns: int, column_width: int) -> QWidget:
        page = QWidget()
        grid = QGridLayout(page)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.setHorizontalSpacing(COLUMN_GAP)
        grid.setVerticalSpacing(ROW_GAP)
        bands: dict[int, list[Tile]] = {}
        for piece in pieces:
            heading, tiles = self._sections[piece.section]
            label = _heading(self._heading_text(heading, piece.continued))
            self._headings.append((label, heading, piece.continued))
            span = min(piece.count, columns - piece.column)
            grid.addWidget(label, 2 * piece.band, piece.column, 1, span)
            for index, tile in enumerate(tiles[piece.first : piece.first + piece.count]):
                cell = piece.column + index
                band = piece.band + cell // columns
                grid.addWidget(tile, 2 * band + 1, cell % columns)
                bands.setdefault(band, []).append(tile)
                tile.show()
        for tiles in bands.values():  # a band's tiles are as high as its highest one
            height = max(self._tall[t] for t in tiles)
            for tile in tiles:
                tile.set_height(height)
        for c in range(columns):
            grid.setColumnMinimumWidth(c, column_width)
            grid.setColumnStretch(c, 1)
        grid.setRowStretch(2 * max(bands, default=0) + 2, 1)
        return page

    def _heading_text(self, category: str, continued: bool) -> str:
        return self.tr("{category} (suite)").format(category=category) if continued else category

    def _show_page_number(self, index: int) -> None:
        count = self.pages.count()
        self.page_number.setText(self.tr("Page {n} sur {total}").format(n=index + 1, total=count))
        self.previous_button.setVisible(index > 0)
        self.next_button.setVisible(index < count - 1)

    def mark_offline(self, shortcut_ids: frozenset[str]) -> None:
        """The tiles of these shortcuts show "Hors ligne"; every other tile shows nothing."""
        for tile in self.shortcut_tiles:
            tile.set_offline(tile.item_id in shortcut_ids)

    def greet(self, previous_session_wiped: bool) -> None:
        """The line under "Bienvenue"; after a session's end, it tells the next visitor that nothing of the
        previous one is left."""
        self._previous_session_wiped = previous_session_wiped
        first, after_a_session = self._greetings()
        self.subtitle.setText(after_a_session if previous_session_wiped else first)

    def reset(self) -> None:
        """Back to the first page, nothing focused: how the next visitor must find it."""
        self.pages.setCurrentIndex(0)
        if self.focusWidget():
            self.focusWidget().clearFocus()


def _shown(destination: Destination) -> tuple[str, str]:
    """A destination's label and description in the current language."""
    translate = QCoreApplication.translate
    return translate(destination.context, destination.label), translate(
        destination.context, destination.description
    )


def _heading(text: str) -> QLabel:
    label = QLabel(text)
    label.setObjectName("CategoryHeading")
    return label


def columns_for(width: int) -> int:
    """As many tile columns as fit the width, at most three: a 1024-px screen gets two."""
    room = width - 2 * MARGIN
    return max(1, min(MAX_COLUMNS, (room + COLUMN_GAP) // (MIN_TILE_WIDTH + COLUMN_GAP)))
