"""The help-call screen. It shows what it is told (`Shown`) and says by signal what the visitor touched:

- "ask": the topic chips (optional) and "Appeler";
- "ask_counter": nobody is on duty now, or the site has no hub: the next permanence, and "Prendre un
  numéro" for the counter;
- "call": the visitor's ticket and the call's state in plain words ("Un conseiller a vu votre demande"),
  with "Annuler ma demande"; while the hub cannot be reached, the counter fallback with the same ticket;
- "counter": the ticket to show at the counter (or, without one, the counter itself), the next permanence;
- "ended": the call is over (done, or cancelled).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Literal

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QLocale, Signal
from PySide6.QtWidgets import QButtonGroup, QHBoxLayout, QStackedWidget, QVBoxLayout, QWidget

from kiosk.advisor.call_states import TOPICS
from kiosk.advisor.schedule import Upcoming
from kiosk.advisor.tickets import PARIS
from kiosk.shell.icons import Icons
from kiosk.shell.retranslate import Retranslating
from kiosk.shell.wizard_parts import big_button, button_row, centred, choice_button, wizard_label

Kind = Literal["ask", "ask_counter", "call", "counter", "ended"]

TOPIC_WORDS = {  # the chips, in the order of call_states.TOPICS
    "demarche": QT_TRANSLATE_NOOP("CallScreen", "Une démarche"),
    "imprimer": QT_TRANSLATE_NOOP("CallScreen", "Imprimer ou scanner"),
    "compte": QT_TRANSLATE_NOOP("CallScreen", "Mon compte ou mot de passe"),
    "emploi": QT_TRANSLATE_NOOP("CallScreen", "L'emploi"),
    "autre": QT_TRANSLATE_NOOP("CallScreen", "Autre"),
}


@dataclass(frozen=True)
class Shown:
    kind: Kind
    ticket: str | None = None
    state: str = "new"
    reachable: bool | None = None  # the courier's last try: None before any answer
    next_slot: Upcoming | None = None
    has_hub: bool = True
    now: float = 0.0  # when it is shown: the next permanence is "aujourd'hui", "demain" or a date


def _tr(text: str) -> str:
    return QCoreApplication.translate("CallScreen", text)


def state_words(state: str, reachable: bool | None) -> tuple[str, str]:
    """(the state, what comes next), in the current language."""
    if state == "new":
        if reachable is False:
            return QCoreApplication.translate(
                "CallScreen", "Votre demande n'est pas encore partie."
            ), QCoreApplication.translate("CallScreen", "Nous réessayons sans arrêt.")
        return QCoreApplication.translate(
            "CallScreen", "Nous envoyons votre demande."
        ), QCoreApplication.translate("CallScreen", "Cela prend quelques secondes.")
    if state == "seen":
        return QCoreApplication.translate(
            "CallScreen", "Un conseiller a vu votre demande."
        ), QCoreApplication.translate("CallScreen", "Il vient dès qu'il peut.")
    if state == "coming":
        return QCoreApplication.translate("CallScreen", "Un conseiller arrive."), QCoreApplication.translate(
            "CallScreen", "Restez près de la borne."
        )
    return QCoreApplication.translate("CallScreen", "Votre demande est envoyée."), QCoreApplication.translate(
        "CallScreen", "Un conseiller va la voir."
    )


def permanence_words(upcoming: Upcoming, now: float) -> str:
    """ "Prochaine permanence : demain, de 9 h à 12 h." and where, when not here."""
    day, today = upcoming.starts.date(), datetime.fromtimestamp(now, PARIS).date()
    if day == today:
        when = QCoreApplication.translate("CallScreen", "aujourd'hui")
    elif day == today + timedelta(days=1):
        when = QCoreApplication.translate("CallScreen", "demain")
    else:
        when = QLocale(QLocale().language()).toString(day, "dddd d MMMM")
    text = QCoreApplication.translate(
        "CallScreen", "Prochaine permanence : {when}, de {start} à {end}."
    ).format(when=when, start=_hour(upcoming.slot.start), end=_hour(upcoming.slot.end))
    if upcoming.slot.place:
        text += " " + QCoreApplication.translate("CallScreen", "Lieu : {place}.").format(
            place=upcoming.slot.place
        )
    return text


def _hour(clock: str) -> str:
    hours, minutes = (int(part) for part in clock.split(":"))
    if minutes == 0:
        return QCoreApplication.translate("CallScreen", "{hours} h").format(hours=hours)
    return QCoreApplication.translate("CallScreen", "{hours} h {minutes:02d}").format(
        hours=hours, minutes=minutes
    )


class CallScreen(Retranslating, QWidget):
    callRequested = Signal(object)  # the topic chosen, or None
    counterRequested = Signal()  # "Prendre un numéro"
    cancelRequested = Signal()  # "Annuler ma demande"
    backRequested = Signal()  # back to what the visitor was doing

    def __init__(self, icons: Icons, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("Page")
        self._shown = Shown("ask")
        self.pages = QStackedWidget()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(32, 16, 32, 16)
        layout.addWidget(self.pages)

        ask = QWidget()
        self.ask_title = wizard_label("", "WizardTitle")
        self.ask_text = wizard_label("", "WizardText")
        self.ask_hint = wizard_label("", "WizardLabel")
        self.ask_more = wizard_label("", "WizardText")
        self.chips = QButtonGroup(self)
        self.chips.setExclusive(False)  # none is a choice too: touching the chosen one again clears it
        self.chip_buttons = {}
        chip_rows = QVBoxLayout()
        chip_rows.setSpacing(16)
        rows = (TOPICS[0:2], TOPICS[2:4], TOPICS[4:])  # two a row: the longest words fit a 1024 px screen
        for topics in rows:
            row = QHBoxLayout()
            row.setSpacing(16)
            for topic in topics:
                button = choice_button("")
                button.setObjectName("TopicChip")
                self.chips.addButton(button)
                self.chip_buttons[topic] = button
                button.toggled.connect(lambda on, t=topic: on and self._only(t))
                row.addWidget(button)
            chip_rows.addLayout(row)
        self.ask_back = big_button(icons, "arrow-left", "", self.backRequested.emit)
        self.call_button = big_button(icons, "hand-helping", "", self._call, primary=True)
        self.counter_button = big_button(icons, "receipt-euro", "", self.counterRequested.emit, primary=True)
        centred(
            ask,
            self.ask_title,
            self.ask_text,
            self.ask_hint,
            self.ask_more,
            chip_rows,
            button_row(self.ask_back, None, self.counter_button, self.call_button),
        )
        self.pages.addWidget(ask)

        follow = QWidget()
        self.follow_intro = wizard_label("", "WizardText")
        self.ticket = wizard_label("", "CallTicket")
        self.state_label = wizard_label("", "WizardTitle")
        self.next_label = wizard_label("", "WizardText")
        self.fallback = wizard_label("", "WizardWarning")
        self.permanence = wizard_label("", "WizardText")
        self.cancel_button = big_button(icons, "x", "", self.cancelRequested.emit)
        self.back_button = big_button(icons, "arrow-left", "", self.backRequested.emit, primary=True)
        centred(
            follow,
            self.follow_intro,
            self.ticket,
            self.state_label,
            self.next_label,
            self.fallback,
            self.permanence,
            button_row(self.cancel_button, None, self.back_button),
        )
        self.pages.addWidget(follow)
        self.retranslate()

    def _only(self, topic: str) -> None:
        for other, button in self.chip_buttons.items():
            if other != topic and button.isChecked():
                button.setChecked(False)

    def _call(self) -> None:
        chosen = [topic for topic, button in self.chip_buttons.items() if button.isChecked()]
        self.callRequested.emit(chosen[0] if chosen else None)

    @property
    def shown(self) -> Shown:
        return self._shown

    def show_state(self, shown: Shown) -> None:
        if shown.kind in ("ask", "ask_counter") and self._shown.kind not in ("ask", "ask_counter"):
            for button in self.chip_buttons.values():
                button.setChecked(False)
        self._shown = shown
        self.retranslate()

    def retranslate(self) -> None:
        shown = self._shown
        self.setWindowTitle(self.tr("Appeler un conseiller"))
        self.ask_title.setText(self.tr("Appeler un conseiller"))
        self.ask_back.setText(self.tr("Revenir à ma démarche"))
        self.call_button.setText(self.tr("Appeler"))
        self.counter_button.setText(self.tr("Prendre un numéro"))
        for topic, button in self.chip_buttons.items():
            button.setText(_tr(TOPIC_WORDS[topic]))
        self.cancel_button.setText(self.tr("Annuler ma demande"))
        self.back_button.setText(self.tr("Continuer ma démarche"))
        permanence = permanence_words(shown.next_slot, shown.now) if shown.next_slot else ""
        self.permanence.setText(permanence)
        self.permanence.setVisible(bool(permanence))

        asking = shown.kind in ("ask", "ask_counter")
        self.pages.setCurrentIndex(0 if asking else 1)
        if asking:
            calling = shown.kind == "ask"
            if calling:
                self.ask_text.setText(self.tr("Un conseiller peut venir vous aider ici."))
                self.ask_hint.setText(self.tr("Pour quoi ? Vous pouvez aussi ne rien choisir."))
            else:
                self.ask_text.setText(
                    self.tr("Aucun conseiller n'est là en ce moment.")
                    if shown.has_hub
                    else self.tr("Cette borne ne peut pas appeler un conseiller.")
                )
                self.ask_hint.setText(permanence)
            self.ask_hint.setVisible(bool(self.ask_hint.text()))
            self.ask_more.setText(
                "" if calling else self.tr("Le guichet de la poste peut vous aider. Prenez un numéro.")
            )
            self.ask_more.setVisible(not calling)
            for button in self.chip_buttons.values():
                button.setVisible(calling)
            self.call_button.setVisible(calling)
            self.counter_button.setVisible(not calling)
            return

        self.follow_intro.setText(self.tr("Votre numéro :") if shown.ticket else "")
        self.follow_intro.setVisible(bool(shown.ticket))
        self.ticket.setText(shown.ticket or "")
        self.ticket.setVisible(bool(shown.ticket))
        self.cancel_button.setVisible(shown.kind == "call")
        self.back_button.setText(
            self.tr("Continuer ma démarche") if shown.kind == "call" else self.tr("Revenir à ma démarche")
        )
        fallback = ""
        if shown.kind == "call":
            state, then = state_words(shown.state, shown.reachable)
            if shown.reachable is False and shown.ticket:
                fallback = self.tr(
                    "Le serveur ne répond pas. Montrez ce numéro au guichet : {ticket}."
                ).format(ticket=shown.ticket)
        elif shown.kind == "counter":
            if shown.ticket:
                state = self.tr("Montrez ce numéro au guichet.")
                then = self.tr("Un agent de la poste vous aidera.")
            else:
                state = self.tr("Allez au guichet de la poste.")
                then = self.tr("Un agent vous aidera.")
        elif shown.state == "done":
            state, then = self.tr("Votre demande est terminée."), self.tr("Merci de votre visite.")
        else:
            state, then = self.tr("Votre demande est annulée."), self.tr("Vous pouvez appeler à nouveau.")
        self.state_label.setText(state)
        self.next_label.setText(then)
        self.fallback.setText(fallback)
        self.fallback.setVisible(bool(fallback))
        self.permanence.setVisible(
            bool(permanence)
            and shown.kind in ("counter", "call")
            and (shown.kind == "counter" or shown.reachable is False)
        )
