"""Tools' page "État de la borne": the printer (CUPS, asked off the GUI thread), the scanner's last known
state, the network link, and the link to the hub (what waits to be sent, the last success, the last
heartbeat), each in plain French words. What it reads comes in as callables from the composition root."""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import QDateTime, QLocale, Qt
from PySide6.QtNetwork import QNetworkInformation
from PySide6.QtWidgets import QGridLayout, QLabel, QWidget

from kiosk.advisor.assisted.facts import HubFacts
from kiosk.advisor.assisted.powers import StatusSources
from kiosk.advisor.assisted.tool_page import ToolPage
from kiosk.shell.icons import Icons
from kiosk.shell.wizard_parts import big_button, wizard_label
from kiosk.tasks import Tasks

ROWS = ("printer", "scanner", "network", "hub", "waiting", "last_success", "last_beat")


def network_state() -> str:
    """ "up", "down" or "unknown", from the system's network monitor once the kiosk has loaded it."""
    information = QNetworkInformation.instance()
    if information is None:
        return "unknown"
    reach = information.reachability()
    if reach == QNetworkInformation.Reachability.Online:
        return "up"
    if reach in (QNetworkInformation.Reachability.Disconnected, QNetworkInformation.Reachability.Local):
        return "down"
    return "unknown"


class StatusPage(ToolPage):
    def __init__(self, icons: Icons, tasks: Tasks, sources: StatusSources, parent: QWidget | None = None):
        super().__init__(icons, parent)
        self._tasks = tasks
        self._sources = sources
        self._printer: str | None = None  # None: being read; "" when it could not be
        self._scanner = ""
        self._network = "unknown"
        self._hub: HubFacts | None = None
        self._hub_failed = False
        grid = QGridLayout()
        grid.setHorizontalSpacing(24)
        grid.setVerticalSpacing(10)
        self.names: dict[str, QLabel] = {}
        self.values: dict[str, QLabel] = {}
        for n, row in enumerate(ROWS):
            self.names[row] = wizard_label("", "AssistedName", wrap=False)
            self.values[row] = wizard_label("", "AssistedText")
            grid.addWidget(self.names[row], n, 0, Qt.AlignmentFlag.AlignTop)
            grid.addWidget(self.values[row], n, 1)
        grid.setColumnStretch(1, 1)
        self.body.addLayout(grid)
        self.body.addStretch()
        self.refresh_button = big_button(icons, "rotate-cw", "", self.refresh)
        self.actions.addWidget(self.refresh_button)
        self.retranslate()

    def opened(self) -> None:
        self.refresh()

    def refresh(self) -> None:
        self._printer, self._hub, self._hub_failed = None, None, False
        self._scanner = self._sources.scanner_state()
        self._network = network_state()
        self._tasks.run(self._sources.printer_state, self._printer_read, lambda _: self._printer_read(""),
                        latest="printer")  # fmt: skip
        self._tasks.run(self._sources.hub_facts, self._hub_read, self._hub_unread, latest="hub")
        self.retranslate()

    def _printer_read(self, state: str) -> None:
        self._printer = state
        self.retranslate()

    def _hub_read(self, facts: HubFacts) -> None:
        self._hub = facts
        self.retranslate()

    def _hub_unread(self, _error: Exception) -> None:
        self._hub_failed = True
        self.retranslate()

    def retranslate(self) -> None:
        super().retranslate()
        self.title.setText(self.tr("État de la borne"))
        self.refresh_button.setText(self.tr("Actualiser"))
        names = {
            "printer": self.tr("Imprimante"),
            "scanner": self.tr("Scanner"),
            "network": self.tr("Réseau"),
            "hub": self.tr("Serveur central"),
            "waiting": self.tr("En attente"),
            "last_success": self.tr("Dernier envoi"),
            "last_beat": self.tr("Dernier signal"),
        }
        for row, text in names.items():
            self.names[row].setText(text)
        self.values["printer"].setText(self._printer_words())
        self.values["scanner"].setText(self._scanner_words())
        self.values["network"].setText(
            {
                "up": self.tr("Connecté."),
                "down": self.tr("Pas de réseau."),
                "unknown": self.tr("La borne ne peut pas le savoir."),
            }[self._network]
        )
        hub = self._hub
        self.values["hub"].setText(self._hub_words())
        shown = hub is not None and hub.configured
        for row in ("waiting", "last_success", "last_beat"):
            self.names[row].setVisible(shown)
            self.values[row].setVisible(shown)
        if shown:
            if hub.waiting_rows <= 1:
                waiting = self.tr("{n} ligne de comptage à envoyer.")
            else:
                waiting = self.tr("{n} lignes de comptage à envoyer.")
            self.values["waiting"].setText(waiting.format(n=hub.waiting_rows))
            self.values["last_success"].setText(self._when(hub.last_success))
            self.values["last_beat"].setText(self._when(hub.last_beat))

    def _printer_words(self) -> str:
        code = self._printer
        if code is None:
            return self.tr("Lecture…")
        words = {
            "ok": self.tr("Prête."),
            "printing": self.tr("En train d'imprimer."),
            "off": self.tr("L'impression est arrêtée sur ce site."),
            "media-empty": self.tr("Plus de papier."),
            "media-low": self.tr("Presque plus de papier."),
            "media-jam": self.tr("Du papier est coincé."),
            "door-open": self.tr("Une porte de l'imprimante est ouverte."),
            "toner-empty": self.tr("Plus d'encre."),
            "toner-low": self.tr("Presque plus d'encre."),
            "offline": self.tr("Éteinte ou débranchée."),
            "stopped": self.tr("Arrêtée dans le système d'impression."),
            "not-accepting": self.tr("Elle refuse les impressions."),
            "printer-error": self.tr("En erreur. Regardez son écran."),
            "server-down": self.tr("Le système d'impression ne répond pas."),
            "no-printer": self.tr("Aucune imprimante installée."),
            "not-authorized": self.tr("Le système d'impression refuse la borne."),
        }
        if code in words:
            return words[code]
        return self.tr("État inconnu.") if not code else self.tr("État inconnu : {code}.").format(code=code)

    def _scanner_words(self) -> str:
        code = self._scanner
        words = {
            "unused": self.tr("Pas encore utilisé depuis le démarrage."),
            "ready": self.tr("Prêt."),
            "scanning": self.tr("En train de scanner."),
            "no-device": self.tr("Introuvable. Vérifiez qu'il est allumé et branché."),
            "busy": self.tr("Occupé."),
            "cover-open": self.tr("Le capot est ouvert."),
            "jammed": self.tr("Une feuille est coincée."),
            "io-error": self.tr("Le dernier scan a échoué."),
            "crashed": self.tr("Le dernier scan s'est arrêté net."),
            "timeout": self.tr("Le dernier scan ne répondait plus."),
        }
        return words.get(code) or self.tr("État inconnu : {code}.").format(code=code)

    def _hub_words(self) -> str:
        hub = self._hub
        if self._hub_failed:
            return self.tr("La borne n'a pas pu lire cet état.")
        if hub is None:
            return self.tr("Lecture…")
        if not hub.configured:
            return self.tr("Ce site n'a pas de serveur central.")
        if hub.paused:
            return self.tr("Les envois sont suspendus. Le technicien voit pourquoi avec kiosk check.")
        if hub.failing or hub.beat_failing:
            return self.tr("La borne n'arrive pas à joindre le serveur central. Elle réessaie toute seule.")
        if hub.last_success is None:
            return self.tr("Rien n'a encore été envoyé.")
        return self.tr("Les envois se passent bien.")

    def _when(self, moment: datetime | None) -> str:
        if moment is None:
            return self.tr("Jamais.")
        shown = QDateTime.fromSecsSinceEpoch(int(moment.timestamp())).toLocalTime()
        return QLocale(self.tr("fr_FR", "the locale dates are written in")).toString(
            shown, self.tr("'Le' d MMMM 'à' H 'h' mm.")
        )
