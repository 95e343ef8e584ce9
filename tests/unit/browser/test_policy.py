"""The navigation policy (kiosk.browser.policy): pure, no Qt."""

import subprocess
import sys
from pathlib import Path

import pytest

from kiosk.browser.policy import (
    FRAME_NOTICE_URL,
    REASONS,
    Decision,
    NavigationKind,
    SiteRules,
    decide,
    host_of,
)
from kiosk.config import check_config, load_config
from kiosk.config.schema import OfflineHelp, Shortcut
from kiosk.resources import bundled_shortcuts

BUNDLED = bundled_shortcuts()
IDP = ("franceconnect.gouv.fr", "*.franceconnect.gouv.fr")
CAF = SiteRules(("caf.fr", "*.caf.fr"), IDP)
CAF_HTTP = SiteRules(("caf.fr", "*.caf.fr"), IDP, allow_http=True)
LOCAL = SiteRules(("127.0.0.1:8123", "localhost"), ())
CAF_CAPTCHA = SiteRules(("caf.fr", "*.caf.fr"), IDP, embeddable_domains=("*.captcha.eu", "paiement.fr"))

# (main frame?, navigation): every way a page can come to fill the kiosk, and the frame case
TOP_LEVEL = [(True, n) for n in NavigationKind] + [(False, NavigationKind.NEW_WINDOW)]
EVERYWHERE = [*TOP_LEVEL, (False, NavigationKind.LINK), (False, NavigationKind.OTHER)]
WHERE = pytest.mark.parametrize(("main_frame", "navigation"), EVERYWHERE)


def top(url: str, rules: SiteRules = CAF) -> Decision:
    return decide(url, rules, NavigationKind.LINK)


def frame(url: str, rules: SiteRules = CAF) -> Decision:
    return decide(url, rules, NavigationKind.LINK, main_frame=False)


def new_window(url: str, rules: SiteRules = CAF) -> Decision:
    return decide(url, rules, NavigationKind.NEW_WINDOW, main_frame=False)


ALLOWED = Decision(True, "allowed")


def refused(reason: str) -> Decision:
    return Decision(False, reason)


# --- domains ----------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "url",
    [
        "https://caf.fr/",
        "https://www.caf.fr/",
        "https://wwwd.caf.fr/wps/portal/caffr/login",
        "https://a.b.caf.fr/x?y=1#z",
        "https://www.caf.fr:443/",
        "https://franceconnect.gouv.fr/",
        "https://app.franceconnect.gouv.fr/api/v1/authorize?x=1",
    ],
)
def test_own_domains_and_identity_providers_are_allowed(url: str) -> None:
    assert top(url) == ALLOWED
    assert new_window(url) == ALLOWED


@pytest.mark.parametrize(
    "url",
    [
        "https://impots-gouv.remboursement.com/",
        "https://caf.fr.evil.com/",
        "https://www.caf.fr.evil.com/",
        "https://evilcaf.fr/",
        "https://www.evilcaf.fr/",
        "https://caf.fr-aides.com/",
        "https://caf.com/",
        "https://fr/",
        "https://franceconnect.gouv.fr.evil.com/",
        "https://ameli.fr/",
    ],
)
def test_lookalike_and_other_domains_are_refused_at_top_level(url: str) -> None:
    assert top(url) == refused("domain")
    assert new_window(url) == refused("domain")
    assert decide(url, CAF, NavigationKind.REDIRECT) == refused("domain")


def test_a_bare_pattern_is_that_host_only() -> None:
    rules = SiteRules(("caf.fr",), ())
    assert top("https://caf.fr/") == ALLOWED
    assert top("https://www.caf.fr/", rules) == refused("domain")
    rules = SiteRules(("*.caf.fr",), ())
    assert top("https://www.caf.fr/", rules) == ALLOWED
    assert top("https://caf.fr/", rules) == refused("domain")


def test_identity_providers_are_allowed_for_every_bundled_shortcut(tmp_path: Path) -> None:
    config = load_config(None, BUNDLED, tmp_path / "lg.json").config
    assert config.shortcuts
    for shortcut in config.shortcuts:
        rules = SiteRules.for_shortcut(shortcut, config.identity_providers)
        assert top(shortcut.url, rules) == ALLOWED, shortcut.id
        for provider in ("https://franceconnect.gouv.fr/", "https://app.franceconnect.gouv.fr/login"):
            assert top(provider, rules) == ALLOWED, shortcut.id
        assert top("https://caf.fr.evil.com/", rules) == refused("domain"), shortcut.id


def test_a_shortcut_cannot_wander_to_another_shortcuts_site(tmp_path: Path) -> None:
    config = load_config(None, BUNDLED, tmp_path / "lg.json").config
    caf = next(s for s in config.shortcuts if s.id == "caf")
    rules = SiteRules.for_shortcut(caf, config.identity_providers)
    assert top("https://www.francetravail.fr/", rules) == refused("domain")
    assert top("https://www.laposte.fr/", rules) == refused("domain")  # only its identity page is shared
    assert top("https://lidentitenumerique.laposte.fr/", rules) == ALLOWED


def test_rules_for_a_shortcut() -> None:
    shortcut = Shortcut(
        id="caf",
        label="CAF",
        description="Allocations",
        icon="users",
        url="https://www.caf.fr/",
        allowed_domains=("caf.fr", "*.caf.fr"),
        category="droits",
        offline_help=OfflineHelp(phone="3230"),
        allow_http=True,
        embeddable_domains=("*.captcha.eu",),
    )
    rules = SiteRules.for_shortcut(shortcut, iter(IDP))
    assert rules == SiteRules(
        ("caf.fr", "*.caf.fr"), IDP, allow_http=True, embeddable_domains=("*.captcha.eu",)
    )


SHORTCUTS_WITH = """\
version: 1
categories:
  - id: droits
    label: "Aides"
shortcuts:
  - id: caf
    label: "CAF"
    description: "Allocations familiales"
    icon: users
    url: "https://www.caf.fr/"
    allowed_domains: ["caf.fr", "*.caf.fr"]
    embeddable_domains: [{embeddable}]
    category: droits
    offline_help:
      phone: "3230"
"""


def test_embeddable_domains_in_shortcuts_yaml_reach_the_rules(tmp_path: Path) -> None:
    (tmp_path / "etc").mkdir()
    (tmp_path / "etc" / "shortcuts.yaml").write_text(SHORTCUTS_WITH.format(embeddable='"*.captcha.eu"'))
    config = load_config(tmp_path / "etc", BUNDLED, tmp_path / "lg.json").config
    (caf,) = config.shortcuts
    assert caf.embeddable_domains == ("*.captcha.eu",)
    rules = SiteRules.for_shortcut(caf, config.identity_providers)
    assert frame("https://www.captcha.eu/widget", rules) == ALLOWED
    assert top("https://www.captcha.eu/widget", rules) == refused("domain")


@pytest.mark.parametrize(
    "pattern", ['"https://captcha.eu/"', '"captcha"', '"*captcha.eu"', '"Captcha.EU"', "3"]
)
def test_embeddable_domains_are_checked_like_allowed_domains(tmp_path: Path, pattern: str) -> None:
    (tmp_path / "etc").mkdir()
    (tmp_path / "etc" / "shortcuts.yaml").write_text(SHORTCUTS_WITH.format(embeddable=pattern))
    problems = check_config(tmp_path / "etc", BUNDLED)
    assert len(problems) == 1, [str(p) for p in problems]
    assert "embeddable_domains" in str(problems[0])


def test_a_shortcut_without_embeddable_domains_frames_only_its_own_sites(tmp_path: Path) -> None:
    (tmp_path / "etc").mkdir()
    text = SHORTCUTS_WITH.format(embeddable="").replace("    embeddable_domains: []\n", "")
    assert "embeddable" not in text
    (tmp_path / "etc" / "shortcuts.yaml").write_text(text)
    loaded = load_config(tmp_path / "etc", BUNDLED, tmp_path / "lg.json")
    assert loaded.problems == ()
    (caf,) = loaded.config.shortcuts
    rules = SiteRules.for_shortcut(caf, loaded.config.identity_providers)
    assert rules.embeddable_domains == ()
    assert frame("https://www.caf.fr/", rules) == ALLOWED
    assert frame("https://www.captcha.eu/", rules) == refused("domain")


# --- how a host is written --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "url",
    [
        "https://WWW.CAF.FR/",
        "HTTPS://Www.Caf.Fr/",
        "https://www.caf.fr./",
        "https://CAF.FR.:443/",
        "https://user:secret@www.caf.fr/",
        "https://evil.com@www.caf.fr/",  # the host really is www.caf.fr: the browser goes there
        "  https://www.caf.fr/  ",
        "https://ｗｗｗ．ｃａｆ．ｆｒ/",  # fullwidth letters and dots map to www.caf.fr, as in Chromium
    ],
)
def test_case_trailing_dot_userinfo_and_spaces_do_not_change_the_host(url: str) -> None:
    assert top(url) == ALLOWED


@pytest.mark.parametrize(
    "url",
    [
        "https://caf.fr@evil.com/",
        "https://www.caf.fr:443@evil.com/",
        "https://www.caf.fr%40@evil.com/",
        "https://evil.com\\@www.caf.fr/",  # Chromium reads the backslash as a slash: host evil.com
        "https://evil.com\\www.caf.fr/",
        "https://evil.com/https://www.caf.fr/",
        "https://evil.com/?next=https://www.caf.fr/",
        "https://evil.com#@www.caf.fr/",
    ],
)
def test_userinfo_and_path_tricks_are_judged_on_the_real_host(url: str) -> None:
    assert top(url) == refused("domain")
    assert host_of(url) == "evil.com"


IDN = SiteRules(("xn--lyse-9oad.fr", "*.xn--lyse-9oad.fr"), ())  # élysée.fr


@pytest.mark.parametrize(
    "url",
    [
        "https://élysée.fr/",
        "https://ÉLYSÉE.FR/",
        "https://www.élysée.fr/",
        "https://xn--lyse-9oad.fr/",
        "https://XN--LYSE-9OAD.FR./",
    ],
)
def test_idna_unicode_and_ascii_forms_match_the_pattern(url: str) -> None:
    assert top(url, IDN) == ALLOWED


def test_a_unicode_pattern_matches_both_forms() -> None:
    rules = SiteRules(("élysée.fr",), ())
    assert top("https://xn--lyse-9oad.fr/", rules) == ALLOWED
    assert top("https://élysée.fr/", rules) == ALLOWED


@pytest.mark.parametrize(
    "url",
    [
        "https://çaf.fr/",  # a unicode lookalike of caf.fr is another domain (xn--af-yia.fr)
        "https://cаf.fr/",  # Cyrillic а
        "https://xn--caf-dma.fr/",
    ],
)
def test_unicode_lookalikes_are_other_domains(url: str) -> None:
    assert top(url) == refused("domain")


def test_idna_deviation_characters_are_refused() -> None:
    # ß and ς map differently in IDNA 2003 (Python) and UTS 46 (Chromium): never guess
    rules = SiteRules(("strasse.fr", "xn--strae-oqa.fr"), ())
    assert top("https://straße.fr/", rules) == refused("malformed")
    assert top("https://xn--strae-oqa.fr/", rules) == ALLOWED


@pytest.mark.parametrize(
    ("url", "host"),
    [
        ("https://WWW.Caf.FR./x", "www.caf.fr"),
        ("https://élysée.fr/", "xn--lyse-9oad.fr"),
        ("https://a:b@caf.fr:8443/", "caf.fr"),
        ("https://[::1]:8123/", "::1"),
        ("https://[0:0::1]/", "::1"),
        ("about:blank", None),
        ("https:///x", None),
        ("not a url", None),
    ],
)
def test_host_of(url: str, host: str | None) -> None:
    assert host_of(url) == host


# --- IP addresses and ports -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "url",
    [
        "https://127.0.0.1/",
        "https://10.0.0.1/",
        "https://[::1]/",
        "https://2130706433/",  # 127.0.0.1 written as one number
        "https://0x7f.0.0.1/",
        "https://127.1/",
    ],
)
def test_ip_hosts_are_refused_unless_named(url: str) -> None:
    assert top(url) == refused("domain")
    assert top(url, SiteRules(("*.0.0.1", "*.1"), ())) == refused("domain")  # never by a wildcard


def test_an_ip_named_by_a_pattern_is_allowed() -> None:
    rules = SiteRules(("127.0.0.1", "[::1]"), ())
    assert top("https://127.0.0.1/", rules) == ALLOWED
    assert top("https://127.0.0.1:9999/", rules) == ALLOWED
    assert top("https://[::1]:8123/", rules) == ALLOWED
    assert top("https://[0:0:0:0:0:0:0:1]/", rules) == ALLOWED
    assert top("https://127.0.0.2/", rules) == refused("domain")
    assert top("https://2130706433/", rules) == refused("domain")


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        ("https://127.0.0.1:8123/", ALLOWED),
        ("https://127.0.0.1:8123/page?x=1", ALLOWED),
        ("https://127.0.0.1:8124/", refused("domain")),  # "another site" on another port
        ("https://127.0.0.1/", refused("domain")),  # no port: 443
        ("https://localhost/", ALLOWED),  # a pattern without a port: any port
        ("https://localhost:8124/", ALLOWED),
        ("https://127.0.0.1:99999/", refused("malformed")),
        ("https://127.0.0.1:abc/", refused("malformed")),
    ],
)
def test_a_pattern_with_a_port_matches_that_port_only(url: str, expected: Decision) -> None:
    assert top(url, LOCAL) == expected


def test_default_ports_count_for_patterns_with_a_port() -> None:
    rules = SiteRules(("caf.fr:443", "*.ameli.fr:80"), (), allow_http=True)
    assert top("https://caf.fr/", rules) == ALLOWED
    assert top("https://caf.fr:8443/", rules) == refused("domain")
    assert top("http://www.ameli.fr/", rules) == ALLOWED
    assert top("https://www.ameli.fr/", rules) == refused("domain")


# --- http -------------------------------------------------------------------------------------------------


@WHERE
def test_http_is_refused_without_allow_http(main_frame: bool, navigation: NavigationKind) -> None:
    for url in ("http://www.caf.fr/", "http://franceconnect.gouv.fr/", "http://recaptcha.net/"):
        assert decide(url, CAF, navigation, main_frame) == refused("not-https")


def test_http_is_allowed_with_allow_http_to_the_same_hosts() -> None:
    assert top("http://www.caf.fr/", CAF_HTTP) == ALLOWED
    assert new_window("http://franceconnect.gouv.fr/", CAF_HTTP) == ALLOWED
    assert top("http://evil.com/", CAF_HTTP) == refused("domain")
    assert frame("http://www.caf.fr/", CAF_HTTP) == ALLOWED
    assert frame("http://captcha.example.com/", CAF_HTTP) == refused("domain")
    local = SiteRules(("127.0.0.1:8123",), (), allow_http=True)
    assert top("http://127.0.0.1:8123/", local) == ALLOWED
    assert top("http://127.0.0.1:8124/", local) == refused("domain")


# --- schemes ----------------------------------------------------------------------------------------------

NEVER = [
    "file:///etc/passwd",
    "file://localhost/home/kiosk/",
    "FILE:///etc/passwd",
    "view-source:https://www.caf.fr/",
    "chrome://settings/",
    "chrome://gpu",
    "chrome-extension://abcdef/page.html",
    "devtools://devtools/bundled/inspector.html",
    "ftp://ftp.caf.fr/file.pdf",
    "javascript:alert(1)",
    "JavaScript:alert(1)",
    " javascript:alert(1)",
    "java\tscript:alert(1)",
    "qrc:/other/page.html",
    "qrc:/kiosk",
    "qrc:/kiosk/../secret.html",
    "qrc:/kiosk/%2e%2e/secret.html",
    "qrc:/kiosk/./page.html",
    "qrc://kiosk/page.html",
    "qrc:kiosk/page.html",
    "about:settings",
    "about:version",
    "about:blank/../settings",
    "mailto:contact@caf.fr",
    "tel:3230",
    "intent://scan/#Intent;scheme=zxing;end",
    "filesystem:https://www.caf.fr/temporary/x",
    "ws://www.caf.fr/",
    "wss://www.caf.fr/",
]


@WHERE
@pytest.mark.parametrize("url", NEVER)
def test_forbidden_schemes_are_refused_everywhere(
    url: str, main_frame: bool, navigation: NavigationKind
) -> None:
    assert decide(url, CAF_HTTP, navigation, main_frame) == refused("scheme")


@WHERE
@pytest.mark.parametrize(
    "url",
    ["about:blank", "about:blank#top", "qrc:/kiosk/refused.html", "qrc:///kiosk/offline.html?id=caf"],
)
def test_about_blank_and_kiosk_pages_are_allowed_everywhere(
    url: str, main_frame: bool, navigation: NavigationKind
) -> None:
    assert decide(url, CAF, navigation, main_frame) == ALLOWED


@pytest.mark.parametrize(
    "url",
    [
        "data:text/html,<h1>Votre compte est bloqué</h1>",
        "data:text/html;base64,PGgxPkhpPC9oMT4=",
        "DATA:text/html,x",
        "data:application/pdf;base64,JVBERi0=",
        "about:srcdoc",
        "blob:null/1f6c4b8e-0000-4000-8000-000000000000",
        FRAME_NOTICE_URL,
        "KIOSK:frame-refused",
    ],
)
def test_frame_only_schemes(url: str) -> None:
    assert frame(url) == ALLOWED
    for main_frame, navigation in TOP_LEVEL:
        assert decide(url, CAF, navigation, main_frame) == refused("scheme")


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        ("blob:https://www.caf.fr/1f6c4b8e-0000-4000-8000-000000000000", ALLOWED),
        ("blob:https://app.franceconnect.gouv.fr/1f6c", ALLOWED),
        ("blob:https://evil.com/1f6c4b8e", refused("domain")),
        ("blob:https://caf.fr@evil.com/1f6c4b8e", refused("domain")),
        ("blob:http://www.caf.fr/1f6c4b8e", refused("not-https")),
        ("blob:file:///etc/passwd", refused("scheme")),
        ("blob:", refused("scheme")),
    ],
)
def test_blob_is_judged_as_its_origin(url: str, expected: Decision) -> None:
    assert top(url) == expected
    assert new_window(url) == expected
    assert frame(url) == expected


def test_a_frame_blob_may_come_from_an_embeddable_site() -> None:
    assert frame("blob:https://www.captcha.eu/1f6c", CAF_CAPTCHA) == ALLOWED
    assert top("blob:https://www.captcha.eu/1f6c", CAF_CAPTCHA) == refused("domain")


# --- frames -----------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "url",
    [
        "https://www.caf.fr/widget",
        "https://caf.fr/",
        "https://app.franceconnect.gouv.fr/bouton",
        "https://www.captcha.eu/api/anchor?k=x",
        "https://paiement.fr/3ds",
        "https://PAIEMENT.FR./3ds",
    ],
)
def test_frames_may_show_the_shortcut_its_identity_providers_and_its_embeddable_sites(
    url: str,
) -> None:
    assert frame(url, CAF_CAPTCHA) == ALLOWED
    assert decide(url, CAF_CAPTCHA, NavigationKind.REDIRECT, main_frame=False) == ALLOWED


@pytest.mark.parametrize(
    "url",
    [
        "https://www.google.com/recaptcha/api2/anchor?k=x",
        "https://paiement.example-psp.com/3ds",
        "https://caf.fr.evil.com/",
        "https://captcha.eu/",  # "*.captcha.eu" is its subdomains only
        "https://www.paiement.fr/",  # "paiement.fr" is that host only
        "https://paiement.fr@evil.com/",
        "https://127.0.0.1:9000/",
    ],
)
@pytest.mark.parametrize("navigation", list(NavigationKind))
def test_frames_from_other_sites_are_refused(url: str, navigation: NavigationKind) -> None:
    assert decide(url, CAF_CAPTCHA, navigation, main_frame=False) == refused("domain")


@pytest.mark.parametrize(
    "url", ["https://www.captcha.eu/", "https://paiement.fr/", "blob:https://paiement.fr/1"]
)
def test_embeddable_sites_are_never_top_level_pages(url: str) -> None:
    for main_frame, navigation in TOP_LEVEL:
        assert decide(url, CAF_CAPTCHA, navigation, main_frame) == refused("domain")


def test_embeddable_patterns_may_name_an_ip_and_a_port() -> None:
    rules = SiteRules(("127.0.0.1:8123",), (), allow_http=True, embeddable_domains=("127.0.0.1:8124",))
    assert frame("http://127.0.0.1:8124/framed", rules) == ALLOWED
    assert frame("http://127.0.0.1:8125/framed", rules) == refused("domain")
    assert top("http://127.0.0.1:8124/", rules) == refused("domain")


def test_an_embeddable_site_over_http_needs_allow_http() -> None:
    assert frame("http://www.captcha.eu/", CAF_CAPTCHA) == refused("not-https")


@pytest.mark.parametrize(
    "url",
    ["kiosk:frame-refused?x=1", "kiosk:other", "kiosk://frame-refused", "kiosk:/frame-refused", "kiosk:"],
)
@WHERE
def test_only_the_notice_page_of_the_kiosk_scheme_is_allowed_and_in_frames_only(
    url: str, main_frame: bool, navigation: NavigationKind
) -> None:
    assert decide(url, CAF, navigation, main_frame) == refused("scheme")


# --- kinds of navigation ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "url",
    [
        "https://www.caf.fr/",
        "https://evil.com/",
        "https://franceconnect.gouv.fr/",
        "http://www.caf.fr/",
        "https://caf.fr@evil.com/",
        "data:text/html,x",
        "file:///etc/passwd",
        "about:blank",
        "blob:https://evil.com/1",
    ],
)
def test_every_main_frame_navigation_is_judged_alike(url: str) -> None:
    link = decide(url, CAF, NavigationKind.LINK)
    for navigation in NavigationKind:
        assert decide(url, CAF, navigation) == link, navigation


def test_a_redirect_chain_is_judged_hop_by_hop() -> None:
    chain = ["https://www.caf.fr/go", "https://franceconnect.gouv.fr/auth", "https://evil.com/"]
    decisions = [decide(url, CAF, NavigationKind.REDIRECT) for url in chain]
    assert decisions == [ALLOWED, ALLOWED, refused("domain")]


def test_a_new_window_is_top_level_even_when_not_in_the_main_frame() -> None:
    assert new_window("https://www.captcha.eu/", CAF_CAPTCHA) == refused("domain")
    assert new_window("data:text/html,x") == refused("scheme")
    assert new_window(FRAME_NOTICE_URL) == refused("scheme")
    assert frame("https://www.captcha.eu/", CAF_CAPTCHA) == ALLOWED


# --- malformed --------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "url",
    [
        "",
        "   ",
        "www.caf.fr",
        "//www.caf.fr/",
        "/relative/path",
        "https://",
        "https:///path",
        "https:www.caf.fr",
        "https://www.caf.fr:99999/",
        "https://www.caf.fr:port/",
        "https://ca f.fr/",
        "https://caf.fr%2f.evil.com/",
        "https://caf..fr/",
        "https://-caf.fr/",
        "https://caf.fr／evil.com/",  # a fullwidth slash
        "https://[evil.com]/",
        "https://[::1/",
    ],
)
@pytest.mark.parametrize("main_frame", [True, False])
def test_malformed_urls_are_refused(url: str, main_frame: bool) -> None:
    assert decide(url, CAF, NavigationKind.LINK, main_frame) == refused("malformed")


# --- the module -------------------------------------------------------------------------------------------


def test_reasons_are_a_fixed_list() -> None:
    assert REASONS == ("allowed", "scheme", "not-https", "domain", "malformed")


def test_policy_imports_nothing_from_qt() -> None:
    code = "import sys, kiosk.browser.policy; print(sorted(m for m in sys.modules if 'PySide6' in m))"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "[]"
