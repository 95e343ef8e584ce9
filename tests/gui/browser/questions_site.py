"""A loopback website whose page asks every question a page can ask the kiosk: file inputs (one file,
several, a folder), the File System Access pickers, alert/confirm/prompt, a pop-up with its own file input,
a PDF download whose second half waits until the test releases it, and `window.print()` (the controls are
not printed; a paragraph only on paper is).

Each control is a large block at its own place, so a test clicks it as a visitor would (a script's click()
opens no chooser). What the page got back lands in `window.answers`."""

from __future__ import annotations

import threading
from http.server import BaseHTTPRequestHandler

from tests.gui.browser.download_site import two_page_pdf
from tests.gui.browser.loopback import LoopbackSite, send_html, send_not_found

STYLE = (
    "<style>body { margin: 0; } .q { display: block; box-sizing: border-box; width: 700px; height: 56px;"
    " margin: 4px 12px; font-size: 24px; }"
    " @media screen { .print-only { display: none; } } @media print { .q { display: none; } }</style>"
)
PRINTED = "Attestation de paiement"  # what the page shows on paper only
RECORD = "<script>window.answers = [];function note(a) { window.answers.push(String(a)); }</script>"

CONTROLS = {  # control id → its HTML
    "single": "<input class=q type=file id=single onchange=\"note('files:' + this.files.length)\""
    " oncancel=\"note('cancel')\">",
    "several": "<input class=q type=file multiple id=several onchange=\"note('files:' + this.files.length)\""
    " oncancel=\"note('cancel')\">",
    "folder": "<input class=q type=file webkitdirectory id=folder oncancel=\"note('cancel')\">",
    "alert": "<button class=q id=alert onclick=\"alert('Bonjour'); note('alert')\">alert</button>",
    "confirm": "<button class=q id=confirm onclick=\"note('confirm:' + confirm('Vraiment ?'))\">"
    "confirm</button>",
    "prompt": "<button class=q id=prompt onclick=\"note('prompt:' + prompt('Nom ?', 'x'))\">prompt</button>",
    "pickers": '<button class=q id=pickers onclick="note([typeof showOpenFilePicker,'
    ' typeof showSaveFilePicker, typeof showDirectoryPicker].join())">pickers</button>',
    "popup": "<button class=q id=popup onclick=\"window.open('/popup')\">popup</button>",
    "download": '<a class=q id=download href="/slow.pdf">download</a>',
    "print": '<button class=q id=print onclick="window.print()">print</button>',
}


class QuestionsSite(LoopbackSite):
    def __init__(self) -> None:
        super().__init__()
        self.release_download = threading.Event()

    def answer(self, request: BaseHTTPRequestHandler) -> None:
        if request.path == "/":
            body = "".join(CONTROLS.values()) + f"<p class=print-only>{PRINTED}</p>"
            send_html(request, "<title>questions</title>" + STYLE + RECORD + body)
        elif request.path == "/popup":
            send_html(request, "<title>popup</title>" + STYLE + RECORD + CONTROLS["single"])
        elif request.path == "/slow.pdf":
            self._send_slowly(request, two_page_pdf())
        else:
            send_not_found(request)

    def _send_slowly(self, request: BaseHTTPRequestHandler, data: bytes) -> None:
        request.send_response(200)
        request.send_header("Content-Type", "application/pdf")
        request.send_header("Content-Disposition", 'attachment; filename="attestation.pdf"')
        request.send_header("Content-Length", str(len(data)))
        request.end_headers()
        half = len(data) // 2
        request.wfile.write(data[:half])
        request.wfile.flush()
        if self.release_download.wait(30):
            request.wfile.write(data[half:])
