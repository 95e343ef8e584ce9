"""A session picture made into a one-page A4 PDF for printing, without Qt: fitted and turned like the picture,
transparent where the picture is, refused plainly when it is not a picture, never left half-written."""

from __future__ import annotations

from pathlib import Path

import pikepdf
import pytest
from PIL import Image

from kiosk.devices.printer.images import image_to_pdf, pdf_name


def page_size(path) -> tuple[int, int]:
    with pikepdf.open(path) as pdf:
        box = [float(v) for v in pdf.pages[0].MediaBox]
        assert len(pdf.pages) == 1
    return round(box[2] - box[0]), round(box[3] - box[1])


def save(tmp_path, name: str, image: Image.Image, fmt: str):
    path = tmp_path / name
    image.save(path, fmt)
    return path


def test_a_landscape_photo_fills_a_landscape_a4(tmp_path):
    photo = save(tmp_path, "photo.jpg", Image.new("RGB", (1600, 1000), "navy"), "JPEG")
    target = image_to_pdf(photo, tmp_path / "photo.pdf")
    assert page_size(target) == (842, 595)


def test_a_transparent_picture_keeps_its_transparency_as_a_mask(tmp_path):
    logo = save(tmp_path, "logo.png", Image.new("RGBA", (300, 600), (0, 0, 145, 0)), "PNG")
    target = image_to_pdf(logo, tmp_path / "logo.pdf")
    assert page_size(target) == (595, 842)
    with pikepdf.open(target) as pdf:
        image = next(iter(pdf.pages[0].get_images().values()))
        assert "/SMask" in image  # where the picture is transparent, the paper shows


def test_a_file_that_is_not_a_picture_is_refused_and_leaves_nothing(tmp_path):
    fake = tmp_path / "photo.jpg"
    fake.write_bytes(b"\xff\xd8\xff\xe0 not really a JPEG")
    with pytest.raises((ValueError, OSError)):
        image_to_pdf(fake, tmp_path / "photo.pdf")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["photo.jpg"]


def test_the_pdf_takes_the_picture_name_without_taking_another_one():
    assert pdf_name(Path("carte vitale.png"), []) == "carte vitale.pdf"
    assert pdf_name(Path("carte.png"), ["carte.pdf"]) == "carte (2).pdf"
