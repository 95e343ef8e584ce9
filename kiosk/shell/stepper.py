"""A number a visitor sets with two big buttons, "−" and "+", around it: no keyboard, no tiny arrows."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QWidget

from kiosk.shell import theme
from kiosk.shell.retranslate import Retranslating


class Stepper(Retranslating, QWidget):
    valueChanged = Signal(int)

    def __init__(self, minimum: int, maximum: int, value: int, name: str, parent: QWidget | None = None):
        super().__init__(parent)
        self._minimum, self._maximum, self._value = minimum, maximum, value
        self.less_button = QPushButton("−")
        self.more_button = QPushButton("+")
        self._name = name
        self.label = QLabel()
        self.label.setObjectName("StepperValue")
        self.label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.label.setMinimumWidth(72)
        for button, step in ((self.less_button, -1), (self.more_button, +1)):
            button.setObjectName("StepperButton")
            button.setFixedSize(theme.MIN_TILE, theme.MIN_TILE)
            button.setAutoRepeat(True)  # held down, it keeps counting
            button.clicked.connect(lambda _=False, s=step: self.setValue(self._value + s))
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.setSpacing(8)
        row.addWidget(self.less_button)
        row.addWidget(self.label)
        row.addWidget(self.more_button)
        self._show()
        self.retranslate()

    def retranslate(self) -> None:
        self.less_button.setAccessibleName(self.tr("Moins") + " — " + self._name)
        self.more_button.setAccessibleName(self.tr("Plus") + " — " + self._name)

    def set_name(self, name: str) -> None:
        """What it counts, for screen readers ("Nombre d'exemplaires"), in the current language."""
        self._name = name
        self.retranslate()

    def value(self) -> int:
        return self._value

    def setValue(self, value: int) -> None:
        value = max(self._minimum, min(self._maximum, value))
        changed = value != self._value
        self._value = value
        self._show()
        if changed:
            self.valueChanged.emit(value)

    def setRange(self, minimum: int, maximum: int) -> None:
        self._minimum, self._maximum = minimum, max(minimum, maximum)
        self.setValue(self._value)
        self._show()

    def _show(self) -> None:
        self.label.setText(str(self._value))
        self.less_button.setEnabled(self._value > self._minimum)
        self.more_button.setEnabled(self._value < self._maximum)
