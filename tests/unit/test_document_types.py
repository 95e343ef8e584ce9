"""The session's documents, one table for all (kiosk.session_documents): the types and their extensions,
content sniffing, and safe unique names. Pure: it imports without PySide6."""

from __future__ import annotations

import subprocess
import sys

import pytest

from kiosk import session_documents as documents
from kiosk.session_documents import GIF, JPEG, PDF, PNG, WEBP, safe_name, sniff

PDF_HEAD = b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj"
PNG_HEAD = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR"
JPEG_HEAD = b"\xff\xd8\xff\xe0\x00\x10JFIF\x00"
GIF_HEAD = b"GIF89a\x01\x00\x01\x00"
WEBP_HEAD = b"RIFF\x24\x00\x00\x00WEBPVP8 "
EXE_HEAD = b"MZ\x90\x00\x03\x00\x00\x00\x04\x00"
ZIP_HEAD = b"PK\x03\x04\x14\x00\x00\x00"


def test_the_module_imports_without_qt():
    code = (
        "import sys; sys.modules['PySide6'] = None\n"  # any import of PySide6 now fails
        "import kiosk.session_documents, kiosk.browser.download_policy, kiosk.languages\n"
        "print(sorted(m for m in sys.modules if 'PySide6' in m and sys.modules[m] is not None))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "[]"


def test_one_table_of_types():
    assert documents.TYPES == (PDF, PNG, JPEG, GIF, WEBP)
    assert {PNG, JPEG, GIF, WEBP} == documents.IMAGES
    for mime, extensions in documents.EXTENSIONS.items():
        assert all(extension == extension.lower() and extension.startswith(".") for extension in extensions)
        assert all(documents.MIME_BY_EXTENSION[extension] == mime for extension in extensions)
    assert set(documents.ALIASES.values()) <= set(documents.TYPES)
    for refused in (".bmp", ".tif", ".tiff", ".svg", ".exe", ".jfif"):  # see the module's docstring
        assert refused not in documents.MIME_BY_EXTENSION


def test_every_type_is_sniffed_named_listed_and_accepted(tmp_path):
    """What a download keeps, the folder lists and a page's accept= allows: the same types."""
    heads = {PDF: PDF_HEAD, PNG: PNG_HEAD, JPEG: JPEG_HEAD, GIF: GIF_HEAD, WEBP: WEBP_HEAD}
    assert set(heads) == set(documents.TYPES)
    for mime, head in heads.items():
        assert sniff(head) == mime
        name = safe_name("papier", mime)
        (tmp_path / name).write_bytes(head)
        assert documents.sniff_file(tmp_path / name) == mime
    listed = {document.mime: document for document in documents.list_documents(tmp_path)}
    assert set(listed) == set(documents.TYPES)
    for mime, document in listed.items():
        assert document.kind == ("pdf" if mime == PDF else "image")
        assert documents.accepts(document, [mime]) and documents.accepts(
            document, documents.EXTENSIONS[mime][:1]
        )
        assert document.shown_name == "papier"


def test_mime_aliases_and_parameters():
    assert documents.normalise_mime("Application/PDF; charset=binary") == PDF
    assert documents.normalise_mime("image/jpg") == JPEG
    assert documents.normalise_mime("application/acrobat") == PDF
    assert documents.normalise_mime("text/html") == "text/html"


def test_sniff_file_of_a_missing_file(tmp_path):
    assert documents.sniff_file(tmp_path / "absent.pdf") is None


@pytest.mark.parametrize(
    ("head", "expected"),
    [
        (PDF_HEAD, PDF),
        (b"\xef\xbb\xbf\r\n%PDF-1.4", PDF),
        (PNG_HEAD, PNG),
        (JPEG_HEAD, JPEG),
        (GIF_HEAD, GIF),
        (b"GIF87a\x01\x00", GIF),
        (WEBP_HEAD, WEBP),
        (EXE_HEAD, None),
        (ZIP_HEAD, None),
        (b"<html>%PDF-1.4", None),
        (b"RIFF\x24\x00\x00\x00WAVEfmt ", None),
        (b"", None),
    ],
)
def test_sniff_reads_magic_numbers(head, expected):
    assert sniff(head) == expected


@pytest.mark.parametrize(
    ("suggested", "mime", "expected"),
    [
        ("attestation.pdf", PDF, "attestation.pdf"),
        ("Attestation de droits.PDF", PDF, "Attestation de droits.pdf"),
        ("telecharger.php", PDF, "telecharger.pdf"),
        ("setup.exe", PDF, "setup.pdf"),
        ("photo.jpeg", JPEG, "photo.jpeg"),
        ("photo.png", JPEG, "photo.jpg"),  # the content's type sets the extension
        ("../../etc/passwd", PDF, "passwd.pdf"),
        ("..\\..\\Windows\\attestation.pdf", PDF, "attestation.pdf"),
        ("/tmp/attestation.pdf", PDF, "attestation.pdf"),
        ("..", PDF, "document.pdf"),
        (".pdf", PDF, "document.pdf"),
        (".bashrc", PDF, "bashrc.pdf"),
        ("", PNG, "image.png"),
        ("   ", PDF, "document.pdf"),
        ("rapport.version finale", PDF, "rapport.version finale.pdf"),
        ('a<b>c:"d"|e?f*.pdf', PDF, "a b c d e f.pdf"),
        ("nom\x00avec\ncontrôle.pdf", PDF, "nom avec contrôle.pdf"),
        ("facture\u202efdp.exe", PDF, "facturefdp.pdf"),  # no right-to-left override to disguise a name
        ("Relevé  de   compte.pdf", PDF, "Relevé de compte.pdf"),
    ],
)
def test_safe_name_keeps_a_readable_stem_only(suggested, mime, expected):
    assert safe_name(suggested, mime) == expected


def test_safe_name_is_unique_in_the_folder():
    assert safe_name("attestation.pdf", PDF, ["attestation.pdf"]) == "attestation (2).pdf"
    existing = ["attestation.pdf", "ATTESTATION (2).PDF", "photo.png"]
    assert safe_name("attestation.pdf", PDF, existing) == "attestation (3).pdf"
    assert safe_name("photo.png", PNG, []) == "photo.png"


def test_safe_name_is_short_enough_for_any_file_system():
    long_name = safe_name("é" * 500 + ".pdf", PDF)
    assert long_name.endswith(".pdf")
    assert len(long_name.encode()) <= 255
    assert len(safe_name("a" * 500 + ".pdf", PDF)) <= documents.NAME_LIMIT + 4


@pytest.mark.parametrize("suggested", ["../x.pdf", "a/../../b.pdf", "..", "/", "\\\\server\\share\\f.pdf"])
def test_safe_name_never_leaves_the_folder(suggested, tmp_path):
    name = safe_name(suggested, PDF)
    assert "/" not in name and "\\" not in name and not name.startswith(".")
    assert (tmp_path / name).resolve().parent == tmp_path.resolve()
