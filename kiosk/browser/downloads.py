"""Keeps a visitor's PDFs and images in the session's scratch folder; refuses every other download.

Each accepted download is written into its own hidden folder inside the scratch folder, its first bytes are
checked once it has arrived, and only then is it moved to its plain, unique name ("attestation.pdf",
"attestation (2).pdf"). A refused, interrupted or mislabelled download leaves nothing behind. Nothing is ever
written outside the scratch folder, and no outside program is ever opened.
"""

from __future__ import annotations

import contextlib
import logging
import os
import shutil
import uuid
from pathlib import Path

from PySide6.QtCore import QObject, Signal
from PySide6.QtWebEngineCore import QWebEngineDownloadRequest, QWebEngineProfile

from kiosk.browser import download_policy as policy
from kiosk.session_documents import HEAD_BYTES, safe_name

log = logging.getLogger(__name__)
State = QWebEngineDownloadRequest.DownloadState
PARTIAL_DIR = ".downloading"  # inside the scratch folder: files still arriving or being checked


class DownloadKeeper(QObject):
    documentReady = Signal(str, str)  # path of the kept file, its MIME type (from its content)
    refused = Signal(str)  # a download_policy.REFUSED_* reason code
    failed = Signal()  # the download was interrupted (network, disk)

    def __init__(self, scratch_dir: Path, max_bytes: int = policy.MAX_BYTES, parent: QObject | None = None):
        super().__init__(parent)
        self.scratch_dir = Path(scratch_dir)
        self.max_bytes = max_bytes
        self._active: dict[QWebEngineDownloadRequest, _Arrival] = {}

    def watch(self, profile: QWebEngineProfile) -> None:
        profile.downloadRequested.connect(self._on_requested)

    def cancel_all(self) -> None:
        """Session wiper: stops every download still arriving; their partial files are removed."""
        for download in list(self._active):
            self._active[download].quiet = True
            download.cancel()

    def _on_requested(self, download: QWebEngineDownloadRequest) -> None:
        announced = policy.classify(download.mimeType(), download.suggestedFileName())
        if announced is None or download.isSavePageDownload():
            download.cancel()
            self.refused.emit(policy.REFUSED_TYPE)
            return
        if download.totalBytes() > self.max_bytes:
            download.cancel()
            self.refused.emit(policy.REFUSED_TOO_LARGE)
            return
        folder = self.scratch_dir / PARTIAL_DIR / uuid.uuid4().hex
        try:
            folder.mkdir(parents=True, mode=0o700)
        except OSError as error:
            log.warning("download not kept: scratch folder unusable (%s)", error.strerror)
            download.cancel()
            self.failed.emit()
            return
        arrival = _Arrival(announced, download.suggestedFileName(), folder)
        self._active[download] = arrival
        download.setDownloadDirectory(str(folder))
        download.setDownloadFileName("arriving")  # never the server's name, even inside our own folder
        download.receivedBytesChanged.connect(lambda d=download: self._check_size(d))
        download.stateChanged.connect(lambda state, d=download: self._on_state(d, state))
        download.accept()

    def _check_size(self, download: QWebEngineDownloadRequest) -> None:
        arrival = self._active.get(download)
        if arrival is not None and not arrival.too_large and download.receivedBytes() > self.max_bytes:
            arrival.too_large = True
            download.cancel()

    def _on_state(self, download: QWebEngineDownloadRequest, state: State) -> None:
        # Chromium retries a broken transfer by itself; "interrupted" comes after its last try. An interrupted
        # download could be resumed, so it never counts as finished: the keeper cancels it and lets it go.
        if state not in (State.DownloadCompleted, State.DownloadCancelled, State.DownloadInterrupted):
            return
        arrival = self._active.pop(download, None)
        if arrival is None:
            return
        if state == State.DownloadInterrupted:
            download.cancel()  # Chromium drops its partial file too
        try:
            if state == State.DownloadCompleted:
                outcome = self._keep(arrival)
            elif arrival.too_large:
                outcome = (self.refused, policy.REFUSED_TOO_LARGE)
            else:
                outcome = None if arrival.quiet else (self.failed,)
        finally:
            _remove(arrival.folder)  # before anyone hears of it: nothing partial is ever seen
        if outcome is not None:
            signal, *args = outcome
            signal.emit(*args)

    def _keep(self, arrival: _Arrival) -> tuple:
        """Moves a completed download to its plain name if its bytes are what it said; the signal to send."""
        partial = arrival.folder / "arriving"
        try:
            with partial.open("rb") as file:
                head = file.read(HEAD_BYTES)
        except OSError:
            return (self.failed,)
        kept_as = policy.check_content(arrival.announced, head)
        if kept_as is None:
            return (self.refused, policy.REFUSED_CONTENT)
        target = None
        try:
            target = _claim(self.scratch_dir, arrival.suggested, kept_as)
            os.replace(partial, target)
        except OSError:
            if target is not None:
                target.unlink(missing_ok=True)
            return (self.failed,)
        return (self.documentReady, str(target), kept_as)


class _Arrival:
    """What the keeper knows about one download on its way in."""

    def __init__(self, announced: str, suggested: str, folder: Path):
        self.announced = announced
        self.suggested = suggested
        self.folder = folder
        self.too_large = False
        self.quiet = False  # cancelled by the kiosk itself (session end): no "failed"


def _claim(folder: Path, suggested: str, mime: str) -> Path:
    """Creates an empty placeholder under a plain name nobody uses yet in `folder`, and returns its path."""
    existing = set(os.listdir(folder))
    while True:
        name = safe_name(suggested, mime, existing)
        target = folder / name
        if target.parent != folder or "/" in name or name.startswith("."):  # safe_name makes this impossible
            raise OSError("unsafe name")
        try:
            os.close(os.open(target, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600))
            return target
        except FileExistsError:
            existing.add(name)


def _remove(folder: Path) -> None:
    shutil.rmtree(folder, ignore_errors=True)
    with contextlib.suppress(OSError):
        folder.parent.rmdir()  # the partial folder itself, once no other download uses it
