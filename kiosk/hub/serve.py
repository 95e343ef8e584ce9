"""Serving the hub with uvicorn: one process, or several workers sharing the database (each one builds the
app from `$ILOT_HUB_DB`). Behind a reverse proxy that ends TLS (docs), it trusts forwarded headers from
loopback only."""

from __future__ import annotations

import os

from kiosk.hub.app import DB_VARIABLE


def serve(url: str, *, host: str, port: int, workers: int) -> int:
    import uvicorn

    os.environ[DB_VARIABLE] = url
    uvicorn.run(
        "kiosk.hub.app:from_environment",
        factory=True,
        host=host,
        port=port,
        workers=workers,
        proxy_headers=True,
        forwarded_allow_ips="127.0.0.1",
        server_header=False,
        access_log=False,  # a line per request of every terminal: the proxy in front logs, if anyone must
        # The boards' event streams and the terminals' long polls never end by themselves: at a stop, they are
        # cut after this many seconds (a board reconnects and reloads; a terminal asks again).
        timeout_graceful_shutdown=3,
        log_level="info",
    )
    return 0
