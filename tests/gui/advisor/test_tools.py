""" "Outils du conseiller" in the real kiosk: each role's tools (the technician's three absent, not hidden,
for an advisor); the address bar opening an https address in the kiosk's browser and refusing the rest; a
diagnostic code read back; the site's open calls without a hub and from one; the configuration reloaded (its
problems shown, a valid one restarting the kiosk); ending the visitor's session; quitting to the desktop."""

from __future__ import annotations

import dataclasses
import json
import ssl
import subprocess
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import msgspec
import pytest
import shiboken6
from PySide6.QtCore import QCoreApplication, QEvent

from kiosk.advisor.assisted.code_page import CodePage
from kiosk.advisor.assisted.technician_pages import ReloadPage, ReportPage
from kiosk.browser.policy import SiteRules
from kiosk.diagnostic.code import encode
from kiosk.diagnostic.engine import Result
from kiosk.diagnostic.loader import load_all_contents
from tests.gui.advisor.conftest import CAMILLE, NOAH, unlock
from tests.gui.browser.site import Site
from tests.gui.conftest import touch
from tests.gui.fit import assert_fits

ADVISOR_TOOLS = ["address", "code", "status", "calls", "end_session"]
TECHNICIAN_ONLY = ["reload", "report", "quit"]


def open_tool(kiosk, tool: str):
    tools = kiosk.assisted.tools
    touch(kiosk.window, tools.buttons[tool])
    return tools.pages.get(tool)


def type_into(qtbot, kiosk, field, text: str) -> None:
    field.setFocus()
    qtbot.keyClicks(field, text)


@pytest.mark.fits
def test_an_advisor_has_five_tools_and_none_of_the_technicians(make_kiosk, advisors, qtbot):
    kiosk = make_kiosk()
    unlock(kiosk, qtbot, CAMILLE)
    tools = kiosk.assisted.tools
    assert list(tools.buttons) == ADVISOR_TOOLS
    assert not tools.findChildren(ReloadPage) and not tools.findChildren(ReportPage)
    assert tools.who.text() == "Vous êtes Camille, conseiller."
    assert_fits(kiosk.window)
    touch(kiosk.window, kiosk.assisted.banner.quit_button)

    unlock(kiosk, qtbot, NOAH)
    tools = kiosk.assisted.tools
    assert list(tools.buttons) == ADVISOR_TOOLS + TECHNICIAN_ONLY
    assert [b.text() for b in (tools.buttons[t] for t in TECHNICIAN_ONLY)] == [
        "Recharger la configuration",
        "Rapport de la borne",
        "Quitter vers le bureau",
    ]
    assert_fits(kiosk.window)
    touch(kiosk.window, kiosk.assisted.banner.quit_button)
    unlock(kiosk, qtbot, CAMILLE)  # an advisor after a technician: made anew, for the advisor
    assert list(kiosk.assisted.tools.buttons) == ADVISOR_TOOLS


class TlsSite:
    """An https server on loopback with a certificate of its own (Chromium does not trust it): it counts the
    connections the kiosk's browser opens to it."""

    def __init__(self, folder) -> None:
        key, cert = folder / "key.pem", folder / "cert.pem"
        subprocess.run(
            ["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", str(key), "-out",
             str(cert), "-days", "1", "-subj", "/CN=127.0.0.1"],
            check=True, capture_output=True, timeout=60,
        )  # fmt: skip
        context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
        context.load_cert_chain(cert, key)
        self.connections = 0
        site = self

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self) -> None:
                self.send_response(200)
                self.end_headers()
                self.wfile.write(b"<title>tls</title>")

            def log_message(self, *args) -> None:
                pass

        class Server(ThreadingHTTPServer):
            def get_request(self):
                sock, address = self.socket.accept()
                site.connections += 1
                return context.wrap_socket(sock, server_side=True, do_handshake_on_connect=False), address

            def handle_error(self, request, client_address) -> None:
                pass  # the browser refuses the certificate: the handshake fails, as it should

        self.server = Server(("127.0.0.1", 0), Handler)
        self.port = self.server.server_address[1]
        threading.Thread(target=self.server.serve_forever, daemon=True).start()

    def stop(self) -> None:
        self.server.shutdown()
        self.server.server_close()


@pytest.fixture
def tls_site(tmp_path):
    site = TlsSite(tmp_path)
    yield site
    site.stop()


def test_the_address_bar_opens_an_https_address_and_refuses_the_rest(make_kiosk, advisors, tls_site, qtbot):
    kiosk = make_kiosk()
    unlock(kiosk, qtbot, CAMILLE)
    page = open_tool(kiosk, "address")
    for typed, said in (
        (
            "http://127.0.0.1/",
            "Cette adresse n'est pas sûre. La borne ouvre seulement les adresses en https.",
        ),
        (
            "file:///etc/passwd",
            "Ce n'est pas l'adresse d'un site. La borne ouvre seulement les sites en https.",
        ),
        ("bonjour", "Cette adresse n'est pas valide. Vérifiez-la."),
        ("", "Tapez d'abord une adresse."),
    ):
        page.address.clear()
        type_into(qtbot, kiosk, page.address, typed)
        touch(kiosk.window, page.open_button)
        assert page.message.text() == said
        assert kiosk.browsing.address_screen is None

    page.address.clear()
    type_into(qtbot, kiosk, page.address, f"127.0.0.1:{tls_site.port}/accueil")
    touch(kiosk.window, page.open_button)
    screen = kiosk.browsing.address_screen
    assert screen is not None and kiosk.window.screens.currentWidget() is screen
    assert screen.page.rules == SiteRules.assisted()
    # The browser went to the https address; its certificate is none Chromium trusts: refused, calmly.
    qtbot.waitUntil(screen.notice.isVisible, timeout=15000)
    assert tls_site.connections >= 1
    assert screen.notice.title.text() == "Cette page n'est pas sûre."
    assert kiosk.assisted.banner.isVisible()
    touch(kiosk.window, kiosk.assisted.banner.quit_button)  # the relock closes it
    assert kiosk.browsing.address_screen is None
    assert kiosk.window.screens.currentWidget() is kiosk.home


def test_an_advisors_page_goes_where_a_shortcut_could_not_and_the_session_end_closes_it(
    make_kiosk, advisors, qtbot
):
    """Through the explicit test seam (`Browsing.assisted_rules`): Chromium trusts no https site on this
    machine, so loopback http sites stand in for two https sites; the address bar itself refuses http."""
    service, elsewhere = Site("service"), Site("elsewhere")
    service.other = elsewhere
    service.start()
    elsewhere.start()
    try:
        kiosk = make_kiosk()
        kiosk.browsing.assisted_rules = SiteRules(
            (f"127.0.0.1:{service.port}", f"127.0.0.1:{elsewhere.port}"), (), allow_http=True, any_https=True
        )
        unlock(kiosk, qtbot, CAMILLE)
        kiosk.browsing.open_address(service.url("/"))
        screen = kiosk.browsing.address_screen
        qtbot.waitUntil(lambda: screen.page.title() == "service", timeout=15000)
        assert kiosk.window.top_bar.place_label.text() == "127.0.0.1"
        from tests.gui.browser.test_kiosk_browser import click_link

        click_link(qtbot, screen, "out")
        qtbot.waitUntil(lambda: screen.page.title() == "elsewhere", timeout=15000)
        touch(kiosk.window, kiosk.top_bar.end_button)
        touch(kiosk.window, kiosk.window.confirm_overlay.end_button)
        assert kiosk.browsing.address_screen is None and not kiosk.assisted.unlocked
        rows = kiosk.counter.totals().result(timeout=10)  # the session's end wrote its counts
        assert [row for row in rows if "session_ended" in row]  # counted, as any session
        assert not [row for row in rows if "shortcut_opened" in row or "navigation_blocked" in row]
    finally:
        service.stop()
        elsewhere.stop()


def a_code() -> str:
    contents, problems = load_all_contents()
    assert not problems
    content = contents[max(contents)]
    levels = ("autonome",) * len(content.areas)
    from kiosk.diagnostic.engine import group_of

    result = Result(content.version, levels, group_of(content, levels, False), frozenset(), False)
    return encode(result, content)


def test_a_diagnostic_code_is_read_back_in_plain_words(make_kiosk, advisors, qtbot):
    kiosk = make_kiosk()
    unlock(kiosk, qtbot, CAMILLE)
    page = open_tool(kiosk, "code")
    assert isinstance(page, CodePage)
    code = a_code()
    type_into(qtbot, kiosk, page.code, code.lower().replace("-", " "))  # as a person may type it
    touch(kiosk.window, page.read_button)
    qtbot.waitUntil(lambda: f"Code : {code}" in page.result.toPlainText(), timeout=10000)
    text = page.result.toPlainText()
    assert "Niveau par domaine :" in text and "Groupe :" in text and "Aucun besoin indiqué." in text
    assert_fits(kiosk.window)
    wrong = code[:-1] + ("0" if code[-1] != "0" else "1")  # one character changed
    page.code.clear()
    type_into(qtbot, kiosk, page.code, wrong)
    touch(kiosk.window, page.read_button)
    invalid = "Ce code n'est pas valide. Vérifiez chaque caractère."
    qtbot.waitUntil(lambda: page.result.toPlainText() == invalid, timeout=10000)
    touch(kiosk.window, kiosk.assisted.banner.quit_button)
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    assert not shiboken6.isValid(page)  # nothing of the code stays after the relock: the page is gone


def test_without_a_hub_the_calls_page_says_so(make_kiosk, advisors, qtbot):
    kiosk = make_kiosk()
    unlock(kiosk, qtbot, CAMILLE)
    page = open_tool(kiosk, "calls")
    assert page.list.toPlainText() == "Ce site n'a pas de serveur central."
    assert not page.refresh_button.isVisible()


@pytest.fixture
def calls_hub():
    """A stand-in for the hub's `GET /api/v1/help-calls` (another engineer's endpoint), for this terminal's
    token; `answer` is what it says."""
    state = {"answer": (200, [])}

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            status, body = state["answer"]
            if self.path != "/api/v1/help-calls" or self.headers.get("Authorization") != "Bearer jeton":
                status, body = 404, {}
            data = json.dumps(body).encode()
            self.send_response(status)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(data)))
            self.end_headers()
            self.wfile.write(data)

        def log_message(self, *args) -> None:
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    state["url"] = f"http://127.0.0.1:{server.server_address[1]}/"
    yield state
    server.shutdown()
    server.server_close()


def test_the_sites_open_calls_are_listed_from_the_hub(make_kiosk, config, advisors, calls_hub, qtbot):
    site = msgspec.structs.replace(config.site, hub_url=calls_hub["url"], hub_token="jeton")
    kiosk = make_kiosk(dataclasses.replace(config, site=site))
    unlock(kiosk, qtbot, CAMILLE)
    page = open_tool(kiosk, "calls")
    none = "Aucune demande d'aide en cours sur ce site."
    qtbot.waitUntil(lambda: page.list.toPlainText() == none, timeout=10000)
    calls_hub["answer"] = (
        200,
        [
            {"call_id": "1", "ticket": "A-07", "topic": "imprimer", "state": "seen", "terminal_id": "borne-1",
             "created_at": "2026-12-02T08:14:00+00:00"},
            {"call_id": "2", "ticket": "A-08", "topic": None, "state": "sent", "terminal_id": "borne-2",
             "created_at": "2026-12-02T08:20:00+00:00"},
        ],
    )  # fmt: skip
    touch(kiosk.window, page.refresh_button)
    qtbot.waitUntil(lambda: page.list.toPlainText().startswith("A-07"), timeout=10000)
    first, second = page.list.toPlainText().splitlines()
    assert first.startswith("A-07 : Imprimer ou scanner, vue par un conseiller. Borne borne-1, à ")
    assert second.startswith("A-08 : sans sujet, pas encore vue. Borne borne-2, à ")
    calls_hub["answer"] = (500, {})
    touch(kiosk.window, page.refresh_button)
    qtbot.waitUntil(
        lambda: page.list.toPlainText() == "Le serveur central ne répond pas. Réessayez dans un moment.",
        timeout=10000,
    )
    assert_fits(kiosk.window)


def test_the_technician_reloads_the_configuration(make_kiosk, paths, advisors, qtbot):
    kiosk = make_kiosk()
    unlock(kiosk, qtbot, NOAH)
    quits = []
    kiosk.quit = lambda: quits.append("quit")  # the real one ends Qt's event loop, the tests' own
    site_file = paths.config_dir / "site.yaml"
    good = site_file.read_text()
    site_file.write_text(good + "printer_name: KioskPDF\n")  # a key that does not exist
    page = open_tool(kiosk, "reload")
    one = "La configuration a un problème. La borne garde celle qui marche."
    qtbot.waitUntil(lambda: page.verdict.text() == one, timeout=10000)
    assert "printer_name" in page.problems.toPlainText()
    assert "site.yaml" in page.problems.toPlainText()
    assert_fits(kiosk.window)
    qtbot.wait(2500)
    assert quits == [] and not kiosk.restart_requested  # a bad config: the kiosk runs on
    site_file.write_text(good)
    touch(kiosk.window, page.again_button)
    qtbot.waitUntil(
        lambda: page.verdict.text() == "La configuration est valide. La borne redémarre pour l'appliquer.",
        timeout=10000,
    )
    qtbot.waitUntil(lambda: quits == ["quit"], timeout=5000)
    assert kiosk.restart_requested  # run() then starts the same command again (os.execv)


def test_the_technician_quits_to_the_desktop_and_the_advisor_ends_the_session(make_kiosk, advisors, qtbot):
    kiosk = make_kiosk()
    quits = []
    kiosk.quit = lambda: quits.append("quit")
    unlock(kiosk, qtbot, NOAH)
    open_tool(kiosk, "quit")
    assert quits == ["quit"] and not kiosk.restart_requested
    touch(kiosk.window, kiosk.assisted.banner.quit_button)

    unlock(kiosk, qtbot, CAMILLE)
    assert kiosk.session.active
    open_tool(kiosk, "end_session")
    overlay = kiosk.window.confirm_overlay
    assert overlay.isVisible()  # the usual confirmation, naming what the visitor would lose
    touch(kiosk.window, overlay.end_button)
    assert not kiosk.session.active and not kiosk.assisted.unlocked
