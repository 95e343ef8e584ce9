"""Full-window overlays: a shaded background with a large white card in the middle. Used for "Êtes-vous
toujours là ?" and for confirming the end of a session; never an operating-system dialog."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from kiosk.shell import theme
from kiosk.shell.retranslate import Retranslating

CARD_WIDTH = 860


class Overlay(QWidget):
    """Covers its parent (and follows its size) while shown; the card holds a title, text and buttons."""

    def __init__(self, parent: QWidget):
        super().__init__(parent)
        self.setObjectName("Overlay")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground)
        self.card = QFrame(self)
        self.card.setObjectName("OverlayCard")
        self.body = QVBoxLayout(self.card)
        self.body.setContentsMargins(48, 40, 48, 40)
        self.body.setSpacing(24)
        outer = QVBoxLayout(self)
        outer.addStretch()
        outer.addWidget(self.card, 0, Qt.AlignmentFlag.AlignHCenter)
        outer.addStretch()
        parent.installEventFilter(self)
        self.hide()

    def label(self, text: str, name: str) -> QLabel:
        label = QLabel(text)
        label.setObjectName(name)
        label.setWordWrap(True)
        label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.body.addWidget(label)
        return label

    def buttons(self, *buttons: QPushButton) -> None:
        row = QHBoxLayout()
        row.setSpacing(24)
        for button in buttons:
            button.setMinimumHeight(theme.MIN_TILE)
            row.addWidget(button)
        self.body.addLayout(row)

    def open(self) -> None:
        self._cover_parent()
        self.raise_()
        self.show()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.parentWidget() and event.type() == QEvent.Type.Resize:
            self._cover_parent()
        return False

    def _cover_parent(self) -> None:
        area = self.parentWidget().rect()
        self.setGeometry(area)
        # Wrapped text needs its width known to get its height: size the card from its width.
        width = max(0, min(CARD_WIDTH, area.width() - 2 * theme.MIN_CONTROL))
        height = self.body.heightForWidth(width)
        self.card.setFixedSize(width, height if height > 0 else self.card.sizeHint().height())


class IdleOverlay(Retranslating, Overlay):
    """ "Êtes-vous toujours là ?" with a countdown; `expired` at zero, `stillHere` on the button."""

    stillHere = Signal()
    expired = Signal()

    def __init__(self, parent: QWidget):
        super().__init__(parent)
        self.title = self.label("", "OverlayTitle")
        self.countdown = self.label("", "Countdown")
        self.text = self.label("", "OverlayText")
        self.here_button = QPushButton()
        self.here_button.setProperty("role", "primary")
        self.here_button.clicked.connect(self._still_here)
        self.buttons(self.here_button)
        self._remaining = 0
        self._tick = QTimer(self)
        self._tick.setInterval(1000)
        self._tick.timeout.connect(self._count_down)
        self.retranslate()

    def retranslate(self) -> None:
        self.title.setText(self.tr("Êtes-vous toujours là ?"))
        self.text.setText(
            self.tr("Sinon, la session va se terminer. Tout ce que vous avez ouvert sera effacé.")
        )
        self.here_button.setText(self.tr("Je suis là"))
        self._show_remaining()

    @property
    def remaining(self) -> int:
        return self._remaining

    def start(self, seconds: int) -> None:
        self._remaining = seconds
        self._show_remaining()
        self.open()
        self.here_button.setFocus()
        self._tick.start()

    def cancel(self) -> None:
        self._tick.stop()
        self.hide()

    def _still_here(self) -> None:
        self.cancel()
        self.stillHere.emit()

    def _count_down(self) -> None:
        self._remaining -= 1
        if self._remaining <= 0:
            self.cancel()
            self.expired.emit()
        else:
            self._show_remaining()

    def _show_remaining(self) -> None:
        n = self._remaining
        self.countdown.setText(self.tr("{n} secondes").format(n=n) if n > 1 else self.tr("1 seconde"))
        if self.isVisible():
            self._cover_parent()  # the card's height follows its words


class ConfirmEndOverlay(Retranslating, Overlay):
    """Asks before ending the session, naming what the visitor would lose (the diagnostic in progress, their
    documents, a print on its way…): a visitor may touch "Terminer ma session" by mistake."""

    confirmed = Signal()

    def __init__(self, parent: QWidget):
        super().__init__(parent)
        self._losses: Callable[[], Sequence[str]] = list
        self.title = self.label("", "OverlayTitle")
        self.losses = self.label("", "OverlayText")
        self.ready = self.label("", "OverlayText")
        self.stay_button = QPushButton()
        self.end_button = QPushButton()
        self.end_button.setProperty("role", "primary")
        self.stay_button.clicked.connect(self.hide)
        self.end_button.clicked.connect(self._confirm)
        self.buttons(self.stay_button, self.end_button)
        self.retranslate()

    def retranslate(self) -> None:
        self.title.setText(self.tr("Terminer votre session ?"))
        self.ready.setText(self.tr("La borne sera prête pour la personne suivante."))
        self.stay_button.setText(self.tr("Non, je continue"))
        self.end_button.setText(self.tr("Oui, terminer"))
        self._name_losses(self._losses())
        if self.isVisible():
            self._cover_parent()

    def ask(self, losses: Callable[[], Sequence[str]]) -> None:
        """Opens with what `losses()` names, short phrases ("le diagnostic en cours") each on its own line,
        in the current language (asked again when the language changes)."""
        self._losses = losses
        self._name_losses(losses())
        self.open()

    def _name_losses(self, losses: Sequence[str]) -> None:
        if losses:
            lines = [self.tr("Ceci sera effacé :"), *(f"• {loss}" for loss in losses)]
        else:
            lines = [self.tr("Tout ce que vous avez ouvert sera effacé.")]
        self.losses.setText("\n".join(lines))

    def open(self) -> None:
        super().open()
        self.stay_button.setFocus()

    def _confirm(self) -> None:
        self.hide()
        self.confirmed.emit()


class NoticeOverlay(Retranslating, Overlay):
    """A calm message over a screen (a refused site, an unsafe page), closed with one big "J'ai compris"."""

    def __init__(self, parent: QWidget):
        super().__init__(parent)
        self.title = self.label("", "OverlayTitle")
        self.text = self.label("", "OverlayText")
        self.ok_button = QPushButton()
        self.ok_button.setProperty("role", "primary")
        self.ok_button.clicked.connect(self.hide)
        self.buttons(self.ok_button)
        self._notice: Callable[[], tuple[str, str]] = lambda: ("", "")
        self.retranslate()

    def retranslate(self) -> None:
        self.ok_button.setText(self.tr("J'ai compris"))
        title, text = self._notice()
        self.title.setText(title)
        self.text.setText(text)
        if self.isVisible():
            self._cover_parent()

    def show_notice(self, notice: Callable[[], tuple[str, str]]) -> None:
        """Opens with the title and text `notice()` makes, in the current language (made again when the
        language changes)."""
        self._notice = notice
        self.retranslate()
        self.open()
        self.ok_button.setFocus()
