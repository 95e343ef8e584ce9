"""Turns the visitor's input and the idle timer into session starts and ends, with the idle warning and the
end-of-session confirmation in between. An end waits until no page's question is open (`LocalLoops`)."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import QObject

from kiosk.session import Session
from kiosk.shell.idle import IdleWatcher
from kiosk.shell.local_loops import LocalLoops
from kiosk.shell.overlay import ConfirmEndOverlay, IdleOverlay


class SessionControl(QObject):
    def __init__(
        self,
        session: Session,
        watcher: IdleWatcher,
        idle_overlay: IdleOverlay,
        confirm_overlay: ConfirmEndOverlay,
        warning_seconds: int,
        local_loops: LocalLoops | None = None,
        losses: Callable[[], Sequence[str]] = lambda: (),
        parent: QObject | None = None,
    ):
        super().__init__(parent)
        self._local_loops = local_loops or LocalLoops(self)
        self._session = session
        self._watcher = watcher
        self._idle_overlay = idle_overlay
        self._confirm_overlay = confirm_overlay
        self._warning_seconds = warning_seconds
        self._losses = losses
        watcher.pressed.connect(self._on_press)
        watcher.idle.connect(self._on_idle)
        idle_overlay.stillHere.connect(watcher.restart)
        idle_overlay.expired.connect(lambda: self.end("idle"))
        confirm_overlay.confirmed.connect(lambda: self.end("button"))

    def request_end(self) -> None:
        """The visitor touched "Terminer ma session": ask first, saying what an end would take away."""
        self._confirm_overlay.ask(self._losses)

    def end(self, reason: str) -> None:
        self._idle_overlay.cancel()
        self._confirm_overlay.hide()
        self._watcher.stop()
        self._local_loops.settle(lambda: self._session.end(reason))

    def _on_press(self) -> None:
        if not self._idle_overlay.isVisible():  # only "Je suis là" answers the warning
            self._session.touch()

    def _on_idle(self) -> None:
        if self._session.active and not self._idle_overlay.isVisible():
            self._confirm_overlay.hide()
            self._idle_overlay.start(self._warning_seconds)
