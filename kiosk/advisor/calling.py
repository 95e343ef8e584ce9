"""The help-call feature: "Appeler un conseiller", on every screen through the top bar.

One touch opens the call screen (kiosk/advisor/call_screen.py). When an advisor is on duty here (the site's
`advisor_schedule`) and the site has a hub, "Appeler" keeps the call in the kiosk database with the day's
ticket and hands it to the courier (kiosk/advisor/courier.py), which sends it at once and retries until the
hub has it; the screen and a banner on every other screen (kiosk/advisor/call_banner.py) follow its state.
When nobody is on duty, or the site has no hub, or the hub cannot be reached, the visitor gets a ticket to
show at the counter and the next permanence, never a dead button.

At the session's end a call still open is cancelled on the hub (through the courier: a network cut does not
lose the cancel). An advisor who frees the terminal from the board ("Libérer la borne") ends the session;
the hub then hears that it was done. Counted: each call's outcome and its waiting times (`help_call`,
`help_call_wait`), never who called.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable
from dataclasses import dataclass, replace

from PySide6.QtCore import QCoreApplication, QObject, Signal

from kiosk.advisor import call_queue, schedule
from kiosk.advisor.call_banner import CallBanner
from kiosk.advisor.call_screen import CallScreen, Shown
from kiosk.advisor.courier import CallNews
from kiosk.config.schema import Site
from kiosk.shell.icons import Icons
from kiosk.shell.window import KioskWindow
from kiosk.store import StoreWorker
from kiosk.tasks import Tasks
from kiosk.usage import UsageCounter, duration_bucket

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class OpenCall:
    call_id: str
    ticket: str
    created_at: float
    state: str = call_queue.NEW
    reachable: bool | None = None  # None: no answer yet, either way
    release: bool = False


class HelpCalling(QObject):
    name = "help call"
    _told = Signal(object)  # CallNews, from the courier's threads: delivered on the GUI thread

    def __init__(
        self,
        window: KioskWindow,
        icons: Icons,
        site: Site,
        store: StoreWorker,
        counter: UsageCounter,
        end_session: Callable[[str], None],
        clock: Callable[[], float] = time.time,
    ):
        """`end_session(reason)` ends the visitor's session (an advisor freed the terminal)."""
        super().__init__(window)
        self._window = window
        self._icons = icons
        self._site = site
        self._store = store
        self._counter = counter
        self._end_session = end_session
        self._clock = clock
        self._tasks = Tasks(self)
        self._courier = None  # attach_courier(), after the first paint, when the site has a hub
        self._screen: CallScreen | None = None
        self._came_from = None  # the screen "Continuer" goes back to
        self.call: OpenCall | None = None
        self._opening = False  # "Appeler" touched, the call not kept yet
        self._counted_waits: set[str] = set()
        self._told.connect(self._news)
        self.banner = CallBanner(icons)
        self.banner.openRequested.connect(self.open)
        window.add_banner(self.banner)
        window.screens.currentChanged.connect(lambda _: self._show_banner())

    # The feature's shape

    def destinations(self) -> tuple:
        return ()

    def losses(self) -> list[str]:
        if self.call is None:
            return []
        return [QCoreApplication.translate("HelpCalling", "votre demande à un conseiller")]

    def wipe(self) -> None:
        self._tasks.forget()  # a call being kept now is cancelled as it arrives: see _call's discard
        self._opening = False
        call, self.call = self.call, None
        if call is not None:
            end = "released" if call.release else "cancel"
            self._count_outcome(call, "answered" if call.release else None)
            self._end_later(call.call_id, end)
        self._counted_waits.clear()
        self._came_from = None
        self.banner.hide()
        if self._screen is not None:
            self._window.remove_screen(self._screen)
            self._screen.deleteLater()
            self._screen = None

    def close(self) -> None:
        self._tasks.close()
        if self._courier is not None:
            self._courier.close()

    # Wiring, from the composition root

    def attach_courier(self, make_courier: Callable[[Callable[[CallNews], None]], object]) -> None:
        """The site has a hub: the courier starts, and first cancels what a stopped kiosk left open."""
        self._courier = make_courier(self._told.emit)
        self._store.submit(call_queue.abandon_open).add_done_callback(lambda _: self._courier.start())

    def wake_courier(self) -> None:
        """The network came back: what is owed goes now, not at the end of its backoff."""
        if self._courier is not None:
            self._courier.wake()

    @property
    def has_hub(self) -> bool:
        return bool(self._site.hub_url)

    # The visitor

    def open(self) -> None:
        """ "Appeler un conseiller": the call screen, showing the call in progress if there is one."""
        screen = self._call_screen()
        current = self._window.screens.currentWidget()
        if current is not screen:
            self._came_from = current
        self._refresh()
        self._window.show_screen(screen)

    def _call_screen(self) -> CallScreen:
        if self._screen is None:
            self._screen = CallScreen(self._icons)
            self._screen.callRequested.connect(self._call)
            self._screen.counterRequested.connect(self._counter_ticket)
            self._screen.cancelRequested.connect(self._cancel)
            self._screen.backRequested.connect(self._back)
        return self._screen

    def _on_duty(self) -> bool:
        return schedule.on_duty(self._site.advisor_schedule, self._clock()) is not None

    def _call(self, topic: str | None) -> None:
        if self.call is not None or self._opening:  # a second touch while the first is being kept
            return
        self._opening = True
        now = self._clock()
        self._tasks.run(
            lambda: self._store.call(lambda db: call_queue.open_call(db, topic, now)),
            self._opened,
            self._not_kept,
            discard=lambda call: self._end_later(call.call_id, "cancel"),  # kept after the session ended
        )

    def _opened(self, call: call_queue.Call) -> None:
        self._opening = False
        self.call = OpenCall(call.call_id, call.ticket, call.created_at)
        if self._courier is not None:
            self._courier.wake()
        self._refresh()

    def _not_kept(self, error: BaseException) -> None:
        self._opening = False
        log.error("help call: could not keep the call (%s): the visitor is sent to the counter", error)
        self._show(Shown(kind="counter", ticket=None, next_slot=self._next(), now=self._clock()))

    def _counter_ticket(self) -> None:
        now = self._clock()
        self._tasks.run(
            lambda: self._store.call(lambda db: call_queue.take_ticket(db, now)).text,
            lambda ticket: self._show(Shown(kind="counter", ticket=ticket, next_slot=self._next(), now=now)),
            lambda _error: self._show(Shown(kind="counter", ticket=None, next_slot=self._next(), now=now)),
        )
        self._counter.count("help_call", "counter")

    def _cancel(self) -> None:
        call, self.call = self.call, None
        if call is None:
            return
        self._count_outcome(call, "cancelled")
        self._end_later(call.call_id, "cancel")
        self._refresh()
        self._back()

    def _back(self) -> None:
        came_from = self._came_from
        if came_from is not None and self._window.screens.indexOf(came_from) >= 0:
            self._window.show_screen(came_from)
        else:
            self._window.show_home()

    # What the courier tells

    def _news(self, news: CallNews) -> None:
        call = self.call
        if call is None or news.call_id != call.call_id:
            return  # a call of an earlier session, or one cancelled meanwhile
        if news.release and not call.release:
            self.call = replace(call, release=True)
            log.info("help call %s: an advisor freed the terminal from the board", call.ticket)
            self._end_session("advisor")
            return
        self.call = call = replace(call, state=news.state, reachable=news.reachable)
        for step in ("seen", "coming"):
            if news.state in _FROM[step] and step not in self._counted_waits:
                self._counted_waits.add(step)
                waited = duration_bucket(self._clock() - call.created_at)
                self._counter.count("help_call_wait", f"{step}:{waited}")
        if news.state in ("done", "cancelled"):
            self._count_outcome(call, "answered" if news.state == "done" else None)
            self.call = None
            self._show(Shown(kind="ended", ticket=call.ticket, state=news.state))
            self._show_banner()
            return
        self._refresh()

    # Showing

    def _refresh(self) -> None:
        if self._screen is not None:
            self._screen.show_state(self._shown())
        self._show_banner()

    def _shown(self) -> Shown:
        call = self.call
        if call is not None:
            return Shown(
                kind="call",
                ticket=call.ticket,
                state=call.state,
                reachable=call.reachable,
                next_slot=self._next(),
            )
        if not self.has_hub or not self._on_duty():
            return Shown(kind="ask_counter", next_slot=self._next(), has_hub=self.has_hub)
        return Shown(kind="ask")

    def _show(self, shown: Shown) -> None:
        if self._screen is not None:
            self._screen.show_state(shown)

    def _show_banner(self) -> None:
        call = self.call
        on_its_screen = self._screen is not None and self._window.screens.currentWidget() is self._screen
        if call is None or on_its_screen:
            self.banner.hide()
        else:
            self.banner.show_call(call.ticket, call.state, call.reachable)
            self.banner.show()

    def _next(self) -> schedule.Upcoming | None:
        return schedule.next_permanence(self._site.advisor_schedule, self._clock())

    # Counting and the store

    def _count_outcome(self, call: OpenCall, outcome: str | None) -> None:
        if outcome is None:
            outcome = "answered" if call.state in ("coming", "done") else "unanswered"
        if call.state == call_queue.NEW and outcome == "unanswered":
            outcome = "undelivered"
        self._counter.count("help_call", outcome)

    def _end_later(self, call_id: str, end: call_queue.End) -> None:
        """Asks for the call's end in the store (never waited for: the shutdown waits for the store's
        work), then has the courier tell the hub."""
        courier = self._courier
        future = self._store.submit(lambda db: call_queue.want_end(db, call_id, end))
        if courier is not None:
            future.add_done_callback(lambda _: courier.wake())


_FROM = {"seen": ("seen", "coming", "done"), "coming": ("coming", "done")}
