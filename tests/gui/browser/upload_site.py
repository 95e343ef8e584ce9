"""A test website with upload forms, on a free loopback port. Each page reports in `document.title` the names
of the files its `<input type=file>` received, and keeps their sizes in `window.sizes`."""

from __future__ import annotations

from http.server import BaseHTTPRequestHandler

from tests.gui.browser.loopback import LoopbackSite, send_html, send_not_found

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


class UploadSite(LoopbackSite):
    def answer(self, request: BaseHTTPRequestHandler) -> None:
        body = PAGES.get(request.path)
        if body is None:
            send_not_found(request)
        else:
            send_html(request, STYLE + body)
