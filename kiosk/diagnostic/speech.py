"""Read-aloud for the diagnostic: a thin wrapper around QTextToSpeech that prefers a French voice.

`QTextToSpeech.say()` returns at once (the engine speaks on its own thread or process), so the GUI thread
never waits. Without a working engine `available()` is false and the screens hide their "Écouter" buttons.
This is the only module that imports QtTextToSpeech (it needs the Debian package libpulse0)."""

from __future__ import annotations

import logging

from PySide6.QtCore import QLocale, QObject

log = logging.getLogger(__name__)


class Speech(QObject):
    """`Speech()` takes the system's default engine, `Speech("speechd")` or `Speech("mock")` a named one."""

    def __init__(self, engine: str | None = None, parent: QObject | None = None):
        super().__init__(parent)
        self.engine = None
        try:
            from PySide6.QtTextToSpeech import QTextToSpeech
        except ImportError as error:  # libpulse0 missing: no read-aloud, never a crash
            log.warning("read-aloud unavailable: %s", error)
            return
        if engine is not None and engine not in QTextToSpeech.availableEngines():
            log.warning("read-aloud engine %r not installed", engine)
            return
        tts = QTextToSpeech(engine, self) if engine is not None else QTextToSpeech(self)
        if tts.state() == QTextToSpeech.State.Error:
            log.warning("read-aloud engine failed: %s", tts.errorString())
            tts.deleteLater()
            return
        self.engine = tts
        self._choose_french()

    def _choose_french(self) -> None:
        french = [loc for loc in self.engine.availableLocales() if loc.language() == QLocale.Language.French]
        if french:
            preferred = next(
                (loc for loc in french if loc.territory() == QLocale.Territory.France), french[0]
            )
            self.engine.setLocale(preferred)
        voices = [
            v for v in self.engine.availableVoices() if v.locale().language() == QLocale.Language.French
        ]
        if voices:
            self.engine.setVoice(voices[0])
        self.engine.setRate(-0.1)  # a little slower than the default: easier to follow

    def available(self) -> bool:
        return self.engine is not None

    def say(self, text: str) -> None:
        if self.engine is not None:
            self.engine.stop()
            self.engine.say(text)

    def stop(self) -> None:
        if self.engine is not None:
            self.engine.stop()
