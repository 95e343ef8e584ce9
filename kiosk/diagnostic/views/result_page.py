"""The diagnostic's last page: the levels, the group, the code to show an advisor, the advice with each
place's address and the stated needs, all from the one `Sheet` the printed sheet draws; then "Imprimer ma
fiche" (the sheet's PDF is written off the GUI thread, then `sheetReady`) and "Revenir à l'accueil"."""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QColor, QPainter, QPaintEvent, QPen
from PySide6.QtWidgets import QFrame, QGridLayout, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from kiosk.diagnostic.result_sheet import write_sheet
from kiosk.diagnostic.schema import LEVELS
from kiosk.diagnostic.sheet import Sheet
from kiosk.diagnostic.typography import french_spacing as said
from kiosk.diagnostic.views.base import clear_layout
from kiosk.shell import theme
from kiosk.shell.icons import Icons
from kiosk.shell.retranslate import Retranslating
from kiosk.shell.wizard_parts import big_button
from kiosk.shell.wizard_parts import wizard_label as label
from kiosk.tasks import Tasks

log = logging.getLogger(__name__)


class LevelGauge(QWidget):
    """Three dots, as many filled as the level's rank: the pictogram of a level (none filled: not seen)."""

    def __init__(self, level: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.filled = LEVELS.index(level) + 1 if level in LEVELS else 0
        self.setFixedSize(108, 36)

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(QPen(QColor(theme.BLUE), 3))
        for n in range(3):
            painter.setBrush(QColor(theme.BLUE) if n < self.filled else QColor(theme.WHITE))
            painter.drawEllipse(4 + n * 36, 4, 28, 28)


class ResultPage(Retranslating, QWidget):
    sheetReady = Signal(str)  # the sheet PDF was written there
    homeRequested = Signal()  # "Revenir à l'accueil"

    def __init__(self, icons: Icons, sheet_folder: Path, parent: QWidget | None = None):
        super().__init__(parent)
        self._icons = icons
        self._sheet_folder = Path(sheet_folder)
        self.sheet: Sheet | None = None
        self.sheet_path: Path | None = None  # the last sheet written
        self._sheets = Tasks(self)  # draws the sheet's PDF; restart() forgets one still being drawn
        self._layout = QVBoxLayout(self)
        self._layout.setContentsMargins(0, 0, 0, 0)
        self._clear()
        self.retranslate()

    def retranslate(self) -> None:
        """The page's own words; the result's (levels, advice, places, needs) come from the content."""
        sheet = self.sheet
        if sheet is None:
            return
        self.group_label.setText(said(self.tr("Votre groupe : {group}")).format(group=sheet.group_label))
        self.print_button.setText(self.tr("Imprimer ma fiche"))
        self.finish_button.setText(self.tr("Revenir à l'accueil"))
        self.next_step.setText(self.tr("Gardez votre fiche. Un conseiller peut vous aider."))
        self.sheet_problem.setText(
            self.tr("La fiche n'a pas pu être préparée. Demandez de l'aide à un conseiller.")
        )
        self._code_intro.setText(said(self.tr("Votre code, à montrer à un conseiller :")))
        for place_label, place in zip(self.place_labels, sheet.places, strict=True):
            place_label.setText(
                said(self.tr("{name} : {address}")).format(name=place.name, address=place.address)
            )
        if self._needs_heading is not None:
            self._needs_heading.setText(said(self.tr("Vous voulez apprendre à :")))

    def show_sheet(self, sheet: Sheet) -> None:
        """Everything in sight at 1024×768: the levels on the left; on the right the code first, then the
        advice with each place's address and the stated needs; at the bottom what to do next and its two
        buttons."""
        self._clear()
        self.sheet = sheet
        left = QVBoxLayout()
        left.setSpacing(8)
        self.group_label = label("", "DiagGroup")
        left.addWidget(self.group_label)
        for line in sheet.message:
            left.addWidget(label(line, "DiagResultText"))
        levels = QGridLayout()
        levels.setHorizontalSpacing(12)
        levels.setVerticalSpacing(6)
        for n, area in enumerate(sheet.areas):
            levels.addWidget(LevelGauge(area.level), n, 0)
            levels.addWidget(label(area.name, "DiagAreaName"), n, 1)
            levels.addWidget(label(area.level_label, "DiagAreaLevel"), n, 2)
            self.result_lines.append((area.name, area.level_label))
        levels.setColumnStretch(1, 3)
        levels.setColumnStretch(2, 2)
        left.addLayout(levels)
        left.addStretch()
        body = QHBoxLayout()
        body.setSpacing(24)
        body.addLayout(left, 1)
        body.addWidget(self._card(sheet), 1)
        self.print_button = big_button(self._icons, "printer", "", self._print, primary=True)
        self.finish_button = big_button(self._icons, "house", "", lambda: self.homeRequested.emit())
        self.next_step = label("", "DiagResultText")
        self.sheet_problem = label("", "DiagResultText")
        self.sheet_problem.hide()
        bottom = QHBoxLayout()
        bottom.setSpacing(20)
        bottom.addWidget(self.print_button)
        bottom.addWidget(self.next_step, 1)
        bottom.addWidget(self.sheet_problem, 1)
        bottom.addWidget(self.finish_button)
        holder = QWidget()
        column = QVBoxLayout(holder)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(12)
        column.addLayout(body, 1)
        column.addLayout(bottom)
        self._layout.addWidget(holder)
        self.retranslate()

    def _card(self, sheet: Sheet) -> QFrame:
        """The right side: the code, the advice, the places and the needs."""
        card = QFrame()
        card.setObjectName("DiagCard")
        right = QVBoxLayout(card)
        right.setContentsMargins(20, 12, 20, 12)
        right.setSpacing(6)
        self._code_intro = label("", "DiagCardText")
        right.addWidget(self._code_intro)
        self.code_label = label(sheet.code, "DiagCode", wrap=False)
        self.code_label.setTextInteractionFlags(Qt.TextInteractionFlag.NoTextInteraction)
        right.addWidget(self.code_label)
        right.addSpacing(4)
        self.advice_labels = [label(line, "DiagCardText") for line in sheet.recommendation]
        self.place_labels = [label("", "DiagPlace") for _ in sheet.places]
        for widget in (*self.advice_labels, *self.place_labels):
            right.addWidget(widget)
        self.need_labels = []
        if sheet.needs:
            right.addSpacing(4)
            self._needs_heading = label("", "DiagCardHeading")
            right.addWidget(self._needs_heading)
            self.need_labels = [label(f"•  {need}", "DiagCardText") for need in sheet.needs]
            for widget in self.need_labels:
                right.addWidget(widget)
        right.addStretch()
        return card

    def text(self) -> str:
        """Every text the page shows, in order (for tests and read-aloud)."""
        return "\n".join(w.text() for w in self.findChildren(QLabel) if w.isVisible() and w.text())

    def restart(self) -> None:
        """No result shown; a sheet still being drawn is deleted when it is done."""
        self._sheets.forget()
        self._clear()

    def delete_sheet(self) -> None:
        """The last sheet written is deleted (the session ends)."""
        if self.sheet_path is not None:
            self.sheet_path.unlink(missing_ok=True)
        self.sheet_path = None

    def _clear(self) -> None:
        clear_layout(self._layout)
        self.sheet = None
        self.code_label: QLabel | None = None
        self.group_label: QLabel | None = None
        self.print_button: QPushButton | None = None
        self.finish_button: QPushButton | None = None
        self.sheet_problem: QLabel | None = None
        self.next_step: QLabel | None = None
        self._code_intro: QLabel | None = None
        self._needs_heading: QLabel | None = None
        self.place_labels: list[QLabel] = []
        self.result_lines: list[tuple[str, str]] = []

    def _print(self) -> None:
        """The sheet is drawn into its PDF on a pool thread (it takes some frames); then `sheetReady`."""
        if self.sheet is None:
            return
        sheet, folder = self.sheet, self._sheet_folder
        self.print_button.setEnabled(False)
        self.sheet_problem.hide()
        self.next_step.show()
        self._sheets.run(
            lambda: str(write_sheet(sheet, folder)),
            self._sheet_written,
            self._sheet_not_written,
            latest="sheet",
            discard=lambda path: Path(path).unlink(missing_ok=True),
        )

    def _sheet_written(self, path: str) -> None:
        if self.print_button is not None:
            self.print_button.setEnabled(True)
        self.sheet_path = Path(path)
        self.sheetReady.emit(path)

    def _sheet_not_written(self, error: Exception) -> None:
        """A full disk, say: the visitor is told, nothing is lost (the answers stay)."""
        log.warning("result sheet not written: %s", type(error).__name__)
        if self.print_button is not None:
            self.print_button.setEnabled(True)
        if self.sheet_problem is not None:
            self.next_step.hide()
            self.sheet_problem.show()
