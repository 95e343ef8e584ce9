"""The home screen's destinations: the kiosk's own services (diagnostic, scan and print, call an advisor…),
each offered by a feature (`Feature.destinations()`) and registered in `Destinations` by the composition
root; the home screen shows exactly what is registered, after the public-service shortcuts. No global
registry.

A destination carries its words as source text (French) with their translation context, marked for the
translation tools with `QT_TRANSLATE_NOOP(context, text)`: the home translates them each time it shows them,
so its tiles follow a language change. This module stays pure (no Qt).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass


@dataclass(frozen=True)
class Destination:
    id: str
    label: str  # source text, translated in `context`
    description: str  # source text, translated in `context`
    icon: str  # a name in kiosk/assets/icons/
    open: Callable[[], None]
    context: str = ""  # the translation context of label and description: the offering feature's class name


class Destinations:
    """The kiosk's own services the home screen offers, in the order they were registered."""

    def __init__(self) -> None:
        self._destinations: dict[str, Destination] = {}

    def register(self, destination: Destination) -> None:
        if destination.id in self._destinations:
            raise ValueError(f"destination {destination.id!r} is already registered")
        self._destinations[destination.id] = destination

    def destinations(self) -> tuple[Destination, ...]:
        return tuple(self._destinations.values())

    def open(self, destination_id: str) -> None:
        self._destinations[destination_id].open()
