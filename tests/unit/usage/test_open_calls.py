"""The site's open help calls read from the hub (kiosk.usage.open_calls) through the sync's HubClient, against
an HTTP server on loopback that answers as the hub's `GET /api/v1/help-calls` is specified: a JSON list, for
the terminal's bearer token only. (The hub's own endpoint is another engineer's work, not on this branch.)"""

from __future__ import annotations

import json
import socket
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from kiosk.usage.open_calls import CallsUnavailable, OpenCall, open_calls_reader

TOKEN = "secret-token-of-this-terminal"
CALLS = [
    {
        "call_id": "6f1c",
        "ticket": "A-07",
        "topic": "imprimer",
        "state": "sent",
        "terminal_id": "borne-1",
        "created_at": "2026-12-02T09:14:00Z",
    },
    {
        "call_id": "7a2d",
        "ticket": "A-08",
        "topic": None,
        "state": "coming",
        "terminal_id": "borne-2",
        "created_at": "2026-12-02T09:20:00Z",
    },
]


class StandInHub:
    def __init__(self) -> None:
        self.answer: tuple[int, bytes] = (200, json.dumps(CALLS).encode())
        self.seen: list[tuple[str, str | None]] = []
        hub = self

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self) -> None:
                hub.seen.append((self.path, self.headers.get("Authorization")))
                status, body = hub.answer
                if self.headers.get("Authorization") != f"Bearer {TOKEN}":
                    status, body = 401, b'{"detail": "unknown token"}'
                self.send_response(status)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

            def log_message(self, *args) -> None:
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}"
        threading.Thread(target=self.server.serve_forever, daemon=True).start()

    def close(self) -> None:
        self.server.shutdown()
        self.server.server_close()


@pytest.fixture
def hub():
    server = StandInHub()
    yield server
    server.close()


def test_the_open_calls_are_read_with_the_terminals_token(hub):
    calls = open_calls_reader(hub.url, TOKEN)()
    assert calls == [
        OpenCall("6f1c", "A-07", "imprimer", "sent", "borne-1", "2026-12-02T09:14:00Z"),
        OpenCall("7a2d", "A-08", "", "coming", "borne-2", "2026-12-02T09:20:00Z"),
    ]
    assert hub.seen == [("/api/v1/help-calls", f"Bearer {TOKEN}")]
    assert open_calls_reader(hub.url + "/", TOKEN)() == calls  # with or without the trailing slash


def test_an_empty_list_is_no_call(hub):
    hub.answer = (200, b"[]")
    assert open_calls_reader(hub.url, TOKEN)() == []


@pytest.mark.parametrize(
    ("answer", "cause"),
    [
        ((500, b"{}"), "HTTP 500"),
        ((404, b'{"detail": "Not Found"}'), "HTTP 404"),
        ((200, b"<html>proxy</html>"), "not JSON"),
        ((200, b'{"calls": []}'), "not a list"),
        ((200, b"[1]"), "not an object"),
        ((200, json.dumps([{**CALLS[0], "ticket": 7}]).encode()), "not text"),
        ((200, json.dumps([{k: v for k, v in CALLS[0].items() if k != "state"}]).encode()), "no state"),
    ],
)
def test_what_cannot_be_read_says_why(hub, answer, cause):
    hub.answer = answer
    with pytest.raises(CallsUnavailable, match=cause):
        open_calls_reader(hub.url, TOKEN)()


def test_a_refused_token_and_a_hub_that_is_down_say_why(hub):
    with pytest.raises(CallsUnavailable, match="HTTP 401"):
        open_calls_reader(hub.url, "someone-else")()
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]  # nothing listens there once closed
    with pytest.raises(CallsUnavailable, match="does not answer"):
        open_calls_reader(f"http://127.0.0.1:{port}", TOKEN)()
