"""`kiosk diagnostic decode` on a broken content folder: every kind of problem names the file or folder and
why, so the error never ends on its colon (a plain install without package data printed just the header)."""

from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path

import pytest

from kiosk.diagnostic.code import encode
from kiosk.diagnostic.engine import Result, group_of
from kiosk.diagnostic.loader import bundled_content_path, content_dir
from kiosk.diagnostic.schema import NOT_ASSESSED, ContentFile
from kiosk.diagnostic.sheet import decode_command

HEADER = "Le contenu du diagnostic a des erreurs :"


@pytest.fixture
def code(content: ContentFile) -> str:
    levels = ("autonome", "avec_aide", *([NOT_ASSESSED] * (len(content.areas) - 2)))
    return encode(Result(content.version, levels, group_of(content, levels), frozenset(), False), content)


def missing(folder: Path) -> Path:
    return folder


def a_file(folder: Path) -> Path:
    folder.write_text("", encoding="utf-8")
    return folder


def empty(folder: Path) -> Path:
    folder.mkdir()
    (folder / "README.md").write_text("no content here\n", encoding="utf-8")
    return folder


def broken_yaml(folder: Path) -> Path:
    shutil.copytree(content_dir(), folder)
    (folder / "contenu.yaml").write_text("version: [1\n", encoding="utf-8")
    return folder / "contenu.yaml"


def content_is_a_folder(folder: Path) -> Path:
    folder.mkdir()
    (folder / "contenu.yaml").mkdir()
    return folder / "contenu.yaml"


def dangling_link(folder: Path) -> Path:
    folder.mkdir()
    (folder / "contenu.yaml").symlink_to(folder / "gone.yaml")
    return folder / "contenu.yaml"


def two_of_one_version(folder: Path) -> Path:
    shutil.copytree(content_dir(), folder)
    shutil.copy(bundled_content_path(), folder / "contenu-copie.yaml")
    return folder / "contenu.yaml"  # sorted after contenu-copie.yaml: the second of the version


@pytest.mark.parametrize(
    ("make", "why"),
    [
        (missing, "the diagnostic content folder does not exist"),
        (a_file, "this is a file, where the diagnostic content folder should be"),
        (empty, "this folder holds no diagnostic content file (*.yaml)"),
        (broken_yaml, "this is not valid YAML"),
        (content_is_a_folder, "this is a folder, not a file"),
        (dangling_link, "which does not exist"),
        (two_of_one_version, "another file already has version"),
    ],
    ids=lambda v: v.__name__ if isinstance(v, Callable) else "",
)
def test_each_kind_of_broken_content_is_named(tmp_path: Path, code: str, make, why: str) -> None:
    named = make(tmp_path / "diagnostic")

    status, text = decode_command(code, folder=tmp_path / "diagnostic")

    assert status == 2
    header, *problems = text.splitlines()
    assert header == HEADER
    assert problems, text
    assert any(p.startswith(f"{named}:") and why in p for p in problems), problems
    assert not text.rstrip().endswith(":")


def test_the_bundled_folder_decodes(code: str) -> None:
    status, text = decode_command(code, folder=content_dir())
    assert status == 0, text
    assert f"Code : {code}" in text
