"""The questions about the visitor's phone, after the exercises: the prompt with its picture and "Écouter",
one large button per choice, and "Passer". The page only says what was chosen (`declared`)."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from kiosk.diagnostic.schema import NeedChoice, NeedQuestion
from kiosk.diagnostic.views.base import Pictures, TileButton, clear_layout, passive
from kiosk.diagnostic.views.prompt import PromptRow
from kiosk.diagnostic.views.read_aloud import ReadAloud
from kiosk.shell import theme
from kiosk.shell.icons import Icons
from kiosk.shell.retranslate import Retranslating
from kiosk.shell.wizard_parts import big_button
from kiosk.shell.wizard_parts import wizard_label as label


class QuestionPage(Retranslating, QWidget):
    declared = Signal(object)  # the id of the choice made, or None: "Passer"

    def __init__(
        self, icons: Icons, pictures: Pictures, read_aloud: ReadAloud, parent: QWidget | None = None
    ):
        super().__init__(parent)
        self._pictures = pictures
        self.heading = label("", "DiagProgress")
        self.prompt_row = PromptRow(pictures, read_aloud, 128)
        self.listen_button = self.prompt_row.listen_button
        self.choices = QVBoxLayout()
        self.choices.setSpacing(16)
        self.skip_button = big_button(icons, "arrow-right", "", lambda: self.declared.emit(None))
        bottom = QHBoxLayout()
        bottom.addStretch()
        bottom.addWidget(self.skip_button)
        column = QVBoxLayout(self)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(20)
        column.addWidget(self.heading)
        column.addLayout(self.prompt_row)
        column.addLayout(self.choices)
        column.addStretch()
        column.addLayout(bottom)
        self.choice_buttons: dict[str, QPushButton] = {}
        self.retranslate()

    def retranslate(self) -> None:
        self.heading.setText(self.tr("Pour finir, quelques questions sur votre téléphone."))
        self.skip_button.setText(self.tr("Passer"))

    def show_question(self, question: NeedQuestion) -> None:
        self.prompt_row.show_prompt(question.prompt, question.picture)
        clear_layout(self.choices)
        self.choice_buttons = {}
        for choice in question.choices:
            button = self._choice_button(choice)
            button.clicked.connect(lambda _=False, c=choice.id: self.declared.emit(c))
            self.choices.addWidget(button)
            self.choice_buttons[choice.id] = button

    def _choice_button(self, choice: NeedChoice) -> QPushButton:
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
