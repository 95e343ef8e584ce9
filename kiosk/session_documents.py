"""The visitor's documents, in one place (pure: no Qt): which file types the kiosk handles and their
extensions, how a file's bytes show its type, how a kept file is named, and which files of the session's
scratch folder are its documents. The browser's downloads, the upload chooser, the document viewer, the print
wizard and the picture-to-PDF step all read the one table below, so they cannot disagree.

The types are those the kiosk can show (QtPdf, QImage), print (a picture is made into a PDF by img2pdf) and
hand to a web page: PDF, PNG, JPEG, GIF and WebP. BMP and TIFF are not among them: a download of either is
refused, so none is ever in the session's folder (a TIFF may also hold several pages the viewer would not
show).

`list_documents()` reads the session's scratch folder: documents of those types only, newest first. Hidden
files, partial downloads, empty files, folders and symbolic links are never offered: a link could point
anywhere on the terminal's disk.

`accepts()` honours the page's `accept=` values as QtWebEngine hands them to `chooseFiles`: MIME types
("application/pdf"), wildcards ("image/*", "*/*") and extensions (".pdf", ".JPG"), compared without case.
An empty list, or one without any usable value, accepts anything (as the HTML standard says).
"""

from __future__ import annotations

import os
import re
import unicodedata
from collections.abc import Collection, Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

Kind = Literal["pdf", "image"]

PDF = "application/pdf"
PNG = "image/png"
JPEG = "image/jpeg"
GIF = "image/gif"
WEBP = "image/webp"

# The one table of the types the kiosk handles, with their extensions (the first one is the one a kept file
# gets). Everything else about types below is derived from it.
EXTENSIONS: dict[str, tuple[str, ...]] = {
    PDF: (".pdf",),
    PNG: (".png",),
    JPEG: (".jpg", ".jpeg", ".jpe"),
    GIF: (".gif",),
    WEBP: (".webp",),
}
TYPES: tuple[str, ...] = tuple(EXTENSIONS)
IMAGES = frozenset(mime for mime in TYPES if mime.startswith("image/"))
MIME_BY_EXTENSION = {extension: mime for mime, extensions in EXTENSIONS.items() for extension in extensions}
ALIASES = {  # non-standard names servers send and sites still write in accept=
    "application/x-pdf": PDF,
    "application/acrobat": PDF,
    "image/jpg": JPEG,
    "image/pjpeg": JPEG,
    "image/x-png": PNG,
}
HEAD_BYTES = 1024  # how much of a file `sniff` needs
NAME_LIMIT = 80  # characters of stem kept from a suggested name
NAME_BYTES = 200  # and at most this many bytes of it (a file name holds 255)
_FORBIDDEN = re.compile(r'[\x00-\x1f\x7f<>:"/\\|?*]')
# What a download or a scan looks like while it is still being written.
PARTIAL_SUFFIXES = (".part", ".partial", ".crdownload", ".download", ".tmp", "~")


def kind_of(mime: str) -> Kind:
    return "pdf" if mime == PDF else "image"


def normalise_mime(mime: str) -> str:
    """`"Application/PDF; charset=binary"` → `"application/pdf"`, with common aliases mapped."""
    base = mime.split(";", 1)[0].strip().lower()
    return ALIASES.get(base, base)


def extension_of(name: str) -> str:
    """The lower-case extension of the last path part of `name`, with its dot ("" if none)."""
    last = re.split(r"[/\\]", name)[-1]
    stem, dot, ext = last.rpartition(".")
    return f".{ext.lower()}" if dot and stem.strip(". ") else ""


def sniff(head: bytes) -> str | None:
    """The type the first bytes of a file show, or None (an executable, an archive, text…)."""
    if head.startswith(b"\x89PNG\r\n\x1a\n"):
        return PNG
    if head.startswith(b"\xff\xd8\xff"):
        return JPEG
    if head.startswith((b"GIF87a", b"GIF89a")):
        return GIF
    if head[:4] == b"RIFF" and head[8:12] == b"WEBP":
        return WEBP
    # A BOM or blank lines before the header are seen from real servers; anything else is not a PDF.
    if head.removeprefix(b"\xef\xbb\xbf").lstrip(b" \t\r\n\x00").startswith(b"%PDF-"):
        return PDF
    return None


def sniff_file(path: Path) -> str | None:
    """`sniff` on a file's first bytes; None when it cannot be read (a file name can say anything)."""
    try:
        with path.open("rb") as file:
            return sniff(file.read(HEAD_BYTES))
    except OSError:
        return None


def safe_name(suggested: str, mime: str, existing: Collection[str] = ()) -> str:
    """A plain file name for a document of type `mime`: the readable stem of `suggested` (never its folders),
    the extension of `mime`, and " (2)", " (3)"… when `existing` (names already in the folder) holds it."""
    last = re.split(r"[/\\]", unicodedata.normalize("NFC", suggested))[-1]
    stem, dot, ext = last.rpartition(".")
    if dot and re.fullmatch(r"[A-Za-z0-9]{1,5}", ext):
        given = f".{ext.lower()}"  # a short extension (".php", ".pdf") is dropped: the type sets its own
    else:
        stem, given = last, ""  # "rapport.version finale": the dot is part of the name
    extension = given if given in EXTENSIONS[mime] else EXTENSIONS[mime][0]
    stem = "".join(c for c in _FORBIDDEN.sub(" ", stem) if unicodedata.category(c)[0] != "C")
    stem = re.sub(r"\s+", " ", stem).strip(" .")[:NAME_LIMIT]
    while len(stem.encode()) > NAME_BYTES:  # file systems count bytes, not characters
        stem = stem[:-1]
    stem = stem.strip(" .")
    if not stem:
        stem = "document" if mime == PDF else "image"
    taken = {name.casefold() for name in existing}
    name, n = f"{stem}{extension}", 1
    while name.casefold() in taken:
        n += 1
        name = f"{stem} ({n}){extension}"
    return name


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
    """The documents in `scratch_dir` (not its sub-folders), newest first; [] when it does not exist."""
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
    return SessionDocument(Path(entry.path), name, mime, kind_of(mime))


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
