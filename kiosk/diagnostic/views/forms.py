"""Exercises made of ordinary controls: typing in fields, finding a button further down a long page, and
choosing one or several answers (with pictures when the item has some)."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QKeyEvent, QPixmap
from PySide6.QtWidgets import (
    QButtonGroup,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QScrollArea,
    QScroller,
    QVBoxLayout,
    QWidget,
)

from kiosk.diagnostic import checks
from kiosk.diagnostic.items import Choice, ChoiceItem, ScrollItem, TypingItem
from kiosk.diagnostic.views.base import Exercise, TileButton, passive
from kiosk.shell import theme
from kiosk.shell.retranslate import Retranslating
from kiosk.shell.wizard_parts import wizard_label as label


class TypingExercise(Retranslating, Exercise):
    """Type in the fields, then Valider (one try). With `require_tab`, each field but the last must be left
    with the Tab key: the widget watches for that key in each field."""

    item: TypingItem

    def __init__(self, item, pictures, icons, parent: QWidget | None = None):
        super().__init__(item, pictures, icons, parent)
        self.fields: dict[str, QLineEdit] = {}
        self._tabbed: set[int] = set()
        grid = QGridLayout()
        grid.setHorizontalSpacing(24)
        grid.setVerticalSpacing(20)
        for row, field in enumerate(item.fields):
            edit = QLineEdit(field.prefill)
            edit.setObjectName("ExerciseField")
            edit.setMinimumHeight(theme.MIN_TILE)
            edit.setMaxLength(200)
            edit.installEventFilter(self)
            edit.setProperty("row", row)
            caption = label(field.label, "ExerciseFieldLabel")
            caption.setBuddy(edit)
            grid.addWidget(caption, row, 0)
            grid.addWidget(edit, row, 1)
            self.fields[field.id] = edit
        grid.setColumnStretch(1, 1)
        self.validate_button = self.button("", "check", primary=True)
        self.validate_button.clicked.connect(self._validate)
        list(self.fields.values())[-1].returnPressed.connect(self._validate)
        column = QVBoxLayout(self)
        column.setContentsMargins(32, 24, 32, 24)
        column.addLayout(grid)
        column.addSpacing(24)
        column.addWidget(self.validate_button, 0, Qt.AlignmentFlag.AlignRight)
        column.addStretch()
        self.retranslate()

    def retranslate(self) -> None:
        self.validate_button.setText(self.tr("Valider"))

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (
            event.type() == QEvent.Type.KeyPress
            and isinstance(event, QKeyEvent)
            and event.key() == Qt.Key.Key_Tab
        ):
            self._tabbed.add(int(watched.property("row")))
        return False

    def showEvent(self, event) -> None:
        super().showEvent(event)
        first = next(iter(self.fields.values()))
        if not first.text():
            first.setFocus(Qt.FocusReason.OtherFocusReason)

    def _validate(self) -> None:
        texts = {field_id: edit.text() for field_id, edit in self.fields.items()}
        right = checks.typing_item_ok(self.item, texts)
        if right and self.item.require_tab:
            right = all(row in self._tabbed for row in range(len(self.item.fields) - 1))
        self._try(right)


class ScrollExercise(Exercise):
    """A page longer than the room it has: find the button `answer` and click it."""

    item: ScrollItem

    def __init__(self, item, pictures, icons, parent: QWidget | None = None):
        super().__init__(item, pictures, icons, parent)
        self.buttons: dict[str, QPushButton] = {}
        page = QWidget()
        page.setObjectName("SimPage")
        column = QVBoxLayout(page)
        column.setContentsMargins(40, 24, 40, 48)
        column.setSpacing(36)
        for index, text in enumerate(item.paragraphs):
            paragraph = label(text, "SimText")
            paragraph.setMinimumHeight(72)
            column.addWidget(paragraph)
            for spec in item.buttons:
                if spec.after == index:
                    button = QPushButton(spec.label)
                    button.setObjectName("SimButton")
                    button.setMinimumHeight(theme.MIN_TILE)
                    button.clicked.connect(lambda _=False, i=spec.id: self._try(i == self.item.answer))
                    column.addWidget(button, 0, Qt.AlignmentFlag.AlignLeft)
                    self.buttons[spec.id] = button
        self.area = QScrollArea()
        self.area.setObjectName("SimScroll")
        self.area.setWidget(page)
        self.area.setWidgetResizable(True)
        self.area.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.area.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOn)
        QScroller.grabGesture(self.area.viewport(), QScroller.ScrollerGestureType.TouchGesture)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(self.area)


class ChoiceTile(TileButton):
    """One answer: a large checkable tile with its picture, its words and any simulated material."""

    def __init__(self, choice: Choice, exercise: Exercise, picture_size: int):
        super().__init__()
        self.choice = choice
        self.setObjectName("ChoiceTile")
        self.setCheckable(True)
        self.setMinimumHeight(theme.MIN_TILE + 16)
        self.mark = QLabel()
        self.mark.setObjectName("ChoiceMark")
        self.mark.setFixedSize(44, 44)
        self.mark.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self._check = exercise.icons.pixmap("check", theme.WHITE, 32, self.devicePixelRatioF())
        row = QHBoxLayout()
        row.setContentsMargins(0, 0, 0, 0)
        row.setSpacing(16)
        row.addWidget(passive(self.mark), 0, Qt.AlignmentFlag.AlignVCenter)
        words = QVBoxLayout()
        words.setSpacing(6)
        words.addWidget(passive(label(choice.label, "ChoiceLabel")))
        if choice.detail:
            words.addWidget(passive(label(choice.detail, "ChoiceDetail")))
        row.addLayout(words, 1)
        column = QVBoxLayout(self)
        column.setContentsMargins(16, 10, 16, 10)
        column.setSpacing(10)
        if choice.picture:  # above the words: a wide picture (a website's button) keeps its whole width
            column.addWidget(exercise.picture_label(choice.picture, picture_size))
        column.addLayout(row)
        self.toggled.connect(self._show_mark)

    def _show_mark(self, checked: bool) -> None:
        self.mark.setPixmap(self._check if checked else QPixmap())
        self.mark.setProperty("checked", checked)
        self.mark.style().unpolish(self.mark)
        self.mark.style().polish(self.mark)


class ChoiceExercise(Retranslating, Exercise):
    """Pick the right answer (or every right answer, with `multiple`), then Valider (one try)."""

    item: ChoiceItem

    def __init__(self, item, pictures, icons, parent: QWidget | None = None):
        super().__init__(item, pictures, icons, parent)
        with_pictures = any(c.picture for c in item.choices)
        self.group = QButtonGroup(self)
        self.group.setExclusive(not item.multiple)
        self.tiles: dict[str, ChoiceTile] = {}
        holder = QWidget()
        tiles = QHBoxLayout(holder) if with_pictures else QVBoxLayout(holder)
        tiles.setContentsMargins(0, 0, 0, 0)
        tiles.setSpacing(16)
        for choice in item.choices:
            tile = ChoiceTile(choice, self, 96 if with_pictures else 64)
            self.group.addButton(tile)
            tile.toggled.connect(self._update)
            tiles.addWidget(tile)
            self.tiles[choice.id] = tile
        if not with_pictures:
            tiles.addStretch()
        area = QScrollArea()
        area.setWidget(holder)
        area.setWidgetResizable(True)
        area.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        QScroller.grabGesture(area.viewport(), QScroller.ScrollerGestureType.TouchGesture)
        area.setFrameShape(QFrame.Shape.NoFrame)
        self.validate_button = self.button("", "check", primary=True)
        self.validate_button.setEnabled(False)
        self._note = label("", "ExerciseNote") if item.multiple else None
        self.validate_button.clicked.connect(self._validate)
        bottom = QHBoxLayout()
        if item.multiple:
            bottom.addWidget(self._note, 1)
        else:
            bottom.addStretch(1)
        bottom.addWidget(self.validate_button)
        column = QVBoxLayout(self)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(8)
        column.addWidget(area, 1)
        column.addLayout(bottom)
        self.retranslate()

    def retranslate(self) -> None:
        self.validate_button.setText(self.tr("Valider"))
        if self._note is not None:
            self._note.setText(self.tr("Vous pouvez choisir plusieurs réponses."))

    def chosen(self) -> list[str]:
        return [choice_id for choice_id, tile in self.tiles.items() if tile.isChecked()]

    def _update(self) -> None:
        self.validate_button.setEnabled(bool(self.chosen()))

    def _validate(self) -> None:
        self._try(checks.choice_ok(self.item, self.chosen()))
