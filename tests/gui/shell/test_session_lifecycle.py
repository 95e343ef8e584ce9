"""Idle warning, "Je suis là", the countdown and "Terminer ma session" end the session and wipe it."""

import dataclasses

import msgspec
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QLabel

from tests.gui.conftest import touch


def start_session_elsewhere(kiosk, qtbot):
    """The visitor touches a tile, which opens a screen: the session is running and not on the home."""
    touch(kiosk.window, kiosk.home.tiles[0])
    screen = QLabel("une page de service")
    kiosk.window.show_screen(screen)
    QGuiApplication.clipboard().setText("numéro fiscal 123")
    assert kiosk.session.active
    return screen


def test_idle_overlay_appears_and_je_suis_la_cancels_it(kiosk, qtbot):
    wiped = []
    kiosk.session.register_wiper("probe", lambda: wiped.append(True))
    start_session_elsewhere(kiosk, qtbot)
    kiosk.idle.set_timeout(100)
    kiosk.idle.restart()
    overlay = kiosk.window.idle_overlay
    qtbot.waitUntil(overlay.isVisible, timeout=2000)
    assert overlay.remaining == 5
    assert overlay.countdown.text() == "5 secondes"

    touch(kiosk.window, overlay.here_button)
    assert not overlay.isVisible()
    assert kiosk.session.active
    assert wiped == []


def test_a_mouse_move_does_not_answer_the_warning(kiosk, qtbot):
    start_session_elsewhere(kiosk, qtbot)
    kiosk.idle.set_timeout(50)
    kiosk.idle.restart()
    overlay = kiosk.window.idle_overlay
    qtbot.waitUntil(overlay.isVisible, timeout=2000)
    qtbot.mouseMove(kiosk.window, kiosk.window.rect().center())
    touch(kiosk.window, overlay.card)
    assert overlay.isVisible()


def test_countdown_end_ends_the_session_and_runs_the_wipers(make_kiosk, config, qtbot):
    # A one-second warning (the schema asks a technician for 5 at least): the countdown's real timer runs.
    kiosk = make_kiosk(dataclasses.replace(config, site=msgspec.structs.replace(config.site, idle_warning=1)))
    wiped = []
    kiosk.session.register_wiper("probe", lambda: wiped.append(True))
    screen = start_session_elsewhere(kiosk, qtbot)
    (kiosk.paths.session_scratch / "attestation.pdf").write_bytes(b"%PDF-1.4")
    kiosk.idle.set_timeout(50)
    kiosk.idle.restart()

    qtbot.waitUntil(kiosk.window.idle_overlay.isVisible, timeout=2000)
    assert kiosk.window.idle_overlay.countdown.text() == "1 seconde"
    qtbot.waitUntil(lambda: not kiosk.session.active, timeout=3000)
    assert wiped == [True]
    assert not kiosk.window.idle_overlay.isVisible()
    assert kiosk.window.screens.currentWidget() is kiosk.home
    assert kiosk.window.screens.indexOf(screen) < 0
    assert QGuiApplication.clipboard().text() == ""
    assert list(kiosk.paths.session_scratch.iterdir()) == []
    kiosk.counter.flush().result(5)
    rows = {(metric, key): count for _, metric, key, count in kiosk.counter.totals().result(5)}
    assert rows[("session_ended", "idle")] == 1
    assert rows[("session_duration", "<1min")] == 1


def test_no_warning_when_nobody_started_a_session(kiosk, qtbot):
    kiosk.idle.set_timeout(20)
    kiosk.idle.restart()
    qtbot.wait(150)
    assert not kiosk.window.idle_overlay.isVisible()


def test_terminer_ma_session_asks_first_then_wipes(kiosk, qtbot):
    wiped = []
    kiosk.session.register_wiper("probe", lambda: wiped.append(True))
    start_session_elsewhere(kiosk, qtbot)
    confirm = kiosk.window.confirm_overlay

    touch(kiosk.window, kiosk.top_bar.end_button)
    assert confirm.isVisible()
    touch(kiosk.window, confirm.stay_button)
    assert not confirm.isVisible()
    assert kiosk.session.active and wiped == []

    touch(kiosk.window, kiosk.top_bar.end_button)
    touch(kiosk.window, confirm.end_button)
    assert not kiosk.session.active
    assert wiped == [True]
    assert kiosk.window.screens.currentWidget() is kiosk.home


def test_the_confirmation_says_what_is_open_and_will_be_erased(kiosk, qtbot):
    confirm = kiosk.window.confirm_overlay
    touch(kiosk.window, kiosk.home.subtitle)  # a first touch, nothing opened
    assert kiosk.session.active
    touch(kiosk.window, kiosk.top_bar.end_button)
    assert confirm.losses.text() == "Tout ce que vous avez ouvert sera effacé."
    touch(kiosk.window, confirm.stay_button)

    touch(kiosk.window, next(t for t in kiosk.home.tiles if t.item_id == "diagnostic"))
    touch(kiosk.window, kiosk.diagnostic.screen.start_button)
    for name in ("attestation.pdf", "carte.png"):
        (kiosk.paths.session_scratch / name).write_bytes(b"a document of the visitor")
    touch(kiosk.window, kiosk.top_bar.end_button)
    assert confirm.losses.text().splitlines() == [
        "Ceci sera effacé :",
        "• le diagnostic en cours",
        "• vos 2 documents (téléchargés ou scannés)",
    ]
    touch(kiosk.window, confirm.stay_button)

    touch(kiosk.window, kiosk.top_bar.home_button)
    touch(kiosk.window, kiosk.home.shortcut_tiles[0])
    touch(kiosk.window, kiosk.top_bar.end_button)
    assert "• le site « Alpha » et ce que vous y avez écrit" in confirm.losses.text().splitlines()
    touch(kiosk.window, confirm.stay_button)
    assert kiosk.window.screens.currentWidget() is kiosk.browsing.screen  # nothing lost by asking


def test_the_next_visitor_is_told_the_previous_session_is_wiped(kiosk, qtbot):
    welcome = kiosk.home.subtitle.text()
    start_session_elsewhere(kiosk, qtbot)
    touch(kiosk.window, kiosk.top_bar.end_button)
    touch(kiosk.window, kiosk.window.confirm_overlay.end_button)
    assert kiosk.home.subtitle.text() == "La session précédente est terminée et effacée. Touchez un service."
    assert kiosk.home.subtitle.isVisible()

    start_session_elsewhere(kiosk, qtbot)  # the next visitor's first touch
    assert kiosk.home.subtitle.text() == welcome


def test_accueil_returns_home_without_ending_the_session(kiosk, qtbot):
    start_session_elsewhere(kiosk, qtbot)
    touch(kiosk.window, kiosk.top_bar.home_button)
    assert kiosk.window.screens.currentWidget() is kiosk.home
    assert kiosk.session.active


def test_the_counts_of_a_session_are_written_when_it_ends(kiosk, qtbot):
    """Without waiting for the periodic flush (30 s): the end of a session hands its counts to the store."""
    start_session_elsewhere(kiosk, qtbot)
    touch(kiosk.window, kiosk.top_bar.end_button)
    touch(kiosk.window, kiosk.window.confirm_overlay.end_button)
    assert not kiosk.session.active
    rows = {(metric, key): n for _, metric, key, n in kiosk.counter.totals().result(5)}  # stored rows only
    assert rows[("session_started", "")] == 1
    assert rows[("session_ended", "button")] == 1
