"""What the hub accepts from a terminal: the terminal's own metric list, whole hours, no field it does not
know, and nothing of the kind markup could hide in."""

from __future__ import annotations

import uuid

import pytest
from pydantic import ValidationError

from kiosk.hub.schemas import MAX_ROWS, Heartbeat, UsageBatch, UsageRow
from kiosk.usage.metrics import METRICS

ROW = {"period_start": "2026-12-01T10:00:00Z", "metric": "session_started", "key": "", "count": 2}


def test_every_metric_and_fixed_key_of_the_terminal_is_accepted():
    for metric in METRICS.values():
        for key in sorted(metric.keys or {"ameli", "caf-2"}):
            UsageRow.model_validate({**ROW, "metric": metric.name, "key": key})


@pytest.mark.parametrize(
    "change",
    [
        {"metric": "visitor_email"},
        {"metric": "session_duration", "key": "3min"},
        {"metric": "shortcut_opened", "key": "Ameli"},
        {"metric": "shortcut_opened", "key": "a" * 65},
        {"metric": "shortcut_opened", "key": "<script>"},
        {"period_start": "2026-12-01T10:00:00"},
        {"period_start": "2026-12-01T10:15:00Z"},
        {"period_start": "2026-02-30T10:00:00Z"},
        {"period_start": "yesterday"},
        {"count": 0},
        {"count": -4},
        {"count": 10**10},
        {"count": True},
        {"count": 2.0},
        {"ip": "10.0.0.1"},
    ],
)
def test_a_row_the_terminal_could_not_have_made_is_refused(change):
    with pytest.raises(ValidationError):
        UsageRow.model_validate({**ROW, **change})


def test_a_batch_has_a_uuid_and_between_one_and_max_rows_distinct_rows():
    batch_id = str(uuid.uuid4())
    assert UsageBatch.model_validate({"batch_id": batch_id, "rows": [ROW]}).batch_id == uuid.UUID(batch_id)
    rows = [{**ROW, "metric": "shortcut_opened", "key": f"service-{n}"} for n in range(MAX_ROWS + 1)]
    for bad in (
        {"batch_id": batch_id, "rows": []},
        {"batch_id": batch_id, "rows": rows[: MAX_ROWS + 1]},
        {"batch_id": batch_id, "rows": [ROW, ROW]},
        {"batch_id": "12", "rows": [ROW]},
        {"batch_id": batch_id, "rows": [ROW], "terminal_id": "borne-2"},
    ):
        with pytest.raises(ValidationError):
            UsageBatch.model_validate(bad)
    assert len(UsageBatch.model_validate({"batch_id": batch_id, "rows": rows[:MAX_ROWS]}).rows) == MAX_ROWS


BEAT = {
    "version": "0.1.0",
    "config_version": "sha:abc",
    "printer": "idle",
    "scanner": "ready",
    "free_disk_mb": 1200,
    "backlog_rows": 3,
    "last_sync": "2026-12-01T10:00:00+01:00",
    "last_frame": None,
}


def test_a_heartbeat_keeps_its_times_in_utc():
    beat = Heartbeat.model_validate(BEAT)
    assert beat.last_sync.isoformat() == "2026-12-01T09:00:00"


@pytest.mark.parametrize(
    "change",
    [
        {"version": "<img src=x onerror=alert(1)>"},
        {"printer": "Out of paper!"},
        {"free_disk_mb": -1},
        {"free_disk_mb": 2**63},
        {"backlog_rows": 2**31},
        {"last_sync": "2026-12-01T10:00:00"},
        {"serial": "ABC"},
    ],
)
def test_a_heartbeat_with_markup_or_unknown_fields_is_refused(change):
    with pytest.raises(ValidationError):
        Heartbeat.model_validate({**BEAT, **change})
