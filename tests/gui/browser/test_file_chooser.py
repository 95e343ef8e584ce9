"""An upload form receives this session's documents through the kiosk's chooser, never a dialog on the disk:
the visitor touches large thumbnails, then "Envoyer"; "Annuler" sends nothing; the form's accept= is honoured.

`choose()` blocks in a local event loop, as QtWebEngine's `chooseFiles` must: the visitor's touches are
scheduled with timers before it is called, and run inside that loop."""

from __future__ import annotations

import contextlib
import json
import os
from pathlib import Path

import pytest
import shiboken6
from PySide6.QtCore import QMarginsF, QPoint, QRect, Qt, QTimer
from PySide6.QtGui import QColor, QImage, QPageSize, QPainter, QPdfWriter
from PySide6.QtTest import QTest
from PySide6.QtWebEngineWidgets import QWebEngineView
from PySide6.QtWidgets import QVBoxLayout, QWidget
from pytestqt.exceptions import TimeoutError as WaitTimeout

from kiosk.browser.file_chooser import FileChooser, Mode
from kiosk.browser.page import KioskPage
from kiosk.browser.policy import SiteRules
from kiosk.session_documents import filter_documents, list_documents
from kiosk.shell import theme
from kiosk.shell.icons import Icons
from tests.gui.browser.upload_site import UploadSite

NOW = 1_700_000_000


def write_pdf(path: Path, text: str, minutes_ago: int) -> None:
    writer = QPdfWriter(str(path))
    writer.setPageSize(QPageSize(QPageSize.PageSizeId.A4))
    writer.setPageMargins(QMarginsF(0, 0, 0, 0))
    painter = QPainter(writer)
    painter.fillRect(QRect(0, 0, writer.width(), writer.height() // 8), QColor(theme.BLUE))
    painter.drawText(200, 2000, text)
    painter.end()
    os.utime(path, (NOW - minutes_ago * 60, NOW - minutes_ago * 60))


def write_png(path: Path, minutes_ago: int) -> None:
    image = QImage(800, 600, QImage.Format.Format_RGB32)
    image.fill(QColor(theme.RED))
    assert image.save(str(path))
    os.utime(path, (NOW - minutes_ago * 60, NOW - minutes_ago * 60))


@pytest.fixture
def scratch(tmp_path) -> Path:
    """The session's scratch folder: two PDFs and a picture, newest first "attestation.pdf", "scan.png",
    "releve_de_compte.pdf"; and what the kiosk never offers (a hidden file, a download still arriving)."""
    folder = tmp_path / "session"
    folder.mkdir()
    write_pdf(folder / "attestation.pdf", "Attestation", minutes_ago=1)
    write_png(folder / "scan.png", minutes_ago=5)
    write_pdf(folder / "releve_de_compte.pdf", "Relevé", minutes_ago=9)
    write_pdf(folder / ".cache.pdf", "Caché", minutes_ago=0)
    (folder / ".downloading").mkdir()
    write_pdf(folder / ".downloading" / "arriving", "En cours", minutes_ago=0)
    return folder


@pytest.fixture
def screen(qtbot):
    """The widget the chooser covers (the browser screen in the kiosk), styled as the kiosk is."""
    widget = QWidget()
    widget.setObjectName("Page")
    widget.setStyleSheet(theme.STYLESHEET)
    widget.resize(1280, 720)
    qtbot.addWidget(widget)
    widget.show()
    qtbot.waitExposed(widget)
    return widget


@pytest.fixture
def chooser(screen) -> FileChooser:
    return FileChooser(screen, Icons(None))


def answer(chooser: FileChooser, ask, *steps):
    """Calls `ask()` (which opens the chooser and waits); each step runs, in order, inside its local loop.
    A failing step closes the chooser and fails the test; so does a chooser still open after 10 s."""
    failures = []

    def visit() -> None:
        try:
            for step in steps:
                step()
        except BaseException as error:
            failures.append(error)
            chooser.cancel()

    guard = QTimer(chooser)
    guard.setSingleShot(True)
    guard.timeout.connect(chooser.cancel)
    guard.start(10_000)
    QTimer.singleShot(0, visit)
    result = ask()
    guard.stop()
    if failures:
        raise failures[0]
    assert not chooser.isVisible() and not chooser.is_asking
    return result


def names(chooser: FileChooser) -> list[str]:
    return [tile.document.name for tile in chooser.tiles]


def touch(qtbot, widget) -> None:
    qtbot.mouseClick(widget, Qt.MouseButton.LeftButton)


def test_one_document_is_chosen_among_large_thumbnails(qtbot, chooser, screen, scratch):
    documents = list_documents(scratch)

    def look() -> None:
        assert chooser.isVisible()
        assert chooser.title.text() == "Choisissez un document"
        assert names(chooser) == ["attestation.pdf", "scan.png", "releve_de_compte.pdf"]
        qtbot.waitUntil(lambda: all(tile.has_thumbnail for tile in chooser.tiles), timeout=5000)
        for tile in chooser.tiles:
            size = tile.thumbnail.pixmap().deviceIndependentSize()
            assert max(size.width(), size.height()) >= 160
            assert (
                tile.thumbnail.height() >= 160
                and tile.thumbnail.visibleRegion().boundingRect().height() >= 160
            )
            assert chooser.area.viewport().rect().contains(tile.geometry())  # shown whole
        first_page = chooser.tiles[0].thumbnail.pixmap().toImage()
        assert first_page.pixelColor(first_page.width() // 2, 5) == QColor(theme.BLUE)  # the PDF's band
        assert screen.rect().contains(chooser.card.geometry())
        for button in (chooser.cancel_button, chooser.send_button):
            assert button.isVisible() and button.height() >= theme.MIN_TILE
        assert not chooser.back_button.isVisible()
        assert chooser.send_button.text() == "Envoyer ce document"
        assert not chooser.send_button.isEnabled()  # nothing chosen yet

    def pick() -> None:
        first, _, last = chooser.tiles
        touch(qtbot, first)
        assert first.isChecked() and first.check.isVisible()
        assert chooser.send_button.isEnabled()
        touch(qtbot, last)  # one document only: the new touch replaces the first
        assert last.isChecked() and last.check.isVisible()
        assert not first.isChecked() and not first.check.isVisible()

    send = lambda: touch(qtbot, chooser.send_button)  # noqa: E731
    chosen = answer(chooser, lambda: chooser.choose(documents, multiple=False), look, pick, send)
    assert chosen == [str(scratch / "releve_de_compte.pdf")]
    assert chooser.tiles == []  # nothing of this visitor stays in the chooser


def test_several_documents_when_the_form_allows_it(qtbot, chooser, scratch):
    def pick() -> None:
        assert chooser.hint.text().startswith("Touchez les documents")
        first, second, third = chooser.tiles
        touch(qtbot, third)
        assert chooser.send_button.text() == "Envoyer ce document"
        touch(qtbot, first)
        assert chooser.send_button.text() == "Envoyer ces documents"
        touch(qtbot, second)
        touch(qtbot, second)  # a second touch takes it back
        assert [t.isChecked() for t in chooser.tiles] == [True, False, True]
        assert [t.check.isVisible() for t in chooser.tiles] == [True, False, True]

    send = lambda: touch(qtbot, chooser.send_button)  # noqa: E731
    chosen = answer(chooser, lambda: chooser.choose(list_documents(scratch), multiple=True), pick, send)
    assert chosen == [str(scratch / "attestation.pdf"), str(scratch / "releve_de_compte.pdf")]


def test_annuler_sends_nothing(qtbot, chooser, scratch):
    chosen = answer(
        chooser,
        lambda: chooser.choose(list_documents(scratch), multiple=True),
        lambda: touch(qtbot, chooser.tiles[0]),
        lambda: touch(qtbot, chooser.cancel_button),
    )
    assert chosen == []


def test_closing_it_from_outside_sends_nothing(qtbot, chooser, scratch):
    """The session ending, or Échap, while the chooser is open."""
    chosen = answer(
        chooser,
        lambda: chooser.choose(list_documents(scratch), multiple=False),
        lambda: touch(qtbot, chooser.tiles[0]),
        chooser.cancel,
    )
    assert chosen == []
    chosen = answer(
        chooser,
        lambda: chooser.choose(list_documents(scratch), multiple=False),
        lambda: touch(qtbot, chooser.tiles[0]),
        lambda: QTest.keyClick(chooser, Qt.Key.Key_Escape),
    )
    assert chosen == []


@pytest.mark.parametrize(
    ("accept", "shown"),
    [
        ([".pdf"], ["attestation.pdf", "releve_de_compte.pdf"]),
        (["image/*"], ["scan.png"]),
        (["application/pdf", "image/png"], ["attestation.pdf", "scan.png", "releve_de_compte.pdf"]),
        ([], ["attestation.pdf", "scan.png", "releve_de_compte.pdf"]),
    ],
)
def test_only_what_the_form_accepts_is_shown(qtbot, chooser, scratch, accept, shown):
    seen = []
    chosen = answer(
        chooser,
        lambda: chooser.choose_for_upload(scratch, Mode.FileSelectOpen, accept),
        lambda: seen.extend(names(chooser)),
        lambda: touch(qtbot, chooser.tiles[-1]),
        lambda: touch(qtbot, chooser.send_button),
    )
    assert seen == shown
    assert chosen == [str(scratch / shown[-1])]
    assert [d.name for d in filter_documents(list_documents(scratch), accept)] == shown


def test_with_no_matching_document_a_plain_message_and_retour(qtbot, chooser, scratch):
    def look() -> None:
        assert chooser.message.isVisible()
        assert chooser.message.text() == (
            "Vous n'avez pas encore de document. Téléchargez ou scannez d'abord votre document."
        )
        assert chooser.tiles == []
        visible = [
            b for b in (chooser.cancel_button, chooser.send_button, chooser.back_button) if b.isVisible()
        ]
        assert visible == [chooser.back_button]
        assert chooser.back_button.text() == "Revenir au site"
        assert chooser.back_button.height() >= theme.MIN_TILE

    chosen = answer(
        chooser,
        lambda: chooser.choose_for_upload(scratch, Mode.FileSelectOpen, [".docx"]),
        look,
        lambda: touch(qtbot, chooser.back_button),
    )
    assert chosen == []


def test_folder_and_save_pickers_are_refused_without_asking(chooser, scratch):
    assert chooser.choose_for_upload(scratch, Mode.FileSelectUploadFolder, []) == []
    assert chooser.choose_for_upload(scratch, Mode.FileSelectSave, []) == []
    assert not chooser.isVisible()


def test_many_documents_scroll_inside_the_screen(qtbot, chooser, screen, tmp_path):
    for n in range(14):
        write_png(tmp_path / f"photo-{n:02}.png", minutes_ago=n)

    def look() -> None:
        assert len(chooser.tiles) == 14
        assert screen.rect().contains(chooser.card.geometry())
        assert chooser.area.verticalScrollBar().maximum() > 0

    assert answer(chooser, lambda: chooser.choose(list_documents(tmp_path), True), look, chooser.cancel) == []


# End to end: a real page, a real click on its <input type=file>, the kiosk's chooser, the file received.


class UploadPage(KioskPage):
    """KioskPage as the lead will wire it: `chooseFiles` asks the kiosk's chooser."""

    def __init__(self, profile, rules: SiteRules, chooser: FileChooser, scratch: Path):
        super().__init__(profile, rules)
        self.chooser = chooser
        self.scratch = scratch

    def chooseFiles(self, mode, old_files: list[str], accepted_mime_types: list[str]) -> list[str]:
        return self.chooser.choose_for_upload(self.scratch, mode, accepted_mime_types)


@pytest.fixture
def upload_site():
    site = UploadSite()
    site.start()
    yield site
    site.stop()


@pytest.fixture
def browser(qtbot, screen, scratch):
    """A real QWebEngineView on a KioskPage under the chooser, in the visitor's profile."""
    from kiosk.browser.profile import SessionProfile

    profile = SessionProfile()
    chooser = FileChooser(screen, Icons(None))
    page = UploadPage(profile.profile(), SiteRules(("127.0.0.1",), (), allow_http=True), chooser, scratch)
    profile.adopt(page)
    view = QWebEngineView()
    view.setPage(page)
    QVBoxLayout(screen).addWidget(view)
    yield view, page, chooser
    engine_profile = profile.profile()
    if shiboken6.isValid(screen):
        view.deleteLater()  # the view before its page, the page before its profile
    profile.discard()
    qtbot.waitUntil(lambda: not shiboken6.isValid(engine_profile), timeout=5000)


def run_js(qtbot, page, script: str):
    results = []
    page.runJavaScript(script, 0, results.append)
    qtbot.waitUntil(lambda: bool(results), timeout=5000)
    return results[0]


def click_input(qtbot, view, page) -> None:
    """A real mouse click at the file input (a script's click() would not open a chooser)."""
    box = run_js(qtbot, page, "JSON.stringify(document.getElementById('f').getBoundingClientRect())")
    box = json.loads(box)
    qtbot.waitUntil(lambda: view.focusProxy() is not None, timeout=5000)
    point = QPoint(round(box["x"] + box["width"] / 2), round(box["y"] + box["height"] / 2))
    QTest.mouseClick(view.focusProxy(), Qt.MouseButton.LeftButton, Qt.KeyboardModifier(0), point)


@pytest.mark.parametrize(
    ("path", "touched", "expected"),
    [
        ("/pdf", [0], ["attestation.pdf"]),
        ("/pdf", [1], ["releve_de_compte.pdf"]),
        ("/several", [0, 1], ["attestation.pdf", "scan.png"]),
    ],
)
def test_an_upload_form_receives_a_session_document(
    qtbot, browser, upload_site, scratch, path, touched, expected
):
    view, page, chooser = browser
    with qtbot.waitSignal(view.loadFinished, timeout=15000):
        view.load(upload_site.url(path))
    shown = []

    def visitor() -> None:
        shown.extend(names(chooser))
        for index in touched:
            touch(qtbot, chooser.tiles[index])
        touch(qtbot, chooser.send_button)

    opened = []
    chooser.opened.connect(lambda: (opened.append(True), QTimer.singleShot(0, visitor)))
    guard = QTimer(chooser)
    guard.setSingleShot(True)
    guard.timeout.connect(chooser.cancel)
    guard.start(15_000)
    for _ in range(5):  # a click that reaches Chromium before its first frame is lost: the visitor retries
        click_input(qtbot, view, page)
        with contextlib.suppress(WaitTimeout):
            qtbot.waitUntil(lambda: bool(opened), timeout=1_000)
            break
    assert opened, "the kiosk's chooser never opened"
    qtbot.waitUntil(lambda: page.title().startswith("chosen:"), timeout=10_000)
    guard.stop()

    assert page.title() == "chosen:" + ",".join(expected)
    if path == "/pdf":
        assert shown == ["attestation.pdf", "releve_de_compte.pdf"]  # accept=".pdf": no picture offered
    sizes = json.loads(run_js(qtbot, page, "JSON.stringify(window.sizes)"))
    assert sizes == [(scratch / name).stat().st_size for name in expected]  # the file itself arrived
    assert not chooser.isVisible()
