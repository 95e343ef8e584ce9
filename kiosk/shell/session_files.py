"""The session's scratch folder as a feature: what it holds is named in the end confirmation ("vos 2
documents"), and its wiper empties it once every screen has let go of its files."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication

from kiosk.session import empty_folder
from kiosk.session_documents import list_documents
from kiosk.shell.destinations import Destination


class SessionFiles:
    name = "session files"

    def __init__(self, scratch_dir: Path):
        self._scratch_dir = scratch_dir

    def destinations(self) -> tuple[Destination, ...]:
        return ()

    def losses(self) -> list[str]:
        count = len(list_documents(self._scratch_dir))
        if count == 1:
            return [QCoreApplication.translate("SessionFiles", "votre document (téléchargé ou scanné)")]
        if count > 1:
            text = QCoreApplication.translate("SessionFiles", "vos {n} documents (téléchargés ou scannés)")
            return [text.format(n=count)]
        return []

    def wipe(self) -> None:
        empty_folder(self._scratch_dir)

    def close(self) -> None:
        pass
