"""The download policy: which types are kept, how their bytes are checked, and how kept files are named."""

from __future__ import annotations

import ast
import pathlib

import pytest

from kiosk.browser import download_policy as policy
from kiosk.browser.download_policy import GIF, JPEG, PDF, PNG, WEBP, check_content, classify, safe_name, sniff

PDF_HEAD = b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj"
PNG_HEAD = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR"
JPEG_HEAD = b"\xff\xd8\xff\xe0\x00\x10JFIF\x00"
GIF_HEAD = b"GIF89a\x01\x00\x01\x00"
WEBP_HEAD = b"RIFF\x24\x00\x00\x00WEBPVP8 "
EXE_HEAD = b"MZ\x90\x00\x03\x00\x00\x00\x04\x00"
ZIP_HEAD = b"PK\x03\x04\x14\x00\x00\x00"


def test_the_module_is_pure():
    tree = ast.parse(pathlib.Path(policy.__file__).read_text())
    imported = {a.name for n in ast.walk(tree) if isinstance(n, ast.Import) for a in n.names}
    imported |= {n.module for n in ast.walk(tree) if isinstance(n, ast.ImportFrom) and n.module}
    assert not [name for name in imported if name.startswith("PySide6")]


@pytest.mark.parametrize(
    ("mime", "name", "expected"),
    [
        ("application/pdf", "attestation.pdf", PDF),
        ("Application/PDF; charset=binary", "attestation.pdf", PDF),
        ("application/x-pdf", "attestation.pdf", PDF),
        ("application/pdf", "telecharger.php", PDF),  # a PDF from a script: its bytes are checked later
        ("application/pdf", "setup.exe", PDF),  # likewise: refused after arrival if not a PDF
        ("image/png", "photo.png", PNG),
        ("image/jpeg", "photo.jpg", JPEG),
        ("image/jpg", "photo.jpg", JPEG),
        ("image/gif", "anim.gif", GIF),
        ("image/webp", "photo.webp", WEBP),
        ("application/octet-stream", "attestation.pdf", PDF),  # servers lie: the name decides
        ("application/octet-stream", "ATTESTATION.PDF", PDF),
        ("application/force-download", "photo.JPEG", JPEG),
        ("", "scan.png", PNG),
        ("application/octet-stream", "setup.exe", None),
        ("application/octet-stream", "archive.zip", None),
        ("application/octet-stream", "attestation.pdf.exe", None),
        ("application/octet-stream", "sans-extension", None),
        ("application/octet-stream", ".pdf", None),
        ("application/x-msdownload", "setup.exe", None),
        ("application/x-msdownload", "attestation.pdf", None),  # a specific other type is not overruled
        ("application/zip", "archive.zip", None),
        ("application/msword", "lettre.doc", None),
        ("text/html", "page.html", None),
        ("image/svg+xml", "logo.svg", None),  # SVG can hold scripts: not an image the kiosk keeps
        ("image/tiff", "scan.tiff", None),
    ],
)
def test_classify_by_type_then_by_name(mime, name, expected):
    assert classify(mime, name) == expected


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


def test_content_must_match_what_was_announced():
    assert check_content(PDF, PDF_HEAD) == PDF
    assert check_content(PDF, EXE_HEAD) is None  # an .exe served as application/pdf
    assert check_content(PDF, PNG_HEAD) is None
    assert check_content(PNG, PDF_HEAD) is None
    assert check_content(PNG, ZIP_HEAD) is None
    assert check_content(JPEG, PNG_HEAD) == PNG  # a mislabelled image is kept as what it is
    assert check_content(PNG, PNG_HEAD) == PNG


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
    assert len(safe_name("a" * 500 + ".pdf", PDF)) <= policy.NAME_LIMIT + 4


@pytest.mark.parametrize("suggested", ["../x.pdf", "a/../../b.pdf", "..", "/", "\\\\server\\share\\f.pdf"])
def test_safe_name_never_leaves_the_folder(suggested, tmp_path):
    name = safe_name(suggested, PDF)
    assert "/" not in name and "\\" not in name and not name.startswith(".")
    assert (tmp_path / name).resolve().parent == tmp_path.resolve()
