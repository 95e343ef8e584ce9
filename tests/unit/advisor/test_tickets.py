"""Help-call tickets: numbered through the site's day, from 1 again after midnight in Paris."""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

from kiosk.advisor.tickets import PARIS, Ticket, day_of, next_ticket


def at(text: str, zone: ZoneInfo = PARIS) -> float:
    return datetime.fromisoformat(text).replace(tzinfo=zone).timestamp()


def test_tickets_count_through_the_day_and_start_again_after_paris_midnight():
    first = next_ticket(None, at("2026-12-02T09:00"))
    assert (first.day, first.number, first.text) == ("2026-12-02", 1, "A-01")
    second = next_ticket(first, at("2026-12-02T23:59:59"))
    assert second.text == "A-02"
    assert next_ticket(second, at("2026-12-03T00:00:01")).text == "A-01"
    # 23:30 UTC on 2 December is already 3 December in Paris (winter: UTC+1)
    assert day_of(at("2026-12-02T23:30", ZoneInfo("UTC"))) == "2026-12-03"
    assert next_ticket(Ticket("2026-12-02", 7), at("2026-12-02T23:30", ZoneInfo("UTC"))).number == 1


def test_a_busy_day_goes_past_99_and_another_letter_is_kept():
    assert Ticket("2026-12-02", 123).text == "A-123"
    assert next_ticket(Ticket("2026-12-02", 4, "B"), at("2026-12-02T10:00"), "B").text == "B-05"
