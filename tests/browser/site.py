"""Test websites on free loopback ports: `service` plays the shortcut's own site, `elsewhere` another site.

Each page is a small HTML string; a few routes answer with redirects or files. Pages report what they saw in
`document.title`, which the tests read back."""

from __future__ import annotations

import base64
import time
from http.server import BaseHTTPRequestHandler

from tests.browser.loopback import LoopbackSite, send_html, send_not_found

PIXEL = base64.b64decode(  # a 1x1 PNG
    "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg=="
)


def frames_page(other: str) -> str:
    """Frames of this site, of the other site, and of a redirect that leaves; an image and a script of the
    other site, as a CDN's. The script, when it runs, tells which site it came from."""
    return f"""<title>frames</title>
        <iframe name=own src=/framed></iframe>
        <iframe name=direct src='{other}/framed'></iframe>
        <iframe name=hop src=/redirect-in-then-out></iframe>
        <img id=pixel src='{other}/pixel.png'>
        <script src='{other}/script.js'></script>
        <a id=out href='{other}/'>ailleurs</a>
        <form id=send target=own action='{other}/framed'><input name=q value=x></form>"""


BUILT_FRAMES = """<title>built</title>
    <iframe name=srcdoc srcdoc="<p>fait ici</p>"></iframe>
    <iframe name=data src="data:text/html;charset=utf-8,<p>fait ici</p>"></iframe>
    <iframe name=blob></iframe>
    <iframe name=blank src=about:blank></iframe>
    <script>
    document.querySelector('iframe[name=blob]').src =
      URL.createObjectURL(new Blob(['<p>fait ici</p>'], {type: 'text/html'}));
    window.onload = () => {
      document.querySelector('iframe[name=blank]').contentDocument.body.innerHTML = '<p>fait ici</p>';
    };
    </script>"""


def storage_page() -> str:
    """Reads, then writes, a cookie, a localStorage key and an IndexedDB record; the title tells what was
    already there (the previous visitor's data, if any survived)."""
    return """<!doctype html><title>loading</title><script>
    const seen = {cookie: document.cookie.includes('visitor=1'), local: localStorage.getItem('visitor')};
    document.cookie = 'visitor=1; max-age=86400; path=/';
    localStorage.setItem('visitor', 'Jeanne');
    const open = indexedDB.open('kiosk-test', 1);
    open.onupgradeneeded = () => open.result.createObjectStore('people');
    open.onsuccess = () => {
      const db = open.result;
      const read = db.transaction('people').objectStore('people').get('name');
      read.onsuccess = () => {
        seen.indexeddb = read.result || null;
        const write = db.transaction('people', 'readwrite');
        write.objectStore('people').put('Jeanne', 'name');
        write.oncomplete = () => { document.title = 'seen:' + JSON.stringify(seen); };
      };
    };
    </script>"""


class Site(LoopbackSite):
    def __init__(self, name: str, port: int = 0) -> None:
        super().__init__(port)
        self.name = name
        self.other: Site | None = None  # the other test site, for links and redirects that leave

    def answer(self, request: BaseHTTPRequestHandler) -> None:
        path = request.path.split("?")[0]
        other = self.other.origin if self.other else ""
        if path == "/redirect-in":
            return _redirect(request, "/page2")
        if path == "/redirect-out":
            return _redirect(request, f"{self.origin}/redirect-in-then-out")
        if path == "/redirect-in-then-out":
            return _redirect(request, f"{other}/")
        if path == "/slow-framed":  # answers after a redirect hop of the same page was refused
            time.sleep(1.5)
            return send_html(request, f"<p>{self.name}</p>")
        if path == "/pixel.png":
            return _send(request, "image/png", PIXEL)
        if path == "/script.js":
            return _send(request, "text/javascript", f"window.scriptFrom = '{self.name}';".encode())
        pages = {
            "/": f"<title>{self.name}</title><a id=next href=/page2>suite</a>"
            f"<a id=out href='{other}/'>ailleurs</a>",
            "/page2": "<title>page2</title><p>Deuxième page</p>",
            "/framed": f"<title>framed</title><p>{self.name}</p><a id=out href='{other}/framed'>ailleurs</a>",
            "/frames": frames_page(other),
            "/slow-and-hop": "<title>frames</title><iframe name=slow src=/slow-framed></iframe>"
            "<iframe name=hop src=/redirect-in-then-out></iframe>",
            "/nested": "<title>frames</title><iframe name=outer src=/framed-nest></iframe>",
            "/framed-nest": f"<p>{self.name}</p><iframe name=inner src='{other}/framed'></iframe>",
            "/built-frames": BUILT_FRAMES,
            "/popup": f"""<title>popup-opener</title>
                <a id=in href=/page2 target=_blank>dedans</a>
                <a id=out href='{other}/' target=_blank>dehors</a>""",
            "/storage": storage_page(),
            "/confirm": """<title>confirm</title><script>
                setTimeout(() => { document.title = 'answer:' + confirm('Voulez-vous continuer ?'); }, 50);
                </script>""",
            "/prompt": """<title>prompt</title><script>
                setTimeout(() => { document.title = 'name:' + prompt('Votre nom ?', 'Jeanne'); }, 50);
                </script>""",
            "/keys": """<title>keys:</title><input id=field autofocus><script>
                document.addEventListener('keydown', e => { document.title += '[' + e.key + ']'; });
                window.addEventListener('beforeprint', () => { document.title += '[PRINT]'; });
                </script>""",
            "/form": """<title>form</title><form action=/sent><input id=nom name=nom autofocus>
                <input name=mail><input name=tel><button>Envoyer</button></form>""",
            "/geo": """<title>geo</title><script>
                navigator.geolocation.getCurrentPosition(
                  () => { document.title = 'geo:granted'; },
                  e => { document.title = 'geo:error:' + e.code; }, {timeout: 2000});
                </script>""",
        }
        body = pages.get(path)
        if body is None:
            return send_not_found(request)
        return send_html(request, body)


def _redirect(request: BaseHTTPRequestHandler, location: str) -> None:
    request.send_response(302)
    request.send_header("Location", location)
    request.send_header("Content-Length", "0")
    request.end_headers()


def _send(request: BaseHTTPRequestHandler, content_type: str, data: bytes) -> None:
    request.send_response(200)
    request.send_header("Content-Type", content_type)
    request.send_header("Content-Length", str(len(data)))
    request.end_headers()
    request.wfile.write(data)
