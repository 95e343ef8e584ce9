"""Tools' page "Demandes d'aide": this site's open help calls, as the hub lists them, read off the GUI thread
by `open_calls` (given by the composition root; None when the site has no hub)."""

from __future__ import annotations

import logging
from collections.abc import Sequence
from datetime import datetime
from typing import Any

from PySide6.QtCore import QDateTime, QLocale
from PySide6.QtWidgets import QPlainTextEdit, QWidget

from kiosk.advisor.assisted.powers import OpenCalls
from kiosk.advisor.assisted.tool_page import ToolPage
from kiosk.shell.icons import Icons
from kiosk.shell.wizard_parts import big_button
from kiosk.tasks import Tasks

log = logging.getLogger(__name__)


class CallsPage(ToolPage):
    def __init__(
        self, icons: Icons, tasks: Tasks, open_calls: OpenCalls | None, parent: QWidget | None = None
    ):
        super().__init__(icons, parent)
        self._tasks = tasks
        self._open_calls = open_calls
        self._calls: Sequence[Any] | None = None
        self._failed = False
        self.list = QPlainTextEdit()  # many calls scroll; the rest of the page stays in place
        self.list.setObjectName("AssistedResult")
        self.list.setReadOnly(True)
        self.body.addWidget(self.list, 1)
        self.refresh_button = big_button(icons, "rotate-cw", "", self.refresh)
        self.refresh_button.setVisible(open_calls is not None)
        self.actions.addWidget(self.refresh_button)
        self.retranslate()

    def opened(self) -> None:
        self.refresh()

    def refresh(self) -> None:
        if self._open_calls is None:
            return
        self._calls, self._failed = None, False
        self._tasks.run(self._open_calls, self._read, self._unread, latest="calls")
        self.retranslate()

    def forget(self) -> None:
        self._calls, self._failed = None, False
        self.retranslate()

    def _read(self, calls: Sequence[Any]) -> None:
        self._calls = calls
        self.retranslate()

    def _unread(self, error: Exception) -> None:
        log.warning("the hub's open help calls could not be read: %s", error)
        self._failed = True
        self.retranslate()

    def retranslate(self) -> None:
        super().retranslate()
        self.title.setText(self.tr("Demandes d'aide en cours"))
        self.refresh_button.setText(self.tr("Actualiser"))
        self.list.setPlainText(self._text())

    def _text(self) -> str:
        if self._open_calls is None:
            return self.tr("Ce site n'a pas de serveur central.")
        if self._failed:
            return self.tr("Le serveur central ne répond pas. Réessayez dans un moment.")
        if self._calls is None:
            return self.tr("Lecture…")
        if not self._calls:
            return self.tr("Aucune demande d'aide en cours sur ce site.")
        return "\n".join(self._line(call) for call in self._calls)

    def _line(self, call: Any) -> str:
        topics = {
            "demarche": self.tr("Une démarche"),
            "imprimer": self.tr("Imprimer ou scanner"),
            "compte": self.tr("Mon compte ou mot de passe"),
            "emploi": self.tr("L'emploi"),
            "autre": self.tr("Autre"),
        }
        states = {
            "sent": self.tr("pas encore vue"),
            "seen": self.tr("vue par un conseiller"),
            "coming": self.tr("un conseiller arrive"),
        }
        return self.tr("{ticket} : {topic}, {state}. Borne {terminal}, {time}.").format(
            ticket=call.ticket,
            topic=topics.get(call.topic, self.tr("sans sujet")),
            state=states.get(call.state, call.state),
            terminal=call.terminal_id,
            time=self._time(call.created_at),
        )

    def _time(self, iso: str) -> str:
        try:
            moment = datetime.fromisoformat(iso)
        except ValueError:
            return iso
        shown = QDateTime.fromSecsSinceEpoch(int(moment.timestamp())).toLocalTime()
        return QLocale(self.tr("fr_FR", "the locale dates are written in")).toString(
            shown, self.tr("'à' H 'h' mm")
        )
