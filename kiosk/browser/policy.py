"""Where the embedded browser may go: a URL string in, a `Decision` out. Pure: no Qt.

The page asks `decide()` on every navigation request, of the page or of a frame in it: typed loads, clicks,
each redirect hop, back/forward, reloads, and the first load of a new window; its frame guard asks again for
every frame's document request (kiosk.browser.frames). The kind of navigation changes nothing except that a
new window is always judged as a top-level page: a redirect, a reload or the history cannot launder a URL.

- **Top level** (main frame, new window): https only (http too when the shortcut says `allow_http`), to a
  host matching the shortcut's `allowed_domains` or the config's `identity_providers`.
- **Frames** (iframes, `<object>`, `<embed>`; captchas, payment, FranceConnect widgets): the same web schemes,
  to a host matching the shortcut's `allowed_domains`, the `identity_providers` or the shortcut's
  `embeddable_domains` (sites it may show only inside its own pages); plus `data:`, `about:srcdoc` and
  `blob:`, which real sites use to build frames from their own scripts (a frame's `blob:` is judged as its
  origin would be in a frame, and `blob:null/...` is allowed there, as `data:` is), and `FRAME_NOTICE_URL`,
  the kiosk's own "cannot be shown here" notice that replaces a refused frame. Subresources (images,
  scripts, styles, fetches) are not navigations and are never asked about: sites load them from CDNs.
- **Assisted** (`SiteRules.assisted()`: a page an advisor opened from the assisted mode's address bar): any
  https host, at the top level and in frames, with the frame schemes above; http and every other scheme
  stay refused. The host must still read as a valid host, so a malformed address is refused as above.
- **Everywhere**: `about:blank` (what `window.open()` starts with) and the kiosk's own pages under
  `qrc:/kiosk/`. Every other scheme is refused: `file:`, `view-source:`, `chrome:`, `chrome-extension:`,
  `devtools:`, `ftp:`, `javascript:`, `mailto:`, `tel:`, other `qrc:` or `about:` pages...

`data:` and `blob:` at the top level: a top-level `data:` page has no origin and can imitate any site, so it
is refused (Chromium refuses it too when a page starts it). A `blob:` URL carries the origin of the page that
made it (`blob:https://www.caf.fr/5f0c...`) and only that page's scripts can make one: sites open their
generated PDFs (attestations) that way. So a top-level `blob:` is judged as its origin would be, and
`blob:null/...` (made by a sandboxed or `data:` frame) is refused.

Domain patterns are those of shortcuts.yaml: "caf.fr" is that host only, "*.caf.fr" any of its subdomains
(`kiosk.config.schema.domain_matches`). A pattern may also be an IP address ("127.0.0.1") and may end with a
port ("127.0.0.1:8123"): with a port it matches that port only (443 or 80 when the URL names none); without,
any port of that host. Tests use this to play "another site" on another port of the loopback address.

Hosts are compared as Chromium will resolve them: lowercase, IDNA (xn--) form, without a trailing dot, after
any `user:password@` (`https://caf.fr@evil.com/` goes to evil.com), with backslashes read as slashes. An IP
host (including numeric forms such as `2130706433` that Chromium reads as IPv4) matches only a pattern naming
that exact IP, never a "*." pattern. Anything that cannot be read that way is refused as "malformed".
"""

from __future__ import annotations

import enum
import ipaddress
import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from typing import Literal, get_args
from urllib.parse import SplitResult, unquote, urlsplit

from kiosk.config.schema import Shortcut, domain_matches

Reason = Literal["allowed", "scheme", "not-https", "domain", "malformed"]
# Why a navigation was refused: a code the screens pass on with the refusal, never the URL. It is not a
# usage key: the `navigation_blocked` counter counts each refusal by shortcut, whatever its reason.
REASONS: tuple[str, ...] = get_args(Reason)
FRAME_NOTICE_SCHEME = "kiosk"  # the kiosk's own URL scheme (kiosk.browser.frames serves it)
FRAME_NOTICE_URL = f"{FRAME_NOTICE_SCHEME}:frame-refused"  # shown instead of a frame the policy refused

_WEB_SCHEMES = ("https", "http")
_DEFAULT_PORTS = {"https": 443, "http": 80}
_FRAME_NOTICE = (FRAME_NOTICE_SCHEME, "", "frame-refused", "")  # FRAME_NOTICE_URL split
_LABEL = r"[a-z0-9_](?:[a-z0-9_-]*[a-z0-9_])?"
_HOST = re.compile(rf"{_LABEL}(?:\.{_LABEL})*")
_NUMBER = re.compile(r"[0-9]+|0x[0-9a-f]*")  # a last label Chromium reads as part of an IPv4 address
_DEVIATIONS = frozenset("\u00df\u03c2\u200c\u200d")  # ß ς ZWNJ ZWJ: Python's IDNA 2003 maps them otherwise


class NavigationKind(enum.Enum):
    """Why the browser wants to load a URL (the view maps QWebEnginePage.NavigationType onto this)."""

    TYPED = "typed"
    LINK = "link"
    REDIRECT = "redirect"
    FORM = "form"
    BACK_FORWARD = "back-forward"
    RELOAD = "reload"
    NEW_WINDOW = "new-window"
    OTHER = "other"


@dataclass(frozen=True)
class Decision:
    """Whether the navigation may go ahead, and a short code saying why (never the URL; not counted by)."""

    allowed: bool
    reason: Reason


ALLOWED = Decision(True, "allowed")


@dataclass(frozen=True)
class SiteRules:
    """Where the browser may go while one shortcut is open."""

    allowed_domains: tuple[str, ...]  # the shortcut's own patterns, as in shortcuts.yaml
    identity_providers: tuple[str, ...]  # the config's global list (FranceConnect and partners)
    allow_http: bool = False
    embeddable_domains: tuple[str, ...] = ()  # more hosts the shortcut's pages may show in frames only
    any_https: bool = False  # the assisted mode: every https host, top level and frames (never http)

    @classmethod
    def for_shortcut(cls, shortcut: Shortcut, identity_providers: Iterable[str]) -> SiteRules:
        """The rules of one shortcut plus the config's identity providers."""
        return cls(
            tuple(shortcut.allowed_domains),
            tuple(identity_providers),
            shortcut.allow_http,
            tuple(shortcut.embeddable_domains),
        )

    @classmethod
    def assisted(cls) -> SiteRules:
        """The rules of a page an advisor opened while the assisted mode is unlocked: any https site."""
        return cls((), (), allow_http=False, any_https=True)


def decide(url: str, rules: SiteRules, navigation: NavigationKind, main_frame: bool = True) -> Decision:
    """May the browser load `url`? See the module docstring for the rules."""
    parts = _split(url)
    if parts is None:
        return Decision(False, "malformed")
    top_level = main_frame or navigation is NavigationKind.NEW_WINDOW
    scheme = parts.scheme
    if scheme in _WEB_SCHEMES:
        return _judge_web(parts, rules, top_level)
    if (scheme == "about" and parts.path == "blank") or _is_kiosk_page(parts):
        return ALLOWED
    if not top_level and (
        scheme == "data"
        or (scheme == "about" and parts.path == "srcdoc")
        or (scheme, parts.netloc, parts.path, parts.query) == _FRAME_NOTICE
        or (scheme == "blob" and parts.path.startswith("null/"))
    ):
        return ALLOWED
    if scheme == "blob":  # judged as the origin that made it
        origin = _split(parts.path)
        if origin is not None and origin.scheme in _WEB_SCHEMES:
            return _judge_web(origin, rules, top_level)
    return Decision(False, "scheme")


def host_of(url: str) -> str | None:
    """The host `url` goes to, as patterns are compared with it; None when it has no valid host."""
    parts = _split(url)
    return None if parts is None else _normal_host(parts.hostname)


def _split(url: str) -> SplitResult | None:
    try:
        parts = urlsplit(url.strip().replace("\\", "/"))  # WHATWG: a backslash is a slash in web URLs
    except ValueError:  # e.g. a host with characters that NFKC turns into "/" or "@"
        return None
    return parts if parts.scheme else None


def _judge_web(parts: SplitResult, rules: SiteRules, top_level: bool) -> Decision:
    if parts.scheme == "http" and not rules.allow_http:
        return Decision(False, "not-https")
    host = _normal_host(parts.hostname)  # hostname: after any user:password@
    try:
        port = parts.port or _DEFAULT_PORTS[parts.scheme]
    except ValueError:  # not a number, or out of range
        return Decision(False, "malformed")
    if host is None:
        return Decision(False, "malformed")
    if rules.any_https and parts.scheme == "https":
        return ALLOWED
    patterns = rules.allowed_domains + rules.identity_providers
    if not top_level:
        patterns += rules.embeddable_domains
    return ALLOWED if any(_matches(host, port, p) for p in patterns) else Decision(False, "domain")


def _normal_host(host: str | None) -> str | None:
    """Lowercase, IDNA (xn--) form, no trailing dot; IPv6 compressed; None when not a valid host."""
    if not host:
        return None
    if ":" in host:
        try:
            return ipaddress.IPv6Address(host).compressed
        except ValueError:
            return None
    host = host.lower().removesuffix(".")
    if not host.isascii():
        if _DEVIATIONS.intersection(host):
            return None
        try:
            host = host.encode("idna").decode("ascii")
        except UnicodeError:
            return None
    return host if _HOST.fullmatch(host) else None


def _is_ip(host: str) -> bool:
    return ":" in host or _NUMBER.fullmatch(host.rpartition(".")[2]) is not None


@lru_cache(maxsize=256)
def _pattern(pattern: str) -> tuple[bool, str | None, int | None]:
    """ "*.caf.fr:8443" -> (True, "caf.fr", 8443): wildcard, normalised host, port (None: any)."""
    try:
        parts = urlsplit("//" + pattern.strip())
        port = parts.port
    except ValueError:
        return False, None, None
    host = parts.hostname or ""
    wild = host.startswith("*.")
    return wild, _normal_host(host.removeprefix("*.")), port


def _matches(host: str, port: int, pattern: str) -> bool:
    wild, pattern_host, pattern_port = _pattern(pattern)
    if pattern_host is None or pattern_port not in (None, port):
        return False
    if _is_ip(host):
        return not wild and host == pattern_host
    return domain_matches(host, f"*.{pattern_host}" if wild else pattern_host)


def _is_kiosk_page(parts: SplitResult) -> bool:
    """qrc:/kiosk/... (or qrc:///kiosk/...), without "." or ".." segments, even percent-encoded."""
    path = unquote(parts.path)
    return (
        parts.scheme == "qrc"
        and not parts.netloc
        and path.startswith("/kiosk/")
        and not {".", ".."} & set(path.split("/"))
    )
