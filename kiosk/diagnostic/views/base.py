"""What every exercise widget shares: the item it shows, the `answered(correct)` signal emitted once per try,
the content's pictures drawn at any size, and small helpers to build large, plain controls.

A widget only judges a try (with the item's data and `kiosk.diagnostic.checks`); hints, outcomes and the next
item belong to the screen around it. A widget with a "Valider" button names it `validate_button`: on its own
the widget shows it, and the screen moves it to its bottom row, beside "Passer", so that the exercise keeps
the room. Nothing here keeps anything beyond the widget's own life."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QByteArray, QRectF, QSize, Qt, Signal
from PySide6.QtGui import QColor, QPixmap
from PySide6.QtWidgets import QLabel, QLayout, QPushButton, QSizePolicy, QWidget

from kiosk.diagnostic.loader import picture_path
from kiosk.shell import theme
from kiosk.shell.icons import Icons
from kiosk.shell.wizard_parts import button_icon

# The colours a prompt may name ("le rond vert"), dark enough for white text and clear on the page.
TARGET_COLOURS = {
    "vert": "#18753C",
    "bleu": "#000091",
    "rouge": "#B0001A",
    "orange": "#B34000",
    "gris": "#5A5A5A",
    "noir": "#161616",
}


class Pictures:
    """Draws the content's SVG pictures (`kiosk/assets/diagnostic/pictures/NAME.svg`); caches each size."""

    def __init__(self, folder: Path | None = None):
        self._folder = folder
        self._cache: dict[tuple[str, int], QPixmap] = {}

    def pixmap(self, name: str, size: int, scale: float = 1.0) -> QPixmap:
        pixels = max(1, round(size * scale))
        key = (name, pixels)
        if key not in self._cache:
            from PySide6.QtGui import QPainter
            from PySide6.QtSvg import QSvgRenderer

            path = picture_path(name, self._folder)
            renderer = QSvgRenderer(QByteArray(path.read_bytes())) if path.is_file() else None
            width = pixels
            if renderer is not None and renderer.isValid() and renderer.defaultSize().height() > 0:
                ratio = renderer.defaultSize().width() / renderer.defaultSize().height()
                width = max(1, round(pixels * ratio))  # `size` is the height: wide pictures stay wide
            pixmap = QPixmap(width, pixels)
            pixmap.fill(Qt.GlobalColor.transparent)
            if renderer is not None:
                painter = QPainter(pixmap)
                renderer.render(painter, QRectF(0, 0, width, pixels))
                painter.end()
            self._cache[key] = pixmap
        pixmap = QPixmap(self._cache[key])
        pixmap.setDevicePixelRatio(scale)
        return pixmap


class Exercise(QWidget):
    """The base of every exercise widget. `answered(True)` ends the item; `answered(False)` is a wrong try."""

    answered = Signal(bool)
    validate_button: QPushButton | None = None

    def __init__(self, item, pictures: Pictures, icons: Icons, parent: QWidget | None = None):
        super().__init__(parent)
        self.item = item
        self.pictures = pictures
        self.icons = icons
        self.setObjectName("Exercise")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)

    def _try(self, right: bool) -> None:
        self.answered.emit(right)

    def button(self, text: str, icon: str = "", primary: bool = False) -> QPushButton:
        """A large button (at least MIN_TILE high) with an optional Lucide icon."""
        button = QPushButton(text)
        if icon:
            button.setIcon(button_icon(self.icons, icon, primary))
            button.setIconSize(QSize(32, 32))
        if primary:
            button.setProperty("role", "primary")
        button.setMinimumHeight(theme.MIN_TILE)
        return button

    def picture_label(self, name: str, size: int) -> QLabel:
        label = QLabel()
        label.setPixmap(self.pictures.pixmap(name, size, self.devicePixelRatioF()))
        label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        label.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        return label


def passive(widget: QWidget) -> QWidget:
    """Lets clicks go through to the button that holds the widget."""
    widget.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
    return widget


def clear_layout(layout: QLayout) -> None:
    """Empties `layout`: its widgets leave the screen now and are deleted later; inner layouts too."""
    while (child := layout.takeAt(0)) is not None:
        if child.widget() is not None:
            child.widget().hide()
            child.widget().deleteLater()
        elif child.layout() is not None:
            clear_layout(child.layout())


def colour(name: str) -> QColor:
    return QColor(TARGET_COLOURS.get(name, theme.BLUE))


class TileButton(QPushButton):
    """A button holding a layout of labels: as large as its content needs."""

    def sizeHint(self) -> QSize:
        return (
            self.layout().sizeHint().expandedTo(super().sizeHint()) if self.layout() else super().sizeHint()
        )

    def minimumSizeHint(self) -> QSize:
        return self.sizeHint() if self.layout() else super().minimumSizeHint()
