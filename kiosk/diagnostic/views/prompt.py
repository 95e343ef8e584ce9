"""A page's prompt row, as the item and question pages show it: the prompt's picture, its text, and
"Écouter" reading the text aloud."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QHBoxLayout, QLabel

from kiosk.diagnostic.views.base import Pictures
from kiosk.diagnostic.views.read_aloud import ReadAloud
from kiosk.shell.wizard_parts import wizard_label as label


class PromptRow(QHBoxLayout):
    """The picture is `picture_height` high, at the row's top or centred (`picture_at_top`); none: hidden."""

    def __init__(
        self,
        pictures: Pictures,
        read_aloud: ReadAloud,
        picture_height: int,
        picture_at_top: bool = False,
    ):
        super().__init__()
        self._pictures = pictures
        self._picture_height = picture_height
        self.setSpacing(20)
        self.picture = QLabel()
        self.picture.setFixedHeight(picture_height)
        self.prompt = label("", "DiagPrompt")
        self.listen_button = read_aloud.button(lambda: self.prompt.text())
        if picture_at_top:
            self.addWidget(self.picture, 0, Qt.AlignmentFlag.AlignTop)
        else:
            self.addWidget(self.picture)
        self.addWidget(self.prompt, 1)
        self.addWidget(self.listen_button, 0, Qt.AlignmentFlag.AlignTop)

    def show_prompt(self, text: str, picture: str) -> None:
        """`text`, with the content's picture named `picture` (an empty name: no picture)."""
        self.prompt.setText(text)
        if picture:
            scale = self.picture.devicePixelRatioF()
            self.picture.setPixmap(self._pictures.pixmap(picture, self._picture_height, scale))
            self.picture.show()
        else:
            self.picture.clear()
            self.picture.hide()
