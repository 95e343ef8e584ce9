"""The kiosk's answer to `<input type=file>`: never a dialog on the terminal's disk, but a card over the page
showing this session's documents (downloads, later scans) as large thumbnails. The visitor touches one (or
several, when the page allows it), then "Envoyer"; "Annuler" sends nothing.

QtWebEngine asks `chooseFiles()` synchronously, so `choose()` runs a local event loop until the visitor
answers (through `LocalLoops`: whatever would take the page away waits until it has unwound): the kiosk stays
alive meanwhile (timers, the idle watcher, repaints). Anything that closes the chooser (`cancel()`, hiding it)
answers "nothing". Thumbnails are drawn one per event-loop turn after the
card is shown, so the card appears at once and stays responsive with many documents.

The card takes the height the screen has, in whole rows of tiles: no tile is ever shown cut; more documents
than fit scroll by rows. Names are shown whole, without ".pdf".
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from PySide6.QtCore import QEvent, QEventLoop, Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWebEngineCore import QWebEnginePage
from PySide6.QtWidgets import (
    QButtonGroup,
    QGridLayout,
    QPushButton,
    QScrollArea,
    QWidget,
)

from kiosk.session_documents import SessionDocument, filter_documents, list_documents
from kiosk.shell import theme
from kiosk.shell.document_tiles import TILE_SIZE, DocumentTile
from kiosk.shell.icons import Icons
from kiosk.shell.local_loops import LocalLoops
from kiosk.shell.overlay import Overlay
from kiosk.shell.retranslate import Retranslating

Mode = QWebEnginePage.FileSelectionMode

CHOOSER_WIDTH = 1120  # px: four tiles a row on a 1280-px screen
TILE_SPACING = 16
EDGE = 24  # px kept between the card and the screen's top and bottom


def rows_shown(documents: int, columns: int, room: int, tile: int, spacing: int) -> int:
    """How many rows of tiles the card shows: all the documents' rows if `room` px holds them, else as many
    whole rows as it holds (at least one)."""
    rows = -(-documents // max(1, columns))
    return max(1, min(rows, (room + spacing) // (tile + spacing)))


class FileChooser(Retranslating, Overlay):
    """Over `parent` (the browser screen); `choose()` answers QtWebEngine's `chooseFiles`."""

    opened = Signal()  # the chooser is on screen, its local event loop about to run

    def __init__(self, parent: QWidget, icons: Icons, local_loops: LocalLoops | None = None):
        self._loop: QEventLoop | None = None  # before super().__init__: Overlay hides itself there
        super().__init__(parent)
        self._icons = icons
        self._local_loops = local_loops or LocalLoops(self)
        self.title = self.label("", "OverlayTitle")
        self.hint = self.label("", "OverlayText")
        self.message = self.label("", "ChooserMessage")
        self.area = QScrollArea()
        self.area.setObjectName("ChooserDocuments")
        self.area.setWidgetResizable(True)
        self.area.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.grid_widget = QWidget()
        self.grid_widget.setObjectName("ChooserGrid")
        self.grid = QGridLayout(self.grid_widget)
        self.grid.setContentsMargins(0, 0, 0, 0)
        self.grid.setSpacing(TILE_SPACING)
        self.grid.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignHCenter)
        self.area.setWidget(self.grid_widget)
        self.body.addWidget(self.area, 1)

        self.cancel_button = QPushButton()
        self.send_button = QPushButton()
        self.send_button.setObjectName("ChooserSend")
        self.send_button.setProperty("role", "primary")
        self.back_button = QPushButton()
        self.back_button.setProperty("role", "primary")
        self.cancel_button.clicked.connect(self.cancel)
        self.back_button.clicked.connect(self.cancel)
        self.send_button.clicked.connect(self._send)
        self.buttons(self.cancel_button, self.send_button, self.back_button)

        self.tiles: list[DocumentTile] = []
        self._group: QButtonGroup | None = None
        self._multiple = False
        self._result: list[str] = []
        self._next_thumbnail = 0
        self._drawing = QTimer(self)
        self._drawing.setSingleShot(True)
        self._drawing.setInterval(0)
        self._drawing.timeout.connect(self._draw_next_thumbnail)
        self.retranslate()

    def retranslate(self) -> None:
        self.title.setText(self.tr("Choisissez un document"))
        self.message.setText(
            self.tr("Vous n'avez pas encore de document. Téléchargez ou scannez d'abord votre document.")
        )
        self.cancel_button.setText(self.tr("Annuler"))
        self.back_button.setText(self.tr("Revenir au site"))  # "Retour" is the browser's previous page
        if self._multiple:
            self.hint.setText(self.tr("Touchez les documents à envoyer. Vous pouvez en choisir plusieurs."))
        else:
            self.hint.setText(self.tr("Touchez le document à envoyer."))
        self._update_send()
        if self.isVisible():
            self._cover_parent()

    def choose(self, documents: Sequence[SessionDocument], multiple: bool) -> list[str]:
        """Shows `documents` and waits for the visitor: the chosen paths, in the order shown; [] otherwise."""
        if self._loop is not None:
            return []  # already asking: a second question at once is refused, not stacked
        self._show_documents(documents, multiple)
        self._result = []
        self._loop = QEventLoop()
        self.open()
        (self.cancel_button if self.tiles else self.back_button).setFocus()
        self.opened.emit()
        if self.isVisible():  # opened's receivers may already have answered
            self._local_loops.run(self._loop, self.cancel)
        self._loop = None
        self._clear()
        return self._result

    def choose_for_upload(self, scratch_dir: Path, mode: Mode, accepted: Sequence[str]) -> list[str]:
        """What `KioskPage.chooseFiles` should return: the session's documents that the input accepts."""
        if mode not in (Mode.FileSelectOpen, Mode.FileSelectOpenMultiple):
            return []  # folders and "save as" pickers: nothing on this terminal to offer
        documents = filter_documents(list_documents(scratch_dir), accepted)
        return self.choose(documents, multiple=mode == Mode.FileSelectOpenMultiple)

    @property
    def is_asking(self) -> bool:
        return self._loop is not None

    def cancel(self) -> None:
        """Closes the chooser: the page receives nothing."""
        self._answer([])

    def selected(self) -> list[SessionDocument]:
        return [tile.document for tile in self.tiles if tile.isChecked()]

    def hideEvent(self, event: QEvent) -> None:
        super().hideEvent(event)
        if self._loop is not None:
            self._loop.quit()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Escape:
            self.cancel()
        else:
            super().keyPressEvent(event)

    def _cover_parent(self) -> None:
        """Wider than the other cards, and never taller than the screen: the tiles' rows scroll instead."""
        area = self.parentWidget().rect()
        self.setGeometry(area)
        width = max(0, min(CHOOSER_WIDTH, area.width() - 2 * theme.MIN_CONTROL))
        if self.tiles:
            frame = 2 * self.area.frameWidth()
            self.area.setFixedHeight(frame)  # the card's other parts, measured without the tiles
            room = area.height() - 2 * EDGE - self._height_for(width) - frame
            rows = rows_shown(len(self.tiles), self._columns(), room, TILE_SIZE.height(), TILE_SPACING)
            self.area.setFixedHeight(rows * (TILE_SIZE.height() + TILE_SPACING) - TILE_SPACING + frame)
        self.card.setFixedSize(width, max(0, min(self._height_for(width), area.height() - 2 * EDGE)))

    def _height_for(self, width: int) -> int:
        self.body.invalidate()
        wanted = self.body.heightForWidth(width)
        return wanted if wanted >= 0 else self.body.sizeHint().height()

    def _show_documents(self, documents: Sequence[SessionDocument], multiple: bool) -> None:
        self._clear()
        self._multiple = multiple
        self._group = QButtonGroup(self)
        self._group.setExclusive(not multiple)
        columns = self._columns()
        for index, document in enumerate(documents):
            tile = DocumentTile(document, self._icons)
            tile.toggled.connect(self._update_send)
            self._group.addButton(tile)
            self.grid.addWidget(tile, index // columns, index % columns)
            self.tiles.append(tile)
        empty = not self.tiles
        self.title.setVisible(not empty)
        self.hint.setVisible(not empty)
        self.area.setVisible(not empty)
        self.message.setVisible(empty)
        self.cancel_button.setVisible(not empty)
        self.send_button.setVisible(not empty)
        self.back_button.setVisible(empty)
        self.retranslate()
        self.area.verticalScrollBar().setValue(0)
        self._next_thumbnail = 0
        self._drawing.start()

    def _columns(self) -> int:
        card = min(CHOOSER_WIDTH, self.parentWidget().width() - 2 * theme.MIN_CONTROL)
        margins = self.body.contentsMargins()
        room = card - margins.left() - margins.right() - self.area.verticalScrollBar().sizeHint().width()
        return max(1, (room + TILE_SPACING) // (TILE_SIZE.width() + TILE_SPACING))

    def _update_send(self) -> None:
        count = len(self.selected())
        if self._multiple and count != 1:
            self.send_button.setText(self.tr("Envoyer ces documents"))
        else:
            self.send_button.setText(self.tr("Envoyer ce document"))
        self.send_button.setEnabled(count > 0)

    def _draw_next_thumbnail(self) -> None:
        if self._next_thumbnail < len(self.tiles):
            self.tiles[self._next_thumbnail].draw_thumbnail()
            self._next_thumbnail += 1
            self._drawing.start()

    def _send(self) -> None:
        self._answer([str(document.path.absolute()) for document in self.selected()])

    def _answer(self, paths: list[str]) -> None:
        self._result = paths
        self.hide()  # hideEvent ends the local event loop

    def _clear(self) -> None:
        self._drawing.stop()
        for tile in self.tiles:
            self.grid.removeWidget(tile)
            tile.hide()  # deleted once back in the outer event loop: a next question must not show it
            tile.deleteLater()
        self.tiles = []
        if self._group is not None:
            self._group.deleteLater()
            self._group = None
