"""A simulated mailbox, all inside the kiosk: the list of messages on the left, the message opened on the
right (its sender with Répondre, its text, its attachments), and a short reply with Envoyer.

A click on another message, sender or attachment than the goal's is a wrong try; opening the goal's message
on the way is free. For `reply`: Répondre on the goal's message, write anything, then Envoyer."""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QScrollArea,
    QScroller,
    QVBoxLayout,
    QWidget,
)

from kiosk.diagnostic.items import MailboxItem, Message
from kiosk.diagnostic.views.base import Exercise, TileButton, passive
from kiosk.shell import theme
from kiosk.shell.retranslate import Retranslating
from kiosk.shell.wizard_parts import wizard_label as label


class MailboxExercise(Retranslating, Exercise):
    item: MailboxItem

    def __init__(self, item, pictures, icons, parent: QWidget | None = None):
        super().__init__(item, pictures, icons, parent)
        self._messages = {m.id: m for m in item.messages}
        self._done = False
        self.opened: Message | None = None
        self.rows: dict[str, QPushButton] = {}
        self.sender_button: QPushButton | None = None
        self.attachment_buttons: dict[str, QPushButton] = {}
        self.reply_button: QPushButton | None = None
        self.reply_edit: QLineEdit | None = None
        self.send_button: QPushButton | None = None
        self._placeholder: QLabel | None = None  # the reading pane's words, while they show
        self._from_label: QLabel | None = None
        self._reply_title: QLabel | None = None
        self._replying_to: Message | None = None

        window = QFrame()
        window.setObjectName("SimWindow")
        listing = QWidget()
        listing.setObjectName("MailList")
        list_column = QVBoxLayout(listing)
        list_column.setContentsMargins(8, 8, 8, 8)
        list_column.setSpacing(8)
        self._heading = label("", "MailHeading")
        list_column.addWidget(self._heading)
        for message in item.messages:
            row = self._row(message)
            list_column.addWidget(row)
            self.rows[message.id] = row
        list_column.addStretch()
        self.reading = QWidget()
        self.reading.setObjectName("SimPage")
        self.reading_layout = QVBoxLayout(self.reading)
        self.reading_layout.setContentsMargins(24, 16, 24, 16)
        self.reading_layout.setSpacing(12)
        reading_area = QScrollArea()
        reading_area.setObjectName("SimScroll")
        reading_area.setWidget(self.reading)
        reading_area.setWidgetResizable(True)
        reading_area.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        QScroller.grabGesture(reading_area.viewport(), QScroller.ScrollerGestureType.TouchGesture)
        row = QHBoxLayout(window)
        row.setContentsMargins(0, 0, 0, 0)
        row.setSpacing(0)
        row.addWidget(listing, 2)
        row.addWidget(reading_area, 3)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(window)
        self._clear_reading()
        self._placeholder = label("", "MailPlaceholder")
        self.reading_layout.addWidget(self._placeholder)
        self.reading_layout.addStretch()
        self.retranslate()

    def retranslate(self) -> None:
        """The mail program's own words; the messages are the content's."""
        self._heading.setText(self.tr("Boîte de réception"))
        if self._placeholder is not None:
            self._placeholder.setText(self.tr("Touchez un message pour le lire."))
        if self.reply_button is not None:
            self.reply_button.setText(self.tr("Répondre"))
        if self._from_label is not None:
            self._from_label.setText(self.tr("De :"))
        if self._replying_to is not None:
            self._reply_title.setText(
                self.tr("Votre réponse à {name}").format(name=self._replying_to.sender_name)
            )
            self.reply_edit.setPlaceholderText(self.tr("Écrivez ici"))
            self.send_button.setText(self.tr("Envoyer"))

    def _row(self, message: Message) -> QPushButton:
        row = TileButton()
        row.setObjectName("MailRow")
        row.setCheckable(True)
        row.setAutoExclusive(True)
        row.setProperty("unread", message.unread)
        row.setMinimumHeight(theme.TILE_HEIGHT)
        top = QHBoxLayout()
        top.addWidget(passive(label(message.sender_name, "MailSenderName")), 1)
        top.addWidget(passive(label(message.date, "MailDate", wrap=False)))
        column = QVBoxLayout(row)
        column.setContentsMargins(16, 10, 16, 10)
        column.setSpacing(4)
        column.addLayout(top)
        column.addWidget(passive(label(message.subject, "MailSubject")))
        row.clicked.connect(lambda _=False, m=message: self._on_row(m))
        return row

    # --- what the visitor does -----------------------------------------------------------------------------

    def _on_row(self, message: Message) -> None:
        if self._done:
            return
        goal = self.item.goal
        self._open(message)
        if message.id != goal.message:
            self._try(False)
        elif goal.action == "open":
            self._finish()

    def _on_sender(self, message: Message) -> None:
        if self._done:
            return
        goal = self.item.goal
        if goal.action == "sender" and message.id == goal.message:
            self._finish()
        else:
            self._try(False)

    def _on_attachment(self, message: Message, attachment_id: str) -> None:
        if self._done:
            return
        goal = self.item.goal
        if (
            goal.action == "open_attachment"
            and message.id == goal.message
            and attachment_id == goal.attachment
        ):
            self._finish()
        else:
            self._try(False)

    def _on_reply(self, message: Message) -> None:
        if self._done:
            return
        goal = self.item.goal
        if goal.action == "reply" and message.id == goal.message:
            self._compose(message)
        else:
            self._try(False)

    def _on_send(self) -> None:
        if not self._done and self.reply_edit is not None and self.reply_edit.text().strip():
            self._finish()

    def _finish(self) -> None:
        self._done = True
        self._try(True)

    # --- the reading pane ----------------------------------------------------------------------------------

    def _clear_reading(self) -> None:
        while (child := self.reading_layout.takeAt(0)) is not None:
            if child.widget() is not None:
                child.widget().hide()  # gone from the screen now, deleted later
                child.widget().deleteLater()
            elif child.layout() is not None:
                _drop_layout(child.layout())
        self.sender_button = self.reply_button = self.reply_edit = self.send_button = None
        self._placeholder = self._from_label = self._reply_title = self._replying_to = None
        self.attachment_buttons = {}

    def _open(self, message: Message) -> None:
        self.opened = message
        self.rows[message.id].setChecked(True)
        self.rows[message.id].setProperty("unread", False)
        _repolish(self.rows[message.id])
        self._clear_reading()
        add = self.reading_layout.addWidget
        self.reply_button = QPushButton(self.icons.icon("arrow-left", theme.BLUE, 32), "")
        self.reply_button.setIconSize(QSize(32, 32))
        self.reply_button.setMinimumHeight(theme.MIN_TILE)
        self.reply_button.clicked.connect(lambda _=False, m=message: self._on_reply(m))
        title_row = QHBoxLayout()  # Répondre at the top of the message, as in most mail programs
        title_row.setSpacing(16)
        title_row.addWidget(label(message.subject, "MailTitle"), 1)
        title_row.addWidget(self.reply_button, 0, Qt.AlignmentFlag.AlignTop)
        self.reading_layout.addLayout(title_row)
        sender_row = QHBoxLayout()
        self._from_label = label("", "MailField", wrap=False)
        sender_row.addWidget(self._from_label)
        self.sender_button = QPushButton(message.sender_name)
        self.sender_button.setObjectName("MailSender")
        self.sender_button.setMinimumHeight(theme.MIN_CONTROL)
        self.sender_button.clicked.connect(lambda _=False, m=message: self._on_sender(m))
        sender_row.addWidget(self.sender_button)
        sender_row.addStretch()
        if message.date:
            sender_row.addWidget(label(message.date, "MailDate", wrap=False))
        self.reading_layout.addLayout(sender_row)
        add(label(message.sender_address, "MailDate"))
        add(label(message.body, "SimText"))
        for attachment in message.attachments:
            button = QPushButton(self.icons.icon("file-text", theme.BLUE, 32), attachment.name)
            button.setObjectName("MailAttachment")
            button.setIconSize(QSize(32, 32))
            button.setMinimumHeight(theme.MIN_TILE)
            button.clicked.connect(lambda _=False, m=message, a=attachment.id: self._on_attachment(m, a))
            add(button, 0, Qt.AlignmentFlag.AlignLeft)
            self.attachment_buttons[attachment.id] = button
        self.reading_layout.addStretch()
        self.retranslate()

    def _compose(self, message: Message) -> None:
        self._clear_reading()
        add = self.reading_layout.addWidget
        self._replying_to = message
        self._reply_title = label("", "MailTitle")
        add(self._reply_title)
        self.reply_edit = QLineEdit()
        self.reply_edit.setObjectName("ExerciseField")
        self.reply_edit.setMinimumHeight(theme.MIN_TILE)
        add(self.reply_edit)
        self.send_button = QPushButton(self.icons.icon("mail", theme.WHITE, 32), "")
        self.send_button.setProperty("role", "primary")
        self.send_button.setIconSize(QSize(32, 32))
        self.send_button.setMinimumHeight(theme.MIN_TILE)
        self.send_button.setEnabled(False)
        self.reply_edit.textChanged.connect(lambda text: self.send_button.setEnabled(bool(text.strip())))
        self.reply_edit.returnPressed.connect(self._on_send)
        self.send_button.clicked.connect(self._on_send)
        add(self.send_button, 0, Qt.AlignmentFlag.AlignLeft)
        self.reading_layout.addStretch()
        self.retranslate()
        self.reply_edit.setFocus()


def _repolish(widget: QWidget) -> None:
    widget.style().unpolish(widget)
    widget.style().polish(widget)
    for child in widget.findChildren(QLabel):
        child.style().unpolish(child)
        child.style().polish(child)


def _drop_layout(layout) -> None:
    while (child := layout.takeAt(0)) is not None:
        if child.widget() is not None:
            child.widget().hide()  # gone from the screen now, deleted later
            child.widget().deleteLater()
        elif child.layout() is not None:
            _drop_layout(child.layout())
