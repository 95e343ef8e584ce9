"""Facts about the Qt binding the kiosk relies on; a failure here means the pinned PySide6 must not change."""

import sys

from PySide6.QtCore import QObject, Signal


class Emitter(QObject):
    happened = Signal()


def test_emitting_a_python_signal_keeps_the_reference_count_of_true():
    """PySide6 6.12.0 dropped one reference to True at each emit(): a kiosk aborted after about two thousand
    ("bool_dealloc"). pyproject.toml pins 6.11.3, which does not."""
    emitter = Emitter()
    emitter.happened.connect(lambda: None)
    before = sys.getrefcount(True)
    for _ in range(5000):
        emitter.happened.emit()
    assert sys.getrefcount(True) >= before - 10
