"""A help call's states: forward only, the same move twice is harmless, an ended call stays ended."""

from __future__ import annotations

import pytest

from kiosk.advisor.call_states import MoveRefused, moved


@pytest.mark.parametrize(
    ("current", "wanted", "after"),
    [
        ("sent", "seen", "seen"),
        ("sent", "coming", "coming"),  # straight on the way, without "seen" first
        ("seen", "done", "done"),
        ("coming", "cancelled", "cancelled"),
        ("seen", "seen", "seen"),
        ("cancelled", "cancelled", "cancelled"),
    ],
)
def test_calls_move_forward(current, wanted, after):
    assert moved(current, wanted) == after


@pytest.mark.parametrize(
    ("current", "wanted"), [("coming", "seen"), ("done", "cancelled"), ("cancelled", "seen")]
)
def test_a_call_never_goes_back_and_an_ended_one_stays_ended(current, wanted):
    with pytest.raises(MoveRefused):
        moved(current, wanted)
