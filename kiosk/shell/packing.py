"""Where each section of home tiles goes in a grid of a fixed number of columns (pure, no Qt)."""

from __future__ import annotations


def pack_sections(sizes: list[int], columns: int) -> list[tuple[int, int]]:
    """(row, first column) of each section of `sizes[i]` tiles, in order.

    A section starts on the row where the previous one ended when it fits in the columns left, else on a new
    row; a section wider than a row continues on the next rows. A row here is a heading above a row of tiles.
    """
    places: list[tuple[int, int]] = []
    row, column = 0, 0
    for size in sizes:
        if column and column + size > columns:
            row, column = row + 1, 0
        places.append((row, column))
        end = column + size
        extra_rows, column = divmod(end, columns)  # a full last row: the next section starts a fresh one
        row += extra_rows
    return places
