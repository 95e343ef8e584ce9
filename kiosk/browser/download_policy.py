"""Which downloads the kiosk keeps, how it checks their content, and how it names them (pure: no Qt).

A visitor may keep PDFs and images (PNG, JPEG, GIF, WebP); everything else is refused. Servers lie, so the
decision uses the MIME type and the file name's extension at request time (`classify`), then the first bytes
of the downloaded file (`check_content`): an .exe served as `application/pdf` is refused once it has arrived.
Kept files get a plain, unique, safe name (`safe_name`): the server's name is only a hint for the stem.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Collection
from pathlib import Path

PDF = "application/pdf"
PNG = "image/png"
JPEG = "image/jpeg"
GIF = "image/gif"
WEBP = "image/webp"
ACCEPTED = (PDF, PNG, JPEG, GIF, WEBP)
IMAGES = frozenset({PNG, JPEG, GIF, WEBP})

# Reason codes for a refused download (counted, never logged with a URL or a name).
REFUSED_TYPE = "type-refused"  # neither a PDF nor an image, by its MIME type or its name
REFUSED_CONTENT = "content-mismatch"  # announced as a PDF or an image, but its bytes say otherwise
REFUSED_TOO_LARGE = "too-large"

MAX_BYTES = 50 * 1024 * 1024  # an attestation or a photo; more is not a document a visitor needs here
HEAD_BYTES = 1024  # how much of a file `check_content` needs

EXTENSIONS = {  # the first one is the one a kept file gets
    PDF: (".pdf",),
    PNG: (".png",),
    JPEG: (".jpg", ".jpeg", ".jpe"),
    GIF: (".gif",),
    WEBP: (".webp",),
}
_BY_EXTENSION = {ext: mime for mime, exts in EXTENSIONS.items() for ext in exts}
_ALIASES = {
    "application/x-pdf": PDF,
    "application/acrobat": PDF,
    "image/jpg": JPEG,
    "image/pjpeg": JPEG,
    "image/x-png": PNG,
}
# Types that say nothing about the content: the name's extension decides.
GENERIC = frozenset(
    {
        "",
        "application/octet-stream",
        "binary/octet-stream",
        "application/binary",
        "application/unknown",
        "application/download",
        "application/force-download",
        "application/x-download",
        "application/x-unknown",
    }
)
NAME_LIMIT = 80  # characters of stem kept from the server's name
NAME_BYTES = 200  # and at most this many bytes of it (a file name holds 255)
_FORBIDDEN = re.compile(r'[\x00-\x1f\x7f<>:"/\\|?*]')


def normalise_mime(mime: str) -> str:
    """`"Application/PDF; charset=binary"` → `"application/pdf"`, with common aliases mapped."""
    base = mime.split(";", 1)[0].strip().lower()
    return _ALIASES.get(base, base)


def extension_of(name: str) -> str:
    """The lower-case extension of the last path part of `name`, with its dot ("" if none)."""
    last = re.split(r"[/\\]", name)[-1]
    stem, dot, ext = last.rpartition(".")
    return f".{ext.lower()}" if dot and stem.strip(". ") else ""


def classify(mime: str, file_name: str) -> str | None:
    """The accepted type a download announces itself as, or None to refuse it before it starts.

    A specific MIME type decides (a PDF served from "document.php" is still a PDF: its bytes are checked
    later); a generic one (`application/octet-stream`, none) leaves the decision to the name's extension."""
    kind = normalise_mime(mime)
    if kind in ACCEPTED:
        return kind
    if kind in GENERIC:
        return _BY_EXTENSION.get(extension_of(file_name))
    return None


def sniff(head: bytes) -> str | None:
    """The accepted type the first bytes of a file show, or None (an executable, an archive, text…)."""
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


def check_content(announced: str, head: bytes) -> str | None:
    """The type to keep the file as, or None to refuse it: its bytes must be what it announced itself as.

    A PDF must be a PDF; an image may be another accepted image format (servers often mislabel those)."""
    actual = sniff(head)
    if actual is None:
        return None
    if announced == PDF or actual == PDF:
        return actual if actual == announced else None
    return actual


def safe_name(suggested: str, mime: str, existing: Collection[str] = ()) -> str:
    """A plain file name for a kept download: the readable stem of `suggested` (never its folders), the
    extension of `mime`, and " (2)", " (3)"… when `existing` (names already in the folder) holds it."""
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
