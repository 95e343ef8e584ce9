"""Home-screen tiles. `Tile`: a public service, a large button with an icon, a name and one line saying what
it is for; while the service cannot be reached, a "Hors ligne" mark takes the place of that line (the name
stays whole). `ServiceTile`: one of the kiosk's own services (scan, print…), its icon above its name, so
that several fit side by side below the shortcuts."""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QSizePolicy, QVBoxLayout, QWidget

from kiosk.shell import theme
from kiosk.shell.icons import Icons
from kiosk.shell.retranslate import Retranslating

SERVICE_ICON = 36


class _TileButton(QPushButton):
    """What every home tile is: a wide button named for screen readers, standing for one item."""

    def __init__(self, item_id: str, label: str, description: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.item_id = item_id
        self.setObjectName(type(self).__name__)
        self.setAccessibleName(label)
        self.setAccessibleDescription(description)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.setCursor(Qt.CursorShape.PointingHandCursor)


class Tile(Retranslating, _TileButton):
    def __init__(
        self,
        item_id: str,
        label: str,
        description: str,
        icon_name: str,
        icons: Icons,
        parent: QWidget | None = None,
    ):
        super().__init__(item_id, label, description, parent)
        picture = QLabel()
        picture.setPixmap(icons.pixmap(icon_name, theme.BLUE, theme.ICON, self.devicePixelRatioF()))
        name = QLabel(label)
        name.setObjectName("TileLabel")
        name.setWordWrap(True)  # a long name takes two lines rather than being cut
        self._line = QLabel(description)
        self._line.setObjectName("TileDescription")
        self._line.setWordWrap(True)
        self._description = description
        self._icons = icons
        self._offline = False
        self.offline_mark: QWidget | None = None  # made on first need: most tiles never show it
        self._offline_text: QLabel | None = None
        self._height = theme.HOME_TILE_HEIGHT

        self._words = words = QVBoxLayout()
        words.setSpacing(2)
        words.addStretch()
        words.addWidget(name)
        words.addWidget(self._line)
        words.addStretch()
        row = QHBoxLayout(self)
        row.setContentsMargins(16, 6, 12, 6)
        row.setSpacing(16)
        row.addWidget(picture)
        row.addLayout(words, 1)
        for child in (picture, name, self._line):
            child.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        self.retranslate()

    def retranslate(self) -> None:
        if self._offline_text is not None:
            self._offline_text.setText(self.tr("Hors ligne"))
        prefix = self.tr("Hors ligne.") + " " if self._offline else ""
        self.setAccessibleDescription(prefix + self._description)

    def set_height(self, height: int) -> None:
        """The height the home gives it, its row's: through the size hint, which no stylesheet overrides."""
        self._height = height
        self.updateGeometry()

    def needed_height(self, width: int) -> int:
        """How high its words need it to be at this width."""
        return self.layout().totalHeightForWidth(width)

    def sizeHint(self) -> QSize:
        return QSize(super().sizeHint().width(), self._height)

    def hasHeightForWidth(self) -> bool:
        return False  # its height is its row's, set by the home

    def set_offline(self, offline: bool) -> None:
        self._offline = offline
        if offline and self.offline_mark is None:
            self._offline_text = QLabel()
            self.offline_mark = _offline_mark(self._icons, self._offline_text)
            self.offline_mark.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
            self._words.insertWidget(3, self.offline_mark, 0, Qt.AlignmentFlag.AlignLeft)
        if self.offline_mark is not None:
            self.offline_mark.setVisible(offline)
        self._line.setVisible(not offline)
        self.retranslate()


def _offline_mark(icons: Icons, text: QLabel) -> QWidget:
    mark = QWidget()
    mark.setObjectName("OfflineMark")
    mark.setAttribute(Qt.WidgetAttribute.WA_StyledBackground)
    picture = QLabel()
    picture.setPixmap(icons.pixmap("wifi-off", theme.WHITE, 20, mark.devicePixelRatioF()))
    row = QHBoxLayout(mark)
    row.setContentsMargins(8, 2, 10, 2)
    row.setSpacing(6)
    row.addWidget(picture)
    row.addWidget(text)
    return mark


class ServiceTile(_TileButton):
    def __init__(
        self,
        item_id: str,
        label: str,
        description: str,
        icon_name: str,
        icons: Icons,
        parent: QWidget | None = None,
    ):
        super().__init__(item_id, label, description, parent)
        picture = QLabel()
        picture.setPixmap(icons.pixmap(icon_name, theme.BLUE, SERVICE_ICON, self.devicePixelRatioF()))
        picture.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self._name = name = QLabel(label)
        name.setObjectName("TileLabel")
        name.setAlignment(Qt.AlignmentFlag.AlignCenter)
        column = QVBoxLayout(self)
        column.setContentsMargins(8, 8, 8, 6)
        column.setSpacing(2)
        column.addWidget(picture)
        column.addWidget(name)
        for child in (picture, name):
            child.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)

    def set_texts(self, label: str, description: str) -> None:
        """Its name and description, in the language the home shows them in."""
        self._name.setText(label)
        self.setAccessibleName(label)
        self.setAccessibleDescription(description)
