"""The workshops pages (/ateliers) on a real hub on loopback: login required, CSRF, a refused code said in
plain French, a repeated code, a proposal with every code once and nothing about a person, no code left in
the database, and both pages in headless Chromium: a code typed with Enter joins the list without a new
page, the camera button stays hidden where the browser has no BarcodeDetector, and the printed list shows
no button (screenshots kept)."""

from __future__ import annotations

import html
import os
import re
from collections import Counter
from pathlib import Path

import pytest

from tests.e2e.hub import chromium
from tests.e2e.hub.pages_data import Browser, add_user, csrf_of
from tests.hub_on_loopback import running_hub, sqlite_url
from tests.unit.hub.test_workshops import ADVANCED, BEGINNER, BEGINNERS, MIDDLE_NET, MIDDLE_PAPERS

PLAIN_HTTP = {"ILOT_HUB_INSECURE_COOKIES": "1"}
SHOTS = Path(os.environ.get("ILOT_SCREENSHOTS", "/tmp/ilot-hub-screenshots"))
REFUSED = "Ce code n&#39;est pas valide. Vérifiez les 8 caractères."
CODES = [*BEGINNERS[:20], MIDDLE_NET, MIDDLE_PAPERS, ADVANCED, BEGINNER]


@pytest.fixture(scope="module")
def hub(tmp_path_factory):
    url = sqlite_url(tmp_path_factory.mktemp("hub"))
    assert add_user(url, "conseil@example.org").returncode == 0
    with running_hub(url, env=PLAIN_HTTP) as base:
        yield url, base


def logged_in(base: str) -> tuple[Browser, str]:
    browser = Browser(base, "192.0.2.60")
    assert browser.login("conseil@example.org").status_code == 303
    page = browser.get("/ateliers")
    assert page.status_code == 200
    return browser, csrf_of(page.text)


def listed(page: str) -> list[str]:
    return re.findall(r'<input type="hidden" name="codes" value="([^"]+)">', page)


def said(page: str) -> list[tuple[str, str]]:
    return re.findall(r'<li class="(good|warning|bad)">([^<]*)</li>', page)


def test_the_pages_need_a_login_and_every_post_its_csrf_token(hub):
    _url, base = hub
    stranger = Browser(base, "192.0.2.61")
    assert (
        stranger.get("/ateliers", allow_redirects=False).headers["location"] == "/connexion?suite=/ateliers"
    )
    browser, _csrf = logged_in(base)
    answer = browser.post("/ateliers", data={"code": BEGINNER, "csrf": "not-this-one"})
    assert answer.status_code == 403 and "expiré" in answer.text
    assert browser.post("/ateliers/groupes", data={"codes": [BEGINNER]}).status_code == 403


def test_the_entry_page_says_the_hub_keeps_no_code_and_allows_only_its_own_script(hub):
    _url, base = hub
    browser, _csrf = logged_in(base)
    answer = browser.get("/ateliers")
    page = answer.text
    assert "Le hub ne garde pas ces codes." in page
    assert '<input id="code" name="code"' in page and "autofocus" in page
    assert re.search(r'<button type="button" id="camera" class="secondary" hidden>', page)
    policy = answer.headers["content-security-policy"]
    assert "script-src 'self';" in policy and "default-src 'none'" in policy and "unsafe" not in policy
    assert answer.headers["cache-control"] == "no-store"
    assert re.findall(r"<script[^>]*>", page) == ['<script src="/static/ateliers.js" defer>']
    script = browser.get("/static/ateliers.js")
    assert script.status_code == 200 and "BarcodeDetector" in script.text
    assert "http" not in script.text.replace("https://", "").replace(
        "http://", ""
    )  # nothing fetched elsewhere
    assert '<a href="/ateliers" aria-current="page">Ateliers</a>' in page


def test_a_refused_code_is_said_in_plain_french_and_the_list_keeps_what_it_had(hub):
    _url, base = hub
    browser, csrf = logged_in(base)
    one_wrong = MIDDLE_NET[:-1] + ("0" if MIDDLE_NET[-1] != "0" else "1")
    page = browser.post("/ateliers", data={"csrf": csrf, "codes": [BEGINNER], "code": one_wrong}).text
    assert said(page) == [("bad", f"« {one_wrong} » : {REFUSED}")]
    assert listed(page) == [BEGINNER]
    page = browser.post("/ateliers", data={"csrf": csrf, "codes": [BEGINNER], "code": "  "}).text
    assert said(page) == [("warning", "Aucun code reçu. Tapez un code, puis appuyez sur Entrée.")]


def test_codes_are_added_one_by_one_or_pasted_and_a_repeated_code_is_said(hub):
    _url, base = hub
    browser, csrf = logged_in(base)
    page = browser.post("/ateliers", data={"csrf": csrf, "code": BEGINNER.lower().replace("-", "")}).text
    assert listed(page) == [BEGINNER] and said(page) == [("good", f"Code ajouté : {BEGINNER}.")]
    pasted = f"{MIDDLE_NET}\n{ADVANCED.replace('-', ' ')}, {BEGINNER}; pas-un-code"
    page = browser.post("/ateliers", data={"csrf": csrf, "codes": listed(page), "colle": pasted}).text
    assert listed(page) == [BEGINNER, MIDDLE_NET, ADVANCED]
    assert said(page) == [
        ("good", "2 codes ajoutés."),
        ("warning", f"Le code {BEGINNER} est déjà dans la liste. Il n&#39;est pas ajouté deux fois."),
        ("bad", f"« pas-un-code » : {REFUSED}"),
    ]
    assert f'name="encore" value="{BEGINNER}"' in page  # another person may have the same results
    page = browser.post("/ateliers", data={"csrf": csrf, "codes": listed(page), "encore": BEGINNER}).text
    assert Counter(listed(page)) == Counter({BEGINNER: 2, MIDDLE_NET: 1, ADVANCED: 1})
    page = browser.post("/ateliers", data={"csrf": csrf, "codes": listed(page), "retirer": BEGINNER}).text
    assert listed(page) == [BEGINNER, MIDDLE_NET, ADVANCED]
    page = browser.post("/ateliers", data={"csrf": csrf, "codes": listed(page), "vider": "1"}).text
    assert listed(page) == [] and "Aucun code pour l'instant." in page


def test_a_list_changed_by_hand_is_refused_whole(hub):
    _url, base = hub
    browser, csrf = logged_in(base)
    page = browser.post("/ateliers", data={"csrf": csrf, "codes": [BEGINNER, "<b>AAAA-AAAA"]}).text
    assert listed(page) == [] and "<b>" not in page
    assert said(page)[0][0] == "bad" and "La liste reçue n&#39;est pas valide." in said(page)[0][1]
    too_many = browser.post("/ateliers", data={"csrf": csrf, "codes": [BEGINNER] * 401}).text
    assert listed(too_many) == [] and "La liste reçue n&#39;est pas valide." in said(too_many)[0][1]


def test_the_proposal_lists_every_code_once_in_homogeneous_workshops_and_nothing_else(hub):
    _url, base = hub
    browser, csrf = logged_in(base)
    answer = browser.post("/ateliers/groupes", data={"csrf": csrf, "codes": CODES, "taille": "8"})
    assert answer.status_code == 200
    page = answer.text
    titles = re.findall(r"<h2>Atelier (\d+) · ([^·]+) · (\d+) personnes?</h2>", page)
    assert [(n, g.strip()) for n, g, _ in titles] == [
        ("1", "Débutant"),
        ("2", "Débutant"),
        ("3", "Débutant"),
        ("4", "Intermédiaire"),
        ("5", "Avancé"),
    ]
    assert [int(size) for *_, size in titles] == [7, 7, 7, 2, 1]
    shown = re.findall(r"<li>([0-9A-Z]{4}-[0-9A-Z]{4})</li>", page)
    assert Counter(shown) == Counter(CODES)
    assert "Moins de 6 personnes." in page
    assert "Internet et la recherche" in page and "recevoir un code par SMS" in page
    assert "Le hub ne garde pas ces groupes" in page
    # Back to the list with every code, and the size as chosen.
    back = browser.post("/ateliers", data={"csrf": csrf, "codes": CODES, "taille": "5", "retour": "1"}).text
    assert listed(back) == CODES and said(back) == [] and 'value="5"' in back
    smaller = browser.post("/ateliers/groupes", data={"csrf": csrf, "codes": CODES, "taille": "5"}).text
    sizes = [int(s) for s in re.findall(r"<h2>Atelier \d+ · [^·]+ · (\d+) personnes?</h2>", smaller)]
    assert max(sizes) <= 5 and sum(sizes) == len(CODES)


def test_a_proposal_without_codes_or_with_a_wrong_size_says_what_to_do(hub):
    _url, base = hub
    browser, csrf = logged_in(base)
    answer = browser.post("/ateliers/groupes", data={"csrf": csrf})
    assert answer.status_code == 400
    assert said(answer.text) == [
        ("warning", "La liste est vide. Ajoutez des codes avant de proposer des groupes.")
    ]
    answer = browser.post("/ateliers/groupes", data={"csrf": csrf, "codes": CODES, "taille": "100"})
    assert answer.status_code == 400 and listed(answer.text) == CODES
    assert said(answer.text) == [
        ("bad", "Choisissez un nombre de personnes de 2 à 20. Le nombre 8 est gardé.")
    ]


def test_the_hub_keeps_none_of_the_codes(hub):
    url, base = hub
    browser, csrf = logged_in(base)
    browser.post("/ateliers", data={"csrf": csrf, "codes": CODES[:-1], "code": CODES[-1]})
    browser.post("/ateliers/groupes", data={"csrf": csrf, "codes": CODES})
    files = Path(url.removeprefix("sqlite:///")).parent.glob("hub.db*")
    raw = b"".join(path.read_bytes() for path in files)
    assert raw  # the database is there, with the user and the sessions
    for code in CODES:
        assert code.encode() not in raw and code.replace("-", "").encode() not in raw


@pytest.mark.skipif(not chromium.available(), reason="needs chromium from Debian (tools/bootstrap.sh test)")
def test_in_chromium_a_code_joins_the_list_without_a_new_page_and_the_printed_list_has_no_button(hub):
    _url, base = hub
    SHOTS.mkdir(parents=True, exist_ok=True)
    browser, _csrf = logged_in(base)
    with chromium.Chromium() as page:
        page.set_cookie("ilot_session", browser.cookies["ilot_session"], base)
        page.open(f"{base}ateliers", 1280, 900)
        page.evaluate("window.marker = 'same page'")  # gone if the page were loaded again
        for code in CODES[:-3]:
            page.evaluate(
                f"document.getElementById('code').value = {code.lower()!r};"
                "document.getElementById('code').form.requestSubmit();"
            )
        page.evaluate(f"document.getElementById('code').value = {CODES[0]!r};")  # a repeated code
        page.evaluate("document.getElementById('code').form.requestSubmit()")
        page.evaluate("document.getElementById('code').value = 'ABCD';")
        page.evaluate("document.getElementById('code').form.requestSubmit()")
        assert _wait(page, "document.querySelectorAll('#messages .bad').length === 1")
        assert page.evaluate("window.marker") == "same page"
        shown = page.evaluate("[...document.querySelectorAll('#liste .code')].map(e => e.textContent)")
        assert shown == CODES[:-3]
        messages = page.evaluate("document.getElementById('messages').innerText").splitlines()
        assert (
            messages[0] == f"« ABCD » : {html.unescape(REFUSED)}"
        )  # the newest first, the ones before below
        assert f"Le code {CODES[0]} est déjà dans la liste. Il n'est pas ajouté deux fois." in messages
        assert page.evaluate("document.activeElement.id") == "code"
        has_detector = page.evaluate("'BarcodeDetector' in window")
        assert page.evaluate("document.getElementById('camera').hidden") is not bool(has_detector)
        page.screenshot(SHOTS / "ateliers-saisie.png")
        page.open(f"{base}ateliers", 390, 844, mobile=True)
        assert page.evaluate("document.documentElement.scrollWidth") <= 390
        page.screenshot(SHOTS / "ateliers-saisie-phone.png")

        page.open(f"{base}ateliers", 1280, 900)
        pasted = "\\n".join(CODES)
        page.evaluate(f"document.getElementById('colle').value = '{pasted}';")
        page.evaluate("document.querySelector('button[value=colle]').click()")
        assert _wait(page, f"document.querySelectorAll('#liste .code').length === {len(CODES)}")
        page.evaluate("document.querySelector('button[formaction]').click()")
        assert _wait(page, "document.querySelectorAll('.workshop').length === 5")
        assert page.evaluate("document.getElementById('imprimer').hidden") is False
        page.screenshot(SHOTS / "ateliers-groupes.png")
        page.call("Emulation.setEmulatedMedia", session=True, media="print")
        shown_buttons = page.evaluate(
            "[...document.querySelectorAll('button, .top')]"
            ".filter(e => getComputedStyle(e).display !== 'none').length"
        )
        assert shown_buttons == 0
        assert page.evaluate("getComputedStyle(document.body).backgroundColor") == "rgb(255, 255, 255)"
        page.screenshot(SHOTS / "ateliers-groupes-impression.png")
        pdf = page.call("Page.printToPDF", session=True, paperWidth=8.27, paperHeight=11.69)["data"]
        assert len(pdf) > 1000


def _wait(page, condition: str, seconds: float = 10) -> bool:
    import time

    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if page.evaluate(condition):
            return True
        time.sleep(0.05)
    return False


# Debian's Chromium has no BarcodeDetector (it reads QR codes on Android, ChromeOS and macOS only): this
# stand-in answers what the test shows it, so that the page's own camera code runs on Chromium's fake
# camera. What it proves: the button shows where the API is, the camera starts, a code read joins the list
# once however many frames show it, and "Arrêter" stops the camera.
DETECTOR = """
window.BarcodeDetector = class {
  static async getSupportedFormats() { return ["qr_code", "ean_13"]; }
  constructor(options) { window.detectorFormats = options.formats; }
  async detect(video) {
    if (!(video instanceof HTMLVideoElement) || video.readyState < 2 || !window.shownCode) return [];
    return [{ rawValue: window.shownCode, format: "qr_code" }];
  }
};
"""
FAKE_CAMERA = ("--use-fake-device-for-media-stream", "--use-fake-ui-for-media-stream")


@pytest.mark.skipif(not chromium.available(), reason="needs chromium from Debian (tools/bootstrap.sh test)")
def test_in_chromium_the_camera_reads_a_code_once_where_the_browser_has_barcode_detector(hub):
    _url, base = hub
    browser, _csrf = logged_in(base)
    with chromium.Chromium(extra_args=FAKE_CAMERA) as page:
        page.set_cookie("ilot_session", browser.cookies["ilot_session"], base)
        page.call("Page.addScriptToEvaluateOnNewDocument", session=True, source=DETECTOR)
        page.open(f"{base}ateliers", 1280, 900)
        assert _wait(page, "!document.getElementById('camera').hidden")
        page.evaluate("document.getElementById('camera').click()")
        assert _wait(page, "document.getElementById('camera-video').readyState >= 2")
        assert page.evaluate("window.detectorFormats") == ["qr_code"]
        assert page.evaluate("document.getElementById('camera').hidden") is True
        assert "Montrez le carré" in page.evaluate("document.getElementById('camera-state').textContent")
        page.evaluate(f"window.shownCode = {BEGINNER!r}")
        assert _wait(page, "document.querySelectorAll('#liste .code').length === 1")
        import time

        time.sleep(1.5)  # six more frames show the same sheet: read once
        page.evaluate(f"window.shownCode = {MIDDLE_NET!r}")
        assert _wait(page, "document.querySelectorAll('#liste .code').length === 2")
        shown = page.evaluate("[...document.querySelectorAll('#liste .code')].map(e => e.textContent)")
        assert shown == [BEGINNER, MIDDLE_NET]
        assert (
            page.evaluate("document.getElementById('camera-state').textContent") == f"Code lu : {MIDDLE_NET}"
        )
        page.screenshot(SHOTS / "ateliers-camera.png", full_page=False)
        page.evaluate("window.shownCode = ''; document.getElementById('camera-stop').click()")
        assert page.evaluate("document.getElementById('camera-zone').hidden") is True
        assert page.evaluate("document.getElementById('camera-video').srcObject") is None
