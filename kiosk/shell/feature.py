"""The shape every feature of the kiosk has (browsing the shortcuts, the diagnostic, scanning, printing…), so
that the composition root builds each one, then loops over them: the home's tiles, the session's wipers, the
end-of-session confirmation and the shutdown. A new feature is one folder and one line in `kiosk/app.py`.

A feature receives what it needs from the root through its constructor, as objects of the shell (the window,
the icons, the counter) or as plain callables ("print this file"): no feature imports another one. It makes
its screens and services when a visitor first needs them, not before the first paint.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Protocol

from kiosk.shell.destinations import Destination


class Feature(Protocol):
    name: str  # names its session wiper in the log ("browser", "scans"…)

    def destinations(self) -> Sequence[Destination]:
        """The home's tiles it offers, after the public-service shortcuts (none: an empty sequence)."""
        ...

    def losses(self) -> list[str]:
        """What a session end would take away from the visitor now, in short French phrases for the
        confirmation ("le diagnostic en cours"); empty when nothing."""
        ...

    def wipe(self) -> None:
        """Session wiper: forgets everything of this visitor; the next one finds the feature as new."""
        ...

    def close(self) -> None:
        """At shutdown, after the last wipe: its screens deleted, its threads and processes stopped."""
        ...
