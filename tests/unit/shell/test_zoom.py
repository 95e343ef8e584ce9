"""Zoom steps stay within their bounds and say when a button can still act."""

from kiosk.shell.zoom import ZoomSteps


def test_moves_by_steps_and_stops_at_the_ends():
    zoom = ZoomSteps((0.8, 1.0, 1.5))
    assert zoom.factor == 1.0
    assert zoom.move(+1) == 1.5 and not zoom.can_grow
    assert zoom.move(+5) == 1.5
    assert zoom.move(-9) == 0.8 and not zoom.can_shrink and zoom.can_grow
    assert zoom.reset() == 1.0
