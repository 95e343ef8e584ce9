"""The diagnostic screen: the flow between its pages (welcome, each exercise, the early end, the questions
about the phone, the result), each page its own widget in this folder.

The screen turns what the pages say into calls on the pure `Diagnostic` (engine.py) and shows the page for
what it says next. Answers live in that object only; `reset()` drops it (the session wiper calls it). Time per
item is measured for the engine but never shown."""

from __future__ import annotations

import copy
from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QPushButton, QStackedWidget, QVBoxLayout, QWidget

from kiosk.diagnostic.engine import Diagnostic, Outcome, Result
from kiosk.diagnostic.schema import ContentFile, NeedQuestion
from kiosk.diagnostic.sheet import describe
from kiosk.diagnostic.views import Exercise, Pictures
from kiosk.diagnostic.views.early_end_page import EarlyEndPage
from kiosk.diagnostic.views.item_page import ItemPage
from kiosk.diagnostic.views.question_page import QuestionPage
from kiosk.diagnostic.views.read_aloud import ReadAloud
from kiosk.diagnostic.views.result_page import ResultPage
from kiosk.diagnostic.views.welcome_page import WelcomePage
from kiosk.shell.icons import Icons
from kiosk.shell.retranslate import Retranslating


class DiagnosticScreen(Retranslating, QWidget):
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
        self.content = content
        self._speech = speech
        pictures = pictures or Pictures()
        self.diagnostic = Diagnostic(content)
        self._early_end_shown = False
        self.result: Result | None = None
        # What the engine's copies share with it (see _possible_next_items): the content is never copied.
        self._shared = {id(x): x for x in (content, *(i for a in content.areas for i in a.items))}
        self._read_aloud = ReadAloud(speech, icons, self)

        self.welcome_page = WelcomePage(content.title, icons, self._read_aloud)
        self.welcome_page.started.connect(self.start)
        self.start_button = self.welcome_page.start_button
        self.item_page = ItemPage(icons, pictures, self._read_aloud)
        self.item_page.ended.connect(self._record)
        self.question_page = QuestionPage(icons, pictures, self._read_aloud)
        self.question_page.declared.connect(self._declare)
        self.early_page = EarlyEndPage(content.early_end.message, icons)
        self.early_page.continued.connect(self._after_early_end)
        self.result_page = ResultPage(icons, sheet_folder)
        self.result_page.sheetReady.connect(self.sheetReady)
        self.result_page.homeRequested.connect(self._finish)
        self.pages = QStackedWidget()
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
        self._read_aloud.show_buttons()
        self.retranslate()

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Faire le point"))

    @property
    def exercise(self) -> Exercise | None:
        """The exercise shown, if any."""
        return self.item_page.exercise

    @property
    def print_button(self) -> QPushButton | None:
        """The result's "Imprimer ma fiche", while a result shows."""
        return self.result_page.print_button

    # --- what the kiosk calls -------------------------------------------------------------------------------

    def reset(self) -> None:
        """Forgets everything of this visitor: answers, result, the sheet written; back to the welcome."""
        self.result_page.delete_sheet()
        self._restart()

    def start(self) -> None:
        """ "Commencer": the first exercise."""
        self._restart()
        self._show_next()

    def _restart(self) -> None:
        self._read_aloud.stop()
        self.diagnostic = Diagnostic(self.content)
        self.result = None
        self._early_end_shown = False
        self.item_page.reset()
        self.result_page.restart()
        self.pages.setCurrentWidget(self.welcome_page)

    # --- the flow -------------------------------------------------------------------------------------------

    def _show_next(self) -> None:
        self._read_aloud.stop()
        step = self.diagnostic.next_item()
        if step is None:
            self._show_result()
        elif isinstance(step, NeedQuestion):
            self.item_page.drop_exercise()
            if self.diagnostic.result().early_end and not self._early_end_shown:
                self.pages.setCurrentWidget(self.early_page)
            else:
                self.question_page.show_question(step)
                self.pages.setCurrentWidget(self.question_page)
        else:
            self.item_page.show_item(step, self.diagnostic.progress())
            self.pages.setCurrentWidget(self.item_page)
            self.item_page.ahead.prepare(self._possible_next_items())

    def _after_early_end(self) -> None:
        self._early_end_shown = True
        self._show_next()

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

    def _record(self, outcome: Outcome) -> None:
        """The item shown ended so (the item page says how)."""
        exercise = self.item_page.exercise
        if exercise is None:
            return
        self.diagnostic.record(exercise.item.id, outcome, self.item_page.seconds_shown())
        self._show_next()

    def _declare(self, choice_id: str | None) -> None:
        question = self.diagnostic.next_item()
        if isinstance(question, NeedQuestion):
            self.diagnostic.declare(question.id, choice_id)
            self._show_next()

    def _show_result(self) -> None:
        self.item_page.drop_exercise()
        self.result = self.diagnostic.result()
        self.result_page.show_sheet(describe(self.result, self.content))
        self.pages.setCurrentWidget(self.result_page)
        self.finished.emit(self.result)

    def _finish(self) -> None:
        self.closed.emit()
        self._restart()
