"""A visitor types a name, an email address and a phone number into a service's page and into the
diagnostic's exercises; then their session ends and the counts go to a real hub. None of it is in the
terminal's data folder (database, logs, caches), in the kiosk's log records, in what the hub received, or
in what the hub stored: usage is counted, never logged."""

from __future__ import annotations

import dataclasses
import logging
import time
from pathlib import Path
from urllib.parse import quote_plus

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from kiosk.usage.sync import HubClient, SyncClient
from tests.gui.browser.conftest import make_shortcut
from tests.gui.conftest import config, make_kiosk, paths, touch  # noqa: F401 (fixtures)
from tests.gui.diagnostic.driver import click, kind, type_into
from tests.hub_on_loopback import FaultProxy, add_terminal, running_hub, sqlite_url

NAME, EMAIL, PHONE = "Jeanne Canari", "jeanne.canari@exemple.fr", "06 12 34 56 78"


def traces(text: str) -> set[bytes]:
    """The forms a typed text could be kept in: as typed, lowercase, URL-encoded, without spaces."""
    forms = {text, text.lower(), quote_plus(text), text.replace(" ", ""), text.split()[-1]}
    return {form.encode() for form in forms if len(form) >= 6}


CANARIES = traces(NAME) | traces(EMAIL) | traces(PHONE)


def found_in(data: bytes) -> set[bytes]:
    lowered = data.lower()
    return {canary for canary in CANARIES if canary.lower() in lowered}


def files_with_canaries(folder: Path) -> dict[str, set[bytes]]:
    hits = {}
    for path in folder.rglob("*"):
        if path.is_file() and (found := found_in(path.read_bytes())):
            hits[str(path)] = found
    return hits


def fill_the_form(kiosk, screen, qtbot, service) -> None:
    qtbot.waitUntil(lambda: screen.page.title() == "form" and not screen.page.isLoading(), timeout=15000)
    kiosk.window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is kiosk.window, timeout=5000)
    touch(kiosk.window, screen.view)
    qtbot.waitUntil(lambda: screen.view.focusProxy().hasFocus(), timeout=5000)
    screen.page.runJavaScript("document.getElementById('nom').focus()")
    focused = []  # the script runs in the page's own time: keys sent before it has would go nowhere
    qtbot.waitUntil(
        lambda: screen.page.runJavaScript("document.activeElement.id", 0, focused.append) or "nom" in focused,
        timeout=5000,
    )
    page = screen.view.focusProxy()  # the widget the page's keys go to
    for n, text in enumerate((NAME, EMAIL, PHONE)):
        if n:
            QTest.keyClick(page, Qt.Key.Key_Tab)
        QTest.keyClicks(page, text)
        qtbot.wait(30)
    QTest.keyClick(page, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: any(r.startswith("/sent?") for r in service.requests), timeout=10000)
    sent = next(r for r in service.requests if r.startswith("/sent?"))
    assert quote_plus(NAME) in sent and quote_plus(EMAIL) in sent  # the page really got what was typed


def type_into_the_diagnostic(kiosk, qtbot) -> int:
    """Plays the diagnostic, typing the canaries wherever it asks to type; returns the fields typed into."""
    touch(kiosk.window, next(t for t in kiosk.home.tiles if t.item_id == "diagnostic"))
    screen = kiosk.window.screens.currentWidget()
    click(screen.start_button)
    typed = 0
    for _ in range(200):
        page = screen.pages.currentWidget()
        if page is screen.result_page:
            return typed
        if page is screen.early_page:
            click(page.continue_button)
        elif page is screen.question_page:
            click(page.skip_button)
        elif kind(screen.exercise.item) == "typing":
            for n, edit in enumerate(screen.exercise.fields.values()):
                type_into(edit, (NAME, EMAIL, PHONE)[n % 3])
                typed += 1
            click(screen.exercise.validate_button)
            if screen.pages.currentWidget() is page and page.dont_know_button.isVisible():
                click(page.dont_know_button)
        else:
            click(page.skip_button)
    raise AssertionError("the diagnostic did not reach its result")


def test_what_a_visitor_types_never_leaves_their_session(qtbot, make_kiosk, config, paths, service, tmp_path):  # noqa: F811
    records: list[str] = []
    handler = logging.Handler(logging.DEBUG)
    handler.emit = lambda record: records.append(f"{record.getMessage()} {record.args!r}")
    logging.getLogger().addHandler(handler)
    previous_level = logging.getLogger().level
    logging.getLogger().setLevel(logging.DEBUG)
    try:
        shortcut = make_shortcut(service, "/form", id="alpha", label="Alpha")
        kiosk = make_kiosk(dataclasses.replace(config, shortcuts=(shortcut, *config.shortcuts[1:])))
        touch(kiosk.window, kiosk.home.tiles[0])
        fill_the_form(kiosk, kiosk.window.screens.currentWidget(), qtbot, service)
        kiosk.window.show_home()
        assert type_into_the_diagnostic(kiosk, qtbot) > 0
        kiosk.session_control.end("button")
        kiosk.counter.flush().result(10)

        url = sqlite_url(tmp_path / "hub")
        token = add_terminal(url, site="poste-temoin")
        with running_hub(url) as base, FaultProxy(base) as proxy:
            later = time.time() + 2 * 3600  # the session's hour has closed
            client = SyncClient(HubClient(proxy.url, token), kiosk.store.call, clock=lambda: later)
            assert client.send_due().rows_delivered > 0
        assert proxy.bodies and b"session_started" in b"".join(proxy.bodies)
    finally:
        logging.getLogger().removeHandler(handler)
        logging.getLogger().setLevel(previous_level)

    assert files_with_canaries(paths.data_dir) == {}
    assert [r for r in records if found_in(r.encode())] == []
    assert found_in(b"".join(proxy.bodies)) == set()
    assert files_with_canaries(tmp_path / "hub") == {}
