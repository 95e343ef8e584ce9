"""Help calls' response times (kiosk/hub/response_times.py and their tables in report.py): medians and 90th
percentiles from set times, a call moved straight to "J'arrive", Paris hours, and every cell from fewer than
5 calls hidden."""

from __future__ import annotations

from collections import Counter
from datetime import date, datetime, timedelta

from kiosk.hub import response_times
from kiosk.hub.report import Minutes, build
from kiosk.hub.response_times import Call, by_hour, by_site, median, percentile_90, summarize
from kiosk.hub.stats import period_containing

T0 = datetime(2026, 11, 23, 8)  # 9 h in Paris


def call(minutes_to_seen, minutes_to_coming=None, state="done", site="poste-a", at=T0) -> Call:
    seen = at + timedelta(minutes=minutes_to_seen) if minutes_to_seen is not None else None
    coming = at + timedelta(minutes=minutes_to_coming) if minutes_to_coming is not None else None
    return Call(site, at, seen, coming, state)


def test_median_and_90th_percentile_interpolate_like_percentile_cont():
    assert median((1.0, 2.0, 3.0, 4.0)) == 2.5 and median(()) is None
    assert percentile_90(tuple(float(n) for n in range(1, 11))) == 9.1  # 1 + 0.9 × 9
    assert percentile_90((10.0, 20.0, 30.0, 40.0, 50.0)) == 46.0
    assert percentile_90((7.0,)) == 7.0 and percentile_90(()) is None


def test_a_summary_counts_outcomes_and_minutes_and_a_call_coming_at_once_was_seen_then():
    calls = [
        call(2, 5),
        call(None, 8),  # straight to "J'arrive"
        call(1, None, "cancelled"),
        call(None, None, "sent"),
        call(None, None, "coming"),
    ]
    summary = summarize(calls)
    assert (summary.calls, summary.done, summary.cancelled, summary.still_open) == (5, 2, 1, 2)
    assert summary.to_seen == (1.0, 2.0, 8.0) and summary.to_coming == (5.0, 8.0)


def test_sites_in_order_and_hours_in_paris_time_with_the_hours_between():
    calls = [
        call(1, site="poste-b", at=datetime(2026, 7, 1, 7)),  # 9 h in summer
        call(1, site="poste-a", at=datetime(2026, 11, 23, 10)),  # 11 h in winter
    ]
    assert list(by_site(calls)) == ["poste-a", "poste-b"]
    hours = by_hour(calls)
    assert list(hours) == [9, 10, 11] and hours[10].calls == 0 and hours[9].calls == hours[11].calls == 1
    assert response_times.paris_hour(datetime(2026, 10, 31, 23, 30)) == 0  # 1 November, half past midnight
    assert by_hour([]) == {}


def test_the_tables_hide_times_from_fewer_than_five_calls_and_small_counts():
    many = [call(m, 2 * m) for m in range(1, 7)]  # 6 calls at poste-a, all done
    few = [call(10, 20, site="poste-b", at=T0 + timedelta(hours=5)) for _ in range(4)]  # 4 at 14 h
    report = build(period_containing("mois", date(2026, 11, 1)), Counter(), [], Counter(), many + few)
    sites = report.table("appels-sites")
    assert sites.columns[:5] == ["Site", "Appels", "Terminés", "Annulés", "Ouverts"]
    everything, a, b = sites.rows
    assert everything[:3] == ["Tous les sites", 10, 10] and everything[5] == Minutes(5.5)
    # poste-a's 6 are hidden too: all sites' 10 minus them would give poste-b's 4. Its times, from 6
    # calls, are shown.
    assert a[:3] == ["poste-a", None, None] and a[5:] == [3.5, 5.5, 7.0, 11.0]
    assert b[0] == "poste-b" and b[1:] == [None] * 8  # 4 calls: no count and no time shown
    assert str(a[6]) == "5,5" and str(Minutes(7)) == "7,0"
    hours = report.table("appels-heures")
    assert [row[0] for row in hours.rows] == [f"{h} h" for h in range(9, 15)]
    assert hours.rows[0][1] is None and hours.rows[0][5] == 3.5 and hours.rows[-1][1:] == [None] * 8
    assert [name for name, _ in hours.series()] == ["Vu : médiane", "J'arrive : médiane"]
    for table in (sites, hours):
        for row in table.rows:
            assert all(c is None or c >= 5 or isinstance(c, Minutes) for c in row[1:5]), table.slug


def test_no_call_no_rows():
    report = build(period_containing("mois", date(2026, 11, 1)), Counter(), [], Counter())
    assert report.table("appels-sites").empty() and report.table("appels-heures").empty()
