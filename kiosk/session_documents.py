"""The current visitor's documents (downloads, scans, pages of sites made into PDFs), which a web page may
receive through `<input type=file>` and the print wizard may print. Pure: no Qt.

`list_documents()` reads the session's scratch folder: PDFs and images only, newest first. Hidden files,
partial downloads, empty files, folders and symbolic links are never offered: a link could point anywhere on
the terminal's disk.

`accepts()` honours the page's `accept=` values as QtWebEngine hands them to `chooseFiles`: MIME types
("application/pdf"), wildcards ("image/*", "*/*") and extensions (".pdf", ".JPG"), compared without case.
An empty list, or one without any usable value, accepts anything (as the HTML standard says).
"""

from __future__ import annotations

import os
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

Kind = Literal["pdf", "image"]

# The types the kiosk can show as a thumbnail and send, with their usual extensions (the first is canonical).
EXTENSIONS: dict[str, tuple[str, ...]] = {
    "application/pdf": (".pdf",),
    "image/png": (".png",),
    "image/jpeg": (".jpg", ".jpeg", ".jpe", ".jfif"),
    "image/gif": (".gif",),
    "image/webp": (".webp",),
    "image/bmp": (".bmp",),
    "image/tiff": (".tif", ".tiff"),
}
MIME_BY_EXTENSION = {extension: mime for mime, extensions in EXTENSIONS.items() for extension in extensions}
ALIASES = {  # non-standard names sites still write in accept=
    "image/jpg": "image/jpeg",
    "image/pjpeg": "image/jpeg",
    "application/x-pdf": "application/pdf",
    "image/x-png": "image/png",
}
# What a download or a scan looks like while it is still being written.
PARTIAL_SUFFIXES = (".part", ".partial", ".crdownload", ".download", ".tmp", "~")


@dataclass(frozen=True)
class SessionDocument:
    path: Path
    name: str  # the file's name, as the web page receives it
    mime: str
    kind: Kind

    @property
    def shown_name(self) -> str:
        """What the visitor reads for it: see `shown_name()`."""
        return shown_name(self.name)


def shown_name(name: str) -> str:
    """A document's name as a visitor reads it: no file-type ending ("Page CAF.pdf" → "Page CAF"), underscores
    as spaces ("releve_de_compte.pdf" → "releve de compte"). The file on disk keeps its real name."""
    stem, suffix = os.path.splitext(name)
    if suffix.lower() in MIME_BY_EXTENSION and stem.strip(" ._"):
        name = stem
    return " ".join(name.replace("_", " ").split()) or name


def list_documents(scratch_dir: Path) -> list[SessionDocument]:
    """The PDFs and images in `scratch_dir` (not its sub-folders), newest first; [] when it does not exist."""
    found: list[tuple[float, str, SessionDocument]] = []
    try:
        entries = list(os.scandir(scratch_dir))
    except OSError:
        return []
    for entry in entries:
        document = _document(entry)
        if document is None:
            continue
        try:
            modified = entry.stat(follow_symlinks=False).st_mtime
        except OSError:
            continue  # deleted meanwhile
        found.append((modified, entry.name, document))
    found.sort(key=lambda item: (-item[0], item[1]))
    return [document for _, _, document in found]


def accepts(document: SessionDocument, accept: Iterable[str]) -> bool:
    """Whether a page whose `<input type=file>` says `accept` may receive `document`."""
    values = _accept_values(accept)
    if not values:
        return True
    extension = Path(document.name).suffix.lower()
    extensions = {extension, *EXTENSIONS.get(document.mime, ())}
    major = document.mime.split("/")[0]
    for value in values:
        if value.startswith("."):
            if value in extensions:
                return True
        elif value == "*/*" or value == f"{major}/*" or value == document.mime:
            return True
    return False


def filter_documents(documents: Iterable[SessionDocument], accept: Iterable[str]) -> list[SessionDocument]:
    """The documents `accept` allows, in the same order."""
    return [document for document in documents if accepts(document, accept)]


def _document(entry: os.DirEntry) -> SessionDocument | None:
    name = entry.name
    if name.startswith((".", "~")) or name.lower().endswith(PARTIAL_SUFFIXES):
        return None
    try:
        if not entry.is_file(follow_symlinks=False) or entry.stat(follow_symlinks=False).st_size == 0:
            return None
    except OSError:
        return None
    mime = MIME_BY_EXTENSION.get(Path(name).suffix.lower())
    if mime is None:
        return None
    return SessionDocument(Path(entry.path), name, mime, "pdf" if mime == "application/pdf" else "image")


def _accept_values(accept: Iterable[str]) -> list[str]:
    """Lower-case, trimmed values; a value may itself hold several separated by commas."""
    values = []
    for raw in accept:
        for part in raw.split(","):
            value = part.split(";")[0].strip().lower()
            if value.startswith(".") and len(value) > 1:
                values.append(value)
            elif value.count("/") == 1 and all(value.split("/")):
                values.append(ALIASES.get(value, value))
    return values
