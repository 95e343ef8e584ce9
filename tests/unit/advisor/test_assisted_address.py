"""The assisted mode's address bar (kiosk.advisor.assisted.address): what an advisor types becomes an https
address, or a reason it is refused."""

import pytest

from kiosk.advisor.assisted.address import Address, read_address


@pytest.mark.parametrize(
    ("typed", "url"),
    [
        ("service-public.fr", "https://service-public.fr/"),
        ("  www.caf.fr/mon-compte  ", "https://www.caf.fr/mon-compte"),
        ("https://www.ameli.fr", "https://www.ameli.fr/"),
        ("HTTPS://www.ameli.fr/a?b=1#c", "https://www.ameli.fr/a?b=1#c"),
        ("impots.gouv.fr?x=1", "https://impots.gouv.fr/?x=1"),
        ("localhost:8443/page", "https://localhost:8443/page"),
        ("127.0.0.1:4443", "https://127.0.0.1:4443/"),
        ("//example.fr/x", "https://example.fr/x"),
        ("https://[::1]:8443/", "https://[::1]:8443/"),
    ],
)
def test_an_address_becomes_https(typed, url):
    assert read_address(typed) == Address(url=url)
    assert read_address(typed).accepted


@pytest.mark.parametrize(
    ("typed", "reason"),
    [
        ("", "empty"),
        ("   ", "empty"),
        ("http://www.caf.fr/", "not-https"),
        ("HTTP://127.0.0.1:8000/", "not-https"),
        ("file:///etc/passwd", "scheme"),
        ("ftp://example.fr/", "scheme"),
        ("javascript:alert(1)", "scheme"),
        ("data:text/html,<p>x</p>", "scheme"),
        ("about:config", "scheme"),
        ("chrome://settings", "scheme"),
        ("view-source:https://example.fr/", "scheme"),
        ("mailto:someone@example.fr", "scheme"),
        ("www.caf .fr", "malformed"),
        ("https://", "malformed"),
        ("https://example.fr:99999/", "malformed"),
        ("https://example.fr:port/", "malformed"),
        ("bonjour", "malformed"),
        ("https://@/", "malformed"),
        ("a" * 3000 + ".fr", "malformed"),
        ("exa\u0000mple.fr", "malformed"),
    ],
)
def test_anything_else_is_refused_with_its_reason(typed, reason):
    found = read_address(typed)
    assert found.refused == reason
    assert not found.accepted and found.url == ""
