"""The diagnostic's first page: what it is, how long it takes, that nothing is kept; "Commencer" and
"Écouter"."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QHBoxLayout, QVBoxLayout, QWidget

from kiosk.diagnostic.typography import french_spacing as said
from kiosk.diagnostic.views.read_aloud import ReadAloud
from kiosk.shell.icons import Icons
from kiosk.shell.retranslate import Retranslating
from kiosk.shell.wizard_parts import big_button
from kiosk.shell.wizard_parts import wizard_label as label


class WelcomePage(Retranslating, QWidget):
    started = Signal()  # "Commencer"

    def __init__(self, title: str, icons: Icons, read_aloud: ReadAloud, parent: QWidget | None = None):
        super().__init__(parent)
        self.texts: list[str] = []  # what the page says under its title, read aloud with it
        self._text_labels = [label("", "DiagText") for _ in range(4)]
        column = QVBoxLayout(self)
        column.setSpacing(20)
        column.addStretch()
        column.addWidget(label(title, "DiagTitle"))
        for text_label in self._text_labels:
            column.addWidget(text_label)
        column.addSpacing(16)
        self.start_button = big_button(icons, "arrow-right", "", lambda: self.started.emit(), primary=True)
        self.listen_button = read_aloud.button(lambda: " ".join([title, *self.texts]))
        row = QHBoxLayout()
        row.setSpacing(24)
        row.addWidget(self.start_button)
        row.addWidget(self.listen_button)
        row.addStretch()
        column.addLayout(row)
        column.addStretch(2)
        self.retranslate()

    def retranslate(self) -> None:
        self.texts = [
            self.tr("Quelques petits exercices pour voir ce que vous savez déjà faire."),
            self.tr("Cela prend 10 à 15 minutes."),
            self.tr("Ce n'est pas un examen. Vous pouvez passer un exercice."),
            self.tr("Rien n'est gardé : tout s'efface à la fin."),
        ]
        for text_label, text in zip(self._text_labels, self.texts, strict=True):
            text_label.setText(said(text))
        self.start_button.setText(self.tr("Commencer"))
