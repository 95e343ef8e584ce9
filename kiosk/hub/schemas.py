"""What the hub accepts from a terminal, strictly: an unknown field, metric or key, a malformed hour or a
count out of range makes the whole request a 422, and nothing of it is stored. The metrics and their keys
are the terminal's own list (kiosk/usage/metrics.py): one list for both sides."""

from __future__ import annotations

import re
import uuid
from datetime import UTC, datetime
from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, StringConstraints, field_validator, model_validator

from kiosk.usage.metrics import METRICS

MAX_ROWS = 1000  # a terminal sends at most 500 (kiosk/usage/outbox.py)
_HOUR = re.compile(r"^\d{4}-\d{2}-\d{2}T\d{2}:00:00Z$")
_SLUG = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")  # a shortcut id, as config/schema.py says

Code = Annotated[str, StringConstraints(pattern=r"^[a-z0-9_-]{1,40}$")]


class Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", strict=True, frozen=True)


class UsageRow(Strict):
    period_start: str
    metric: str
    key: Annotated[str, StringConstraints(max_length=64)]
    count: Annotated[int, Field(ge=1, le=1_000_000_000)]

    @field_validator("period_start")
    @classmethod
    def _an_hour(cls, value: str) -> str:
        if not _HOUR.match(value):
            raise ValueError("expected a UTC hour such as 2026-12-01T10:00:00Z")
        datetime.fromisoformat(value[:-1])  # a real date, not 2026-02-31
        return value

    @model_validator(mode="after")
    def _a_known_metric_and_key(self) -> UsageRow:
        metric = METRICS.get(self.metric)
        if metric is None:
            raise ValueError(f"unknown metric {self.metric!r}")
        known = _SLUG.match(self.key) if metric.keys is None else self.key in metric.keys
        if not known:
            raise ValueError(f"the metric {self.metric!r} has no key {self.key!r}")
        return self

    def hour(self) -> datetime:
        """The hour as the database keeps it: UTC, without a zone."""
        return datetime.fromisoformat(self.period_start[:-1])


class UsageBatch(Strict):
    batch_id: uuid.UUID
    rows: Annotated[list[UsageRow], Field(min_length=1, max_length=MAX_ROWS)]

    @field_validator("batch_id", mode="before")
    @classmethod
    def _uuid_text(cls, value: object) -> object:
        return uuid.UUID(value) if isinstance(value, str) else value  # JSON has no UUID type

    @model_validator(mode="after")
    def _each_row_once(self) -> UsageBatch:
        keys = {(r.period_start, r.metric, r.key) for r in self.rows}
        if len(keys) != len(self.rows):
            raise ValueError("a row appears twice in the batch")
        return self


class UsageAnswer(BaseModel):
    batch_id: str
    answers: list[str]  # per row, in the batch's order: ok, duplicate, drop, retry


class Heartbeat(Strict):
    version: Annotated[str, StringConstraints(pattern=r"^[A-Za-z0-9._+-]{1,40}$")]
    config_version: Annotated[str, StringConstraints(pattern=r"^[A-Za-z0-9._+:-]{0,80}$")]
    printer: Code
    scanner: Code
    # At most what the columns hold on PostgreSQL (bigint, integer), where SQLite would take more.
    free_disk_mb: Annotated[int, Field(ge=0, le=2**63 - 1)]
    backlog_rows: Annotated[int, Field(ge=0, le=2**31 - 1)]
    last_sync: datetime | None = None
    last_frame: datetime | None = None

    @field_validator("last_sync", "last_frame", mode="before")
    @classmethod
    def _iso_text(cls, value: object) -> object:
        return datetime.fromisoformat(value) if isinstance(value, str) else value

    @field_validator("last_sync", "last_frame")
    @classmethod
    def _utc(cls, value: datetime | None) -> datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError("expected a time with its zone")
        return value.astimezone(UTC).replace(tzinfo=None)


class TerminalAdvisor(BaseModel):
    """An advisor or technician who serves the terminal's site: the name its banner shows, and the PIN's
    argon2id hash (never the PIN)."""

    name: str
    role: str
    pin_hash: str


class HeartbeatAnswer(BaseModel):
    server_time: str
    # The advisors and technicians of the terminal's site who have a PIN: they replace the terminal's
    # accounts from the hub (kiosk/advisor/accounts.py replace_from_hub). An empty list removes them all.
    advisors: list[TerminalAdvisor] = []


class HelpCall(Strict):
    """A visitor's call for an advisor, as the terminal sends it (the hub dates it when it arrives)."""

    call_id: uuid.UUID
    ticket: Annotated[str, StringConstraints(pattern=r"^[A-Z]-[0-9]{2,4}$")]
    topic: Literal["demarche", "imprimer", "compte", "emploi", "autre"] | None = None

    @field_validator("call_id", mode="before")
    @classmethod
    def _uuid_text(cls, value: object) -> object:
        return uuid.UUID(value) if isinstance(value, str) else value


class HelpCallAnswer(BaseModel):
    call_id: str
    ticket: str
    state: str
    # "Libérer la borne": an advisor asked the terminal to end the visitor's session; the terminal does it,
    # then says so (POST …/released).
    release: bool = False


class SiteCall(BaseModel):
    """An open call of the terminal's site, for the advisor's tools on the terminal."""

    call_id: str
    ticket: str
    topic: str | None
    state: str
    terminal_id: str
    created_at: str  # UTC, ISO 8601 with its zone
