"""Which downloads the kiosk keeps (pure: no Qt). The types, their content sniffing and the names kept files
get are the session's documents' (kiosk.session_documents): this module only decides.

A visitor may keep documents of those types (PDFs and images); everything else is refused. Servers lie, so
the decision uses the MIME type and the file name's extension at request time (`classify`), then the first
bytes of the downloaded file (`check_content`): an .exe served as `application/pdf` is refused once it has
arrived. Kept files get a plain, unique, safe name (`session_documents.safe_name`): the server's name is only
a hint for the stem.
"""

from __future__ import annotations

from kiosk.session_documents import MIME_BY_EXTENSION, PDF, TYPES, extension_of, normalise_mime, sniff

# Reason codes for a refused download: the download keeper's `refused` signal carries one, so the screen can
# tell the visitor; nothing counts or logs them.
REFUSED_TYPE = "type-refused"  # not a type of the session's documents, by its MIME type or its name
REFUSED_CONTENT = "content-mismatch"  # announced as a PDF or an image, but its bytes say otherwise
REFUSED_TOO_LARGE = "too-large"

MAX_BYTES = 50 * 1024 * 1024  # an attestation or a photo; more is not a document a visitor needs here

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


def classify(mime: str, file_name: str) -> str | None:
    """The document type a download announces itself as, or None to refuse it before it starts.

    A specific MIME type decides (a PDF served from "document.php" is still a PDF: its bytes are checked
    later); a generic one (`application/octet-stream`, none) leaves the decision to the name's extension."""
    kind = normalise_mime(mime)
    if kind in TYPES:
        return kind
    if kind in GENERIC:
        return MIME_BY_EXTENSION.get(extension_of(file_name))
    return None


def check_content(announced: str, head: bytes) -> str | None:
    """The type to keep the file as, or None to refuse it: its bytes must be what it announced itself as.

    A PDF must be a PDF; an image may be another image type (servers often mislabel those)."""
    actual = sniff(head)
    if actual is None:
        return None
    if announced == PDF or actual == PDF:
        return actual if actual == announced else None
    return actual
