"""This site's open help calls, as the hub lists them (`GET /api/v1/help-calls`, the terminal's token): for
the assisted mode's tools. Through `HubClient` (kiosk/usage/sync.py: TLS verified, the token as a bearer),
never on the GUI thread. A hub that cannot answer, or answers what this terminal cannot read, raises
`CallsUnavailable` with the cause for the log; the screen says it in plain words. Pure: no Qt."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import requests

from kiosk.usage.sync import HubClient

PATH = "api/v1/help-calls"
TIMEOUT = (5, 10)  # seconds: an advisor is waiting in front of the screen


class CallsUnavailable(Exception):
    """The list could not be had; the message names the cause (for the log, never for a visitor)."""


@dataclass(frozen=True)
class OpenCall:
    call_id: str
    ticket: str  # "A-07"
    topic: str  # one of kiosk.advisor.call_states.TOPICS, or "" when the visitor chose none
    state: str  # sent, seen or coming (an open call)
    terminal_id: str
    created_at: str  # ISO 8601, as the hub wrote it


def fetch_open_calls(hub: HubClient) -> list[OpenCall]:
    """The hub's answer, oldest call first as it sends them; raises CallsUnavailable."""
    try:
        response = hub.get(PATH)
    except requests.RequestException as error:
        raise CallsUnavailable(f"the hub does not answer ({type(error).__name__})") from error
    if not response.ok:
        raise CallsUnavailable(f"the hub answers HTTP {response.status_code} to {PATH}")
    try:
        body = response.json()
    except ValueError as error:
        raise CallsUnavailable("the hub's answer is not JSON") from error
    if not isinstance(body, list):
        raise CallsUnavailable("the hub's answer is not a list of calls")
    return [_call(item) for item in body]


def open_calls_reader(hub_url: str, token: str) -> Callable[[], list[OpenCall]]:
    """A function for the assisted mode's tools: each call asks the hub once, on a client of its own (the
    sync thread's client is never shared with another thread)."""

    def read() -> list[OpenCall]:
        hub = HubClient(hub_url, token, timeout=TIMEOUT)
        try:
            return fetch_open_calls(hub)
        finally:
            hub.close()

    return read


def _call(item: object) -> OpenCall:
    if not isinstance(item, dict):
        raise CallsUnavailable("a call in the hub's answer is not an object")
    try:
        values = {name: item[name] for name in ("call_id", "ticket", "state", "terminal_id", "created_at")}
    except KeyError as error:
        raise CallsUnavailable(f"a call in the hub's answer has no {error.args[0]}") from None
    topic = item.get("topic") or ""
    if not all(isinstance(v, str) for v in (*values.values(), topic)):
        raise CallsUnavailable("a call in the hub's answer has a field that is not text")
    return OpenCall(topic=topic, **values)
