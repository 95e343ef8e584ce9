"""Secondary suppression: no hidden count can be worked out from the totals the statistics page shows."""

from __future__ import annotations

from collections import Counter
from datetime import date

import pytest

from kiosk.hub.report import build
from kiosk.hub.stats import period_containing
from kiosk.hub.suppression import hidden_cells


@pytest.mark.parametrize(
    ("counts", "hidden"),
    [
        ({"a": 12, "b": 9}, set()),
        ({"a": 7, "b": 4}, {"a", "b"}),  # the total minus a would be b
        ({"a": 12, "b": 7, "c": 4}, {"b", "c"}),  # the smallest shown cell keeps c company
        ({"a": 12, "b": 1, "c": 2, "d": 9}, {"b", "c", "d"}),  # b + c = 3 would be a small count itself
        ({"a": 12, "b": 0, "c": 7}, {"b"}),  # a zero tells nothing about anyone
        ({"a": 3}, {"a"}),
    ],
)
def test_a_column_whose_total_is_known_hides_two_cells_or_none(counts, hidden):
    assert hidden_cells(counts, [list(counts)]) == hidden


def test_a_cell_hidden_for_its_row_is_covered_in_its_column_too():
    counts = {(0, 0): 10, (0, 1): 3, (1, 0): 8, (1, 1): 9, (2, 0): 20, (2, 1): 30}
    rows = [[(r, 0), (r, 1)] for r in range(3)]
    columns = [[(r, c) for r in range(3)] for c in range(2)]
    hidden = hidden_cells(counts, rows + columns)
    assert hidden == {(0, 0), (0, 1), (1, 0), (1, 1)}
    for group in rows + columns:
        inside = [cell for cell in group if cell in hidden]
        assert not inside or (len(inside) >= 2 and sum(counts[c] for c in inside) >= 5)


def test_a_sites_terminals_do_not_reveal_what_its_row_hides():
    per_terminal = Counter(
        {
            ("poste-a", "borne-1", "session_started"): 9,
            ("poste-a", "borne-2", "session_started"): 3,
            ("poste-b", "borne-1", "session_started"): 20,
            ("poste-b", "borne-2", "session_started"): 25,
        }
    )
    report = build(period_containing("semaine", date(2026, 3, 26)), Counter(), [], per_terminal)
    visits = {tuple(row[:2]): row[2] for row in report.table("bornes").rows}
    assert visits == {
        ("poste-a", "borne-1"): None,  # 12 for the site, shown, minus 9 would be borne-2's 3
        ("poste-a", "borne-2"): None,
        ("poste-b", "borne-1"): 20,
        ("poste-b", "borne-2"): 25,
    }
    assert {row[0]: row[1] for row in report.table("sites").rows} == {"poste-a": 12, "poste-b": 45}
    one_terminal = per_terminal + Counter({("poste-c", "borne-1", "session_started"): 2})
    report = build(period_containing("semaine", date(2026, 3, 26)), Counter(), [], one_terminal)
    sites = {row[0]: row[1] for row in report.table("sites").rows}
    assert sites["poste-c"] is None and sites["poste-a"] is None and sites["poste-b"] == 45
