"""The diagnostic played as visitors would: real clicks, double-clicks, drags and typing in every exercise,
three whole runs checked against the code shown, the hint, "Passer" and "Je ne sais pas" on every kind, the
printed sheet, read-aloud, and `reset()`."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from PySide6.QtPdf import QPdfDocument

from kiosk.diagnostic.code import decode
from kiosk.diagnostic.engine import Outcome
from kiosk.diagnostic.items import ITEM_KINDS
from kiosk.diagnostic.schema import NOT_ASSESSED
from kiosk.diagnostic.speech import Speech
from kiosk.diagnostic.views import EXERCISES, Pictures, make_exercise
from kiosk.diagnostic.views.base import TARGET_COLOURS
from kiosk.shell import theme
from tests.gui.diagnostic.driver import click, kind, solve, wrong_try

ALL_KINDS = sorted(ITEM_KINDS)


def all_items(content):
    return [item for area in content.areas for item in area.items]


# --- the widgets ---------------------------------------------------------------------------------------


def test_every_kind_has_a_widget(content):
    assert set(EXERCISES) == set(ITEM_KINDS)
    assert {kind(item) for item in all_items(content)} <= set(EXERCISES)


def test_every_shipped_item_builds_its_widget(qtbot, styled, content, icons):
    pictures = Pictures()
    for item in all_items(content):
        widget = make_exercise(item, pictures, icons)
        qtbot.addWidget(widget)
        widget.resize(1200, 480)
        widget.show()
        qtbot.waitExposed(widget)
        assert widget.grab().width() == 1200, item.id
        widget.close()


def test_the_target_colours_carry_white_text_at_4_5_to_1():
    for name, value in TARGET_COLOURS.items():
        assert theme.contrast_ratio(theme.WHITE, value) >= 4.5, name


# --- playing the whole diagnostic ----------------------------------------------------------------------


def play(screen, qtbot, policy, question_answer):
    """Plays until the result: `policy(item)` says what to do with each item: "right", "helped" (a wrong
    try, then right), "failed" (two wrong tries), "dont_know" or "skip"."""
    click(screen.start_button)
    for _ in range(200):
        page = screen.pages.currentWidget()
        if page is screen.result_page:
            return
        if page is screen.early_page:
            click(page.continue_button)
        elif page is screen.question_page:
            choice = question_answer
            click(page.choice_buttons[choice] if choice else page.skip_button)
        else:
            exercise = screen.exercise
            item = exercise.item
            action = policy(item)
            asked = len(screen.diagnostic.answers())
            if action in ("helped", "failed"):
                wrong_try(exercise)
                assert screen.exercise is exercise, item.id
                assert page.hint_box.isVisible() and page.hint.text() == item.hint, item.id
                (wrong_try if action == "failed" else solve)(exercise)
            elif action == "right":
                solve(exercise)
            elif action == "dont_know":
                click(page.dont_know_button)
            else:
                click(page.skip_button)
            answers = screen.diagnostic.answers()
            assert len(answers) == asked + 1, f"{item.id}: no answer after {action}"
            expected = {
                "right": Outcome.SUCCESS_ALONE,
                "helped": Outcome.SUCCESS_AFTER_HINT,
                "failed": Outcome.FAILED,
                "dont_know": Outcome.DONT_KNOW,
                "skip": Outcome.SKIPPED,
            }[action]
            assert answers[-1].item_id == item.id and answers[-1].outcome == expected, item.id
            assert answers[-1].seconds is not None and answers[-1].seconds >= 0
    raise AssertionError("the diagnostic never ended")


def shown_result(screen, content):
    code = screen.result_page.code_label.text()
    result, _ = decode(code, {content.version: content})
    assert "-" in code and len(code) == 9
    return result


def test_a_beginner_stops_early_with_kind_words(screen, qtbot, content):
    def policy(item):
        return {
            "souris-petits-ronds": "failed",
            "souris-grand-rond": "failed",
            "clavier-majuscule": "dont_know",
        }.get(item.id, "skip")

    with qtbot.waitSignal(screen.finished) as finished:
        play(screen, qtbot, policy, "non")
    result = shown_result(screen, content)
    assert result == finished.args[0]
    assert result.levels == ("a_decouvrir", "a_decouvrir", *[NOT_ASSESSED] * 5)
    assert result.group == "debutant" and result.early_end
    assert result.needs == {"sms", "photo", "application"}
    assert content.early_end.message[0] in [
        w.text() for w in screen.result_page.findChildren(type(screen.item_page.hint))
    ]
    assert screen.result_page.group_label.text().endswith(content.groups.debutant.label)


def test_an_intermediate_user(screen, qtbot, content):
    helped_once = {"souris-petits-ronds", "courriel-expediteur"}

    def policy(item):
        if item.id in helped_once:
            return "helped"
        return "right" if item.difficulty <= 2 else "dont_know"

    play(screen, qtbot, policy, None)
    result = shown_result(screen, content)
    assert result.levels == ("avec_aide",) * 7
    assert result.group == "intermediaire" and not result.early_end and result.needs == frozenset()
    asked = [a.item_id for a in screen.diagnostic.answers()]
    assert "souris-double-clic" in asked  # a success with the hint asks another item of that difficulty
    assert screen.result_page.group_label.text().endswith(content.groups.intermediaire.label)


def test_an_advanced_user(screen, qtbot, content):
    play(screen, qtbot, lambda item: "right", "oui")
    result = shown_result(screen, content)
    assert result.levels == ("autonome",) * 7
    assert result.group == "avance" and result.needs == frozenset()
    shown = [w.text() for w in screen.result_page.findChildren(type(screen.item_page.hint))]
    for area in content.areas:
        assert area.name in shown
    assert shown.count(content.levels.autonome) == 7


# --- each kind: the hint, "Passer", "Je ne sais pas" -------------------------------------------------------


def reach_kind(screen, wanted: str):
    """Plays with "a wrong try, then right" (which asks the most items) until an item of `wanted` shows."""
    click(screen.start_button)
    for _ in range(60):
        exercise = screen.exercise
        assert exercise is not None, f"no {wanted} item reached"
        if kind(exercise.item) == wanted:
            return exercise
        wrong_try(exercise)
        assert screen.item_page.hint_box.isVisible()
        solve(exercise)
    raise AssertionError(wanted)


@pytest.mark.parametrize("button", ["skip", "dont_know"])
@pytest.mark.parametrize("wanted", ALL_KINDS)
def test_passer_and_je_ne_sais_pas_on_every_kind(screen, wanted, button):
    exercise = reach_kind(screen, wanted)
    item = exercise.item
    assert screen.item_page.skip_button.isVisible() and screen.item_page.dont_know_button.isVisible()
    click(screen.item_page.skip_button if button == "skip" else screen.item_page.dont_know_button)
    last = screen.diagnostic.answers()[-1]
    assert last.item_id == item.id
    assert last.outcome == (Outcome.SKIPPED if button == "skip" else Outcome.DONT_KNOW)
    assert screen.exercise is None or screen.exercise.item.id != item.id


@pytest.mark.parametrize("wanted", ALL_KINDS)
def test_the_hint_shows_after_a_wrong_try_and_a_second_one_fails(screen, wanted):
    exercise = reach_kind(screen, wanted)
    assert not screen.item_page.hint_box.isVisible()
    wrong_try(exercise)
    assert screen.item_page.hint_box.isVisible() and screen.item_page.hint.text() == exercise.item.hint
    assert screen.exercise is exercise
    wrong_try(exercise)
    assert screen.diagnostic.answers()[-1].outcome == Outcome.FAILED
    assert not screen.item_page.hint_box.isVisible()


def test_a_single_click_left_alone_is_a_wrong_try_of_a_double_click(screen, qtbot):
    exercise = reach_kind(screen, "double_click")
    target = next(t for t in exercise.item.targets if t.id == exercise.item.answer)
    click(exercise, exercise.target_centre(target).toPoint())
    qtbot.waitUntil(screen.item_page.hint_box.isVisible, timeout=3000)


def test_the_second_field_must_be_reached_with_tab(qtbot, styled, content, icons):
    item = next(i for i in all_items(content) if getattr(i, "require_tab", False))
    widget = make_exercise(item, Pictures(), icons)
    qtbot.addWidget(widget)
    widget.show()
    from tests.gui.diagnostic.driver import type_into

    for field in item.fields:
        type_into(widget.fields[field.id], field.expected)  # a click in each field, no Tab
    with qtbot.waitSignal(widget.answered) as answer:
        click(widget.validate_button)
    assert answer.args == [False]


# --- the result: the sheet, Terminer, reset -------------------------------------------------------------


def test_the_printed_sheet_holds_the_levels_and_the_code(make_screen, qtbot, content, tmp_path):
    screen = make_screen(sheet_folder=tmp_path / "sheets")
    play(screen, qtbot, lambda item: "right" if item.difficulty <= 2 else "dont_know", "non")
    with qtbot.waitSignal(screen.sheetReady) as ready:
        click(screen.print_button)
    path = Path(ready.args[0])
    assert path.name == "Ma fiche diagnostic.pdf" and path.parent == tmp_path / "sheets"
    document = QPdfDocument()
    assert document.load(str(path)) == QPdfDocument.Error.None_
    text = " ".join(document.getAllText(p).text() for p in range(document.pageCount())).replace("\n", " ")
    document.close()
    assert screen.result_page.code_label.text() in text
    assert content.levels.avec_aide in text
    for area in content.areas:
        assert area.name.split()[-1] in text
    assert content.groups.intermediaire.label in text


def test_reset_forgets_the_result_and_returns_to_the_welcome(screen, qtbot):
    play(screen, qtbot, lambda item: "right", "oui")
    with qtbot.waitSignal(screen.sheetReady) as ready:
        click(screen.print_button)
    screen.reset()
    assert screen.pages.currentWidget() is screen.welcome_page
    assert (
        screen.result is None and screen.result_page.sheet is None and screen.result_page.code_label is None
    )
    assert screen.diagnostic.answers() == () and screen.diagnostic.result().group == "debutant"
    assert not Path(ready.args[0]).exists()
    click(screen.start_button)
    assert screen.exercise is not None and screen.diagnostic.answers() == ()


def test_terminer_closes_and_starts_over(screen, qtbot):
    play(screen, qtbot, lambda item: "skip", None)
    with qtbot.waitSignal(screen.closed):
        click(screen.result_page.finish_button)
    assert screen.pages.currentWidget() is screen.welcome_page
    assert screen.diagnostic.answers() == ()


# --- read-aloud -------------------------------------------------------------------------------------------


def test_ecouter_reads_the_prompt_with_the_mock_engine(make_screen, qtbot):
    speech = Speech("mock")
    screen = make_screen(speech)
    qtbot.waitUntil(speech.available, timeout=5000)  # the engine starts on its own thread
    words = []
    speech.wordSaid.connect(words.append)
    click(screen.start_button)
    assert screen.item_page.listen_button.isVisible()
    click(screen.item_page.listen_button)
    prompt = screen.exercise.item.prompt
    qtbot.waitUntil(lambda: len(words) >= len(prompt.split()), timeout=10000)
    assert words[0] == prompt.split()[0] and all(word in prompt for word in words)
    speech.close()


@pytest.mark.parametrize("speech", [None, "no-such-engine"])
def test_without_an_engine_ecouter_is_hidden(make_screen, speech, qtbot):
    engine = Speech(speech) if speech else None
    screen = make_screen(engine)
    if engine is not None:
        with qtbot.waitSignal(engine.availabilityChanged) as told:
            pass
        assert told.args == [False]
        engine.close()
    assert not screen.welcome_page.listen_button.isVisible()
    click(screen.start_button)
    assert not screen.item_page.listen_button.isVisible() and screen.item_page.skip_button.isVisible()


# --- pictures for a person to look at ------------------------------------------------------------------


def test_screenshots(screen, qtbot, tmp_path):
    folder = Path(os.environ.get("DIAGNOSTIC_SHOTS", tmp_path))
    folder.mkdir(parents=True, exist_ok=True)
    screen.grab().save(str(folder / "welcome.png"))
    for wanted in ("drag", "mailbox"):
        exercise = reach_kind(screen, wanted)
        if wanted == "mailbox":
            click(exercise.rows[exercise.item.goal.message])
        screen.grab().save(str(folder / f"{wanted}.png"))
        screen.reset()
    play(screen, qtbot, lambda item: "right" if item.difficulty <= 2 else "dont_know", "non")
    screen.grab().save(str(folder / "result.png"))
    assert (folder / "result.png").stat().st_size > 10_000


def test_a_sheet_that_cannot_be_written_says_so_and_loses_nothing(make_screen, qtbot, tmp_path):
    not_a_folder = tmp_path / "not-a-folder"
    not_a_folder.write_text("a file where the folder should be")  # mkdir fails: as a full disk would
    screen = make_screen(sheet_folder=not_a_folder)
    play(screen, qtbot, lambda item: "right", "oui")
    ready = []
    screen.sheetReady.connect(ready.append)
    click(screen.print_button)
    qtbot.waitUntil(lambda: screen.result_page.sheet_problem.isVisible(), timeout=10000)
    assert ready == [] and screen.print_button.isEnabled()
    assert "conseiller" in screen.result_page.sheet_problem.text()
    assert screen.result_page.code_label.text()  # the result stays on the screen
