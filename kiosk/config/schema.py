"""The config schema, declared once: every key with its type, default and one-line description.

Two files follow it: `site.yaml` (`Site`; every key has a default, and those defaults are the bundled
defaults) and `shortcuts.yaml` (`ShortcutsFile`). Rules that link several keys (a shortcut's URL must be in
its own allowed domains, idle_warning < idle_timeout, ...) are the `*_issues` functions below. Pure: no Qt.
"""

from collections.abc import Callable
from typing import Annotated, Any, Literal, get_args
from urllib.parse import urlsplit

from msgspec import Meta, Struct

from kiosk.config.problems import Issue
from kiosk.languages import Language

Day = Literal["lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche"]
DAYS: tuple[str, ...] = get_args(Day)
Permission = Literal["camera", "microphone", "location", "notifications", "clipboard-read"]
PERMISSIONS: tuple[str, ...] = get_args(Permission)

Slug = Annotated[
    str,
    Meta(
        pattern=r"^[a-z0-9]+(?:-[a-z0-9]+)*$",
        extra={"expected": 'lowercase letters, digits and dashes, like "mon-service-2"'},
    ),
]
Text = Annotated[str, Meta(min_length=1)]
DomainPattern = Annotated[
    str,
    Meta(
        pattern=r"^(?:\*\.)?[a-z0-9](?:[a-z0-9-]*[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]*[a-z0-9])?)+$",
        extra={"expected": 'a domain like "caf.fr" (that host only) or "*.caf.fr" (any subdomain of caf.fr)'},
    ),
]
Time = Annotated[
    str,
    Meta(
        pattern=r"^(?:[01][0-9]|2[0-3]):[0-5][0-9]$",
        extra={"expected": 'a time written HH:MM, like "09:00" or "16:30"'},
    ),
]
Phone = Annotated[
    str,
    Meta(
        pattern=r"^(?:\+?[0-9][0-9 ]*[0-9])?$",
        extra={"expected": 'a phone number made of digits and spaces, like "3230" or "0 809 401 401"'},
    ),
]


class Category(Struct, forbid_unknown_fields=True, frozen=True):
    """A group of tiles on the home screen."""

    id: Annotated[Slug, Meta(description="Identifier that shortcuts use in their category key")]
    label: Annotated[Text, Meta(description="Title shown above the group, in plain French", max_length=40)]


class OfflineHelp(Struct, forbid_unknown_fields=True, frozen=True):
    """How to get the same help when the website cannot be reached. A phone or an address is required."""

    phone: Annotated[Phone, Meta(description="Number to call, as people dial it", examples=["3230"])] = ""
    hours: Annotated[str, Meta(description="When someone answers, in plain French")] = ""
    address: Annotated[str, Meta(description="Where to go in person, in plain French")] = ""
    bring: Annotated[str, Meta(description="What to bring or have at hand, in plain French")] = ""


class Shortcut(Struct, forbid_unknown_fields=True, frozen=True):
    """A tile that opens one public-service website."""

    id: Annotated[Slug, Meta(description="Identifier used in usage counters", examples=["caf"])]
    label: Annotated[Text, Meta(description="Name on the tile", max_length=30, examples=["CAF"])]
    description: Annotated[
        Text, Meta(description="What the site is for, in a few plain words", max_length=80)
    ]
    icon: Annotated[Slug, Meta(description="Name of an SVG in kiosk/assets/icons/", examples=["users"])]
    url: Annotated[
        str,
        Meta(
            description="Page opened by the tile (https; http with allow_http)",
            examples=["https://www.caf.fr/"],
        ),
    ]
    allowed_domains: Annotated[
        tuple[DomainPattern, ...],
        Meta(
            min_length=1,
            description='Where the visitor may go: "x.fr" = that host, "*.x.fr" = its subdomains',
        ),
    ]
    category: Annotated[
        Slug, Meta(description="Id of the category the tile is shown in", examples=["droits"])
    ]
    offline_help: Annotated[OfflineHelp, Meta(description="Shown when the site cannot be reached")]
    allow_http: Annotated[bool, Meta(description="http is refused unless this is true")] = False
    permissions: Annotated[
        tuple[Permission, ...],
        Meta(description="Browser permissions this shortcut may grant; every other one is denied"),
    ] = ()
    embeddable_domains: Annotated[
        tuple[DomainPattern, ...],
        Meta(description="Other sites shown only inside its pages' frames; same patterns as allowed_domains"),
    ] = ()


class ShortcutsFile(Struct, forbid_unknown_fields=True, frozen=True):
    """The whole `shortcuts.yaml` file."""

    version: Annotated[Literal[1], Meta(description="Format version of this file", examples=[1])]
    categories: Annotated[tuple[Category, ...], Meta(min_length=1, description="Groups, in display order")]
    shortcuts: Annotated[tuple[Shortcut, ...], Meta(min_length=1, description="Tiles, in display order")]
    identity_providers: Annotated[
        tuple[DomainPattern, ...],
        Meta(description="Login domains any shortcut may visit (FranceConnect and its partners)"),
    ] = ()


class AdvisorSlot(Struct, forbid_unknown_fields=True, frozen=True):
    """A time when an advisor is on duty at this site."""

    day: Annotated[Day, Meta(description="Day of the week, in French", examples=["mardi"])]
    start: Annotated[Time, Meta(description="Start time, HH:MM", examples=["09:00"])]
    end: Annotated[Time, Meta(description="End time, HH:MM, after start", examples=["12:00"])]
    place: Annotated[
        str,
        Meta(
            description='Where, when not at this post office (a weekly permanence elsewhere); "" = here',
            examples=["Bureau de poste de Mézières, 2 place de la Mairie"],
        ),
    ] = ""


class Site(Struct, forbid_unknown_fields=True, frozen=True):
    """The keys of `site.yaml`. The defaults here are the bundled defaults (demo mode)."""

    site_id: Annotated[Slug, Meta(description="Identifier of the post office in statistics")] = "demo"
    site_name: Annotated[Text, Meta(description="Name of the post office, shown to visitors")] = (
        "Bureau de poste"
    )
    terminal_id: Annotated[Slug, Meta(description="Identifier of this terminal within the site")] = "borne-1"
    language: Annotated[Language, Meta(description="Language the kiosk starts in")] = "fr"
    idle_timeout: Annotated[
        int,
        Meta(
            ge=30,
            le=3600,
            description="Seconds without a touch before the session ends and is wiped",
            extra={"expected": "a whole number of seconds (at least 30, at most 3600)"},
        ),
    ] = 180
    idle_warning: Annotated[
        int,
        Meta(
            ge=5,
            description="Seconds of warning before the idle session ends; less than idle_timeout",
            extra={"expected": "a whole number of seconds (at least 5)"},
        ),
    ] = 30
    hub_url: Annotated[
        str, Meta(description='Address of the hub, "" = offline only', examples=["https://hub.example.fr/"])
    ] = ""
    hub_token: Annotated[
        str, Meta(description="Secret this terminal sends to the hub; needed with hub_url")
    ] = ""
    assisted_idle_minutes: Annotated[
        int,
        Meta(
            ge=1,
            le=120,
            description="Minutes without a touch before the assisted mode locks itself again",
            extra={"expected": "a whole number of minutes (at least 1, at most 120)"},
        ),
    ] = 10
    advisor_schedule: Annotated[
        tuple[AdvisorSlot, ...], Meta(description="When an advisor is on duty; empty = never")
    ] = ()
    printer: Annotated[
        str, Meta(description='CUPS queue the kiosk prints on, "" = the CUPS default printer')
    ] = ""
    print_page_limit: Annotated[
        int,
        Meta(
            ge=0,
            le=1000,
            description="Pages a visitor may print in one session (copies count); 0 = printing is off",
            extra={"expected": "a whole number of pages (0 to 1000)"},
        ),
    ] = 30


def domain_matches(host: str, pattern: str) -> bool:
    """`"caf.fr"` matches that host only; `"*.caf.fr"` matches any subdomain of caf.fr (not caf.fr itself)."""
    host = host.lower().rstrip(".")
    if pattern.startswith("*."):
        return host.endswith(pattern[1:]) and len(host) > len(pattern) - 1
    return host == pattern


def site_issues(site: Site) -> list[Issue]:
    """Rules that link several `site.yaml` keys."""
    issues = []
    if site.idle_warning >= site.idle_timeout:
        issues.append(
            Issue(
                ("idle_warning",),
                f"must be less than idle_timeout ({site.idle_warning} is not less than {site.idle_timeout})",
                f"write for example idle_warning: {min(30, site.idle_timeout // 2)}",
            )
        )
    if site.hub_url:
        parts = urlsplit(site.hub_url)
        if parts.scheme not in ("http", "https") or not parts.hostname:
            issues.append(
                Issue(
                    ("hub_url",),
                    'expected "" or an http(s) address',
                    'write hub_url: "https://hub.example.fr/"',
                )
            )
        if not site.hub_token:
            issues.append(
                Issue(("hub_token",), "required when hub_url is set", "copy the token given by the hub")
            )
    for n, slot in enumerate(site.advisor_schedule):
        if slot.start >= slot.end:
            issues.append(
                Issue(
                    ("advisor_schedule", n, "end"),
                    f"must be after start ({slot.end} is not after {slot.start})",
                    "check the two times",
                )
            )
    return issues


def shortcut_issues(
    shortcut: Shortcut, n: int, categories: set[str], icon_exists: Callable[[str], bool] | None
) -> list[Issue]:
    """Rules for one shortcut that go beyond its keys' types."""
    issues = []
    parts = urlsplit(shortcut.url)
    host = parts.hostname or ""
    if parts.scheme not in (("https", "http") if shortcut.allow_http else ("https",)) or not host:
        issues.append(_bad_url(shortcut, n, parts.scheme))
    elif not any(domain_matches(host, d) for d in shortcut.allowed_domains):
        issues.append(
            Issue(
                ("shortcuts", n, "url"),
                f"the host {host} is not in this shortcut's allowed_domains",
                f'add "{host}" to allowed_domains',
            )
        )
    if shortcut.category not in categories:
        issues.append(_unknown_category(n, shortcut.category, categories))
    if icon_exists is not None and not icon_exists(shortcut.icon):
        issues.append(
            Issue(
                ("shortcuts", n, "icon"),
                f"there is no icon named {shortcut.icon} (kiosk/assets/icons/{shortcut.icon}.svg)",
                "use the name of an SVG file in kiosk/assets/icons/, without .svg",
            )
        )
    help_ = shortcut.offline_help
    if not (help_.phone or help_.address):
        issues.append(
            Issue(
                ("shortcuts", n, "offline_help"),
                "needs a phone or an address, so visitors can get help when the site is down",
                'add for example phone: "3939"',
            )
        )
    return issues


def _bad_url(shortcut: Shortcut, n: int, scheme: str) -> Issue:
    domain = next((d for d in shortcut.allowed_domains if not d.startswith("*")), "example.fr")
    fix = f'write for example url: "https://www.{domain}/"'
    if shortcut.allow_http:
        return Issue(("shortcuts", n, "url"), "expected an https:// or http:// address", fix)
    if scheme == "http":
        fix += ", or add allow_http: true to this shortcut if the site has no https"
    return Issue(("shortcuts", n, "url"), "expected an https:// address", fix)


def _unknown_category(n: int, category: str, categories: set[str]) -> Issue:
    import difflib

    close = difflib.get_close_matches(category, sorted(categories), n=1, cutoff=0.6)
    hint = f", did you mean {close[0]}?" if close else ""
    return Issue(
        ("shortcuts", n, "category"),
        f"unknown category {category}{hint}",
        "use the id of one of the categories: " + ", ".join(sorted(categories)),
    )


def duplicate_ids(items: Any, section: str) -> list[Issue]:
    """Items of a list (raw YAML data) that reuse the `id` of an earlier item."""
    seen: dict[str, int] = {}
    issues = []
    for n, item in enumerate(items if isinstance(items, list) else []):
        ident = item.get("id") if isinstance(item, dict) else None
        if not isinstance(ident, str):
            continue
        if ident in seen:
            issues.append(
                Issue(
                    (section, n, "id"),
                    f"the id {ident} is already used by {section}[{seen[ident]}]",
                    "give each one its own id",
                )
            )
        else:
            seen[ident] = n
    return issues
