"""Anonymous usage: counters kept per hour (no visitor, no event log), later an outbox and a sync client."""

from kiosk.usage.counter import UnknownKey, UnknownMetric, UsageCounter, hour_start
from kiosk.usage.metrics import METRICS, SHORTCUT, Metric, duration_bucket

__all__ = [
    "METRICS",
    "SHORTCUT",
    "Metric",
    "UnknownKey",
    "UnknownMetric",
    "UsageCounter",
    "duration_bucket",
    "hour_start",
]
