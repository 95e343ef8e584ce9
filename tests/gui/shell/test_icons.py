"""Icons are drawn once from their SVG, then read from the PNG cache; a broken cache never breaks them."""

from PySide6.QtGui import QColor

from kiosk.shell import theme
from kiosk.shell.icons import Icons


def test_first_draw_fills_the_cache_and_the_next_reads_it(qapp, tmp_path):
    icons = Icons(tmp_path / "icons")
    drawn = icons.pixmap("house", theme.BLUE, 48)
    assert drawn.width() == 48 and not drawn.isNull()
    cached = list((tmp_path / "icons").glob("*.png"))
    assert len(cached) == 1

    marker = drawn.toImage()
    marker.fill(QColor("#FF0000"))
    marker.save(str(cached[0]))
    again = icons.pixmap("house", theme.BLUE, 48)
    assert again.toImage().pixelColor(0, 0) == QColor("#FF0000")  # came from the cache file


def test_colour_and_size_are_part_of_the_key(qapp, tmp_path):
    icons = Icons(tmp_path)
    icons.pixmap("house", theme.BLUE, 48)
    icons.pixmap("house", theme.WHITE, 48)
    icons.pixmap("house", theme.BLUE, 32)
    assert len(list(tmp_path.glob("*.png"))) == 3


def test_an_unwritable_or_corrupt_cache_still_draws(qapp, tmp_path):
    blocked = tmp_path / "file-not-folder"
    blocked.write_text("x")
    assert not Icons(blocked / "icons").pixmap("mail", theme.BLUE, 48).isNull()

    icons = Icons(tmp_path / "icons")
    icons.pixmap("mail", theme.BLUE, 48)
    for png in (tmp_path / "icons").glob("*.png"):
        png.write_bytes(b"not a png")
    assert not icons.pixmap("mail", theme.BLUE, 48).isNull()
    [png] = (tmp_path / "icons").glob("*.png")
    assert png.read_bytes().startswith(b"\x89PNG")  # drawn again from the SVG and the cache mended
