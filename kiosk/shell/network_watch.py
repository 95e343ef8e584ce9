"""Tells whether the terminal's network link is up, from the system's network monitor (NetworkManager,
ConnMan or GLib's, whichever Qt finds). Where none answers, the link is taken as up: the browser's own tries
still mark the sites that do not answer."""

from __future__ import annotations

import logging

from PySide6.QtCore import QObject, Signal
from PySide6.QtNetwork import QNetworkInformation

log = logging.getLogger(__name__)

Reach = QNetworkInformation.Reachability
DOWN = {Reach.Disconnected, Reach.Local}  # Local: a link, but no route beyond the building


class NetworkWatch(QObject):
    linkChanged = Signal(bool)  # True: up

    def start(self) -> None:
        if not QNetworkInformation.loadBackendByFeatures(QNetworkInformation.Feature.Reachability):
            log.info("no network monitor on this system: the link is taken as up")
            return
        information = QNetworkInformation.instance()
        information.reachabilityChanged.connect(self._on_reachability)
        if information.reachability() in DOWN:
            self._on_reachability(information.reachability())

    def _on_reachability(self, reachability: Reach) -> None:
        self.linkChanged.emit(reachability not in DOWN)
