"""The site's advisor schedule: whether one is on duty now, and the next permanence, in Paris time."""

from __future__ import annotations

from datetime import datetime

from kiosk.advisor.schedule import next_permanence, on_duty, said
from kiosk.advisor.tickets import PARIS
from kiosk.config.schema import AdvisorSlot

TUESDAY = AdvisorSlot("mardi", "09:00", "12:00")
THURSDAY_ELSEWHERE = AdvisorSlot("jeudi", "14:00", "17:30", "Bureau de poste de Mézières")
SCHEDULE = (TUESDAY, THURSDAY_ELSEWHERE)


def at(text: str) -> float:  # 2026-12-01 is a Tuesday
    return datetime.fromisoformat(text).replace(tzinfo=PARIS).timestamp()


def test_an_advisor_is_on_duty_here_only_inside_a_slot_of_this_post_office():
    assert on_duty(SCHEDULE, at("2026-12-01T09:00")) == TUESDAY
    assert on_duty(SCHEDULE, at("2026-12-01T11:59")) == TUESDAY
    assert on_duty(SCHEDULE, at("2026-12-01T12:00")) is None  # the end is not in the slot
    assert on_duty(SCHEDULE, at("2026-12-01T08:59")) is None
    assert on_duty(SCHEDULE, at("2026-12-03T15:00")) is None  # Thursday's permanence is in another town
    assert on_duty((), at("2026-12-01T10:00")) is None


def test_the_next_permanence_is_said_in_words():
    upcoming = next_permanence(SCHEDULE, at("2026-12-01T10:00"))  # during Tuesday's: the next one is Thursday
    assert upcoming.slot == THURSDAY_ELSEWHERE and upcoming.starts.isoformat() == "2026-12-03T14:00:00+01:00"
    assert said(upcoming, at("2026-12-01T10:00")) == "jeudi 3 décembre de 14 h à 17 h 30"
    assert said(next_permanence(SCHEDULE, at("2026-12-02T18:00")), at("2026-12-02T18:00")).startswith(
        "demain"
    )
    assert said(next_permanence(SCHEDULE, at("2026-12-03T08:00")), at("2026-12-03T08:00")).startswith(
        "aujourd'hui de 14 h"
    )
    after_thursday = next_permanence(SCHEDULE, at("2026-12-03T18:00"))
    assert after_thursday.slot == TUESDAY and after_thursday.starts.day == 8
    same_day_later = next_permanence((TUESDAY,), at("2026-12-01T13:00"))  # this week's is over: next week's
    assert same_day_later.starts.isoformat() == "2026-12-08T09:00:00+01:00"
    assert next_permanence((), at("2026-12-01T10:00")) is None
