"""Which public-service sites the kiosk believes it cannot reach now, for the "hors ligne" mark on the home
screen's tiles. Pure: no Qt.

Two sources feed it: the terminal's network link (when the system can tell, every site is down while the link
is) and the browser's own tries (a site that did not answer stays marked until a page of it loads again, or
until the link comes back, when every site is worth a new try).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable


class Reachability:
    def __init__(self, site_ids: Iterable[str]):
        self._sites = frozenset(site_ids)
        self._link_down = False
        self._failed: set[str] = set()
        self._listeners: list[Callable[[frozenset[str]], None]] = []

    def on_change(self, listener: Callable[[frozenset[str]], None]) -> None:
        """`listener` receives the sites marked offline each time that set changes."""
        self._listeners.append(listener)

    def offline(self) -> frozenset[str]:
        return self._sites if self._link_down else frozenset(self._failed)

    def link_changed(self, up: bool) -> None:
        def change() -> None:
            self._link_down = not up
            if up:
                self._failed.clear()

        self._update(change)

    def site_failed(self, site_id: str) -> None:
        if site_id in self._sites:
            self._update(lambda: self._failed.add(site_id))

    def site_loaded(self, site_id: str) -> None:
        self._update(lambda: self._failed.discard(site_id))

    def _update(self, change: Callable[[], None]) -> None:
        before = self.offline()
        change()
        after = self.offline()
        if after != before:
            for listener in self._listeners:
                listener(after)
