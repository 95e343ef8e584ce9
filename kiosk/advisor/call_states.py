"""A help call's life, the same on the terminal and on the hub: sent (the hub has it), seen (an advisor read
it), coming (an advisor is on the way), then done or cancelled, which end it. A move to the state a call is
already in changes nothing (a resent request, two advisors touching the same button); a move backwards, or
out of an ended call, is refused. Pure."""

from __future__ import annotations

from typing import Literal

State = Literal["sent", "seen", "coming", "done", "cancelled"]
ORDER: tuple[State, ...] = ("sent", "seen", "coming", "done")
ENDED: frozenset[str] = frozenset({"done", "cancelled"})
TOPICS = ("demarche", "imprimer", "compte", "emploi", "autre")  # the visitor's optional chip


class MoveRefused(ValueError):
    pass


def moved(current: State, wanted: State) -> State:
    """The state after asking `wanted` of a call in `current`."""
    if wanted == current:
        return current
    if current in ENDED:
        raise MoveRefused(f"the call is already {current}")
    if wanted == "cancelled" or ORDER.index(wanted) > ORDER.index(current):
        return wanted
    raise MoveRefused(f"a call that is {current} cannot go back to {wanted}")
