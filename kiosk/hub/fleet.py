"""The fleet page's rows: each terminal's last heartbeat, and whether it needs a technician (offline over a
day, a printer or scanner a person must see to, a frozen screen, the disk almost full), in plain French.
`problems` is pure."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import Connection, select

from kiosk.hub.device_words import printer_words, scanner_words
from kiosk.hub.tables import heartbeats, terminals

OFFLINE_AFTER = timedelta(days=1)
FROZEN_AFTER = timedelta(minutes=30)  # the window paints at least every minute while it runs
DISK_LOW_MB = 1024


@dataclass(frozen=True)
class Beat:
    received_at: datetime
    version: str
    config_version: str
    printer: str
    scanner: str
    free_disk_mb: int
    backlog_rows: int
    last_sync: datetime | None
    last_frame: datetime | None


@dataclass(frozen=True)
class TerminalState:
    site_id: str
    terminal_id: str
    revoked: bool
    beat: Beat | None
    silent_for: timedelta | None  # since the last heartbeat
    problems: list[str]

    @property
    def needs_technician(self) -> bool:
        return bool(self.problems)


def problems(beat: Beat | None, now: datetime, revoked: bool = False) -> list[str]:
    """What a technician must see to, in short French sentences; empty when all is well."""
    if revoked:
        return []
    if beat is None:
        return ["La borne n'a jamais donné de nouvelles."]
    found = []
    if now - beat.received_at > OFFLINE_AFTER:
        found.append(f"Hors ligne depuis {duration(now - beat.received_at)}.")
    devices = (("Imprimante", printer_words(beat.printer)), ("Scanner", scanner_words(beat.scanner)))
    for device, words in devices:
        if words.needs_technician:
            found.append(f"{device} : {words.text[0].lower()}{words.text[1:]}.")
    if beat.last_frame is None or beat.received_at - beat.last_frame > FROZEN_AFTER:
        found.append("L'écran semble figé.")
    if beat.free_disk_mb < DISK_LOW_MB:
        found.append("Le disque est presque plein.")
    return found


def duration(span: timedelta) -> str:
    """A span in words: "3 jours", "5 heures", "12 minutes", "moins d'une minute"."""
    minutes = int(span.total_seconds() // 60)
    for size, one, many in ((1440, "jour", "jours"), (60, "heure", "heures"), (1, "minute", "minutes")):
        if minutes >= size:
            n = minutes // size
            return f"{n} {one if n == 1 else many}"
    return "moins d'une minute"


def states(connection: Connection, sites: frozenset[str] | None, now: datetime) -> list[TerminalState]:
    """Every terminal of these sites (None: all), those needing a technician first."""
    statement = (
        select(terminals.c.site_id, terminals.c.terminal_id, terminals.c.revoked_at, heartbeats)
        .select_from(terminals.outerjoin(heartbeats, heartbeats.c.terminal == terminals.c.id))
        .order_by(terminals.c.site_id, terminals.c.terminal_id)
    )
    if sites is not None:
        statement = statement.where(terminals.c.site_id.in_(sorted(sites)))
    found = []
    for row in connection.execute(statement).mappings():
        beat = None
        if row["received_at"] is not None:
            beat = Beat(**{name: row[name] for name in Beat.__dataclass_fields__})
        revoked = row["revoked_at"] is not None
        found.append(
            TerminalState(
                row["site_id"],
                row["terminal_id"],
                revoked,
                beat,
                now - beat.received_at if beat else None,
                problems(beat, now, revoked),
            )
        )
    return sorted(found, key=lambda s: (not s.needs_technician, s.revoked))
