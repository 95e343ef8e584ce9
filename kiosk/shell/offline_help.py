"""A service's contact card: how to reach it without its website (phone, hours, address, what to bring).

The browser shows it, with "Réessayer", when the website cannot be reached. Everything on it comes from the
shortcut's `offline_help` in shortcuts.yaml.
"""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtWidgets import QFrame, QGridLayout, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from kiosk.config import Shortcut
from kiosk.shell import theme
from kiosk.shell.icons import Icons
from kiosk.shell.retranslate import Retranslating


class OfflineHelpScreen(Retranslating, QWidget):
    homeRequested = Signal()
    retryRequested = Signal()

    def __init__(
        self, shortcut: Shortcut, icons: Icons, unreachable: bool = False, parent: QWidget | None = None
    ):
        super().__init__(parent)
        self.setObjectName("Page")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground)
        self.shortcut_id = shortcut.id
        self._shortcut = shortcut
        self._unreachable = unreachable

        picture = QLabel()
        picture.setPixmap(icons.pixmap(shortcut.icon, theme.BLUE, 64, self.devicePixelRatioF()))
        title = QLabel(shortcut.label)
        title.setObjectName("Title")
        self._description = description = QLabel()
        description.setObjectName("Subtitle")
        description.setWordWrap(True)
        heading = QHBoxLayout()
        heading.setSpacing(24)
        heading.addWidget(picture)
        words = QVBoxLayout()
        words.addWidget(title)
        words.addWidget(description)
        heading.addLayout(words, 1)

        card = QFrame()
        card.setObjectName("HelpCard")
        lines = QGridLayout(card)
        lines.setContentsMargins(32, 24, 32, 24)
        lines.setHorizontalSpacing(24)
        lines.setVerticalSpacing(16)
        self._intro = intro = QLabel()
        intro.setObjectName("HelpIntro")
        lines.addWidget(intro, 0, 0, 1, 3)
        help_ = shortcut.offline_help
        rows = [
            ("phone", help_.phone),
            ("clock", help_.hours),
            ("map-pin", help_.address),
            ("clipboard-list", help_.bring),
        ]
        self.facts: dict[str, str] = {}  # each fact by its name, as shown
        self._fact_names: list[tuple[QLabel, str, str]] = []  # a name's label, its icon, the fact
        for row, (icon_name, text) in enumerate((r for r in rows if r[1]), start=1):
            mark = QLabel()
            mark.setPixmap(icons.pixmap(icon_name, theme.BLUE, 40, self.devicePixelRatioF()))
            label = QLabel()
            label.setObjectName("HelpName")
            value = QLabel(text)
            value.setObjectName("HelpPhone" if icon_name == "phone" else "HelpValue")
            value.setWordWrap(True)
            value.setTextInteractionFlags(Qt.TextInteractionFlag.NoTextInteraction)
            lines.addWidget(mark, row, 0, Qt.AlignmentFlag.AlignTop)
            lines.addWidget(label, row, 1, Qt.AlignmentFlag.AlignTop)
            lines.addWidget(value, row, 2)
            self._fact_names.append((label, icon_name, text))
        lines.setColumnStretch(2, 1)

        back_icon = icons.icon("arrow-left", theme.BLUE, 32)
        self.back_button = QPushButton(back_icon, "")
        self.back_button.setIconSize(QSize(32, 32))
        self.back_button.setMinimumHeight(theme.MIN_TILE)
        self.back_button.clicked.connect(self.homeRequested)
        self.retry_button = QPushButton(icons.icon("rotate-cw", theme.WHITE, 32), "")
        self.retry_button.setProperty("role", "primary")
        self.retry_button.setIconSize(QSize(32, 32))
        self.retry_button.setMinimumHeight(theme.MIN_TILE)
        self.retry_button.clicked.connect(self.retryRequested)
        self.retry_button.setVisible(unreachable)
        buttons = QHBoxLayout()
        buttons.setSpacing(24)
        buttons.addWidget(self.back_button)
        buttons.addWidget(self.retry_button)
        buttons.addStretch()

        column = QVBoxLayout(self)
        column.setContentsMargins(48, 16, 48, 16)
        column.setSpacing(16)
        column.addLayout(heading)
        column.addWidget(card)
        column.addLayout(buttons)
        column.addStretch()
        self.retranslate()

    def retranslate(self) -> None:
        # When the site does not answer, that is what the visitor must read first, under the service's name.
        self._description.setText(
            self.tr("Le site ne répond pas pour le moment. La borne réessaie toute seule.")
            if self._unreachable
            else self._shortcut.description
        )
        self._intro.setText(self.tr("Pour joindre ce service :"))
        names = {
            "phone": self.tr("Téléphone"),
            "clock": self.tr("Horaires"),
            "map-pin": self.tr("Adresse"),
            "clipboard-list": self.tr("À préparer"),
        }
        self.facts = {}
        for label, icon_name, text in self._fact_names:
            label.setText(names[icon_name])
            self.facts[names[icon_name]] = text
        self.back_button.setText(self.tr("Retour à l'accueil"))
        self.retry_button.setText(self.tr("Réessayer"))
