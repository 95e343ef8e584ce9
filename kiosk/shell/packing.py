"""How the home's sections of tiles are laid out on pages that never scroll (pure, no Qt).

A page is a grid of a fixed number of columns, made of bands: a band is one row of tiles, as high as its
highest tile, with a line of headings above it when a section starts there. Sections keep their order. A
section shares a band with the next one only when both are whole in it, so that every heading stands above
its own tiles and no tile of one category sits below another's heading. A section too long for the rest of
a page goes on the next page; only a section longer than a whole page is split, its heading repeated
(`continued`) above the rest.
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
    """Pixels of room a page has and of what it holds besides tiles, each with the spacing below it."""

    room: int
    heading: int  # the line of headings
    navigation: int = 0  # the page buttons, taken from the room when there is more than one page


def paginate(sections: list[list[int]], columns: int, heights: Heights) -> list[list[Piece]]:
    """The pages of the sections, given the height of each of their tiles (with the spacing below it): one
    page when everything fits the room, else as many pages as needed, each with room for the page buttons.
    Never an empty page but when there is no tile; always at least one page."""
    pages = _fill(sections, columns, heights.room, heights.heading)
    if len(pages) > 1:
        pages = _fill(sections, columns, heights.room - heights.navigation, heights.heading)
    return pages


def _fill(sections: list[list[int]], columns: int, room: int, heading: int) -> list[list[Piece]]:
    pages: list[list[Piece]] = [[]]
    used = 0  # pixels taken on the current page
    band, column = -1, columns  # the current band, and the first free column in it (none: a new band)
    band_height = 0
    shareable = False  # every piece in the current band is a whole section that started there
    for section, tiles in enumerate(sections):
        first = 0
        while first < len(tiles):
            rest = tiles[first:]
            growth = max(0, max(rest) - band_height)
            if first == 0 and shareable and column + len(rest) <= columns and used + growth <= room:
                pages[-1].append(Piece(section, 0, len(rest), band, column))
                column += len(rest)
                used += growth
                band_height += growth
                break
            bands = [max(rest[i : i + columns]) for i in range(0, len(rest), columns)]
            if pages[-1] and used + heading + sum(bands) > room:
                pages.append([])
                used, band = 0, -1
            taken = 1  # the first band goes on the page even when it does not fit: nothing smaller would
            while taken < len(bands) and used + heading + sum(bands[: taken + 1]) <= room:
                taken += 1
            count = min(len(rest), taken * columns)
            pages[-1].append(Piece(section, first, count, band + 1, 0, continued=first > 0))
            used += heading + sum(bands[:taken])
            band += taken
            band_height = bands[taken - 1]
            first += count
            shareable = count == len(tiles) and taken == 1
            column = count if shareable else columns
    return pages
