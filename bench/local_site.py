"""A local website for the browser benchmarks: one plain public-service-like page on a free loopback port,
served by its own process, so that serving it never takes the measured process's CPU or GIL.

    with local_site() as url:   # "http://127.0.0.1:PORT/"
        ...

Every answer says `Cache-Control: no-store`, so each load in a benchmark goes to the server, whoever loads
it. Run alone (`python bench/local_site.py`), it prints its URL on the first line and serves until killed.
"""

from __future__ import annotations

import contextlib
import subprocess
import sys
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

PARAGRAPH = (
    "<p>Pour faire votre demande, préparez votre numéro d'allocataire et votre dernier avis d'imposition. "
    "Vous pouvez aussi appeler le service, du lundi au vendredi.</p>"
)
PAGE = (
    "<!doctype html><html lang=fr><meta charset=utf-8><title>Service de mesure</title>"
    "<style>body{font:18px sans-serif;margin:2em;max-width:50em}h1{color:#003}a{display:block;margin:.5em 0}"
    "</style><h1>Vos démarches en ligne</h1>"
    + PARAGRAPH * 12
    + "".join(f"<a href=/page{n}>Démarche numéro {n}</a>" for n in range(20))
    + "<script>document.body.dataset.ready = '1';</script></html>"
).encode()


class Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def do_GET(self) -> None:
        if self.path.split("?")[0] == "/favicon.ico":
            self.send_response(404)
            self.send_header("Content-Length", "0")
            self.end_headers()
            return
        self.send_response(200)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(PAGE)))
        self.send_header("Cache-Control", "no-store")
        self.end_headers()
        self.wfile.write(PAGE)

    def log_message(self, *args) -> None:
        pass


@contextlib.contextmanager
def local_site() -> Iterator[str]:
    """Serves the page from a child process; yields its URL."""
    server = subprocess.Popen(
        [sys.executable, str(Path(__file__).resolve())], stdout=subprocess.PIPE, text=True
    )
    try:
        url = server.stdout.readline().strip()
        if not url.startswith("http://127.0.0.1:"):
            raise RuntimeError("the local site did not start")
        yield url
    finally:
        server.terminate()
        server.wait(5)


def main() -> None:
    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    print(f"http://127.0.0.1:{server.server_address[1]}/", flush=True)
    server.serve_forever()


if __name__ == "__main__":
    main()
