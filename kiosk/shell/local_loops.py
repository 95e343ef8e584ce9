"""The kiosk's local event loops, and the one rule that keeps them safe: nothing hides or deletes a web page
while a question it asked is still on the stack.

QtWebEngine asks some questions synchronously (a file to upload, a site's alert, confirm or prompt): the kiosk
shows its own card and waits for the visitor in a local event loop. Qt's caller is still on the stack below
that loop, and it goes on with the page once the answer is returned. So anything that would take the page away
(going home, another screen, the end of the session, quitting) goes through `settle(action)`: the open
questions are answered "nothing" at once, and `action` runs from the main loop once every local loop has
unwound. When no question is open, `action` runs at once.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEventLoop, QObject, QTimer

Action = Callable[[], None]


class LocalLoops(QObject):
    def __init__(self, parent: QObject | None = None):
        super().__init__(parent)
        self._dismissers: list[Action] = []  # one per open question, the innermost last
        self._pending: list[Action] = []
        self._running_pending = False
        self._later = QTimer(self)
        self._later.setSingleShot(True)
        self._later.setInterval(0)
        self._later.timeout.connect(self._run_pending)

    @property
    def asking(self) -> bool:
        """A question is open: its local loop runs somewhere below on the stack."""
        return bool(self._dismissers)

    def run(self, loop: QEventLoop, dismiss: Action) -> None:
        """Runs a question's local loop; `dismiss` answers it "nothing" (and so ends `loop`) when asked to."""
        self._dismissers.append(dismiss)
        try:
            loop.exec()
        finally:
            self._dismissers.remove(dismiss)
            if not self._dismissers and self._pending:
                # Started here, it fires only once Qt's caller below has returned to the main loop.
                self._later.start()

    def settle(self, action: Action) -> None:
        """Runs `action` now when no question is open; else closes the questions and runs it after."""
        if not self._dismissers and (self._running_pending or not self._pending):
            action()
            return
        self._pending.append(action)
        for dismiss in reversed(list(self._dismissers)):
            dismiss()

    def _run_pending(self) -> None:
        self._running_pending = True
        try:
            while self._pending and not self._dismissers:
                self._pending.pop(0)()
        finally:
            self._running_pending = False
