"""The adaptive diagnostic: which item to ask next, what the answers say, and the result.

    diagnostic = Diagnostic(content)
    while (step := diagnostic.next_item()) is not None:
        if isinstance(step, NeedQuestion):
            diagnostic.declare(step.id, choice_id)          # None for "Passer"
        else:
            diagnostic.record(step.id, Outcome.SUCCESS_ALONE, seconds=12.5)
    result = diagnostic.result()                            # levels, group, needs -> code.encode(result)

Per area (PIX-like), with difficulties 1 (easy) to 3 (hard):
- the first item is of the middle difficulty (2);
- a success (alone or after the hint) infers every easier difficulty as done alone, without asking it;
  a failure ("Je ne sais pas" and "Passer" count as failures) infers every harder difficulty as failed;
- then the next item is the nearest difficulty still unknown, above after a success, below after a
  failure. After a success with the hint, another item of the same difficulty may be asked (if the area
  has one): the better of the two counts;
- an item is asked only if some answer to it could still change the area's level: the area ends as soon
  as its level is known ("nothing more to learn").
Area level (`area_level`): "autonome" when difficulty 3 is done alone, or after the hint when difficulty 2
is done alone; "a_decouvrir" when difficulty 1 is not done; "avec_aide" otherwise.
Early end: once the basic areas (first in the file) are done, if each is at `early_end.basics_at_most` or
lower, the scored part stops and the group is "debutant". The phone questions come last, in every case.
Group: the rules of the content file (`group_of`). Elapsed time is kept with each answer, in memory, and
plays no part in any level. Deterministic: no randomness, items are taken in file order.
Pure: no Qt.
"""

from __future__ import annotations

import enum
import itertools
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field

from kiosk.diagnostic.items import Item
from kiosk.diagnostic.schema import GROUPS, LEVELS, NOT_ASSESSED, ContentFile, GroupRule, NeedQuestion


class Outcome(enum.StrEnum):
    """How the visitor did on one item (given by the widget)."""

    SUCCESS_ALONE = "reussi"  # right on the first try
    SUCCESS_AFTER_HINT = "reussi_avec_indice"  # right after the hint was shown
    FAILED = "echoue"  # wrong again after the hint
    DONT_KNOW = "je_ne_sais_pas"  # the "Je ne sais pas" button
    SKIPPED = "passe"  # the "Passer" button


SCORES = {
    Outcome.SUCCESS_ALONE: 2,
    Outcome.SUCCESS_AFTER_HINT: 1,
    Outcome.FAILED: 0,
    Outcome.DONT_KNOW: 0,
    Outcome.SKIPPED: 0,
}

# What a difficulty of an area is known to be; absent from the mapping while unknown.
ALONE, HELPED, FAILED = "alone", "helped", "failed"
_STATUS_OF_SCORE = {2: ALONE, 1: HELPED, 0: FAILED}
_STATUS_RANK = {FAILED: 0, HELPED: 1, ALONE: 2}
DIFFICULTIES = (1, 2, 3)
START_DIFFICULTY = 2


def area_level(status: Mapping[int, str]) -> str:
    """The level of an area from the status of each difficulty (an unknown difficulty counts as failed)."""
    easy, middle, hard = (status.get(d, FAILED) for d in DIFFICULTIES)
    if easy == FAILED:
        return "a_decouvrir"
    if hard == ALONE or (hard == HELPED and middle == ALONE):
        return "autonome"
    return "avec_aide"


def level_rank(level: str) -> int:
    """-1 for an area not assessed, then 0, 1, 2 from "a_decouvrir" to "autonome"."""
    return LEVELS.index(level) if level in LEVELS else -1


def _rule_met(rule: GroupRule, levels: Sequence[str], basics: Sequence[int]) -> bool:
    floor = level_rank(rule.basics_at_least)
    return (
        all(level_rank(levels[n]) >= floor for n in basics)
        and sum(level_rank(x) >= 1 for x in levels) >= rule.areas_avec_aide_at_least
        and sum(level_rank(x) >= 2 for x in levels) >= rule.areas_autonome_at_least
    )


def group_of(content: ContentFile, levels: Sequence[str], early_end: bool = False) -> str:
    """The group of a result: avance, else intermediaire, else debutant (always after an early end)."""
    basics = basic_indexes(content)
    if not early_end:
        if _rule_met(content.groups.avance.rule, levels, basics):
            return "avance"
        if _rule_met(content.groups.intermediaire.rule, levels, basics):
            return "intermediaire"
    return "debutant"


def basic_indexes(content: ContentFile) -> list[int]:
    ids = [a.id for a in content.areas]
    return [ids.index(b) for b in content.basics]


def stops_early(content: ContentFile, levels: Sequence[str]) -> bool:
    """Whether these levels of the basic areas end the diagnostic early."""
    ceiling = level_rank(content.early_end.basics_at_most)
    return all(0 <= level_rank(levels[n]) <= ceiling for n in basic_indexes(content))


@dataclass(frozen=True)
class Result:
    """What the diagnostic found: all that the result code carries, nothing else (nothing personal)."""

    version: int  # of the content
    levels: tuple[str, ...]  # per area, in content order: a level of LEVELS or NOT_ASSESSED
    group: str  # one of GROUPS
    needs: frozenset[str]  # ids of the stated needs
    early_end: bool  # stopped because the basics are not there yet


@dataclass(frozen=True)
class Answer:
    """One item asked, kept in memory for the session only."""

    item_id: str
    outcome: Outcome
    score: int  # 0, 1 or 2
    seconds: float | None  # elapsed time; never shown, no part in any level


@dataclass(frozen=True)
class Progress:
    """For a progress bar: areas whose level is known, out of all areas (all of them after an early end)."""

    done: int
    total: int
    finished: bool  # nothing more to ask, the phone questions included


@dataclass
class _Area:
    items: tuple[Item, ...]
    status: dict[int, str] = field(default_factory=dict)
    inferred: set[int] = field(default_factory=set)  # difficulties known without asking
    asked: list[Answer] = field(default_factory=list)
    last: tuple[int, bool] | None = None  # difficulty and success of the last item asked
    confirm: int | None = None  # difficulty to ask again after a success with the hint

    def unasked(self, difficulty: int) -> Item | None:
        done = {a.item_id for a in self.asked}
        return next((i for i in self.items if i.difficulty == difficulty and i.id not in done), None)

    def possible_levels(
        self, free: Iterable[int], extra: dict[int, tuple[str, ...]] | None = None
    ) -> set[str]:
        """Every level the area could still end at, when the `free` difficulties may have any status."""
        options = {d: (ALONE, HELPED, FAILED) for d in free} | (extra or {})
        keys = list(options)
        return {
            area_level(self.status | dict(zip(keys, values, strict=True)))
            for values in itertools.product(*(options[k] for k in keys))
        }

    def next_difficulty(self) -> int | None:
        """The difficulty to ask next, or None when asking more cannot change the level."""
        unknown = [d for d in DIFFICULTIES if d not in self.status and self.unasked(d) is not None]
        if self.confirm is not None:
            d, self.confirm = self.confirm, None
            if self.unasked(d) is not None and len(self.possible_levels(unknown, {d: (ALONE, HELPED)})) > 1:
                self.confirm = d  # kept until it is asked
                return d
        if len(self.possible_levels(unknown)) <= 1:
            return None
        if self.last is None:
            return START_DIFFICULTY if START_DIFFICULTY in unknown else unknown[len(unknown) // 2]
        difficulty, success = self.last
        above = [d for d in unknown if d > difficulty]
        below = [d for d in unknown if d < difficulty]
        if success:
            return above[0] if above else (below[-1] if below else None)
        return below[-1] if below else (above[0] if above else None)

    def record(self, item: Item, answer: Answer) -> None:
        d = item.difficulty
        new = _STATUS_OF_SCORE[answer.score]
        again = d in self.status and d not in self.inferred
        self.asked.append(answer)
        if again:  # a second item of the same difficulty: the better of the two counts
            self.confirm = None
            if _STATUS_RANK[new] > _STATUS_RANK[self.status[d]]:
                self.status[d] = new
        else:
            self.status[d] = new
            self.inferred.discard(d)
            if new == HELPED:
                self.confirm = d
        success = self.status[d] != FAILED
        for other in DIFFICULTIES:
            if other not in self.status and ((success and other < d) or (not success and other > d)):
                self.status[other] = ALONE if success else FAILED
                self.inferred.add(other)
        self.last = (d, success)


class Diagnostic:
    """One visitor's diagnostic, in memory only. The GUI asks `next_item()`, shows it, and reports."""

    def __init__(self, content: ContentFile) -> None:
        self.content = content
        self._areas = [_Area(area.items) for area in content.areas]
        self._index = 0  # area being assessed
        self._early_end = False
        self._current: Item | NeedQuestion | None = None
        self._questions = list(content.questions)
        self._declared: dict[str, str | None] = {}
        self._advance()

    # ---- for the GUI -------------------------------------------------------------------------------------

    def next_item(self) -> Item | NeedQuestion | None:
        """The item or phone question to show now; the same until it is answered; None when finished."""
        return self._current

    def current_area(self) -> int | None:
        """Index of the area of the current item (None during the phone questions or when finished)."""
        if self._current is None or isinstance(self._current, NeedQuestion):
            return None
        return self._index

    def record(self, item_id: str, outcome: Outcome, seconds: float | None = None) -> None:
        """Report how the visitor did on the current item. `seconds` is optional and never judged."""
        current = self._current
        if current is None or isinstance(current, NeedQuestion) or current.id != item_id:
            raise ValueError(f"{item_id} is not the item being asked")
        if seconds is not None and seconds < 0:
            raise ValueError("seconds cannot be negative")
        outcome = Outcome(outcome)
        self._areas[self._index].record(current, Answer(item_id, outcome, SCORES[outcome], seconds))
        self._advance()

    def declare(self, question_id: str, choice_id: str | None) -> None:
        """Report the answer to the current phone question; None when the visitor pressed "Passer"."""
        current = self._current
        if not isinstance(current, NeedQuestion) or current.id != question_id:
            raise ValueError(f"{question_id} is not the question being asked")
        if choice_id is not None and choice_id not in {c.id for c in current.choices}:
            raise ValueError(f"{choice_id} is not a choice of {question_id}")
        self._declared[question_id] = choice_id
        self._questions.pop(0)
        self._advance()

    def progress(self) -> Progress:
        total = len(self._areas)
        done = total if self._early_end else min(self._index, total)
        return Progress(done, total, self._current is None)

    @property
    def finished(self) -> bool:
        return self._current is None

    def answers(self) -> tuple[Answer, ...]:
        """Every item asked, in order (in memory only; for the session's own sheet)."""
        return tuple(a for area in self._areas for a in area.asked)

    def inferred(self, area_index: int) -> dict[int, str]:
        """Difficulties of an area known without asking, with their status (alone or failed)."""
        area = self._areas[area_index]
        return {d: area.status[d] for d in sorted(area.inferred)}

    def result(self) -> Result:
        """The result so far; final once `finished`. Areas not reached are NOT_ASSESSED."""
        levels = tuple(
            area_level(area.status) if n < self._index else NOT_ASSESSED for n, area in enumerate(self._areas)
        )
        chosen = {
            choice.need
            for question in self.content.questions
            for choice in question.choices
            if self._declared.get(question.id) == choice.id and choice.need
        }
        return Result(
            version=self.content.version,
            levels=levels,
            group=group_of(self.content, levels, self._early_end),
            needs=frozenset(chosen),
            early_end=self._early_end,
        )

    # ---- inside ------------------------------------------------------------------------------------------

    def _advance(self) -> None:
        while self._index < len(self._areas) and not self._early_end:
            area = self._areas[self._index]
            difficulty = area.next_difficulty()
            if difficulty is not None:
                item = area.unasked(difficulty)
                assert item is not None  # next_difficulty only names difficulties with an item left
                self._current = item
                return
            self._index += 1
            basics = basic_indexes(self.content)
            if basics and self._index == max(basics) + 1:
                levels = [area_level(a.status) for a in self._areas[: self._index]]
                levels += [NOT_ASSESSED] * (len(self._areas) - self._index)
                self._early_end = stops_early(self.content, levels)
        self._current = self._questions[0] if self._questions else None


def level_names(content: ContentFile) -> dict[str, str]:
    """How each level (and NOT_ASSESSED) is shown."""
    return {name: getattr(content.levels, name) for name in (*LEVELS, NOT_ASSESSED)}


assert GROUPS == ("debutant", "intermediaire", "avance")  # the code packs groups by this order
