"""The fan-out of help-call changes inside one hub process: the process's one listener
(kiosk/hub/board_listener.py) publishes each changed call, and every board stream or long poll that
subscribed receives the calls it is interested in (those of its sites, or one call) on its own asyncio
queue. A queue that overflows (a stalled reader) is emptied and given RELOAD instead: that reader reloads
from the table, so nothing is missed. `reload()` does that for everyone (the listener lost its connection
and may have missed changes). Use it from the event loop's thread only."""

from __future__ import annotations

import asyncio
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Protocol

RELOAD = "reload"  # what a queue receives instead of the changes it may have missed
CAPACITY = 500  # changes a reader may fall behind by before it is told to reload


class Change(Protocol):
    id: int
    site_id: str


@dataclass(eq=False)
class Subscription:
    sites: frozenset[str] | None = None  # None: every site
    call: int | None = None  # only this call (a long poll)
    queue: asyncio.Queue = field(default_factory=lambda: asyncio.Queue(CAPACITY))

    def wants(self, change: Change) -> bool:
        if self.call is not None:
            return change.id == self.call
        return self.sites is None or change.site_id in self.sites


class BoardChanges:
    def __init__(self) -> None:
        self._subscriptions: set[Subscription] = set()

    def subscribe(self, sites: frozenset[str] | None = None, call: int | None = None) -> Subscription:
        subscription = Subscription(sites, call)
        self._subscriptions.add(subscription)
        return subscription

    def unsubscribe(self, subscription: Subscription) -> None:
        self._subscriptions.discard(subscription)

    def __len__(self) -> int:
        return len(self._subscriptions)

    def publish(self, changes: Iterable[Change]) -> None:
        changes = list(changes)
        for subscription in self._subscriptions:
            for change in changes:
                if subscription.wants(change):
                    _put(subscription, change)

    def reload(self) -> None:
        for subscription in self._subscriptions:
            _put(subscription, RELOAD)


def _put(subscription: Subscription, item: object) -> None:
    try:
        subscription.queue.put_nowait(item)
    except asyncio.QueueFull:
        while not subscription.queue.empty():
            subscription.queue.get_nowait()
        subscription.queue.put_nowait(RELOAD)
