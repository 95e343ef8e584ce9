"""Every diagnostic screen fits the run's screen (1280×800, or ILOT_TEST_SCREEN=1024x768) in the real kiosk:
the welcome, each exercise kind before and after its hint, the early end, the phone questions and the
result of each group, with nothing cut and nothing to scroll to (but the page of the scroll exercise, whose
skill is scrolling). The result names the printed sheet's needs and each place with its address."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtPdf import QPdfDocument

from kiosk.diagnostic.typography import french_spacing
from tests.gui.conftest import touch
from tests.gui.diagnostic.driver import click, kind, solve, wrong_try
from tests.gui.diagnostic.test_diagnostic_screen import play
from tests.gui.fit import misfits

pytestmark = pytest.mark.fits


@pytest.fixture
def screen(make_kiosk, monkeypatch, qtbot):
    """The diagnostic opened from its home tile, with read-aloud on (its "Écouter" buttons take room)."""
    import kiosk.diagnostic.speech as speech

    real = speech.Speech
    engines = []
    monkeypatch.setattr(speech, "Speech", lambda: engines.append(real("mock")) or engines[-1])
    kiosk = make_kiosk()
    touch(kiosk.window, next(t for t in kiosk.home.tiles if t.item_id == "diagnostic"))
    shown = kiosk.window.screens.currentWidget()
    (engine,) = engines
    qtbot.waitUntil(engine.available, timeout=5000)
    shown.kiosk_window = kiosk.window
    yield shown
    engine.close()


def problems(screen) -> list[str]:
    exercise = screen.exercise if screen.pages.currentWidget() is screen.item_page else None
    if exercise is not None and kind(exercise.item) == "scroll":
        found = misfits(screen.kiosk_window, scrolling=True)
        item = exercise.item
        page_words = {b.label[:40] for b in item.buttons} | {p[:40] for p in item.paragraphs}
        return [p for p in found if not any(f'"{w}"' in p for w in page_words)]
    return misfits(screen.kiosk_window, scrolling=False)


def walk(screen, policy, seen: dict[str, list[str]]) -> None:
    """Plays to the result; each item is judged when it shows, and after a wrong try (with its hint)."""
    seen["welcome"] = problems(screen)
    click(screen.start_button)
    for _ in range(200):
        page = screen.pages.currentWidget()
        if page is screen.result_page:
            return
        if page is screen.early_page:
            seen["early end"] = problems(screen)
            click(page.continue_button)
        elif page is screen.question_page:
            seen[f"question {screen.diagnostic.next_item().id}"] = problems(screen)
            click(screen.question_page.choice_buttons["non"])
        else:
            exercise = screen.exercise
            item = exercise.item
            seen[f"{kind(item)} {item.id}"] = problems(screen)
            action = policy(item)
            wrong_try(exercise)
            if screen.exercise is exercise:
                seen[f"{kind(item)} {item.id} with its hint"] = problems(screen)
                (solve if action == "right" else wrong_try)(exercise)
    raise AssertionError("the diagnostic never ended")


POLICIES = {  # each item is first tried wrong (to show its hint), then: right, or wrong again
    "intermediaire": lambda item: "right",
    "intermediaire, the hard items failed": lambda item: "right" if item.difficulty <= 2 else "failed",
    "debutant": lambda item: "failed",
}


@pytest.mark.parametrize("run", sorted(POLICIES))
def test_every_diagnostic_screen_fits(screen, run):
    seen: dict[str, list[str]] = {}
    walk(screen, POLICIES[run], seen)
    assert screen.result.group == run.split(",")[0]
    seen[f"result {run}"] = misfits(screen.kiosk_window, scrolling=False)
    assert {name: found for name, found in seen.items() if found} == {}
    if run != "debutant":
        kinds = {name.split()[0] for name in seen}
        assert {"click", "typing", "web_page", "mailbox", "choice", "file_picker"} <= kinds, kinds


def test_the_avance_result_fits_with_every_need(screen, qtbot):
    play(screen, qtbot, lambda item: "right", "non")
    assert screen.result.group == "avance" and len(screen.result_page.sheet.needs) == 3
    assert misfits(screen.kiosk_window, scrolling=False) == []


def test_the_result_shows_the_sheets_needs_and_each_places_address(screen, qtbot, content):
    play(screen, qtbot, lambda item: "right" if item.difficulty <= 2 else "dont_know", "non")
    sheet = screen.result_page.sheet
    assert sheet.needs and sheet.places  # this run states needs and is told where to go
    shown = screen.result_page.text()
    for need in sheet.needs:
        assert need in shown
    for place in sheet.places:
        assert place.address and place.name in shown and place.address in shown
    every_need = {n.label for n in content.needs}
    assert {n for n in every_need if n in shown} == set(sheet.needs)  # no other list than the sheet's
    assert screen.result_page.code_label.text() in shown
    with qtbot.waitSignal(screen.sheetReady) as ready:
        click(screen.print_button)
    document = QPdfDocument()
    assert document.load(str(Path(ready.args[0]))) == QPdfDocument.Error.None_
    printed = " ".join(document.getAllText(p).text() for p in range(document.pageCount()))
    document.close()
    printed = " ".join(printed.split())
    for text in (*sheet.needs, *(p.address for p in sheet.places), screen.result_page.code_label.text()):
        assert " ".join(text.split()) in printed


def test_the_result_never_invites_to_end_the_session(screen, qtbot):
    play(screen, qtbot, lambda item: "skip", None)
    shown = screen.result_page.text() + screen.result_page.finish_button.text() + screen.print_button.text()
    for word in ("Terminer", "Quittez", "session", "fini"):
        assert word not in shown
    assert french_spacing("à montrer à un conseiller :") in shown  # the ":" never wraps alone
