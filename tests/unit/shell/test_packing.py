"""The home's sections on pages: whole when they fit, sharing a band only when whole, never a tile under the
wrong heading, a new page rather than a section cut in two."""

from kiosk.shell.packing import Heights, Piece, paginate

# a heading line of 30 px and rows of 100 px: a band that starts a section costs 130 px
ROOMY = Heights(room=1000, heading=30, navigation=80)


def even(*sizes: int) -> list[list[int]]:
    """Sections of `sizes[i]` tiles of 100 px each."""
    return [[100] * size for size in sizes]


def places(pages: list[list[Piece]]) -> list[list[tuple[int, int, int, int, int]]]:
    return [[(p.section, p.first, p.count, p.band, p.column) for p in page] for page in pages]


def test_the_bundled_shape_fits_one_page_at_1280_by_800():
    # three columns, 3+3+3+1 tiles: four bands of 130 px in 540 px
    pages = paginate(even(3, 3, 3, 1), 3, Heights(room=540, heading=30, navigation=80))
    assert places(pages) == [[(0, 0, 3, 0, 0), (1, 0, 3, 1, 0), (2, 0, 3, 2, 0), (3, 0, 1, 3, 0)]]


def test_short_sections_share_a_band_when_whole():
    assert places(paginate(even(1, 1, 1, 1), 3, ROOMY)) == [
        [(0, 0, 1, 0, 0), (1, 0, 1, 0, 1), (2, 0, 1, 0, 2), (3, 0, 1, 1, 0)]
    ]


def test_a_section_that_does_not_fit_the_rest_of_a_band_starts_a_new_one():
    assert places(paginate(even(2, 2), 3, ROOMY)) == [[(0, 0, 2, 0, 0), (1, 0, 2, 1, 0)]]


def test_nothing_sits_beside_the_last_row_of_a_long_section():
    # 5 tiles in 3 columns leave a free cell on the second band; the next section still starts a new band
    assert places(paginate(even(5, 1, 1), 3, ROOMY)) == [[(0, 0, 5, 0, 0), (1, 0, 1, 2, 0), (2, 0, 1, 2, 1)]]


def test_a_section_too_long_for_the_rest_of_a_page_goes_whole_to_the_next_page():
    # 2 columns: a section of three tiles takes 230 px; 520 px less 80 for the page buttons hold one
    heights = Heights(room=520, heading=30, navigation=80)
    pages = paginate(even(3, 3, 3, 1), 2, heights)
    assert places(pages) == [[(0, 0, 3, 0, 0)], [(1, 0, 3, 0, 0)], [(2, 0, 3, 0, 0), (3, 0, 1, 2, 0)]]
    assert all(not piece.continued for page in pages for piece in page)


def test_page_buttons_take_their_room_only_when_there_are_pages():
    one = Heights(room=400, heading=30, navigation=80)
    assert len(paginate(even(2, 2, 2), 2, one)) == 1  # three bands of 130 px in 400 px: no page buttons
    assert len(paginate(even(2, 2, 2, 2), 2, one)) == 2  # four bands do not fit: pages, in 320 px each
    assert [len(page) for page in paginate(even(2, 2, 2, 2), 2, one)] == [2, 2]


def test_only_a_section_longer_than_a_page_is_split_and_its_heading_comes_again():
    heights = Heights(room=330, heading=30)  # one heading and three rows
    pages = paginate(even(1, 8, 1), 2, heights)
    assert places(pages) == [[(0, 0, 1, 0, 0)], [(1, 0, 6, 0, 0)], [(1, 6, 2, 0, 0), (2, 0, 1, 1, 0)]]
    assert [piece.continued for page in pages for piece in page] == [False, False, True, False]


def test_every_tile_is_placed_once_in_order():
    sizes = [4, 1, 3, 2, 5, 1]
    for columns in (1, 2, 3):
        for room in (130, 250, 400, 700):
            pages = paginate(even(*sizes), columns, Heights(room=room, heading=30, navigation=60))
            tiles = [(p.section, p.first + i) for page in pages for p in page for i in range(p.count)]
            assert tiles == [(s, i) for s, size in enumerate(sizes) for i in range(size)]
            assert all(page for page in pages)


def test_no_section_means_one_empty_page():
    assert paginate(even(), 3, ROOMY) == [[]]


def test_a_band_is_as_high_as_its_highest_tile():
    # a tile of two lines (130 px) in the second band: the third section no longer fits the page
    heights = Heights(room=400, heading=30)
    sections = [[100, 100], [100, 130], [100]]
    assert places(paginate(sections, 2, heights)) == [[(0, 0, 2, 0, 0), (1, 0, 2, 1, 0)], [(2, 0, 1, 0, 0)]]
    assert len(paginate([[100, 100], [100, 100], [100]], 2, heights)) == 1


def test_a_section_shares_a_band_only_if_the_band_still_fits_when_it_grows():
    heights = Heights(room=130, heading=30)
    assert places(paginate([[100], [100]], 3, heights)) == [[(0, 0, 1, 0, 0), (1, 0, 1, 0, 1)]]
    assert places(paginate([[100], [140]], 3, Heights(room=130, heading=30, navigation=0))) == [
        [(0, 0, 1, 0, 0)],
        [(1, 0, 1, 0, 0)],
    ]
