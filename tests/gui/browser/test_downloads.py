"""Downloads in a real QtWebEngine page: PDFs and images are kept in the session's scratch folder under plain
names, anything else is refused and leaves nothing behind; the kiosk's viewer shows what was kept."""

from __future__ import annotations

from pathlib import Path

import pytest
import shiboken6
from PySide6.QtCore import Qt, QUrl
from PySide6.QtPdfWidgets import QPdfView
from PySide6.QtWebEngineCore import QWebEnginePage
from PySide6.QtWebEngineWidgets import QWebEngineView

from kiosk.browser import download_policy as policy
from kiosk.browser.document_viewer import DocumentViewer
from kiosk.browser.downloads import PARTIAL_DIR, DownloadKeeper
from kiosk.browser.profile import SessionProfile
from kiosk.session_documents import PDF, PNG
from kiosk.shell import theme
from kiosk.shell.icons import Icons
from tests.gui.browser.download_site import EXE, DownloadSite, two_page_pdf
from tests.gui.conftest import files_held_under

TIMEOUT = 15000
LEFT = Qt.MouseButton.LeftButton


@pytest.fixture
def site(qapp):
    site = DownloadSite()
    site.start()
    yield site
    site.stop()


class Browser:
    """A bare view on the visitor's profile (PDF viewer off, as in the kiosk) and the keeper watching it."""

    def __init__(self, qtbot, site: DownloadSite, scratch: Path):
        self.qtbot = qtbot
        self.scratch = scratch
        self.profile = SessionProfile()
        self.keeper = DownloadKeeper(scratch)
        self.keeper.watch(self.profile.profile())
        self.page = QWebEnginePage(self.profile.profile())
        self.profile.adopt(self.page)
        self.view = QWebEngineView()
        self.view.setPage(self.page)
        self.view.resize(800, 600)
        self.view.show()
        with qtbot.waitSignal(self.view.loadFinished, timeout=TIMEOUT):
            self.view.load(QUrl(site.url("/")))

    def click(self, link_id: str) -> None:
        self.page.runJavaScript(f"document.getElementById('{link_id}').click()")

    def download(self, link_id: str, signal) -> list:
        with self.qtbot.waitSignal(signal, timeout=TIMEOUT) as blocker:
            self.click(link_id)
        return blocker.args

    def kept(self) -> list[str]:
        return sorted(p.name for p in self.scratch.iterdir()) if self.scratch.exists() else []

    def close(self) -> None:
        engine_profile = self.profile.profile()
        self.view.setPage(None)
        self.view.deleteLater()
        self.profile.discard()
        self.qtbot.waitUntil(lambda: not shiboken6.isValid(engine_profile), timeout=TIMEOUT)


@pytest.fixture
def browser(qtbot, site, tmp_path):
    browser = Browser(qtbot, site, tmp_path / "scratch")
    yield browser
    browser.close()


@pytest.mark.parametrize("link_id", ["inline", "attachment", "octet"])
def test_a_pdf_is_kept_however_it_is_served(browser, site, link_id):
    path, mime = browser.download(link_id, browser.keeper.documentReady)
    assert mime == PDF
    assert Path(path) == browser.scratch / "attestation.pdf"
    assert Path(path).read_bytes() == site.pdf
    assert browser.kept() == ["attestation.pdf"]  # no partial folder left behind


def test_the_same_name_twice_gets_a_number(browser, site):
    first, _ = browser.download("inline", browser.keeper.documentReady)
    second, _ = browser.download("attachment", browser.keeper.documentReady)
    assert Path(first).name == "attestation.pdf"
    assert Path(second).name == "attestation (2).pdf"
    assert Path(second).read_bytes() == site.pdf
    assert browser.kept() == ["attestation (2).pdf", "attestation.pdf"]


def test_a_name_trying_to_leave_the_folder_stays_inside(browser, site, tmp_path):
    path, _ = browser.download("escape", browser.keeper.documentReady)
    assert Path(path).parent == browser.scratch
    assert Path(path).read_bytes() == site.pdf
    assert sorted(p.name for p in tmp_path.iterdir()) == ["scratch"]


def test_an_image_is_kept(browser, site):
    path, mime = browser.download("png", browser.keeper.documentReady)
    assert (Path(path).name, mime) == ("photo.png", PNG)
    assert Path(path).read_bytes() == site.png


@pytest.mark.parametrize("link_id", ["exe", "exe-octet"])
def test_a_program_is_refused_before_it_arrives(browser, link_id):
    ready = []
    browser.keeper.documentReady.connect(lambda *args: ready.append(args))
    assert browser.download(link_id, browser.keeper.refused) == [policy.REFUSED_TYPE]
    browser.qtbot.wait(300)
    assert browser.kept() == []
    assert ready == []


def test_a_program_served_as_a_pdf_is_refused_once_its_bytes_are_seen(browser):
    ready = []
    browser.keeper.documentReady.connect(lambda *args: ready.append(args))
    assert browser.download("lying", browser.keeper.refused) == [policy.REFUSED_CONTENT]
    assert browser.kept() == []  # the partial file is gone too
    assert ready == []
    assert not any(p.read_bytes() == EXE for p in browser.scratch.rglob("*") if p.is_file())


def test_a_download_too_large_is_refused(browser):
    browser.keeper.max_bytes = 1000  # the test PDF is larger
    assert browser.download("attachment", browser.keeper.refused) == [policy.REFUSED_TOO_LARGE]
    browser.qtbot.wait(200)
    assert browser.kept() == []


def test_an_interrupted_download_fails_and_leaves_nothing(browser):
    browser.download("broken", browser.keeper.failed)
    assert browser.kept() == []
    assert not (browser.scratch / PARTIAL_DIR).exists()


def test_kept_and_refused_downloads_in_turn(browser, site):
    browser.download("exe", browser.keeper.refused)
    path, _ = browser.download("inline", browser.keeper.documentReady)
    browser.download("lying", browser.keeper.refused)
    assert browser.kept() == ["attestation.pdf"]
    assert Path(path).read_bytes() == site.pdf


# The viewer ----------------------------------------------------------------------------------------------


@pytest.fixture
def viewer(qtbot):
    viewer = DocumentViewer(Icons(None))
    qtbot.addWidget(viewer)
    viewer.resize(1280, 800)
    viewer.show()
    qtbot.waitExposed(viewer)
    return viewer


@pytest.fixture
def pdf_file(qapp, tmp_path) -> Path:
    path = tmp_path / "attestation.pdf"
    path.write_bytes(two_page_pdf())
    return path


def open_in(qtbot, viewer, path) -> None:
    """Opens `path` and waits until it is shown (or said unshowable): it is read off the GUI thread."""
    with qtbot.waitSignal(viewer.ready, timeout=5000):
        viewer.open_document(path)


def test_the_viewer_shows_a_two_page_pdf(qtbot, viewer, pdf_file):
    viewer.open_document(pdf_file)
    assert viewer.is_opening  # read off the GUI thread; meanwhile a calm word
    assert viewer.opening.isVisible() and viewer.opening.text() == "Ouverture du document…"
    assert not viewer.print_button.isEnabled()
    qtbot.waitSignal(viewer.ready, timeout=5000).wait()
    assert viewer.content.currentWidget() is viewer.pdf_view
    assert viewer.document.pageCount() == 2
    assert viewer.pages.text() == "2 pages"
    assert viewer.title.text() == "attestation"  # the name without ".pdf"
    assert viewer.pdf_view.pageMode() == QPdfView.PageMode.MultiPage
    for button in (viewer.smaller_button, viewer.bigger_button, viewer.print_button, viewer.close_button):
        assert button.height() >= theme.MIN_TILE
        assert button.isEnabled()


def test_the_zoom_buttons_change_the_zoom(qtbot, viewer, pdf_file):
    open_in(qtbot, viewer, pdf_file)
    start = viewer.pdf_view.zoomFactor()
    qtbot.mouseClick(viewer.bigger_button, LEFT)
    assert viewer.pdf_view.zoomFactor() > start
    qtbot.mouseClick(viewer.smaller_button, LEFT)
    qtbot.mouseClick(viewer.smaller_button, LEFT)
    assert viewer.pdf_view.zoomFactor() < start
    while viewer.smaller_button.isEnabled():
        qtbot.mouseClick(viewer.smaller_button, LEFT)
    assert not viewer.smaller_button.isEnabled()  # the smallest size: the button says so


def test_print_asks_with_the_path_and_close_says_closed(qtbot, viewer, pdf_file):
    open_in(qtbot, viewer, pdf_file)
    with qtbot.waitSignal(viewer.printRequested, timeout=1000) as printing:
        qtbot.mouseClick(viewer.print_button, LEFT)
    assert printing.args == [str(pdf_file)]
    with qtbot.waitSignal(viewer.closed, timeout=1000):
        qtbot.mouseClick(viewer.close_button, LEFT)
    assert viewer.document.pageCount() == 0  # the file is let go: the session may delete it


def test_the_viewer_shows_an_image_and_zooms_it(qtbot, viewer, tmp_path, site):
    image = tmp_path / "photo.png"
    image.write_bytes(site.png)
    open_in(qtbot, viewer, image)
    assert viewer.content.currentWidget() is viewer.image_area
    width = viewer.image_label.pixmap().width()
    assert width > 0
    qtbot.mouseClick(viewer.bigger_button, LEFT)
    qtbot.waitUntil(lambda: viewer.image_label.pixmap().width() > width, timeout=5000)  # scaled off-thread


@pytest.mark.parametrize(
    "content", [b"%PDF-1.4\nthis is not really a pdf\n%%EOF", EXE, b""], ids=["corrupt-pdf", "exe", "empty"]
)
def test_a_file_that_cannot_be_shown_gets_a_calm_message(qtbot, viewer, tmp_path, content):
    bad = tmp_path / "attestation.pdf"
    bad.write_bytes(content)
    open_in(qtbot, viewer, bad)
    assert viewer.content.currentWidget() is viewer.message
    assert viewer.message.isVisible()
    assert "ne peut pas être affiché" in viewer.message.text()
    assert "Traceback" not in viewer.message.text()
    assert not viewer.print_button.isEnabled()
    with qtbot.waitSignal(viewer.closed, timeout=1000):
        qtbot.mouseClick(viewer.close_button, LEFT)


def test_a_good_document_after_a_bad_one_is_shown(qtbot, viewer, tmp_path, pdf_file):
    bad = tmp_path / "abime.pdf"
    bad.write_bytes(b"%PDF-1.4 garbage")
    open_in(qtbot, viewer, bad)
    open_in(qtbot, viewer, pdf_file)
    assert viewer.content.currentWidget() is viewer.pdf_view
    assert viewer.print_button.isEnabled()


def test_a_document_opened_over_one_still_opening_is_the_one_shown(qtbot, viewer, tmp_path, pdf_file, site):
    """The first document's answer comes too late: dropped, its file let go."""
    image = tmp_path / "photo.png"
    image.write_bytes(site.png)
    first = tmp_path / "premier.pdf"
    first.write_bytes(two_page_pdf())
    viewer.open_document(first)
    open_in(qtbot, viewer, image)
    qtbot.wait(100)  # time for the first answer, had it been kept
    assert viewer.content.currentWidget() is viewer.image_area
    assert viewer.document.pageCount() == 0
    assert files_held_under(tmp_path) == []


def test_a_document_closed_while_opening_is_never_shown(qtbot, viewer, pdf_file):
    viewer.open_document(pdf_file)
    with qtbot.waitSignal(viewer.closed, timeout=1000):
        qtbot.mouseClick(viewer.close_button, LEFT)
    qtbot.wait(100)
    assert viewer.document.pageCount() == 0
    assert files_held_under(pdf_file.parent) == []


def test_a_kept_download_opens_in_the_viewer(qtbot, browser, viewer):
    browser.keeper.documentReady.connect(lambda path, mime: viewer.open_document(path))
    browser.download("octet", browser.keeper.documentReady)
    qtbot.waitUntil(lambda: viewer.pages.text() == "2 pages", timeout=5000)
