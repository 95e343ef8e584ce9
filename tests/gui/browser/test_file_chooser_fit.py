"""The upload chooser in the real kiosk, over a service's screen, fits the screen the run has (1280×800, or
ILOT_TEST_SCREEN=1024x768): whole tiles in whole rows, the card inside the screen, names whole and without
".pdf" (the page still receives the real file)."""

from __future__ import annotations

import math

import pytest

from kiosk.browser.file_chooser import TILE_SPACING
from kiosk.session_documents import list_documents
from kiosk.shell.document_tiles import TILE_SIZE
from tests.gui.browser.test_file_chooser import answer, write_pdf
from tests.gui.conftest import config, make_kiosk, paths, touch  # noqa: F401 (fixtures)
from tests.gui.fit import misfits

pytestmark = pytest.mark.fits


def service_screen(kiosk, qtbot):
    touch(kiosk.window, next(t for t in kiosk.home.tiles if t.item_id == "alpha"))
    qtbot.waitUntil(lambda: kiosk.window.screens.currentWidget() is not kiosk.home, timeout=10000)
    return kiosk.window.screens.currentWidget()


def test_one_document_fits_with_its_name_whole(make_kiosk, qtbot):  # noqa: F811
    kiosk = make_kiosk()
    write_pdf(kiosk.paths.session_scratch / "Document scanné 1.pdf", "Scan", minutes_ago=1)
    chooser = service_screen(kiosk, qtbot).file_chooser

    def look() -> None:
        assert misfits(kiosk.window) == []
        (tile,) = chooser.tiles
        assert tile.name.text() == "Document scanné 1"  # whole, no ".pdf", not broken at a dot
        assert tile.name.height() >= tile.name.heightForWidth(tile.name.width())
        assert chooser.area.viewport().rect().contains(tile.geometry())

    documents = list_documents(kiosk.paths.session_scratch)
    chosen = answer(chooser, lambda: chooser.choose(documents, multiple=False), look, chooser.cancel)
    assert chosen == []


def test_several_documents_show_whole_rows_and_use_the_height(make_kiosk, qtbot):  # noqa: F811
    kiosk = make_kiosk()
    for n in range(1, 10):
        write_pdf(kiosk.paths.session_scratch / f"Attestation de paiement {n}.pdf", str(n), minutes_ago=n)
    screen = service_screen(kiosk, qtbot)
    chooser = screen.file_chooser

    def look() -> None:
        assert misfits(kiosk.window) == []  # no tile cut by the edge of the scrolling area
        shown = [t for t in chooser.tiles if chooser.area.viewport().rect().contains(t.geometry())]
        assert shown and shown == chooser.tiles[: len(shown)]
        columns = len({t.x() for t in chooser.tiles})
        rows_shown = math.ceil(len(shown) / columns)
        # Another row would not fit: the card already takes what the screen has.
        row = TILE_SIZE.height() + TILE_SPACING
        assert chooser.card.height() + row > screen.height() - 2 * 24
        assert len(shown) == min(len(chooser.tiles), rows_shown * columns)
        assert all(" " in t.name.text() and ".pdf" not in t.name.text() for t in chooser.tiles)

    documents = list_documents(kiosk.paths.session_scratch)
    chosen = answer(chooser, lambda: chooser.choose(documents, multiple=True), look, chooser.cancel)
    assert chosen == []


def test_a_second_question_shows_only_its_own_documents(make_kiosk, qtbot):  # noqa: F811
    """The tiles of the question before are gone, even before Qt deletes them."""
    kiosk = make_kiosk()
    for n in range(1, 4):
        write_pdf(kiosk.paths.session_scratch / f"Page {n}.pdf", str(n), minutes_ago=n)
    chooser = service_screen(kiosk, qtbot).file_chooser
    documents = list_documents(kiosk.paths.session_scratch)
    answer(chooser, lambda: chooser.choose(documents[:1], multiple=False), chooser.cancel)

    def look() -> None:
        grid_tiles = [t for t in chooser.grid_widget.findChildren(type(chooser.tiles[0])) if t.isVisible()]
        assert grid_tiles == chooser.tiles and len(grid_tiles) == 3
        assert misfits(kiosk.window) == []

    answer(chooser, lambda: chooser.choose(documents, multiple=True), look, chooser.cancel)
