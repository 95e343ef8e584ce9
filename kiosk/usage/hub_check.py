"""`kiosk check`'s lines about the hub: its address, whether it answers and takes this terminal's token (and
that the token is this terminal's), what is waiting to be sent, the last success and the last error, the last
heartbeat and how far this terminal's clock is from the hub's — each problem with its fix. Reads the kiosk's
database without changing it (a running kiosk may hold it)."""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urljoin

import requests

from kiosk.config.schema import Site
from kiosk.usage import outbox
from kiosk.usage.heartbeat import BEAT_DELIVERED, BEAT_FAILED, CLOCK_SKEW
from kiosk.usage.sync import sync_state

TIMEOUT = (5, 10)
SKEW_LIMIT = 120  # seconds: beyond, counts may fall in the wrong hour


@dataclass(frozen=True)
class HubLine:
    text: str
    problem: bool = False  # the technician must act


def hub_report(site: Site, database: Path) -> list[HubLine]:
    if not site.hub_url:
        return [HubLine("No hub (hub_url is empty): the counts stay on this terminal.")]
    lines = [HubLine(f"Hub: {site.hub_url}")]
    lines += _reachability(site)
    lines += _waiting(database)
    return lines


def _reachability(site: Site) -> list[HubLine]:
    base = site.hub_url if site.hub_url.endswith("/") else site.hub_url + "/"
    try:
        health = requests.get(urljoin(base, "healthz"), timeout=TIMEOUT)
        who = requests.get(
            urljoin(base, "api/v1/terminal"),
            headers={"Authorization": f"Bearer {site.hub_token}"},
            timeout=TIMEOUT,
        )
    except requests.exceptions.SSLError:
        return [
            HubLine(
                "The hub's TLS certificate is not valid for its address. Fix: check hub_url and the "
                "certificate of the hub's reverse proxy.",
                True,
            )
        ]
    except requests.RequestException as error:
        return [
            HubLine(
                f"The hub does not answer ({type(error).__name__}). Fix: check the network, the "
                "firewall, and hub_url.",
                True,
            )
        ]
    if not health.ok:
        return [
            HubLine(
                f"The hub answers HTTP {health.status_code} to its health check. Fix: look at the hub's "
                "log (journalctl -u ilot-hub).",
                True,
            )
        ]
    if who.status_code == 401:
        return [
            HubLine(
                "The hub answers but refuses this terminal's token. Fix: on the hub, kiosk hub "
                f"rotate-token {site.terminal_id} --site {site.site_id}, then put the new token in "
                "site.yaml as hub_token.",
                True,
            )
        ]
    if not who.ok:
        return [
            HubLine(
                f"The hub answers HTTP {who.status_code} for this terminal. Fix: check hub_url (it "
                "should be the hub's address, not a page of it).",
                True,
            )
        ]
    known = who.json()
    if (known.get("site_id"), known.get("terminal_id")) != (site.site_id, site.terminal_id):
        return [
            HubLine(
                f"The hub knows this token as {known.get('site_id')}/{known.get('terminal_id')}, but "
                f"site.yaml says {site.site_id}/{site.terminal_id}. Fix: correct site_id and "
                "terminal_id, or use this terminal's own token.",
                True,
            )
        ]
    return [HubLine("The hub answers and accepts this terminal's token.")]


def _waiting(database: Path) -> list[HubLine]:
    if not database.exists():
        return [HubLine("Nothing counted yet (no database).")]
    from sqlite_utils import Database

    try:
        connection = sqlite3.connect(f"file:{database}?mode=ro", uri=True, timeout=5)
        try:
            db = Database(connection)
            if "outbox_rows" not in db.table_names():
                return [HubLine("The database predates the outbox: the kiosk upgrades it at its next start.")]
            waiting = outbox.backlog(db)
            state = sync_state(db)
        finally:
            connection.close()
    except sqlite3.Error as error:
        return [HubLine(f"Cannot read the database {database}: {error}. Fix: see its file rights.", True)]
    lines = [
        HubLine(
            f"Waiting to be sent: {waiting.rows} row(s) in {waiting.batches} batch(es)"
            + (f", the oldest from {waiting.oldest_period}." if waiting.oldest_period else ".")
        )
    ]
    success = state.get("last_success")
    lines.append(HubLine(f"Last success: {success[1]}." if success else "Last success: never."))
    if "paused" in state:
        reason, at = state["paused"]
        lines.append(
            HubLine(
                f"Sending is paused since {at}: {reason}. Nothing is lost. Fix that cause, then "
                "run kiosk sync --once.",
                True,
            )
        )
    elif "last_error" in state and (not success or state["last_error"][1] > success[1]):
        reason, at = state["last_error"]
        lines.append(HubLine(f"Last error, {at}: {reason}. The kiosk tries again by itself."))
    return lines + _heartbeat(state)


def _heartbeat(state: dict[str, tuple[str, str]]) -> list[HubLine]:
    delivered, failed = state.get(BEAT_DELIVERED), state.get(BEAT_FAILED)
    lines = [HubLine(f"Last heartbeat: {delivered[1]}." if delivered else "Last heartbeat: never.")]
    if failed and (not delivered or failed[1] > delivered[1]):
        lines.append(
            HubLine(f"Last heartbeat failed, {failed[1]}: {failed[0]}. The kiosk tries again at each beat.")
        )
    if CLOCK_SKEW in state:
        skew = int(state[CLOCK_SKEW][0])
        if abs(skew) > SKEW_LIMIT:
            side = "behind" if skew > 0 else "ahead of"
            lines.append(
                HubLine(
                    f"This terminal's clock is {round(abs(skew) / 60)} min {side} the hub's (seen "
                    f"{state[CLOCK_SKEW][1]}): its counts fall in the wrong hours, and the hub refuses "
                    "those dated more than 2 days ahead. Fix: turn on time synchronisation "
                    "(timedatectl set-ntp true; systemd-timesyncd reaching an NTP server).",
                    True,
                )
            )
    return lines
