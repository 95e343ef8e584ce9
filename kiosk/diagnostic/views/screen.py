"""The diagnostic screen: welcome, then each exercise with its prompt, "Écouter", the hint after a wrong try,
"Je ne sais pas" and "Passer", then the questions about the phone, and the result with its code and
"Imprimer ma fiche".

The screen turns what the visitor does into calls on the pure `Diagnostic` (engine.py) and shows what it
says. Answers live in that object only; `reset()` drops it (the session wiper calls it). Time per item is
measured for the engine but never shown."""

from __future__ import annotations

import copy
import logging
import time
from pathlib import Path

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QColor, QPainter, QPaintEvent, QPen, QPixmap
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from kiosk.diagnostic.engine import Diagnostic, Outcome, Result
from kiosk.diagnostic.result_sheet import write_sheet
from kiosk.diagnostic.schema import LEVELS, ContentFile, NeedChoice, NeedQuestion
from kiosk.diagnostic.sheet import Sheet, describe
from kiosk.diagnostic.typography import french_spacing as said
from kiosk.diagnostic.views import Exercise, Pictures, make_exercise
from kiosk.diagnostic.views.base import TileButton, passive
from kiosk.shell import theme
from kiosk.shell.icons import Icons
from kiosk.shell.wizard_parts import big_button
from kiosk.shell.wizard_parts import wizard_label as label
from kiosk.tasks import Tasks

log = logging.getLogger(__name__)
PREPARE_DELAY_MS = 30  # after a screen shows, before the next ones are prepared: its paint comes first


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


class DiagnosticScreen(QWidget):
    sheetReady = Signal(str)  # the sheet PDF was written there: the kiosk hands it to the print wizard
    finished = Signal(object)  # the Result, once, when the result screen shows (for counting)
    closed = Signal()  # "Revenir à l'accueil": the visitor is done with the diagnostic

    def __init__(
        self,
        content: ContentFile,
        icons: Icons,
        speech,
        sheet_folder: Path,
        pictures: Pictures | None = None,
        parent: QWidget | None = None,
    ):
        super().__init__(parent)
        self.setObjectName("DiagnosticScreen")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground)
        self.setWindowTitle(self.tr("Faire le point"))
        self.content = content
        self._icons = icons
        self._speech = speech
        self._sheet_folder = Path(sheet_folder)
        self._pictures = pictures or Pictures()
        self.diagnostic = Diagnostic(content)
        self.exercise: Exercise | None = None
        self.hinted = False
        self._started = 0.0
        self._early_end_shown = False
        self.result: Result | None = None
        self.sheet: Sheet | None = None
        self.sheet_path: Path | None = None
        self._listen_buttons: list[QPushButton] = []
        self.print_button: QPushButton | None = None
        self.sheet_problem: QLabel | None = None
        self._sheets = Tasks(self)  # draws the result sheet's PDF; _restart() forgets one still being drawn
        # The next screen is prepared while the visitor thinks: the items that each possible outcome of the
        # current one leads to are built, laid out and drawn once off-screen, one per event-loop turn.
        self._shared = {id(x): x for x in (content, *(i for a in content.areas for i in a.items))}
        self._prepared: dict[str, Exercise] = {}
        self._to_prepare: list = []
        self._preparing = QTimer(self)
        self._preparing.setSingleShot(True)
        self._preparing.setInterval(PREPARE_DELAY_MS)
        self._preparing.timeout.connect(self._prepare_one)

        self.pages = QStackedWidget()
        self.welcome_page = self._welcome_page()
        self.item_page = self._item_page()
        self.question_page = self._question_page()
        self.early_page = self._early_page()
        self.result_page = QWidget()
        self._result_layout = QVBoxLayout(self.result_page)
        self._result_layout.setContentsMargins(0, 0, 0, 0)
        for page in (
            self.welcome_page,
            self.item_page,
            self.question_page,
            self.early_page,
            self.result_page,
        ):
            self.pages.addWidget(page)
        column = QVBoxLayout(self)
        column.setContentsMargins(32, 12, 32, 12)
        column.addWidget(self.pages)
        self._show_listen_buttons()
        if speech is not None:
            speech.availabilityChanged.connect(self._show_listen_buttons)

    # --- what the kiosk calls -------------------------------------------------------------------------------

    def reset(self) -> None:
        """Forgets everything of this visitor: answers, result, the sheet written; back to the welcome."""
        if self.sheet_path is not None:
            self.sheet_path.unlink(missing_ok=True)
        self.sheet_path = None
        self._restart()

    def start(self) -> None:
        """ "Commencer": the first exercise."""
        self._restart()
        self._show_next()

    def _restart(self) -> None:
        self._sheets.forget()  # a sheet still being drawn is deleted when it is done
        if self._speech is not None:
            self._speech.stop()
        self.diagnostic = Diagnostic(self.content)
        self.result = None
        self.sheet = None
        self.hinted = False
        self._early_end_shown = False
        self._drop_exercise()
        self._drop_prepared()
        self._clear_result()
        self.pages.setCurrentWidget(self.welcome_page)

    # --- the pages ------------------------------------------------------------------------------------------

    def _welcome_page(self) -> QWidget:
        page = QWidget()
        self.welcome_texts = [
            self.tr("Quelques petits exercices pour voir ce que vous savez déjà faire."),
            self.tr("Cela prend 10 à 15 minutes."),
            self.tr("Ce n'est pas un examen. Vous pouvez passer un exercice."),
            self.tr("Rien n'est gardé : tout s'efface à la fin."),
        ]
        column = QVBoxLayout(page)
        column.setSpacing(20)
        column.addStretch()
        title = label(self.content.title, "DiagTitle")
        column.addWidget(title)
        for text in self.welcome_texts:
            column.addWidget(label(said(text), "DiagText"))
        column.addSpacing(16)
        self.start_button = self._button(self.tr("Commencer"), "arrow-right", self.start, primary=True)
        self.welcome_listen = self._listen_button(lambda: " ".join([self.content.title, *self.welcome_texts]))
        row = QHBoxLayout()
        row.setSpacing(24)
        row.addWidget(self.start_button)
        row.addWidget(self.welcome_listen)
        row.addStretch()
        column.addLayout(row)
        column.addStretch(2)
        return page

    def _item_page(self) -> QWidget:
        page = QWidget()
        self.progress_label = label("", "DiagProgress", wrap=False)
        self.progress_bar = QProgressBar()
        self.progress_bar.setTextVisible(False)
        self.progress_bar.setObjectName("DiagProgressBar")
        progress = QVBoxLayout()  # in the bottom row, between the buttons: the exercise keeps the height
        progress.setSpacing(4)
        progress.addStretch()
        progress.addWidget(self.progress_label, 0, Qt.AlignmentFlag.AlignHCenter)
        progress.addWidget(self.progress_bar)
        progress.addStretch()
        self.item_picture = QLabel()
        self.item_picture.setFixedHeight(96)
        self.prompt = label("", "DiagPrompt")
        self.listen_button = self._listen_button(lambda: self.prompt.text())
        prompt_row = QHBoxLayout()
        prompt_row.setSpacing(20)
        prompt_row.addWidget(self.item_picture, 0, Qt.AlignmentFlag.AlignTop)
        prompt_row.addWidget(self.prompt, 1)
        prompt_row.addWidget(self.listen_button, 0, Qt.AlignmentFlag.AlignTop)
        self.hint_box = QFrame()
        self.hint_box.setObjectName("DiagHint")
        hint_icon = QLabel()
        hint_icon.setPixmap(self._icons.pixmap("circle-help", theme.BLUE, 36, self.devicePixelRatioF()))
        self.hint = label("", "DiagHintText")
        hint_row = QHBoxLayout(self.hint_box)
        hint_row.setContentsMargins(16, 4, 16, 4)
        hint_row.setSpacing(16)
        hint_row.addWidget(hint_icon)
        hint_row.addWidget(self.hint, 1)
        self.hint_box.hide()
        self.exercise_host = QVBoxLayout()
        self.exercise_host.setContentsMargins(0, 0, 0, 0)
        self.dont_know_button = self._button(self.tr("Je ne sais pas"), "circle-help", self._dont_know)
        self.skip_button = self._button(self.tr("Passer"), "arrow-right", self._skip)
        self.action_slot = QHBoxLayout()  # the exercise's "Valider", moved here (see views/base.py)
        self.action_slot.setContentsMargins(0, 0, 0, 0)
        bottom = QHBoxLayout()
        bottom.setSpacing(24)
        bottom.addWidget(self.dont_know_button)
        bottom.addLayout(progress, 1)
        bottom.addWidget(self.skip_button)
        bottom.addLayout(self.action_slot)
        column = QVBoxLayout(page)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(10)
        column.addLayout(prompt_row)
        column.addWidget(self.hint_box)
        column.addLayout(self.exercise_host, 1)
        column.addLayout(bottom)
        return page

    def _question_page(self) -> QWidget:
        page = QWidget()
        self.question_heading = label(
            self.tr("Pour finir, quelques questions sur votre téléphone."), "DiagProgress"
        )
        self.question_picture = QLabel()
        self.question_picture.setFixedHeight(128)
        self.question_prompt = label("", "DiagPrompt")
        self.question_listen = self._listen_button(lambda: self.question_prompt.text())
        prompt_row = QHBoxLayout()
        prompt_row.setSpacing(20)
        prompt_row.addWidget(self.question_picture)
        prompt_row.addWidget(self.question_prompt, 1)
        prompt_row.addWidget(self.question_listen, 0, Qt.AlignmentFlag.AlignTop)
        self.question_choices = QVBoxLayout()
        self.question_choices.setSpacing(16)
        self.question_skip = self._button(self.tr("Passer"), "arrow-right", lambda: self._declare(None))
        bottom = QHBoxLayout()
        bottom.addStretch()
        bottom.addWidget(self.question_skip)
        column = QVBoxLayout(page)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(20)
        column.addWidget(self.question_heading)
        column.addLayout(prompt_row)
        column.addLayout(self.question_choices)
        column.addStretch()
        column.addLayout(bottom)
        self.choice_buttons: dict[str, QPushButton] = {}
        return page

    def _early_page(self) -> QWidget:
        page = QWidget()
        column = QVBoxLayout(page)
        column.setSpacing(20)
        column.addStretch()
        for line in self.content.early_end.message:
            column.addWidget(label(line, "DiagText"))
        column.addSpacing(16)
        self.early_continue = self._button(
            self.tr("Continuer"), "arrow-right", self._after_early_end, primary=True
        )
        column.addWidget(self.early_continue, 0, Qt.AlignmentFlag.AlignLeft)
        column.addStretch(2)
        return page

    # --- the flow -------------------------------------------------------------------------------------------

    def _show_next(self) -> None:
        if self._speech is not None:
            self._speech.stop()
        step = self.diagnostic.next_item()
        if step is None:
            self._show_result()
        elif isinstance(step, NeedQuestion):
            if self.diagnostic.result().early_end and not self._early_end_shown:
                self._drop_exercise()
                self.pages.setCurrentWidget(self.early_page)
            else:
                self._show_question(step)
        else:
            self._show_item(step)

    def _after_early_end(self) -> None:
        self._early_end_shown = True
        self._show_next()

    def _show_item(self, item) -> None:
        self._drop_exercise()
        progress = self.diagnostic.progress()
        self.progress_label.setText(
            self.tr("Partie {n} sur {total}").format(
                n=min(progress.done + 1, progress.total), total=progress.total
            )
        )
        self.progress_bar.setRange(0, progress.total)
        self.progress_bar.setValue(progress.done)
        self.prompt.setText(item.prompt)
        self._set_picture(self.item_picture, item.picture, 96)
        self.hint.setText(item.hint)
        self.hint_box.hide()
        self.hinted = False
        exercise = self._prepared.pop(item.id, None) or make_exercise(item, self._pictures, self._icons)
        self._drop_prepared()
        self.exercise = exercise
        exercise.answered.connect(lambda right: self._on_answered(exercise, right))
        self.exercise_host.addWidget(exercise)
        if exercise.validate_button is not None:
            self.action_slot.addWidget(exercise.validate_button)
        exercise.show()
        self.pages.setCurrentWidget(self.item_page)
        self._started = time.monotonic()
        self._to_prepare = self._possible_next_items()
        self._preparing.start()

    def _possible_next_items(self) -> list:
        """The items that could come after the current one, whatever its outcome (the engine is pure and
        deterministic: a copy of it is asked)."""
        current = self.diagnostic.next_item()
        items = []
        for outcome in (Outcome.SUCCESS_ALONE, Outcome.FAILED, Outcome.SUCCESS_AFTER_HINT):
            trial = copy.deepcopy(self.diagnostic, dict(self._shared))
            trial.record(current.id, outcome)
            step = trial.next_item()
            if step is not None and not isinstance(step, NeedQuestion) and step not in items:
                items.append(step)
        return items

    def _prepare_one(self) -> None:
        if not self._to_prepare or self.exercise is None:
            return
        item = self._to_prepare.pop(0)
        if item.id not in self._prepared:
            widget = make_exercise(item, self._pictures, self._icons)
            widget.setParent(self.item_page)
            widget.hide()
            widget.resize(self.exercise.size())
            widget.ensurePolished()
            widget.render(QPixmap(widget.size()))  # lays out, polishes and draws it once, off-screen
            self._prepared[item.id] = widget
        if self._to_prepare:
            self._preparing.start()

    def _drop_prepared(self) -> None:
        self._preparing.stop()
        self._to_prepare = []
        for widget in self._prepared.values():
            widget.deleteLater()
        self._prepared = {}

    def _drop_exercise(self) -> None:
        if self.exercise is not None:
            button = self.exercise.validate_button
            if button is not None and button.parentWidget() is not self.exercise:
                self.action_slot.removeWidget(button)
                button.hide()
                button.deleteLater()
            self.exercise.hide()
            self.exercise_host.removeWidget(self.exercise)
            self.exercise.deleteLater()
            self.exercise = None

    def _on_answered(self, exercise: Exercise, right: bool) -> None:
        if exercise is not self.exercise:
            return  # a late try of an exercise already left
        if right:
            self._record(Outcome.SUCCESS_AFTER_HINT if self.hinted else Outcome.SUCCESS_ALONE)
        elif self.hinted:
            self._record(Outcome.FAILED)
        else:
            self.hinted = True
            self.hint_box.show()

    def _dont_know(self) -> None:
        self._record(Outcome.DONT_KNOW)

    def _skip(self) -> None:
        self._record(Outcome.SKIPPED)

    def _record(self, outcome: Outcome) -> None:
        if self.exercise is None:
            return
        item = self.exercise.item
        seconds = max(0.0, time.monotonic() - self._started)
        self.diagnostic.record(item.id, outcome, seconds)
        self._show_next()

    def _show_question(self, question: NeedQuestion) -> None:
        self._drop_exercise()
        self.question_prompt.setText(question.prompt)
        self._set_picture(self.question_picture, question.picture, 128)
        while (child := self.question_choices.takeAt(0)) is not None:
            if child.widget() is not None:
                child.widget().hide()  # gone from the screen now, deleted later
                child.widget().deleteLater()
        self.choice_buttons = {}
        for choice in question.choices:
            button = self._need_button(choice)
            button.clicked.connect(lambda _=False, c=choice.id: self._declare(c))
            self.question_choices.addWidget(button)
            self.choice_buttons[choice.id] = button
        self.pages.setCurrentWidget(self.question_page)

    def _need_button(self, choice: NeedChoice) -> QPushButton:
        button = TileButton()
        button.setObjectName("NeedChoice")
        button.setMinimumHeight(theme.MIN_TILE + 16)
        row = QHBoxLayout(button)
        row.setContentsMargins(20, 8, 20, 8)
        row.setSpacing(16)
        if choice.picture:
            picture = QLabel()
            picture.setPixmap(self._pictures.pixmap(choice.picture, 56, self.devicePixelRatioF()))
            row.addWidget(passive(picture))
        row.addWidget(passive(label(choice.label, "NeedChoiceLabel")), 1)
        return button

    def _declare(self, choice_id: str | None) -> None:
        question = self.diagnostic.next_item()
        if isinstance(question, NeedQuestion):
            self.diagnostic.declare(question.id, choice_id)
            self._show_next()

    # --- the result -----------------------------------------------------------------------------------------

    def _clear_result(self) -> None:
        while (child := self._result_layout.takeAt(0)) is not None:
            if child.widget() is not None:
                child.widget().hide()  # gone from the screen now, deleted later
                child.widget().deleteLater()
        self.code_label = None
        self.print_button = None
        self.sheet_problem = None
        self.finish_button = None
        self.result_lines: list[tuple[str, str]] = []

    def _show_result(self) -> None:
        """Everything in sight at 1024×768: the levels on the left; on the right the code first, then the
        advice with each place's address and the stated needs (all from the one `Sheet` the printed sheet
        draws); at the bottom what to do next and its two buttons."""
        self._drop_exercise()
        self._clear_result()
        self.result = self.diagnostic.result()
        self.sheet = sheet = describe(self.result, self.content)
        left = QVBoxLayout()
        left.setSpacing(8)
        self.group_label = label(
            said(self.tr("Votre groupe : {group}")).format(group=sheet.group_label), "DiagGroup"
        )
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
        card = QFrame()
        card.setObjectName("DiagCard")
        right = QVBoxLayout(card)
        right.setContentsMargins(20, 12, 20, 12)
        right.setSpacing(6)
        right.addWidget(label(said(self.tr("Votre code, à montrer à un conseiller :")), "DiagCardText"))
        self.code_label = label(sheet.code, "DiagCode", wrap=False)
        self.code_label.setTextInteractionFlags(Qt.TextInteractionFlag.NoTextInteraction)
        right.addWidget(self.code_label)
        right.addSpacing(4)
        self.advice_labels = [label(line, "DiagCardText") for line in sheet.recommendation]
        self.place_labels = [
            label(said(self.tr("{name} : {address}")).format(name=p.name, address=p.address), "DiagPlace")
            for p in sheet.places
        ]
        for widget in (*self.advice_labels, *self.place_labels):
            right.addWidget(widget)
        self.need_labels = []
        if sheet.needs:
            right.addSpacing(4)
            right.addWidget(label(said(self.tr("Vous voulez apprendre à :")), "DiagCardHeading"))
            self.need_labels = [label(f"•  {need}", "DiagCardText") for need in sheet.needs]
            for widget in self.need_labels:
                right.addWidget(widget)
        right.addStretch()
        body = QHBoxLayout()
        body.setSpacing(24)
        body.addLayout(left, 1)
        body.addWidget(card, 1)
        self.print_button = self._button(self.tr("Imprimer ma fiche"), "printer", self._print, primary=True)
        self.finish_button = self._button(self.tr("Revenir à l'accueil"), "house", self._finish)
        self.next_step = label(
            self.tr("Gardez votre fiche. Un conseiller peut vous aider."), "DiagResultText"
        )
        self.sheet_problem = label(
            self.tr("La fiche n'a pas pu être préparée. Demandez de l'aide à un conseiller."),
            "DiagResultText",
        )
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
        self._result_layout.addWidget(holder)
        self.pages.setCurrentWidget(self.result_page)
        self.finished.emit(self.result)

    def result_text(self) -> str:
        """Every text the result shows, in order (for tests and read-aloud)."""
        page = self.result_page
        return "\n".join(w.text() for w in page.findChildren(QLabel) if w.isVisible() and w.text())

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

    def _finish(self) -> None:
        self.closed.emit()
        self._restart()

    # --- helpers --------------------------------------------------------------------------------------------

    def _button(self, text: str, icon: str, action, primary: bool = False) -> QPushButton:
        return big_button(self._icons, icon, text, action, primary)

    def _listen_button(self, text_of) -> QPushButton:
        button = self._button(self.tr("Écouter"), "volume-2", lambda: self._say(text_of()))
        button.setObjectName("ListenButton")
        self._listen_buttons.append(button)
        return button

    def _show_listen_buttons(self) -> None:
        """ "Écouter" only where the engine is ready: it may be after the screen was made, or never."""
        for button in self._listen_buttons:
            button.setVisible(self._speech is not None and self._speech.available())

    def _say(self, text: str) -> None:
        if self._speech is not None and text:
            self._speech.say(text)

    def _set_picture(self, target: QLabel, name: str, size: int) -> None:
        if name:
            target.setPixmap(self._pictures.pixmap(name, size, self.devicePixelRatioF()))
            target.show()
        else:
            target.clear()
            target.hide()
