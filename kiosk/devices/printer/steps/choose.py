"""The print wizard's first screen when the visitor came from the home: the documents of their session as
tiles to touch, then "Continuer". With no document yet, it says how to get one and offers "Scanner un
papier"."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSize, Qt, QTimer, Signal
from PySide6.QtWidgets import QButtonGroup, QGridLayout, QScrollArea, QVBoxLayout, QWidget

from kiosk.session_documents import list_documents
from kiosk.shell.document_tiles import DocumentTile
from kiosk.shell.icons import Icons
from kiosk.shell.retranslate import Retranslating
from kiosk.shell.wizard_parts import big_button, button_row, wizard_label

COLUMNS = 4


class PrintChooseStep(Retranslating, QWidget):
    chosen = Signal(str)  # the path of the document touched, on "Continuer"
    scanRequested = Signal()  # "Scanner un papier", when there is no document yet
    leaveRequested = Signal()  # "Ne pas imprimer"

    def __init__(self, icons: Icons, parent: QWidget | None = None):
        super().__init__(parent)
        self._icons = icons
        self.document_tiles: list[DocumentTile] = []
        self._empty: bool | None = None  # whether the documents last shown were none
        self.title = wizard_label("", "WizardTitle")
        self.hint = wizard_label("", "WizardText")
        self.no_document = wizard_label("", "WizardText")
        self.scan_button = big_button(icons, "scan-text", "", self.scanRequested.emit, primary=True)
        self.scan_button.setObjectName("ScanKind")
        self.scan_button.setIconSize(QSize(48, 48))
        self._grid = QWidget()
        grid = QGridLayout(self._grid)
        grid.setSpacing(16)
        grid.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        self._area = QScrollArea()
        self._area.setWidget(self._grid)
        self._area.setWidgetResizable(True)
        self.continue_button = big_button(icons, "arrow-right", "", self._continue, primary=True)
        self.leave_button = big_button(icons, "x", "", self.leaveRequested.emit)
        column = QVBoxLayout(self)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(16)
        column.addWidget(self.title)
        column.addWidget(self.hint)
        column.addWidget(self.no_document)
        column.addWidget(self.scan_button)
        column.addWidget(self._area, 1)
        column.addStretch(0)  # without documents, what is there stays at the top
        column.addLayout(button_row(self.leave_button, None, self.continue_button))
        self.retranslate()

    def retranslate(self) -> None:
        self.hint.setText(self.tr("Touchez le document à imprimer."))
        self.no_document.setText(
            self.tr("Scannez un papier, ou ouvrez un site et touchez « Imprimer » en haut.")
        )
        self.scan_button.setText(self.tr("Scanner un papier"))
        self.continue_button.setText(self.tr("Continuer"))
        self.leave_button.setText(self.tr("Ne pas imprimer"))
        if self._empty is not None:
            self.title.setText(
                self.tr("Vous n'avez pas encore de document à imprimer.")
                if self._empty
                else self.tr("Choisissez un document")
            )

    def show_documents(self, scratch_dir: Path) -> None:
        """A tile for each of the session's documents (the PDFs and pictures in `scratch_dir`)."""
        self.clear()
        documents = list_documents(scratch_dir)
        group = QButtonGroup(self._grid)
        for index, document in enumerate(documents):
            tile = DocumentTile(document, self._icons)
            group.addButton(tile)
            tile.toggled.connect(lambda: self.continue_button.setEnabled(True))
            self._grid.layout().addWidget(tile, index // COLUMNS, index % COLUMNS)
            self.document_tiles.append(tile)
            QTimer.singleShot(0, tile.draw_thumbnail)  # one per event-loop turn: the screen shows at once
        empty = not documents
        self.no_document.setVisible(empty)
        self._area.setVisible(not empty)
        self.hint.setVisible(not empty)
        self.continue_button.setVisible(not empty)
        self.continue_button.setEnabled(False)
        self.scan_button.setVisible(empty)
        self._empty = empty
        self.retranslate()

    def clear(self) -> None:
        for tile in self.document_tiles:
            tile.deleteLater()
        self.document_tiles = []

    def _continue(self) -> None:
        chosen = next((t for t in self.document_tiles if t.isChecked()), None)
        if chosen is not None:
            self.chosen.emit(str(chosen.document.path))
