"""How the home's sections of tiles are laid out on pages that never scroll (pure, no Qt).

A page is a grid of a fixed number of columns, made of bands: a band is one row of tiles, with a line of
headings above it when a section starts there. Sections keep their order. A section shares a band with the
next one only when both are whole in it, so that every heading stands above its own tiles and no tile of
one category sits below another's heading. A section too long for the rest of a page goes on the next page;
only a section longer than a whole page is split, its heading repeated (`continued`) above the rest.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Piece:
    """Tiles `first` to `first + count - 1` of section `section`, from band `band`, column `column` on."""

    section: int
    first: int
    count: int
    band: int
    column: int
    continued: bool = False  # its heading was already shown on an earlier page


@dataclass(frozen=True)
class Heights:
    """Pixels of room a page has and of what it holds, each with the spacing below it."""

    room: int
    heading: int  # the line of headings
    row: int  # one row of tiles
    navigation: int = 0  # the page buttons, taken from the room when there is more than one page


def paginate(sizes: list[int], columns: int, heights: Heights) -> list[list[Piece]]:
    """The pages of sections of `sizes[i]` tiles: one page when everything fits the room, else as many
    pages as needed, each with room for the page buttons. Never an empty page; at least one."""
    pages = _fill(sizes, columns, heights.room, heights)
    if len(pages) > 1:
        pages = _fill(sizes, columns, heights.room - heights.navigation, heights)
    return pages


def _fill(sizes: list[int], columns: int, room: int, heights: Heights) -> list[list[Piece]]:
    pages: list[list[Piece]] = [[]]
    used = 0  # pixels taken on the current page
    band, column = -1, columns  # the current band, and the first free column in it (none: a new band)
    shareable = False  # every piece in the current band is a whole section that started there
    for section, size in enumerate(sizes):
        first = 0
        while first < size:
            left = size - first
            if first == 0 and shareable and column + left <= columns:
                pages[-1].append(Piece(section, 0, left, band, column))
                column += left
                break
            start_cost = heights.heading + heights.row
            whole_cost = start_cost + (-(-left // columns) - 1) * heights.row
            if pages[-1] and used + whole_cost > room:
                pages.append([])
                used, band = 0, -1
            spare_rows = max(0, (room - used - start_cost) // heights.row)
            rows = min(-(-left // columns), 1 + spare_rows)
            count = min(left, rows * columns)
            band += 1
            pages[-1].append(Piece(section, first, count, band, 0, continued=first > 0))
            used += start_cost + (rows - 1) * heights.row
            band += rows - 1
            first += count
            whole = count == size
            shareable = whole and rows == 1
            column = count if shareable else columns
    return pages
