"""Read-aloud with the terminal's real engine (speech-dispatcher and espeak-ng): a French voice is chosen,
"Écouter" hands the text over at once, and an engine that hangs never holds the GUI thread."""

from __future__ import annotations

import shutil
import time

import pytest

from kiosk.diagnostic.speech import Speech


@pytest.mark.skipif(shutil.which("speech-dispatcher") is None, reason="speech-dispatcher is not installed")
def test_the_speechd_engine_speaks(qtbot):
    speech = Speech("speechd")
    qtbot.waitUntil(speech.available, timeout=15000)
    states: list[str] = []
    speech.stateChanged.connect(states.append)
    started = time.perf_counter()
    speech.say("Touchez un service pour commencer.")
    assert time.perf_counter() - started < 0.01  # handed to the engine's thread
    qtbot.waitUntil(lambda: "Speaking" in states, timeout=15000)
    speech.stop()
    speech.close()


def test_making_the_engine_never_waits_on_the_gui_thread(qtbot):
    started = time.perf_counter()
    speech = Speech("mock")
    assert time.perf_counter() - started < 0.05
    assert not speech.available()  # not yet: it says so when ready
    with qtbot.waitSignal(speech.availabilityChanged, timeout=5000) as told:
        pass
    assert told.args == [True]
    speech.close()
