"""Scanned pages → one PDF, without re-compressing them, under a plain name (no Qt; `assemble` blocks).

img2pdf puts each PNG in the PDF as it is (lossless: no new compression, the page size from the image's
resolution). A page the visitor turned gets the PDF's /Rotate key (pikepdf, which img2pdf uses already): no
pixel is touched. The PDF is written under a hidden partial name and renamed when complete, so the list of
the session's documents never offers half a file.
"""

from __future__ import annotations

import io
import os
import re
from collections.abc import Collection, Sequence
from dataclasses import dataclass
from pathlib import Path

BASE_NAME = "Document scanné"
_NUMBERED = re.compile(rf"^{BASE_NAME} (\d+)\.pdf$", re.IGNORECASE)


@dataclass(frozen=True)
class PdfPage:
    image: Path
    rotation: int = 0  # clockwise, a multiple of 90


def document_name(existing: Collection[str]) -> str:
    """ "Document scanné 1.pdf", "Document scanné 2.pdf"…: the first number after those already used, so
    the numbers follow the order the visitor made them (and a name is never reused within a session)."""
    used = [int(match[1]) for name in existing if (match := _NUMBERED.match(name))]
    taken = {name.casefold() for name in existing}
    number = max(used, default=0) + 1
    while f"{BASE_NAME} {number}.pdf".casefold() in taken:
        number += 1
    return f"{BASE_NAME} {number}.pdf"


def assemble(pages: Sequence[PdfPage], target: Path) -> Path:
    """Write `pages` as one PDF at `target`; return `target`. Raises OSError or ValueError on failure (a
    missing or unreadable page), leaving no partial file behind."""
    import img2pdf
    import pikepdf

    if not pages:
        raise ValueError("no page to put in the PDF")
    partial = target.with_name(f".{target.name}.part")
    try:
        data = img2pdf.convert([page.image.read_bytes() for page in pages])
        if any(page.rotation % 360 for page in pages):
            with pikepdf.open(io.BytesIO(data)) as pdf:
                for pdf_page, page in zip(pdf.pages, pages, strict=True):
                    if page.rotation % 360:
                        pdf_page.Rotate = page.rotation % 360
                pdf.save(partial)
        else:
            partial.write_bytes(data)
        os.replace(partial, target)
    except BaseException:
        partial.unlink(missing_ok=True)
        raise
    return target
