"""A picture of the session (a downloaded JPEG, a photo…) made into a one-page A4 PDF, so that the print
wizard shows and prints it like any document. Pure: no Qt. img2pdf keeps the picture's own bytes (no
re-compression); a transparent picture keeps its transparency as a mask: the paper shows through."""

from __future__ import annotations

import os
from collections.abc import Collection
from pathlib import Path

from kiosk.session_documents import PDF, safe_name

A4_MM = (210, 297)
MARGIN_MM = 10


def pdf_name(image: Path, existing: Collection[str]) -> str:
    """ "photo carte.jpg" → "photo carte.pdf" (or "photo carte (2).pdf" when taken)."""
    return safe_name(image.stem, PDF, existing)


def image_to_pdf(image: Path, target: Path) -> Path:
    """Writes `image` fitted into an A4 page (portrait or landscape, as the picture is) at `target`. Raises
    OSError or ValueError for a file that is not a readable picture; leaves no partial file."""
    import img2pdf

    try:
        pdf = _convert(img2pdf, image.read_bytes())
    except img2pdf.ImageOpenError as error:
        raise ValueError(f"not a picture: {error}") from error
    partial = target.with_name(f".{target.name}.part")
    try:
        partial.write_bytes(pdf)
        os.replace(partial, target)
    except BaseException:
        partial.unlink(missing_ok=True)
        raise
    return target


def _convert(img2pdf, data: bytes) -> bytes:
    width, height = (img2pdf.mm_to_pt(size) for size in A4_MM)
    border = img2pdf.mm_to_pt(MARGIN_MM)
    layout = img2pdf.get_layout_fun(
        pagesize=(width, height), border=(border, border), fit=img2pdf.FitMode.into, auto_orient=True
    )
    return img2pdf.convert(data, layout_fun=layout)
