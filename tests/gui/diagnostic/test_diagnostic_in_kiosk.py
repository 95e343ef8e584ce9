"""The diagnostic inside the kiosk: its home tile, the sheet sent to the print wizard, counts that say
nothing personal, and the end of the session forgetting the result."""

from __future__ import annotations

from kiosk.diagnostic.loader import load_bundled_content
from tests.gui.conftest import files_held_under, touch
from tests.gui.diagnostic.test_diagnostic_screen import play


def beginner(item):
    return {"souris-petits-ronds": "failed", "souris-grand-rond": "failed"}.get(item.id, "skip")


def test_from_the_home_tile_to_the_printed_sheet_then_forgotten(kiosk, qtbot):
    touch(kiosk.window, next(t for t in kiosk.home.tiles if t.item_id == "diagnostic"))
    screen = kiosk.window.screens.currentWidget()
    assert kiosk.window.top_bar.place_label.text() == "Faire le point"
    assert screen.pages.currentWidget() is screen.welcome_page

    play(screen, qtbot, beginner, None)
    kiosk.counter.flush().result(5)
    counts = {(metric, key): n for _, metric, key, n in kiosk.counter.totals().result(5)}
    assert counts[("diagnostic_completed", "debutant")] == 1
    assert counts[("diagnostic_level", "1:a_decouvrir")] == 1
    assert not any(metric == "diagnostic_level" and key.startswith("3:") for metric, key in counts)

    touch(kiosk.window, screen.print_button)  # the sheet is drawn off the GUI thread, then printed
    qtbot.waitUntil(lambda: kiosk.window.screens.currentWidget() is kiosk.printing.wizard, timeout=10000)
    wizard = kiosk.printing.wizard
    assert wizard.path.endswith("Ma fiche diagnostic.pdf")
    qtbot.waitUntil(lambda: wizard.options_page.page_count > 0, timeout=5000)  # loaded off the GUI thread
    assert files_held_under(kiosk.paths.session_scratch) != []  # the wizard shows it: the check sees it
    touch(kiosk.window, wizard.options_page.back_button)
    assert kiosk.window.screens.currentWidget() is screen  # back to the result

    kiosk.session_control.end("button")
    assert screen.result is None and screen.pages.currentWidget() is screen.welcome_page
    assert list(kiosk.paths.session_scratch.iterdir()) == []
    assert files_held_under(kiosk.paths.session_scratch) == []  # the sheet is gone, not only unlinked


def test_the_metrics_know_every_level_and_group_of_the_content():
    from kiosk.diagnostic.schema import GROUPS, LEVELS
    from kiosk.usage.metrics import DIAGNOSTIC_AREAS, DIAGNOSTIC_GROUPS, DIAGNOSTIC_LEVELS

    content = load_bundled_content()
    assert set(DIAGNOSTIC_LEVELS) == set(LEVELS)
    assert set(DIAGNOSTIC_GROUPS) == set(GROUPS)
    assert len(content.areas) <= len(DIAGNOSTIC_AREAS)
