"""Workshop groups proposed from the codes on visitors' diagnostic sheets (pure: no web, no database, no Qt).

An advisor gathers codes (`add`: each one read against the diagnostic content, duplicates and refused codes
said in plain French); `propose` then cuts them into workshops of at most `largest` people:

1. never two diagnostic groups (débutant, intermédiaire, avancé) in one workshop;
2. inside a group, as few workshops as the size allows (`ceil(n / largest)`), each of `smallest` people
   or more where the count allows it;
3. people who need the same areas side by side: they are ordered by the areas they have to work on (at
   "a_decouvrir" or "avec_aide"), the most basic area first, and the order is cut where the workshops come
   out the most alike (fewest people apart from their workshop's majority, area by area), the most even
   sizes breaking ties.

The result depends only on the codes, never on the order they were entered. Only codes come in and go
out: nothing about a person. A code is a result, not a person: two visitors with the same results have the
same code (many who stopped early after the basics do), so a code already listed is not added again unless
the advisor says it is another person (`add_again`); the list and the workshops may then hold it twice.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Literal

from kiosk.diagnostic.code import InvalidCode, decode, encode
from kiosk.diagnostic.schema import GROUPS, ContentFile

TO_WORK_ON = frozenset({"a_decouvrir", "avec_aide"})
SMALLEST = 6  # the size a workshop should reach where it can
LARGEST = 8  # the default most people in one workshop; the advisor may choose another
LARGEST_CHOICES = range(2, 21)
MOST_CODES = 400  # in one list: a form keeps them all, and a workshop plan needs no more

REFUSED = "Ce code n'est pas valide. Vérifiez les 8 caractères."
_PASTE_SEPARATORS = re.compile(r"[\r\n,;\t]+")
_CODE_SEPARATORS = re.compile(r"[\s\-]+")


@dataclass(frozen=True)
class Visitor:
    """What a code says that grouping needs."""

    code: str  # XXXX-XXXX, as printed
    group: str  # one of GROUPS
    to_work_on: frozenset[str]  # ids of the areas at a_decouvrir or avec_aide
    needs: frozenset[str]  # ids of the stated needs


def read(code: str, contents: Mapping[int, ContentFile]) -> Visitor:
    """The visitor a code stands for; raises InvalidCode."""
    result, content = decode(code, contents)
    return Visitor(
        code=encode(result, content),
        group=result.group,
        to_work_on=frozenset(
            area.id for area, level in zip(content.areas, result.levels, strict=True) if level in TO_WORK_ON
        ),
        needs=result.needs,
    )


def split_pasted(text: str) -> list[str]:
    """The codes in what an advisor pasted or typed: one a line, or separated by commas, semicolons, tabs or
    spaces; a code may itself hold a space or a dash ("7K2M Q9XA"). Whatever is not a code comes out as it
    was, to be refused by name."""
    found: list[str] = []
    for chunk in _PASTE_SEPARATORS.split(text):
        chunk = chunk.strip()
        if not chunk:
            continue
        if len(_CODE_SEPARATORS.sub("", chunk)) == 8:
            found.append(chunk)
            continue
        words = chunk.split()
        i = 0
        while i < len(words):
            word = words[i]
            if len(word.strip("-")) == 4 and i + 1 < len(words) and len(words[i + 1].strip("-")) == 4:
                found.append(f"{word} {words[i + 1]}")
                i += 2
            else:
                found.append(word)
                i += 1
    return found


NoticeKind = Literal["added", "duplicate", "refused", "full"]


@dataclass(frozen=True)
class Notice:
    kind: NoticeKind
    typed: str  # as the advisor typed it
    code: str = ""  # XXXX-XXXX when it could be read


@dataclass(frozen=True)
class Message:
    kind: Literal["good", "warning", "bad"]
    text: str


def add(
    visitors: Sequence[Visitor],
    typed: Iterable[str],
    contents: Mapping[int, ContentFile],
    most: int = MOST_CODES,
) -> tuple[list[Visitor], list[Notice]]:
    """The list with the typed codes added (a code already there, or typed twice, is added once: the advisor
    may add it again with `add_again`), and what happened to each typed code."""
    listed = list(visitors)
    known = {v.code for v in listed}
    notices = []
    for text in typed:
        try:
            visitor = read(text, contents)
        except InvalidCode:
            notices.append(Notice("refused", text))
            continue
        if visitor.code in known:
            notices.append(Notice("duplicate", text, visitor.code))
        elif len(listed) >= most:
            notices.append(Notice("full", text, visitor.code))
        else:
            listed.append(visitor)
            known.add(visitor.code)
            notices.append(Notice("added", text, visitor.code))
    return listed, notices


def add_again(
    visitors: Sequence[Visitor], code: str, contents: Mapping[int, ContentFile], most: int = MOST_CODES
) -> tuple[list[Visitor], list[Notice]]:
    """The list with `code` added once more: another person with the same results."""
    try:
        visitor = read(code, contents)
    except InvalidCode:
        return list(visitors), [Notice("refused", code)]
    if len(visitors) >= most:
        return list(visitors), [Notice("full", code, visitor.code)]
    return [*visitors, visitor], [Notice("added", code, visitor.code)]


def remove(visitors: Sequence[Visitor], code: str) -> list[Visitor]:
    """The list without the last `code` in it (one person, when two have that code)."""
    listed = list(visitors)
    for i in range(len(listed) - 1, -1, -1):
        if listed[i].code == code:
            del listed[i]
            break
    return listed


def messages(notices: Sequence[Notice], most: int = MOST_CODES) -> list[Message]:
    """What to tell the advisor about the codes just typed, in plain French."""
    said = []
    added = [n.code for n in notices if n.kind == "added"]
    if len(added) == 1:
        said.append(Message("good", f"Code ajouté : {added[0]}."))
    elif added:
        said.append(Message("good", f"{len(added)} codes ajoutés."))
    for notice in notices:
        if notice.kind == "duplicate":
            said.append(
                Message(
                    "warning", f"Le code {notice.code} est déjà dans la liste. Il n'est pas ajouté deux fois."
                )
            )
        elif notice.kind == "refused":
            said.append(Message("bad", f"« {_shown(notice.typed)} » : {REFUSED}"))
    left_out = sum(n.kind == "full" for n in notices)
    if left_out:
        said.append(
            Message(
                "bad",
                f"La liste est pleine : {most} codes au plus. {left_out} codes ne sont pas ajoutés. "
                "Proposez des groupes avec cette liste, puis faites-en une autre.",
            )
        )
    return said


def _shown(typed: str) -> str:
    typed = " ".join(typed.split())
    return typed if len(typed) <= 30 else typed[:29] + "…"


@dataclass(frozen=True)
class AreaCount:
    name: str  # in the content's words
    people: int  # how many in the workshop have it to work on


@dataclass(frozen=True)
class Workshop:
    number: int  # from 1, in the order shown
    group: str  # one of GROUPS
    group_label: str  # in the content's words
    codes: tuple[str, ...]  # in alphabetical order, to find the sheets
    areas: tuple[AreaCount, ...]  # what half of them or more have to work on, in the content's order
    some_areas: tuple[AreaCount, ...]  # what fewer than half have to work on
    needs: tuple[AreaCount, ...]  # the needs they stated, with how many stated each
    small: bool  # fewer than the size a workshop should reach

    @property
    def size(self) -> int:
        return len(self.codes)


def smallest_for(largest: int) -> int:
    return min(SMALLEST, largest)


def propose(
    visitors: Iterable[Visitor], contents: Mapping[int, ContentFile], largest: int = LARGEST
) -> list[Workshop]:
    """The workshops for these visitors: group by group (débutant first), each of at most `largest`."""
    if largest < 1:
        raise ValueError("a workshop holds one person at least")
    smallest = smallest_for(largest)
    words = _Words(contents)
    by_group: dict[str, list[Visitor]] = {}
    for visitor in visitors:
        by_group.setdefault(visitor.group, []).append(visitor)
    workshops: list[Workshop] = []
    for group in GROUPS:
        people = sorted(by_group.get(group, []), key=lambda v: (words.key(v.to_work_on), v.code))
        for chunk in _cut(people, words.areas, largest, smallest):
            workshops.append(words.workshop(len(workshops) + 1, group, chunk, smallest))
    return workshops


def _cut(people: list[Visitor], areas: Sequence[str], largest: int, smallest: int) -> list[list[Visitor]]:
    """`people` (in order) cut into the fewest runs of at most `largest`, the most alike."""
    n = len(people)
    if n == 0:
        return []
    count = math.ceil(n / largest)
    low = min(smallest, n // count)  # count * low <= n <= count * largest: a cut always exists
    # needing[a][i]: how many of the first i people have area a to work on
    needing = []
    for area in areas:
        running = [0]
        for person in people:
            running.append(running[-1] + (area in person.to_work_on))
        needing.append(running)

    def cost(start: int, end: int) -> tuple[int, int]:
        size = end - start
        apart = sum(min(c, size - c) for c in (row[end] - row[start] for row in needing))
        return apart, size * size

    # best[j][i]: the cheapest cut of the first i people into j runs, as (cost, where the last run starts)
    best: list[dict[int, tuple[tuple[int, int], int]]] = [{0: ((0, 0), 0)}]
    for j in range(1, count + 1):
        row: dict[int, tuple[tuple[int, int], int]] = {}
        for end in range(j * low, n + 1):
            for size in range(low, largest + 1):
                start = end - size
                if start not in best[j - 1]:
                    continue
                before = best[j - 1][start][0]
                here = cost(start, end)
                total = (before[0] + here[0], before[1] + here[1])
                if end not in row or total < row[end][0]:
                    row[end] = (total, start)
        best.append(row)
    runs = []
    end = n
    for j in range(count, 0, -1):
        start = best[j][end][1]
        runs.append(people[start:end])
        end = start
    return runs[::-1]


class _Words:
    """The content's words for areas, groups and needs, across every content version (the newest wins)."""

    def __init__(self, contents: Mapping[int, ContentFile]):
        self.area_names: dict[str, str] = {}
        self.group_labels: dict[str, str] = {}
        self.need_labels: dict[str, str] = {}
        areas: list[str] = []
        needs: list[str] = []
        for version in sorted(contents, reverse=True):
            content = contents[version]
            for area in content.areas:
                self.area_names.setdefault(area.id, area.name)
                if area.id not in areas:
                    areas.append(area.id)
            for need in content.needs:
                self.need_labels.setdefault(need.id, need.label)
                if need.id not in needs:
                    needs.append(need.id)
            for group in GROUPS:
                self.group_labels.setdefault(group, getattr(content.groups, group).label)
        self.areas = tuple(areas)
        self.needs = tuple(needs)

    def key(self, to_work_on: frozenset[str]) -> tuple[int, ...]:
        """Sorts those who need the first area first, then by the next area, and so on."""
        return tuple(0 if area in to_work_on else 1 for area in self.areas)

    def workshop(self, number: int, group: str, people: list[Visitor], smallest: int) -> Workshop:
        size = len(people)

        def counted(ids: Sequence[str], names: dict[str, str], of) -> list[AreaCount]:
            counts = [(i, sum(i in of(p) for p in people)) for i in ids]
            return [AreaCount(names[i], n) for i, n in counts if n]

        areas = counted(self.areas, self.area_names, lambda p: p.to_work_on)
        return Workshop(
            number=number,
            group=group,
            group_label=self.group_labels.get(group, group),
            codes=tuple(sorted(p.code for p in people)),
            areas=tuple(a for a in areas if 2 * a.people >= size),
            some_areas=tuple(a for a in areas if 2 * a.people < size),
            needs=tuple(counted(self.needs, self.need_labels, lambda p: p.needs)),
            small=size < smallest,
        )


def group_labels(contents: Mapping[int, ContentFile]) -> dict[str, str]:
    """Each diagnostic group's name in the content's words."""
    return dict(_Words(contents).group_labels)
