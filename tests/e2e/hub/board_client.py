"""What the board's tests share: a hub database with terminals and an advisor, a terminal's calls, and a
reader of the board's server-sent events on a thread of its own."""

from __future__ import annotations

import contextlib
import http.client
import json
import queue
import socket
import subprocess
import sys
import threading
import urllib.parse
import uuid

import requests

from tests.e2e.hub.pages_data import PASSWORD, Browser
from tests.hub_on_loopback import add_terminal

PIN = "482915"


def add_advisor(url: str, email: str, name: str, *sites: str) -> None:
    site_args = [a for s in sites for a in ("--site", s)]
    done = subprocess.run(
        [
            *(sys.executable, "-m", "kiosk", "hub", "add-advisor", email),
            *("--name", name, "--role", "advisor", *site_args, "--db", url),
        ],
        input=f"{PASSWORD}\n{PIN}\n",
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert done.returncode == 0, done.stderr


def new_site(url: str, terminals: int = 1) -> tuple[str, list[str]]:
    """A new site with its terminals; their tokens."""
    site = f"poste-{uuid.uuid4().hex[:6]}"
    return site, [add_terminal(url, f"borne-{i + 1}", site) for i in range(terminals)]


def send_call(base: str, token: str, ticket: str = "A-07", topic: str | None = "imprimer") -> str:
    call_id = str(uuid.uuid4())
    body = {"call_id": call_id, "ticket": ticket} | ({"topic": topic} if topic else {})
    answer = requests.post(
        f"{base}api/v1/help-calls", json=body, headers={"Authorization": f"Bearer {token}"}, timeout=10
    )
    assert answer.status_code == 200, answer.text
    return call_id


def terminal_get(base: str, token: str, path: str, **params) -> requests.Response:
    return requests.get(
        f"{base}api/v1/help-calls{path}",
        params=params,
        headers={"Authorization": f"Bearer {token}"},
        timeout=60,
    )


def terminal_post(base: str, token: str, path: str) -> requests.Response:
    return requests.post(
        f"{base}api/v1/help-calls{path}", headers={"Authorization": f"Bearer {token}"}, timeout=10
    )


def logged_in(base: str, email: str) -> Browser:
    browser = Browser(base, f"192.0.2.{uuid.uuid4().int % 200 + 20}")
    answer = browser.login(email)
    assert answer.status_code == 303, answer.text
    return browser


class EventStream:
    """`with EventStream(browser) as events:` the board's stream, read on a thread; `next()` gives each
    (event, data) in turn, comments left out. Its own connection (http.client), so that closing it is a
    socket shutdown: a reader blocked until the next keep-alive would hold a buffered file's close."""

    def __init__(self, browser: Browser, path: str = "/conseillers/flux"):
        address = urllib.parse.urlsplit(browser.base)
        self._connection = http.client.HTTPConnection(address.hostname, address.port, timeout=60)
        cookies = "; ".join(f"{c.name}={c.value}" for c in browser.cookies)
        headers = {"Cookie": cookies, "Accept": "text/event-stream"} | dict(browser.headers)
        self._connection.request("GET", path, headers=headers)
        self._response = self._connection.getresponse()
        assert self._response.status == 200, self._response.read()
        assert self._response.getheader("content-type").startswith("text/event-stream")
        self._events: queue.Queue = queue.Queue()
        self._thread = threading.Thread(target=self._read, daemon=True)
        self._thread.start()

    def _read(self) -> None:
        event, data = "message", []
        try:
            while line := self._response.readline():
                line = line.decode().rstrip("\r\n")
                if line == "":
                    if data:
                        self._events.put((event, json.loads("\n".join(data))))
                    event, data = "message", []
                elif line.startswith("event:"):
                    event = line[6:].strip()
                elif line.startswith("data:"):
                    data.append(line[5:].strip())
        except (OSError, ValueError, http.client.HTTPException):
            pass  # closed

    def next(self, timeout: float = 10) -> tuple[str, dict]:
        return self._events.get(timeout=timeout)

    def next_call(self, timeout: float = 10, **wanted) -> dict:
        """The next `call` event whose fields have the `wanted` values."""
        while True:
            event, data = self.next(timeout)
            if event == "call" and all(data.get(k) == v for k, v in wanted.items()):
                return data

    def close(self) -> None:
        with contextlib.suppress(OSError):
            self._connection.sock.shutdown(socket.SHUT_RDWR)
        self._thread.join(5)
        self._connection.close()

    def __enter__(self) -> EventStream:
        return self

    def __exit__(self, *exc) -> None:
        self.close()
