"""The download policy: which downloads are kept, by their announced type and then by their bytes."""

from __future__ import annotations

import ast
import pathlib

import pytest

from kiosk.browser import download_policy as policy
from kiosk.browser.download_policy import check_content, classify
from kiosk.session_documents import GIF, JPEG, PDF, PNG, WEBP

PDF_HEAD = b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj"
PNG_HEAD = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR"
JPEG_HEAD = b"\xff\xd8\xff\xe0\x00\x10JFIF\x00"
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
        ("image/tiff", "scan.tiff", None),  # not a type of the session's documents (kiosk.session_documents)
        ("image/bmp", "scan.bmp", None),
        ("application/octet-stream", "scan.tif", None),
        ("application/octet-stream", "photo.bmp", None),
        ("application/acrobat", "attestation.pdf", PDF),  # an alias of the documents' table
    ],
)
def test_classify_by_type_then_by_name(mime, name, expected):
    assert classify(mime, name) == expected


def test_content_must_match_what_was_announced():
    assert check_content(PDF, PDF_HEAD) == PDF
    assert check_content(PDF, EXE_HEAD) is None  # an .exe served as application/pdf
    assert check_content(PDF, PNG_HEAD) is None
    assert check_content(PNG, PDF_HEAD) is None
    assert check_content(PNG, ZIP_HEAD) is None
    assert check_content(JPEG, PNG_HEAD) == PNG  # a mislabelled image is kept as what it is
    assert check_content(PNG, PNG_HEAD) == PNG
