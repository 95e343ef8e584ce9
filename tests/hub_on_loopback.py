"""A real hub for tests: `kiosk hub serve` in its own process on a free loopback port, over a database URL
(a SQLite file by default), and its terminals added through `kiosk hub add-terminal` as a technician would.
Also a fault-injecting proxy that stands between a terminal and the hub."""

from __future__ import annotations

import contextlib
import http.server
import os
import socket
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import requests


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def hub_command(url: str, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "kiosk", "hub", *args, "--db", url],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )


def add_terminal(url: str, terminal_id: str = "borne-1", site: str = "poste-test") -> str:
    """Registers a terminal as `kiosk hub add-terminal` does (in this process: it is quicker) and returns
    its token. tests/e2e/test_sync_to_hub.py runs the command itself too."""
    from kiosk.hub import database, terminals

    engine = database.engine_for(url)
    try:
        database.migrate(engine)
        with engine.begin() as connection:
            return terminals.add(connection, site, terminal_id)
    finally:
        engine.dispose()


@contextlib.contextmanager
def running_hub(url: str, *, workers: int = 1, env: dict[str, str] | None = None) -> Iterator[str]:
    """Serves the hub over `url`; yields its base address (http://127.0.0.1:PORT/)."""
    port = free_port()
    process = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "kiosk",
            "hub",
            "serve",
            "--db",
            url,
            "--port",
            str(port),
            "--workers",
            str(workers),
        ],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        env={**os.environ, **(env or {})},
        start_new_session=True,
    )
    base = f"http://127.0.0.1:{port}/"
    try:
        deadline = time.monotonic() + 60
        while True:
            with contextlib.suppress(requests.RequestException):
                if requests.get(base + "healthz", timeout=2).ok:
                    break
            if process.poll() is not None or time.monotonic() > deadline:
                raise RuntimeError(f"the hub did not start: {process.stderr.read().decode()[-2000:]}")
            time.sleep(0.1)
        yield base
    finally:
        with contextlib.suppress(ProcessLookupError):
            os.killpg(process.pid, 15)
        try:
            process.wait(20)
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, 9)
            process.wait()
        process.stderr.close()


class FaultProxy:
    """Forwards a terminal's requests to the hub, except when told to fail the next ones: `faults` is a list
    of what to do with each coming POST, in order — an HTTP status such as "500" or "429" (answered at once,
    429 and 503 with Retry-After: 1), "timeout" (never answers), "cut" (forwards it, so the hub stores it,
    then closes the connection unanswered), or "pass". Once the list is empty, everything passes. `latency`:
    seconds every request waits before it goes on, as over a real network."""

    def __init__(self, hub: str, latency: float = 0.0):
        self.hub = hub.rstrip("/")
        self.latency = latency
        self.faults: list[str] = []
        self.seen: list[str] = []  # what happened to each POST
        self.bodies: list[bytes] = []  # what each POST carried
        self._lock = threading.Lock()
        proxy = self

        class Handler(http.server.BaseHTTPRequestHandler):
            def log_message(self, *args):
                pass

            def do_GET(self):
                self._forward(b"")

            def do_POST(self):
                body = self.rfile.read(int(self.headers.get("Content-Length", 0)))
                with proxy._lock:
                    proxy.bodies.append(body)
                    fault = proxy.faults.pop(0) if proxy.faults else "pass"
                    proxy.seen.append(fault)
                if fault.isdigit():
                    self.send_response(int(fault))
                    if fault in ("429", "503"):
                        self.send_header("Retry-After", "1")
                    self.send_header("Content-Length", "0")
                    self.end_headers()
                elif fault == "timeout":
                    time.sleep(3)
                    self.close_connection = True
                elif fault == "cut":
                    self._forward(body, answer=False)
                    self.close_connection = True
                else:
                    self._forward(body)

            def _forward(self, body: bytes, answer: bool = True):
                time.sleep(proxy.latency)
                headers = {k: v for k, v in self.headers.items() if k.lower() not in ("host", "connection")}
                response = requests.request(
                    self.command, proxy.hub + self.path, data=body or None, headers=headers, timeout=30
                )
                if not answer:
                    return
                self.send_response(response.status_code)
                for name in ("Content-Type", "Retry-After", "WWW-Authenticate"):
                    if name in response.headers:
                        self.send_header(name, response.headers[name])
                self.send_header("Content-Length", str(len(response.content)))
                self.end_headers()
                self.wfile.write(response.content)

        self._server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self._server.daemon_threads = True
        self.url = f"http://127.0.0.1:{self._server.server_address[1]}/"
        self._thread = threading.Thread(target=self._server.serve_forever, daemon=True)

    def __enter__(self) -> FaultProxy:
        self._thread.start()
        return self

    def __exit__(self, *exc) -> None:
        self._server.shutdown()
        self._server.server_close()


def hub_totals(url: str, site: str = "poste-test") -> dict[tuple[str, str, str], int]:
    """What the hub stored for a site: (hour, metric, key) → count, read straight from its database."""
    from sqlalchemy import select

    from kiosk.hub.database import engine_for
    from kiosk.hub.tables import terminals, usage_counts

    engine = engine_for(url)
    try:
        with engine.connect() as connection:
            rows = connection.execute(
                select(
                    usage_counts.c.period_start,
                    usage_counts.c.metric,
                    usage_counts.c.key,
                    usage_counts.c.count,
                )
                .join(terminals, terminals.c.id == usage_counts.c.terminal)
                .where(terminals.c.site_id == site)
            )
            return {(p.strftime("%Y-%m-%dT%H:%M:%SZ"), m, k): n for p, m, k, n in rows}
    finally:
        engine.dispose()


def sqlite_url(folder: Path) -> str:
    return f"sqlite:///{folder / 'hub.db'}"


def hub_call(url: str, call_id: str):
    """The hub's row of a help call (None when it has none), read straight from its database."""
    from kiosk.hub.database import engine_for
    from kiosk.hub.tables import help_calls

    engine = engine_for(url)
    try:
        with engine.connect() as connection:
            return connection.execute(help_calls.select().where(help_calls.c.call_id == call_id)).first()
    finally:
        engine.dispose()


def advisor_moves(url: str, call_id: str, state: str) -> None:
    """An advisor moves the call on the hub, as the board's buttons do, straight in its database."""
    from kiosk.hub import help_calls
    from kiosk.hub.database import engine_for
    from kiosk.hub.tables import help_calls as table
    from kiosk.hub.tables import terminals
    from kiosk.hub.terminals import Terminal, now_utc

    engine = engine_for(url)
    try:
        with engine.begin() as connection:
            row = connection.execute(
                table.select()
                .with_only_columns(table.c.terminal, terminals.c.site_id, terminals.c.terminal_id)
                .join_from(table, terminals, terminals.c.id == table.c.terminal)
                .where(table.c.call_id == call_id)
            ).one()
            help_calls.move(connection, Terminal(*row), call_id, state, now_utc())
    finally:
        engine.dispose()
