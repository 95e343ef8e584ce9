"""The session's documents offered to an upload form: which files count, in which order, and which a page's
`accept=` allows."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from kiosk.session_documents import SessionDocument, accepts, filter_documents, list_documents, shown_name


def write(folder: Path, name: str, age: int = 0, data: bytes = b"x") -> Path:
    """A file `age` minutes older than the newest."""
    path = folder / name
    path.write_bytes(data)
    when = 1_700_000_000 - age * 60
    os.utime(path, (when, when))
    return path


def doc(name: str, mime: str) -> SessionDocument:
    return SessionDocument(Path("/scratch") / name, name, mime, "pdf" if mime.endswith("pdf") else "image")


PDF = doc("attestation.pdf", "application/pdf")
PNG = doc("carte.png", "image/png")
JPEG = doc("photo.JPEG", "image/jpeg")


def test_pdfs_and_images_newest_first(tmp_path):
    write(tmp_path, "ancienne.pdf", age=30)
    write(tmp_path, "scan.png", age=0)
    write(tmp_path, "photo.jpg", age=10)
    documents = list_documents(tmp_path)
    assert [d.name for d in documents] == ["scan.png", "photo.jpg", "ancienne.pdf"]
    assert documents[0] == SessionDocument(tmp_path / "scan.png", "scan.png", "image/png", "image")
    assert documents[2].mime == "application/pdf" and documents[2].kind == "pdf"


def test_same_time_is_ordered_by_name(tmp_path):
    for name in ("b.pdf", "a.pdf", "c.pdf"):
        write(tmp_path, name)
    assert [d.name for d in list_documents(tmp_path)] == ["a.pdf", "b.pdf", "c.pdf"]


@pytest.mark.parametrize(
    "name",
    [
        ".cache.pdf",  # hidden
        "~lock.pdf",
        "facture.pdf.part",  # partial downloads
        "facture.pdf.crdownload",
        "facture.pdf.download",
        "scan.png.tmp",
        "facture.pdf~",
        "notes.txt",  # not a document the kiosk shows
        "programme.exe",
        "scan.bmp",  # not a type of the session's documents: a download of it is refused too
        "scan.tiff",
        "sans-extension",
    ],
)
def test_hidden_partial_and_other_files_are_ignored(tmp_path, name):
    write(tmp_path, name)
    assert list_documents(tmp_path) == []


def test_empty_files_folders_and_links_are_ignored(tmp_path):
    write(tmp_path, "vide.pdf", data=b"")
    (tmp_path / "dossier.pdf").mkdir()
    outside = write(tmp_path / "dossier.pdf", "secret.pdf")
    (tmp_path / "lien.pdf").symlink_to(outside)
    write(tmp_path, "vrai.PDF")
    assert [d.name for d in list_documents(tmp_path)] == ["vrai.PDF"]  # no sub-folders either


def test_a_missing_folder_has_no_documents(tmp_path):
    assert list_documents(tmp_path / "absent") == []


@pytest.mark.parametrize("accept", [[], [""], [" "], ["*"], ["n'importe quoi"]])
def test_no_usable_value_accepts_anything(accept):
    assert accepts(PDF, accept) and accepts(PNG, accept)


@pytest.mark.parametrize(
    ("accept", "pdf", "png", "jpeg"),
    [
        (["application/pdf"], True, False, False),
        (["image/*"], False, True, True),
        (["*/*"], True, True, True),
        (["image/png"], False, True, False),
        ([".pdf"], True, False, False),
        ([".jpg"], False, False, True),  # photo.JPEG: .jpg and .jpeg are the same type
        ([".jpeg"], False, False, True),
        ([".PNG"], False, True, False),  # case does not matter, either side
        (["Application/PDF"], True, False, False),
        (["IMAGE/*"], False, True, True),
        (["image/jpg"], False, False, True),  # a common misspelling of image/jpeg
        (["application/pdf", ".png"], True, True, False),  # several values: any one is enough
        ([".pdf, image/jpeg"], True, False, True),  # several in one string
        ([" .pdf "], True, False, False),
        (["video/*"], False, False, False),
        ([".docx"], False, False, False),
        (["application/pdf;q=1"], True, False, False),
    ],
)
def test_accept_values(accept, pdf, png, jpeg):
    assert (accepts(PDF, accept), accepts(PNG, accept), accepts(JPEG, accept)) == (pdf, png, jpeg)


def test_filter_keeps_the_order():
    documents = [PNG, PDF, JPEG]
    assert filter_documents(documents, ["image/*"]) == [PNG, JPEG]
    assert filter_documents(documents, []) == documents
    assert filter_documents(documents, [".doc"]) == []


@pytest.mark.parametrize(
    ("name", "shown"),
    [
        ("Page CAF.pdf", "Page CAF"),
        ("Document scanné 1.pdf", "Document scanné 1"),
        ("releve_de_compte.PDF", "releve de compte"),
        ("photo.jpeg", "photo"),
        ("notes.txt", "notes.txt"),  # not a document type: said as it is
        (".pdf", ".pdf"),
        ("avis v2.final.pdf", "avis v2.final"),
    ],
)
def test_a_document_is_shown_without_its_file_type(name, shown):
    assert shown_name(name) == shown
