"""The assisted mode's navigation rule (kiosk.browser.policy, `SiteRules.assisted()`): any https site, at the
top level and in frames, and nothing else an advisor's page could reach that a visitor's could not."""

import pytest

from kiosk.browser.policy import FRAME_NOTICE_URL, Decision, NavigationKind, SiteRules, decide

ASSISTED = SiteRules.assisted()
KINDS = pytest.mark.parametrize("navigation", list(NavigationKind))
ALLOWED = Decision(True, "allowed")


@KINDS
@pytest.mark.parametrize(
    "url",
    [
        "https://www.service-public.fr/",
        "https://any.site.example/path?q=1#x",
        "https://mon-compte.pole-emploi.fr:8443/",
        "https://127.0.0.1:4443/page",
        "https://[::1]/",
        "https://bücher.example/",  # IDNA
        "blob:https://www.caf.fr/5f0c-11",  # judged as its https origin
    ],
)
def test_any_https_site_is_allowed_at_the_top_and_in_frames(url, navigation):
    assert decide(url, ASSISTED, navigation) == ALLOWED
    assert decide(url, ASSISTED, navigation, main_frame=False) == ALLOWED


@KINDS
@pytest.mark.parametrize(
    ("url", "reason"),
    [
        ("http://www.service-public.fr/", "not-https"),
        ("http://127.0.0.1:8000/", "not-https"),
        ("blob:http://example.fr/1", "not-https"),
        ("file:///etc/passwd", "scheme"),
        ("ftp://example.fr/", "scheme"),
        ("javascript:alert(1)", "scheme"),
        ("view-source:https://example.fr/", "scheme"),
        ("chrome://settings", "scheme"),
        ("devtools://devtools/", "scheme"),
        ("mailto:a@example.fr", "scheme"),
        ("qrc:/other/page.html", "scheme"),
        ("https://exa mple.fr/", "malformed"),
        ("https://example.fr:99999/", "malformed"),
        ("https:///nohost", "malformed"),
        ("https://stra\u00dfe.de/", "malformed"),  # ß: Chromium and Python disagree on the host
    ],
)
def test_everything_else_stays_refused(url, reason, navigation):
    assert decide(url, ASSISTED, navigation) == Decision(False, reason)


def test_a_top_level_data_page_is_refused_but_frames_keep_their_own_schemes():
    assert decide("data:text/html,<p>x", ASSISTED, NavigationKind.LINK) == Decision(False, "scheme")
    for url in ("data:text/html,<p>x", "about:srcdoc", FRAME_NOTICE_URL, "blob:null/1"):
        assert decide(url, ASSISTED, NavigationKind.OTHER, main_frame=False) == ALLOWED
    assert decide("about:blank", ASSISTED, NavigationKind.NEW_WINDOW) == ALLOWED


def test_the_rule_never_lets_http_through_even_with_allow_http():
    """`any_https` widens the hosts, never the schemes: a rule with both opens http only where its
    domains say."""
    both = SiteRules(("caf.fr",), (), allow_http=True, any_https=True)
    assert decide("https://elsewhere.fr/", both, NavigationKind.LINK) == ALLOWED
    assert decide("http://elsewhere.fr/", both, NavigationKind.LINK) == Decision(False, "domain")
    assert decide("http://caf.fr/", both, NavigationKind.LINK) == ALLOWED


def test_a_shortcuts_rules_are_unchanged():
    rules = SiteRules(("caf.fr",), ())
    assert not rules.any_https
    assert decide("https://elsewhere.fr/", rules, NavigationKind.LINK) == Decision(False, "domain")
