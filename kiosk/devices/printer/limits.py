"""The per-session page allowance, and which pages of a document a job prints (pure: no Qt).

A site lets each visitor print a few pages for free (30 by default). A job costs its selected pages times its
copies; it is allowed only if the whole of it fits in what remains. A job that did not print (cancelled before
its pages came out, refused by the printer) gives back what it did not use.

    allowance = PageAllowance(30)
    decision = allowance.check(pages=12, copies=2)   # Decision(allowed=True, requested=24, remaining=30)
    allowance.charge(24) ... allowance.refund(24 - pages_done)
    allowance.reset()                                 # at the end of the session
"""

from __future__ import annotations

import re
from dataclasses import dataclass

DEFAULT_LIMIT = 30


@dataclass(frozen=True)
class Decision:
    allowed: bool
    requested: int  # pages × copies of the job
    remaining: int  # pages the visitor may still print, before this job


class PageAllowance:
    def __init__(self, limit: int = DEFAULT_LIMIT) -> None:
        if limit < 0:
            raise ValueError("the page limit cannot be negative")
        self.limit = limit
        self.used = 0

    @property
    def remaining(self) -> int:
        return max(0, self.limit - self.used)

    def check(self, pages: int, copies: int = 1) -> Decision:
        """Would a job of `pages` pages × `copies` fit? Nothing is charged."""
        if pages < 1 or copies < 1:
            raise ValueError("a job prints at least one page, at least once")
        requested = pages * copies
        return Decision(requested <= self.remaining, requested, self.remaining)

    def charge(self, pages: int) -> None:
        self.used += max(0, pages)

    def refund(self, pages: int) -> None:
        self.used = max(0, self.used - max(0, pages))

    def reset(self) -> None:
        self.used = 0


_RANGE = re.compile(r"^\s*(\d+)\s*(?:-\s*(\d*)\s*)?$")


def parse_page_ranges(text: str) -> tuple[tuple[int, int], ...]:
    """`"1-3, 5, 8-"` → `((1, 3), (5, 5), (8, 2**31 - 1))`: what a person types, as IPP page-ranges.

    Raises ValueError for anything else (page 0, a range that runs backwards, letters).
    """
    ranges = []
    for part in text.split(","):
        if not part.strip():
            continue
        match = _RANGE.match(part)
        if match is None:
            raise ValueError(f"not a page range: {part.strip()!r}")
        low = int(match[1])
        high = low if match[2] is None else (int(match[2]) if match[2] else 2**31 - 1)
        if low < 1 or high < low:
            raise ValueError(f"not a page range: {part.strip()!r}")
        ranges.append((low, high))
    if not ranges:
        raise ValueError("no page range")
    return tuple(ranges)


def selected_pages(total: int, ranges: tuple[tuple[int, int], ...] | None) -> int:
    """How many of a document's `total` pages the ranges select (all when `ranges` is None).

    Overlapping ranges count each page once, as CUPS prints it once.
    """
    if not ranges:
        return total
    pages: set[int] = set()
    for low, high in ranges:
        pages.update(range(low, min(high, total) + 1))
    return len(pages)
