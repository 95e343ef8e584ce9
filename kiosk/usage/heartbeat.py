"""The heartbeat: what state the terminal is in, sent to the hub every 15 minutes by the sync thread.

    beats = Heartbeats(hub_client, sources, remember)  # sources: a callable per field, off the GUI thread
    reply = beats.send()  # on the sync thread (SyncRunner); None when it failed

`snapshot()` asks each source (a source that fails gives its fallback: the beat still goes) and `body()`
turns the snapshot into the JSON the hub's schema takes (kiosk/hub/schemas.py `Heartbeat`). Nothing in it is
about a person: codes, counts and times only. A failed send is logged once, then quietly tried again at each
beat until one goes through. The reply says the hub's time and, when the hub sends it, the advisors'
accounts of this terminal's site (`BeatReply.advisors`: None when the field is absent, which changes
nothing; kiosk/usage/sync.py hands them to kiosk/advisor/accounts.py `replace_from_hub`); remote actions
will ride on it too (`BeatReply.actions`). Whoever is given as `on_reply` carries them out. What happened is
remembered in the database's sync_state for `kiosk check`: the last beat delivered, the last failure, and
how far this terminal's clock is from the hub's (`CLOCK_SKEW`, in seconds: the hours the counts fall in
follow this clock).

`last_frame` is the time the window last painted (kiosk/shell/frame_probe.py repaints a pixel every minute):
a frozen screen shows an old last_frame under a fresh heartbeat.
"""

from __future__ import annotations

import hashlib
import json
import logging
import shutil
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from importlib import metadata
from pathlib import Path
from typing import TYPE_CHECKING, Any

import requests

from kiosk.advisor.accounts import HubAccount
from kiosk.usage import outbox
from kiosk.usage.sync import HubClient, InStore, sync_state

if TYPE_CHECKING:
    from kiosk.config import Config

log = logging.getLogger(__name__)

BEAT_DELIVERED = "beat_delivered"
BEAT_FAILED = "beat_failed"
CLOCK_SKEW = "clock_skew"  # the hub's time minus this terminal's, in whole seconds

Remember = Callable[[str, str], None]  # (name, value) into sync_state, with the time it happened

PACKAGE = "ilot-kiosk"
UNKNOWN = "unknown"  # a device state no source could tell


@dataclass(frozen=True)
class Snapshot:
    version: str
    config_version: str
    printer: str  # a code: ok, printing, off, media-empty, server-down… (kiosk/devices/printer/problems.py)
    scanner: str  # a code: unused, ready, scanning, no-device, jammed… (kiosk/devices/scanning.py)
    free_disk_mb: int
    backlog_rows: int
    last_sync: float | None  # epoch seconds of the last pass that emptied the outbox
    last_frame: float | None  # epoch seconds of the window's last paint


@dataclass(frozen=True)
class Sources:
    """Where each field comes from; every callable is called on the sync thread."""

    version: str
    config_version: str
    printer: Callable[[], str]
    scanner: Callable[[], str]
    free_disk_mb: Callable[[], int]
    backlog_and_last_sync: Callable[[], tuple[int, float | None]]
    last_frame: Callable[[], float | None]


@dataclass(frozen=True)
class BeatReply:
    server_time: datetime | None
    actions: tuple[dict[str, Any], ...] = field(default=())  # remote actions: none sent by the hub yet
    advisors: tuple[HubAccount, ...] | None = None  # None: the hub said nothing about them


def snapshot(sources: Sources) -> Snapshot:
    backlog, last_sync = _asked(sources.backlog_and_last_sync, (0, None), "backlog")
    return Snapshot(
        version=sources.version,
        config_version=sources.config_version,
        printer=_asked(sources.printer, UNKNOWN, "printer"),
        scanner=_asked(sources.scanner, UNKNOWN, "scanner"),
        free_disk_mb=_asked(sources.free_disk_mb, 0, "free disk"),
        backlog_rows=backlog,
        last_sync=last_sync,
        last_frame=_asked(sources.last_frame, None, "last frame"),
    )


def _asked(source: Callable[[], Any], fallback: Any, what: str) -> Any:
    try:
        return source()
    except Exception:  # one broken source must not silence the whole heartbeat
        log.exception("heartbeat: the %s could not be read", what)
        return fallback


def body(shot: Snapshot) -> bytes:
    """The JSON the hub receives: times in UTC with their zone, nothing else than the snapshot's fields."""
    payload = {
        "version": shot.version,
        "config_version": shot.config_version,
        "printer": shot.printer,
        "scanner": shot.scanner,
        "free_disk_mb": max(0, int(shot.free_disk_mb)),
        "backlog_rows": max(0, int(shot.backlog_rows)),
        "last_sync": _iso(shot.last_sync),
        "last_frame": _iso(shot.last_frame),
    }
    return json.dumps(payload, separators=(",", ":"), sort_keys=True).encode()


def _iso(moment: float | None) -> str | None:
    if moment is None:
        return None
    return datetime.fromtimestamp(moment, UTC).isoformat(timespec="seconds")


def read_reply(text: str) -> BeatReply | None:
    """The hub's answer, or None when it is not one."""
    try:
        reply = json.loads(text)
        server_time = datetime.fromisoformat(reply["server_time"])
    except (ValueError, TypeError, KeyError):
        return None
    actions = reply.get("actions") or ()
    return BeatReply(
        server_time, tuple(a for a in actions if isinstance(a, dict)), _advisors(reply.get("advisors"))
    )


def _advisors(listed: object) -> tuple[HubAccount, ...] | None:
    """The accounts in the reply; None when there is no list (a malformed one too: it must not empty the
    terminal's accounts). An entry that is not three strings is left out."""
    if listed is None:
        return None
    if not isinstance(listed, list):
        log.warning("heartbeat reply: 'advisors' is not a list; the accounts are left as they are")
        return None
    found = []
    for entry in listed:
        values = [entry.get(k) for k in ("name", "role", "pin_hash")] if isinstance(entry, dict) else []
        if len(values) == 3 and all(isinstance(v, str) for v in values):
            found.append(HubAccount(*values))
        else:
            log.warning("heartbeat reply: an advisor's entry is not name, role and pin_hash; left out")
    return tuple(found)


class Heartbeats:
    """Sends beats through the sync client's `HubClient` (its session, token and TLS checks)."""

    def __init__(
        self,
        hub: HubClient,
        sources: Sources,
        remember: Remember | None = None,
        on_reply: Callable[[BeatReply], None] | None = None,
        clock: Callable[[], float] = time.time,
    ):
        self._hub = hub
        self._sources = sources
        self._remember = remember or (lambda name, value: None)
        self._on_reply = on_reply
        self._clock = clock
        self._failing = False  # a failure is logged when it starts, not at every beat
        self.last_reply: BeatReply | None = None

    def send(self) -> BeatReply | None:
        sent = body(snapshot(self._sources))
        asked = self._clock()
        try:
            response = self._hub.post("api/v1/heartbeat", sent)
            reply = read_reply(response.text) if response.ok else None
            problem = "" if reply else f"the hub answered HTTP {response.status_code}"
        except requests.RequestException as error:
            reply, problem = None, f"the hub could not be reached ({type(error).__name__})"
        if reply is None:
            if not self._failing:
                log.warning("heartbeat not delivered (%s): tried again at each beat", problem)
            self._failing = True
            self._remember(BEAT_FAILED, problem)
            return None
        if self._failing:
            log.info("heartbeat delivered again")
        self._failing = False
        self._remember(BEAT_DELIVERED, "")
        if reply.server_time is not None:
            answered_at = (asked + self._clock()) / 2  # the hub read its clock about halfway
            self._remember(CLOCK_SKEW, str(round(reply.server_time.timestamp() - answered_at)))
        self.last_reply = reply
        if self._on_reply is not None:
            self._on_reply(reply)
        return reply


# -- the kiosk's sources -------------------------------------------------------------------------------


def installed_version() -> str:
    """The installed package's version; in a PyInstaller bundle without its metadata, kiosk's own."""
    try:
        return metadata.version(PACKAGE)
    except metadata.PackageNotFoundError:
        from kiosk import __version__

        return __version__


def config_version(config: Config) -> str:
    """A short fingerprint of the config the kiosk runs (the files, or the last-known-good copy it fell back
    to): the first 12 hex digits of the SHA-256 of its canonical JSON, the hub token left out (rotating the
    token changes no setting). Two terminals with the same settings and shortcuts show the same value."""
    import msgspec

    settings = msgspec.structs.replace(config.site, hub_token="")
    canonical = msgspec.json.encode(
        [settings, config.categories, config.shortcuts, config.identity_providers], order="sorted"
    )
    return "cfg-" + hashlib.sha256(canonical).hexdigest()[:12]


def free_disk_mb(folder: Path) -> int:
    return shutil.disk_usage(folder).free // (1024 * 1024)


def backlog_and_last_sync(in_store: InStore) -> Callable[[], tuple[int, float | None]]:
    """Rows still owed to the hub and the last pass that emptied the outbox, read on the store's thread."""

    def read() -> tuple[int, float | None]:
        rows = in_store(outbox.backlog).rows
        success = in_store(sync_state).get("last_success")
        return rows, datetime.fromisoformat(success[1]).timestamp() if success else None

    return read
