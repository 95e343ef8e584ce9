"""What the assisted mode's tools act on, handed over by the composition root as callables of the other
features and of the shell (no feature imports another). Pure and light: it is made before the first paint,
the screens that use it only when an advisor unlocks."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from kiosk.advisor.assisted.facts import HubFacts

# read_code(code) returns the sheet (title, code, areas with name and level_label, group_label, message,
# recommendation, places with name and address, needs); raises ValueError for a code that is not valid.
ReadCode = Callable[[str], Any]
# open_calls() returns the calls (each with ticket, topic, state, terminal_id, created_at); raises when the
# hub cannot say (kiosk.usage.open_calls).
OpenCalls = Callable[[], Sequence[Any]]


@dataclass(frozen=True)
class StatusSources:
    printer_state: Callable[[], str]  # blocking (CUPS): run off the GUI thread
    scanner_state: Callable[[], str]  # the last known one, at once
    hub_facts: Callable[[], HubFacts]  # blocking (the store): run off the GUI thread


@dataclass(frozen=True)
class Powers:
    open_address: Callable[[str], None]  # the kiosk's browser on an https address (assisted rules)
    read_code: ReadCode  # a diagnostic code → its sheet; ValueError when not valid (off the GUI thread)
    status: StatusSources
    open_calls: OpenCalls | None  # the hub's list (off the GUI thread); None: the site has no hub
    end_session: Callable[[], None]  # asks to end the visitor's session (the usual confirmation)
    check_config: Callable[[], Sequence[str]]  # the config folder's problems, [] when valid (off the thread)
    restart: Callable[[], None]  # a clean shutdown, then the same command again
    check_report: Callable[[], Sequence[str]]  # `kiosk check`'s lines (off the GUI thread)
    quit: Callable[[], None]  # the kiosk quits cleanly, to the desktop
