"""Sections of home tiles share a row when they fit, never split unless wider than a row."""

from kiosk.shell.packing import pack_sections


def test_bundled_shape_fits_in_four_rows():
    assert pack_sections([3, 2, 2, 2, 1], 3) == [(0, 0), (1, 0), (2, 0), (3, 0), (3, 2)]


def test_short_sections_share_a_row():
    assert pack_sections([1, 1, 1, 1], 3) == [(0, 0), (0, 1), (0, 2), (1, 0)]


def test_a_section_that_does_not_fit_starts_a_new_row():
    assert pack_sections([2, 2], 3) == [(0, 0), (1, 0)]


def test_a_long_section_continues_and_the_next_one_fills_its_last_row():
    assert pack_sections([5, 1, 1], 3) == [(0, 0), (1, 2), (2, 0)]
