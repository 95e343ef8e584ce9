"""The assisted mode, a feature of the kiosk: "Espace conseiller" (a small control in the home's corner)
opens the unlock screen; the right PIN (checked on the store's thread, as argon2id takes its time) unlocks
the mode for that account: the banner on every screen, the tools of its role. It locks itself again after
`idle_minutes` without input (the window's input filters: kiosk/shell/idle.py), on "Quitter le mode
accompagné", at the session's end (its wiper) and at shutdown; each relock is written to the audit
(accounts.note_relock). What the tools act on comes in as callables (`Powers`) from the composition root."""

from __future__ import annotations

import logging
import time
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING

from kiosk.advisor.assisted.banner import AssistedBanner, CornerButton
from kiosk.advisor.assisted.powers import Powers
from kiosk.shell.destinations import Destination
from kiosk.shell.icons import Icons
from kiosk.shell.idle import IdleWatcher
from kiosk.shell.window import KioskWindow
from kiosk.store import StoreWorker
from kiosk.tasks import Tasks

if TYPE_CHECKING:
    from kiosk.advisor.accounts import Account, Unlock

log = logging.getLogger(__name__)


class AssistedMode:
    name = "assisted mode"

    def __init__(
        self,
        window: KioskWindow,
        icons: Icons,
        store: StoreWorker,
        idle_minutes: float,
        powers: Powers,
        close_address: Callable[[], bool],
        clock: Callable[[], float] = time.time,
    ):
        """`close_address()` closes the page an advisor opened (True when it was the screen shown)."""
        self._window = window
        self._icons = icons
        self._store = store
        self._powers = powers
        self._close_address = close_address
        self._clock = clock
        self.account: Account | None = None  # who unlocked; None while locked
        self.entry = CornerButton()  # the home's corner: app.py hands it to HomeScreen.add_corner
        self.entry.clicked.connect(self.open)
        self.banner = AssistedBanner()
        self.banner.toolsRequested.connect(self.show_tools)
        self.banner.quitRequested.connect(lambda: self.relock("quit"))
        window.add_banner(self.banner)
        self.idle = IdleWatcher(round(idle_minutes * 60_000))
        self.idle.idle.connect(lambda: self.relock("idle"))
        self.tasks = Tasks()
        self.unlock_screen = None  # UnlockScreen, made on first use
        self.tools = None  # ToolsScreen, made at each unlock for its role

    @property
    def unlocked(self) -> bool:
        return self.account is not None

    def destinations(self) -> Sequence[Destination]:
        return ()  # its way in is the home's corner, not a tile

    def losses(self) -> list[str]:
        return []  # nothing of the visitor's

    def open(self) -> None:
        """ "Espace conseiller": the tools when unlocked, else who are you, then the PIN."""
        if self.tools is not None:
            self.show_tools()
            return
        if self.unlock_screen is None:
            from kiosk.advisor.assisted.unlock_screen import UnlockScreen

            self.unlock_screen = UnlockScreen(self._icons)
            self.unlock_screen.unlockRequested.connect(self._try)
            self.unlock_screen.homeRequested.connect(self._window.show_home)
        screen = self.unlock_screen
        screen.show_accounts(None)
        self._window.show_screen(screen)
        now = self._clock()
        self.tasks.run(
            lambda: self._store.call(lambda db: _accounts().accounts(db, now)),
            screen.show_accounts,
            self._accounts_unreadable,
            latest="accounts",
        )

    def show_tools(self) -> None:
        if self.tools is not None:
            self.tools.show_menu()
            self._window.show_screen(self.tools)

    def relock(self, reason: str) -> None:
        """Back to public mode: `reason` (idle, quit, session_end, shutdown) goes to the audit."""
        if self.account is None:
            return
        name, self.account = self.account.name, None
        self.banner.hide()
        self.idle.stop()
        self._window.unwatch_input(self.idle)
        self.tasks.forget()  # no answer asked while unlocked comes back
        shown = self._window.screens.currentWidget()
        go_home = self._close_address() or shown is self.tools
        if self.tools is not None:
            self.tools.forget()
            self._window.remove_screen(self.tools)
            self.tools.deleteLater()
            self.tools = None
        if go_home:
            self._window.show_home()
        now = self._clock()
        log.info("assisted mode locked again (%s)", reason)
        self._store.submit(lambda db: _accounts().note_relock(db, name, reason, now))

    def wipe(self) -> None:
        """Session wiper: the mode locks itself again; the PIN typed, if any, is forgotten."""
        self.relock("session_end")
        self.tasks.forget()
        if self.unlock_screen is not None:
            self.unlock_screen.show_accounts_page()

    def close(self) -> None:
        self.relock("shutdown")
        self.tasks.close()
        if self.unlock_screen is not None:  # the banner goes with the window that holds it
            self.unlock_screen.deleteLater()
            self.unlock_screen = None

    def _try(self, name: str, pin: str) -> None:
        screen = self.unlock_screen
        screen.show_checking()
        now = self._clock()
        self.tasks.run(
            lambda: self._store.call(lambda db: _accounts().try_unlock(db, name, pin, now)),
            self._answered,
            self._not_checked,
            latest="unlock",
        )

    def _answered(self, unlock: Unlock) -> None:
        screen = self.unlock_screen
        if unlock.account is not None:
            self._unlocked(unlock.account)
        elif unlock.locked_for > 0:
            screen.show_locked(unlock.locked_for)
        else:
            screen.show_refused(unlock.tries_left)

    def _not_checked(self, error: Exception) -> None:
        log.error("a PIN could not be checked: %s", error)
        self.unlock_screen.show_failure()

    def _accounts_unreadable(self, error: Exception) -> None:
        log.error("the advisors' accounts could not be read: %s", error)
        self.unlock_screen.show_unreadable()

    def _unlocked(self, account: Account) -> None:
        self.account = account
        log.info("assisted mode unlocked (%s)", account.role)
        self.banner.show_for(account.name)
        self._window.watch_input(self.idle)
        self.idle.restart()
        from kiosk.advisor.assisted.tools_screen import ToolsScreen

        self.tools = ToolsScreen(account, self._powers, self._icons, self.tasks)
        self._window.show_screen(self.tools)
        self.unlock_screen.show_accounts_page()
        self._window.remove_screen(self.unlock_screen)


def _accounts():
    """kiosk.advisor.accounts, imported on first use (argon2 with it): not on the way to the first paint."""
    from kiosk.advisor import accounts

    return accounts
