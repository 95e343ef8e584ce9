"""A zoom level that moves by fixed steps, for the "Plus grand" / "Plus petit" buttons (pure, no Qt)."""

from __future__ import annotations


class ZoomSteps:
    def __init__(self, steps: tuple[float, ...], start: float = 1.0) -> None:
        self._steps = steps
        self._start = steps.index(start)
        self._index = self._start

    @property
    def factor(self) -> float:
        return self._steps[self._index]

    @property
    def can_shrink(self) -> bool:
        return self._index > 0

    @property
    def can_grow(self) -> bool:
        return self._index < len(self._steps) - 1

    def move(self, steps: int) -> float:
        """Moves by `steps` (negative: smaller), staying within the steps; returns the new factor."""
        self._index = max(0, min(len(self._steps) - 1, self._index + steps))
        return self.factor

    def reset(self) -> float:
        self._index = self._start
        return self.factor
