"""What an advisor types in the assisted mode's address bar, made into the address the browser opens: a
bare host ("service-public.fr") gets https, an https address goes as it is, anything else is refused with a
reason code the screen says in plain words. Pure: no Qt. The browser judges every navigation again
(kiosk.browser.policy, `SiteRules.assisted()`)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Literal
from urllib.parse import urlsplit

Refusal = Literal["empty", "not-https", "scheme", "malformed"]
_SCHEME = re.compile(r"^([A-Za-z][A-Za-z0-9+.\-]*):(.*)$", re.DOTALL)
_PORT_THEN_PATH = re.compile(r"^[0-9]+(?:[/?#].*)?$", re.DOTALL)  # "localhost:8443/x": a port, no scheme
MAX_LENGTH = 2048


@dataclass(frozen=True)
class Address:
    url: str = ""  # the https address to open, when accepted
    refused: Refusal | None = None

    @property
    def accepted(self) -> bool:
        return self.refused is None


def read_address(typed: str) -> Address:
    """The address to open for what was typed, or why it is refused."""
    text = typed.strip()
    if not text:
        return Address(refused="empty")
    if len(text) > MAX_LENGTH or any(c.isspace() or not c.isprintable() for c in text):
        return Address(refused="malformed")
    found = _SCHEME.match(text)
    if found is None or _PORT_THEN_PATH.match(found.group(2)):
        text = "https://" + text.removeprefix("//")
    else:
        scheme = found.group(1).lower()
        if scheme == "http":
            return Address(refused="not-https")
        if scheme != "https":
            return Address(refused="scheme")
    try:
        parts = urlsplit(text)
        parts.port  # noqa: B018 (raises for a port that is not a number or out of range)
    except ValueError:
        return Address(refused="malformed")
    host = parts.hostname
    if not host or parts.netloc.startswith("@") or ("." not in host and not _local(parts)):
        return Address(refused="malformed")
    return Address(url=(parts if parts.path else parts._replace(path="/")).geturl())


def _local(parts) -> bool:
    """A host without a dot that is still one: localhost, or an IPv6 address."""
    return parts.hostname == "localhost" or ":" in parts.hostname
