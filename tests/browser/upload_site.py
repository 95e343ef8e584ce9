"""A test website with upload forms, on a free loopback port. Each page reports in `document.title` the names
of the files its `<input type=file>` received, and keeps their sizes in `window.sizes`."""

from __future__ import annotations

import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

REPORT = (
    "const files = [...this.files];"
    "window.sizes = files.map(f => f.size);"
    "document.title = 'chosen:' + files.map(f => f.name).join(',');"
)
STYLE = "<style>input { display: block; width: 600px; height: 160px; font-size: 32px; margin: 40px; }</style>"

PAGES = {
    "/pdf": f'<title>upload</title><input type=file id=f accept=".pdf" onchange="{REPORT}">',
    "/several": "<title>upload</title>"
    f'<input type=file id=f multiple accept="image/*,.pdf" onchange="{REPORT}">',
}


class UploadSite:
    def __init__(self) -> None:
        class Handler(BaseHTTPRequestHandler):
            def do_GET(self) -> None:
                body = PAGES.get(self.path)
                if body is None:
                    self.send_response(404)
                    self.end_headers()
                    return
                data = f"<!doctype html><meta charset=utf-8>{STYLE}{body}".encode()
                self.send_response(200)
                self.send_header("Content-Type", "text/html; charset=utf-8")
                self.send_header("Content-Length", str(len(data)))
                self.end_headers()
                self.wfile.write(data)

            def log_message(self, *args) -> None:
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.port = self.server.server_address[1]
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)

    def url(self, path: str) -> str:
        return f"http://127.0.0.1:{self.port}{path}"

    def start(self) -> None:
        self.thread.start()

    def stop(self) -> None:
        self.server.shutdown()
        self.server.server_close()
