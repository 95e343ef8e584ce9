"""Which counts of the statistics to hide so that no small one can be worked out (pure: counts in, cells out).

A count under `SMALL` is hidden (primary suppression). That alone is not enough where the page shows a total
the count is part of — a headline total, a column's sum, a site's row over its terminals: the one hidden cell
of a column is the total minus the others. So each group of cells whose sum is shown, or can be worked out,
must hide nothing, or at least two cells that add up to `SMALL` or more, or only zeros (a zero says nothing
about anyone). A group that does not gets its smallest shown cell hidden too (secondary suppression), and
every group is checked again until none needs more: a cell hidden for one group may leave another short.
"""

from __future__ import annotations

from collections.abc import Hashable, Iterable, Mapping, Sequence

SMALL = 5


def hidden_cells(
    counts: Mapping[Hashable, int], groups: Iterable[Sequence[Hashable]], small: int = SMALL
) -> set[Hashable]:
    """The cells to hide, among `counts`' keys; `groups` lists the cells whose sums can be known."""
    hidden = {cell for cell, count in counts.items() if count < small}
    groups = [list(group) for group in groups]
    changed = True
    while changed:
        changed = False
        for group in groups:
            inside = [cell for cell in group if cell in hidden]
            total = sum(counts[cell] for cell in inside)
            if not inside or total == 0 or (len(inside) >= 2 and total >= small):
                continue
            shown = [cell for cell in group if cell not in hidden]
            if shown:
                hidden.add(min(shown, key=lambda cell: counts[cell]))
                changed = True
    return hidden
