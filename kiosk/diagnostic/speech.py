"""Read-aloud for the "Écouter" buttons, with a French voice when the engine has one.

The engine lives on its own thread: making a QTextToSpeech connects to speech-dispatcher, which can hang
(a wedged daemon, an audio device that never answers), and the GUI thread never waits. `available()` is
false until the engine says it is ready (then `availabilityChanged(True)`), and stays false without a working
engine: the screens then hide their "Écouter" buttons.
"""

from __future__ import annotations

import logging
import os
import socket
from pathlib import Path

from PySide6.QtCore import QLocale, QObject, QThread, Signal, Slot

log = logging.getLogger(__name__)

STOP_WAIT_MS = 2000
SPEECHD_ANSWER_S = 1.0  # a speech-dispatcher that takes longer to greet a client is taken as hung


class Speech(QObject):
    """`Speech()` takes the system's default engine, `Speech("speechd")` or `Speech("mock")` a named one."""

    availabilityChanged = Signal(bool)
    stateChanged = Signal(str)  # the engine's state by name: "Ready", "Speaking"…
    wordSaid = Signal(str)  # each word as it is spoken (engines that tell)

    _start = Signal(str)
    _say = Signal(str)
    _stop = Signal()

    def __init__(self, engine: str | None = None, parent: QObject | None = None):
        super().__init__(parent)
        self._available = False
        self._thread = QThread()
        self._thread.setObjectName("read-aloud")
        self._speaker = _Speaker()
        self._speaker.moveToThread(self._thread)
        self._thread.finished.connect(self._speaker.deleteLater)
        self._start.connect(self._speaker.start)
        self._say.connect(self._speaker.say)
        self._stop.connect(self._speaker.stop)
        self._speaker.ready.connect(self._on_ready)
        self._speaker.stateChanged.connect(self.stateChanged)
        self._speaker.wordSaid.connect(self.wordSaid)
        self._thread.start()
        self._start.emit(engine or "")

    def available(self) -> bool:
        return self._available

    def say(self, text: str) -> None:
        if self._available:
            self._say.emit(text)

    def stop(self) -> None:
        if self._available:
            self._stop.emit()

    def close(self) -> None:
        """Ends the engine's thread; one stuck in the engine is given up on rather than waited for."""
        self._available = False
        self._thread.quit()
        if not self._thread.wait(STOP_WAIT_MS):
            log.warning("read-aloud engine did not stop: its thread is terminated")
            self._thread.terminate()
            self._thread.wait(STOP_WAIT_MS)

    def _on_ready(self, ok: bool) -> None:
        self._available = ok
        self.availabilityChanged.emit(ok)


class _Speaker(QObject):
    """The engine's side, on the read-aloud thread."""

    ready = Signal(bool)
    stateChanged = Signal(str)
    wordSaid = Signal(str)

    def __init__(self) -> None:
        super().__init__()
        self.engine = None

    @Slot(str)
    def start(self, engine: str) -> None:
        try:
            from PySide6.QtTextToSpeech import QTextToSpeech
        except ImportError as error:  # libpulse0 missing: no read-aloud, never a crash
            log.warning("read-aloud unavailable: %s", error)
            self.ready.emit(False)
            return
        if engine and engine not in QTextToSpeech.availableEngines():
            log.warning("read-aloud engine %r not installed", engine)
            self.ready.emit(False)
            return
        if engine in ("", "speechd") and not speechd_answers():
            log.warning(
                "read-aloud: speech-dispatcher does not answer; no read-aloud until the kiosk restarts"
            )
            self.ready.emit(False)
            return
        tts = QTextToSpeech(engine, self) if engine else QTextToSpeech(self)
        if tts.state() == QTextToSpeech.State.Error:
            log.warning("read-aloud engine failed: %s", tts.errorString())
            tts.deleteLater()
            self.ready.emit(False)
            return
        self.engine = tts
        tts.stateChanged.connect(lambda state: self.stateChanged.emit(state.name))
        tts.sayingWord.connect(lambda word, *_: self.wordSaid.emit(word))
        self._choose_french()
        self.ready.emit(True)

    def _choose_french(self) -> None:
        french = [loc for loc in self.engine.availableLocales() if loc.language() == QLocale.Language.French]
        if french:
            preferred = next((loc for loc in french if loc.territory() == QLocale.Country.France), french[0])
            self.engine.setLocale(preferred)
        voices = [
            v for v in self.engine.availableVoices() if v.locale().language() == QLocale.Language.French
        ]
        if voices:
            self.engine.setVoice(voices[0])
        self.engine.setRate(-0.1)  # a little slower than the default: easier to follow

    @Slot(str)
    def say(self, text: str) -> None:
        if self.engine is not None:
            self.engine.stop()
            self.engine.say(text)

    @Slot()
    def stop(self) -> None:
        if self.engine is not None:
            self.engine.stop()


def speechd_answers(runtime_dir: str | None = None) -> bool:
    """False when a speech-dispatcher is listening but does not greet a client within a second: making a
    QTextToSpeech on it would hang while holding Python's lock, which stops the whole kiosk. True when it
    answers, or when none runs yet (the engine starts one)."""
    base = runtime_dir or os.environ.get("XDG_RUNTIME_DIR") or str(Path.home() / ".cache")
    path = os.environ.get("SPEECHD_SOCK") or str(Path(base) / "speech-dispatcher" / "speechd.sock")
    if not Path(path).exists():
        return True
    try:
        with socket.socket(socket.AF_UNIX, socket.SOCK_STREAM) as client:
            client.settimeout(SPEECHD_ANSWER_S)
            client.connect(path)
            client.sendall(b"SET self CLIENT_NAME kiosk:probe:main\r\n")
            return client.recv(64).startswith(b"2")
    except ConnectionRefusedError:
        return True  # a socket left behind by a daemon that ended: the engine starts a new one
    except OSError:
        return False
