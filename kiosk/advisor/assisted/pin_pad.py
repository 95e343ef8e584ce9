"""A large PIN pad: the digits 0 to 9 in big buttons, "Effacer" and "Valider", and a dot for each digit
typed (never the digits themselves). A keyboard works too: digits, Backspace, Enter. The digits live only
here until `submitted`; `clear()` forgets them."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QGridLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from kiosk.shell import theme
from kiosk.shell.retranslate import Retranslating

KEY_WIDTH = 128  # px
KEY_HEIGHT = 72  # px: above theme.MIN_TILE
MAX_DIGITS = 16
DOT = "\u25cf"  # ●


class PinPad(Retranslating, QWidget):
    submitted = Signal(str)  # the digits typed, on "Valider" or Enter
    typed = Signal()  # a digit added or taken away

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self._digits = ""
        self.dots = QLabel()
        self.dots.setObjectName("PinDots")
        self.dots.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.dots.setMinimumHeight(theme.MIN_TILE)
        self.keys: dict[str, QPushButton] = {}
        grid = QGridLayout()
        grid.setSpacing(12)
        for n, digit in enumerate("123456789"):
            grid.addWidget(self._key(digit), n // 3, n % 3)
        self.clear_button = self._button(self.clear)
        self.clear_button.setObjectName("PinAction")
        self.zero = self._key("0")
        self.submit_button = self._button(self._submit)
        self.submit_button.setObjectName("PinAction")
        self.submit_button.setProperty("role", "primary")
        grid.addWidget(self.clear_button, 3, 0)
        grid.addWidget(self.zero, 3, 1)
        grid.addWidget(self.submit_button, 3, 2)
        column = QVBoxLayout(self)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(16)
        column.addWidget(self.dots)
        column.addLayout(grid)
        self._show()
        self.retranslate()

    def retranslate(self) -> None:
        self.clear_button.setText(self.tr("Effacer"))
        self.submit_button.setText(self.tr("Valider"))
        self.dots.setAccessibleName(self.tr("Chiffres tapés : {n}").format(n=len(self._digits)))

    @property
    def digit_count(self) -> int:
        return len(self._digits)

    def clear(self) -> None:
        self._digits = ""
        self._show()

    def press(self, digit: str) -> None:
        if len(self._digits) < MAX_DIGITS:
            self._digits += digit
            self._show()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key = event.key()
        if event.text().isdigit() and event.text().isascii():
            self.press(event.text())
        elif key == Qt.Key.Key_Backspace:
            self._digits = self._digits[:-1]
            self._show()
        elif key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self._submit()
        else:
            super().keyPressEvent(event)

    def _submit(self) -> None:
        digits, self._digits = self._digits, ""
        self._show()
        if digits:
            self.submitted.emit(digits)

    def _show(self) -> None:
        self.dots.setText(" ".join(DOT * len(self._digits)) or " ")
        self.submit_button.setEnabled(bool(self._digits))
        self.dots.setAccessibleName(self.tr("Chiffres tapés : {n}").format(n=len(self._digits)))
        self.typed.emit()

    def _key(self, digit: str) -> QPushButton:
        button = self._button(lambda: self.press(digit))
        button.setObjectName("PinKey")
        button.setText(digit)
        button.setAccessibleName(digit)
        self.keys[digit] = button
        return button

    def _button(self, action) -> QPushButton:
        button = QPushButton()
        button.setMinimumSize(KEY_WIDTH, KEY_HEIGHT)
        button.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # the pad keeps the focus: the keyboard types on
        button.clicked.connect(lambda _=False: action())
        return button
