"""The adaptive engine: what is asked, what is inferred, levels, early end, groups (pure: no Qt)."""

import itertools
from collections.abc import Callable

import msgspec
import pytest

from kiosk.diagnostic.engine import (
    ALONE,
    FAILED,
    HELPED,
    Diagnostic,
    Outcome,
    Progress,
    area_level,
    group_of,
)
from kiosk.diagnostic.schema import NOT_ASSESSED, ContentFile, NeedQuestion
from tests.unit.diagnostic.conftest import with_difficulties

Visitor = Callable[[int, int], Outcome]  # (area index, difficulty) -> outcome
S, H, F = Outcome.SUCCESS_ALONE, Outcome.SUCCESS_AFTER_HINT, Outcome.FAILED


def run(
    content: ContentFile, visitor: Visitor, choose: str | None = None
) -> tuple[Diagnostic, list[tuple[int, int]]]:
    """Answer everything; returns the diagnostic and the (area, difficulty) of each item asked."""
    diagnostic = Diagnostic(content)
    asked = []
    while (step := diagnostic.next_item()) is not None:
        if isinstance(step, NeedQuestion):
            diagnostic.declare(step.id, choose)
            continue
        area = diagnostic.current_area()
        assert area is not None
        asked.append((area, step.difficulty))
        diagnostic.record(step.id, visitor(area, step.difficulty), seconds=4.0)
    return diagnostic, asked


def in_area(asked: list[tuple[int, int]], area: int) -> list[int]:
    return [d for a, d in asked if a == area]


def test_each_area_starts_in_the_middle(simple: ContentFile) -> None:
    diagnostic = Diagnostic(simple)
    first = diagnostic.next_item()
    assert not isinstance(first, NeedQuestion) and first is not None
    assert first.difficulty == 2
    _, asked = run(simple, lambda a, d: S)
    for area in range(len(simple.areas)):
        assert in_area(asked, area)[0] == 2


def test_a_success_goes_up_and_validates_easier_items_without_asking(simple: ContentFile) -> None:
    diagnostic, asked = run(simple, lambda a, d: S)
    assert in_area(asked, 0) == [2, 3]  # difficulty 1 is never asked
    assert diagnostic.inferred(0) == {1: ALONE}
    assert diagnostic.result().levels[0] == "autonome"


def test_a_failure_goes_down_and_invalidates_harder_items(simple: ContentFile) -> None:
    diagnostic, asked = run(simple, lambda a, d: S if d == 1 else F)
    assert in_area(asked, 2) == [2, 1]  # difficulty 3 is never asked
    assert diagnostic.inferred(2) == {3: FAILED}
    assert diagnostic.result().levels[2] == "avec_aide"


@pytest.mark.parametrize("outcome", [Outcome.FAILED, Outcome.DONT_KNOW, Outcome.SKIPPED])
def test_dont_know_and_skip_count_as_failures(simple: ContentFile, outcome: Outcome) -> None:
    diagnostic, asked = run(simple, lambda a, d: outcome)
    assert in_area(asked, 0) == [2, 1]
    assert all(a.score == 0 for a in diagnostic.answers())
    assert diagnostic.result().levels[:2] == ("a_decouvrir", "a_decouvrir")


def test_a_success_after_the_hint_asks_another_item_of_the_same_difficulty(simple: ContentFile) -> None:
    outcomes = iter([H, S, S])  # area 0: difficulty 2 after hint, again 2 alone, then 3 alone
    diagnostic, asked = run(simple, lambda a, d: next(outcomes) if a == 0 else S)
    assert in_area(asked, 0) == [2, 2, 3]
    assert [a.score for a in diagnostic.answers()[:3]] == [1, 2, 2]
    assert diagnostic.result().levels[0] == "autonome"


def test_no_confirmation_when_it_cannot_change_the_level(simple: ContentFile) -> None:
    # 2 failed, 1 after the hint: the level is avec_aide whatever a second easy item gives
    diagnostic, asked = run(simple, lambda a, d: H if d == 1 else F)
    assert in_area(asked, 0) == [2, 1]
    assert diagnostic.result().levels[0] == "avec_aide"


def test_without_a_second_item_there_is_no_confirmation(content: ContentFile) -> None:
    one_each = with_difficulties(content, (1, 2, 3))
    _, asked = run(one_each, lambda a, d: H if d == 2 else S)
    assert in_area(asked, 0) == [2, 3]


@pytest.mark.parametrize(
    ("easy", "middle", "hard", "level"),
    [
        (FAILED, FAILED, FAILED, "a_decouvrir"),
        (HELPED, FAILED, FAILED, "avec_aide"),
        (ALONE, FAILED, FAILED, "avec_aide"),
        (ALONE, HELPED, FAILED, "avec_aide"),
        (ALONE, ALONE, FAILED, "avec_aide"),
        (ALONE, HELPED, HELPED, "avec_aide"),
        (ALONE, ALONE, HELPED, "autonome"),
        (ALONE, HELPED, ALONE, "autonome"),
        (ALONE, ALONE, ALONE, "autonome"),
    ],
)
def test_area_level_rules(easy: str, middle: str, hard: str, level: str) -> None:
    assert area_level({1: easy, 2: middle, 3: hard}) == level


PROFILE_OUTCOMES = (Outcome.SUCCESS_ALONE, Outcome.SUCCESS_AFTER_HINT, Outcome.FAILED)
_STATUS = {Outcome.SUCCESS_ALONE: ALONE, Outcome.SUCCESS_AFTER_HINT: HELPED, Outcome.FAILED: FAILED}
_RANK = {Outcome.FAILED: 0, Outcome.SUCCESS_AFTER_HINT: 1, Outcome.SUCCESS_ALONE: 2}


@pytest.mark.parametrize("profile", list(itertools.product(PROFILE_OUTCOMES, repeat=3)))
def test_adaptive_level_equals_asking_everything_for_consistent_visitors(
    content: ContentFile, profile: tuple[Outcome, Outcome, Outcome]
) -> None:
    """A visitor who does each difficulty as `profile` says: when what they do gets no better as items
    get harder, asking few items finds the level asking every difficulty would find."""
    one_each = with_difficulties(content, (1, 2, 3))
    diagnostic, asked = run(one_each, lambda a, d: profile[d - 1])
    full = area_level({d: _STATUS[o] for d, o in zip((1, 2, 3), profile, strict=True)})
    consistent = _RANK[profile[0]] >= _RANK[profile[1]] >= _RANK[profile[2]]
    assert len(in_area(asked, 0)) <= 2
    if consistent:
        assert diagnostic.result().levels[0] == full


def test_early_end_when_the_basics_are_not_there(simple: ContentFile) -> None:
    diagnostic, asked = run(simple, lambda a, d: Outcome.DONT_KNOW, choose="non")
    assert {a for a, _ in asked} == {0, 1}  # only the two basic areas were asked
    result = diagnostic.result()
    assert result.early_end
    assert result.group == "debutant"
    assert result.levels == ("a_decouvrir", "a_decouvrir", *[NOT_ASSESSED] * 5)
    assert result.needs == {"sms", "photo", "application"}  # the phone questions still come
    assert diagnostic.progress() == Progress(7, 7, True)


def test_no_early_end_when_one_basic_area_is_there(simple: ContentFile) -> None:
    diagnostic, asked = run(simple, lambda a, d: F if a != 1 or d > 1 else S)
    assert {a for a, _ in asked} == set(range(7))
    result = diagnostic.result()
    assert not result.early_end
    assert result.levels[:3] == ("a_decouvrir", "avec_aide", "a_decouvrir")


def test_early_end_threshold_comes_from_the_content(simple: ContentFile) -> None:
    early = msgspec.structs.replace(simple.early_end, basics_at_most="avec_aide")
    strict = msgspec.structs.replace(simple, early_end=early)
    diagnostic, _ = run(strict, lambda a, d: S if d == 1 else F)  # basics avec_aide
    assert diagnostic.result().early_end
    diagnostic, _ = run(simple, lambda a, d: S if d == 1 else F)
    assert not diagnostic.result().early_end


A, W, D = "autonome", "avec_aide", "a_decouvrir"


@pytest.mark.parametrize(
    ("levels", "group"),
    [
        ((A, A, A, A, A, W, W), "avance"),  # basics autonome, 5 autonome, 7 at least avec_aide
        ((A, A, A, A, W, W, W), "intermediaire"),  # only 4 autonome
        ((A, A, A, A, A, W, D), "intermediaire"),  # one area to discover
        ((W, A, A, A, A, A, A), "intermediaire"),  # a basic area only with help
        ((W, W, W, W, D, D, D), "intermediaire"),  # basics with help, 4 areas at least with help
        ((W, W, W, D, D, D, D), "debutant"),  # only 3 areas with help
        ((D, A, A, A, A, A, A), "debutant"),  # a basic area to discover
        ((A, A, NOT_ASSESSED, A, A, A, A), "intermediaire"),  # not assessed counts for nothing
    ],
)
def test_group_thresholds_of_the_shipped_rules(content: ContentFile, levels: tuple, group: str) -> None:
    assert group_of(content, levels) == group


def test_group_rules_are_read_from_the_content(content: ContentFile) -> None:
    levels = (W, W, W, D, D, D, D)
    assert group_of(content, levels) == "debutant"
    rule = msgspec.structs.replace(content.groups.intermediaire.rule, areas_avec_aide_at_least=3)
    groups = msgspec.structs.replace(
        content.groups, intermediaire=msgspec.structs.replace(content.groups.intermediaire, rule=rule)
    )
    assert group_of(msgspec.structs.replace(content, groups=groups), levels) == "intermediaire"
    assert group_of(content, (A,) * 7, early_end=True) == "debutant"


def test_stated_needs_come_from_the_chosen_answers(simple: ContentFile) -> None:
    diagnostic = Diagnostic(simple)
    answers = {"telephone-sms": "non", "telephone-photo": "oui", "telephone-application": None}
    while (step := diagnostic.next_item()) is not None:
        if isinstance(step, NeedQuestion):
            diagnostic.declare(step.id, answers[step.id])
        else:
            diagnostic.record(step.id, S)
    assert diagnostic.result().needs == {"sms"}


def test_no_phone_is_a_need_of_its_own(simple: ContentFile) -> None:
    diagnostic, _ = run(simple, lambda a, d: S, choose="sans-telephone")
    assert diagnostic.result().needs == {"sans-telephone"}


def test_progress_counts_areas_done(simple: ContentFile) -> None:
    diagnostic = Diagnostic(simple)
    assert diagnostic.progress() == Progress(0, 7, False)
    for _ in range(2):  # area 0: difficulty 2 then 3
        step = diagnostic.next_item()
        assert step is not None and not isinstance(step, NeedQuestion)
        diagnostic.record(step.id, S)
    assert diagnostic.progress() == Progress(1, 7, False)


def test_record_refuses_an_item_that_is_not_asked(simple: ContentFile) -> None:
    diagnostic = Diagnostic(simple)
    with pytest.raises(ValueError, match="not the item"):
        diagnostic.record("securite-0-d1", S)
    step = diagnostic.next_item()
    assert step is not None
    with pytest.raises(ValueError, match="negative"):
        diagnostic.record(step.id, S, seconds=-1)
    assert diagnostic.next_item() == step  # nothing was recorded


def test_time_plays_no_part(simple: ContentFile) -> None:
    def one(seconds: float | None):
        diagnostic = Diagnostic(simple)
        while (step := diagnostic.next_item()) is not None:
            if isinstance(step, NeedQuestion):
                diagnostic.declare(step.id, "oui")
            else:
                diagnostic.record(step.id, H if step.difficulty == 2 else S, seconds)
        return diagnostic

    slow, fast, none = one(900.0), one(0.5), one(None)
    assert slow.result() == fast.result() == none.result()
    assert [a.item_id for a in slow.answers()] == [a.item_id for a in fast.answers()]
    assert slow.answers()[0].seconds == 900.0


def test_the_shipped_content_runs_in_a_short_session(content: ContentFile) -> None:
    """A session stays short: 2 items per area for a visitor who does everything alone, at most 4 (two
    confirmations) for one who always needs the hint."""
    diagnostic, asked = run(content, lambda a, d: H)
    assert diagnostic.finished
    for area in range(len(content.areas)):
        assert in_area(asked, area) == [2, 2, 3, 3] if area < 2 else 1 <= len(in_area(asked, area)) <= 4
    _, asked = run(content, lambda a, d: S)
    assert len(asked) == 2 * len(content.areas)


def test_current_area_is_none_during_the_phone_questions(simple: ContentFile) -> None:
    diagnostic, _ = run(simple, lambda a, d: F)
    assert diagnostic.current_area() is None
    diagnostic = Diagnostic(simple)
    while not isinstance(diagnostic.next_item(), NeedQuestion):
        step = diagnostic.next_item()
        assert step is not None and diagnostic.current_area() in (0, 1)
        diagnostic.record(step.id, F)
    assert diagnostic.current_area() is None  # early end: the phone questions, not area 2


def test_the_core_imports_no_qt() -> None:
    import subprocess
    import sys

    code = (
        "import sys, kiosk.diagnostic.sheet, kiosk.diagnostic.loader, kiosk.diagnostic.checks;"
        "assert not [m for m in sys.modules if m.startswith('PySide6')]"
    )
    subprocess.run([sys.executable, "-c", code], check=True)
