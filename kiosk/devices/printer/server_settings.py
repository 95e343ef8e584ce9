"""Does the CUPS server keep copies of what visitors print? (pure: no Qt)

CUPS keeps each job's document (`PreserveJobFiles`, one day by default) and its history — title, user, pages
(`PreserveJobHistory`, "Yes" by default) after printing. On a public terminal that is one visitor's tax notice
waiting in /var/spool/cups for the next one to reprint. `preserve_warnings` reads `cupsctl`'s output
(`Key=value` lines) or the text of cupsd.conf (`Key value` lines) and returns one warning per setting that
keeps something, naming the fix. A setting that is absent takes CUPS's default, which keeps.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

PRESERVE_SETTINGS = ("PreserveJobFiles", "PreserveJobHistory")
CUPS_DEFAULTS = {"PreserveJobFiles": "86400", "PreserveJobHistory": "Yes"}  # cupsd.conf(5), CUPS 2.4
FIX_COMMAND = "cupsctl PreserveJobFiles=No PreserveJobHistory=No"
_OFF = frozenset({"no", "off", "false", "0"})
_LINE = re.compile(r"^\s*([A-Za-z_][A-Za-z0-9_]*)\s*(?:=\s*|\s+)(.*?)\s*$")
_DURATION = re.compile(r"^(\d+)\s*([wdhms]?)$", re.IGNORECASE)
_SECONDS = {"": 1, "s": 1, "m": 60, "h": 3600, "d": 86400, "w": 604800}


@dataclass(frozen=True)
class PreserveWarning:
    setting: str  # "PreserveJobFiles"
    value: str  # as configured ("Yes", "1d", "86400"), or CUPS's default when absent
    configured: bool  # False when the setting is absent and CUPS's default applies
    message: str  # for the technician: cause and fix


def parse_settings(text: str) -> dict[str, str]:
    """Top-level settings of `cupsctl` output or cupsd.conf text (sections like <Location> are skipped)."""
    settings: dict[str, str] = {}
    depth = 0
    for raw in text.splitlines():
        line = raw.strip()
        if not line or line.startswith("#"):
            continue
        if line.startswith("</"):
            depth = max(0, depth - 1)
            continue
        if line.startswith("<"):
            depth += 1
            continue
        if depth:
            continue
        match = _LINE.match(line)
        if match:
            settings[match[1]] = match[2]
    return settings


def keeps(value: str) -> bool:
    """Whether a Preserve* value keeps anything: "No"/"Off"/"0" do not; "Yes" or a duration do."""
    value = value.strip().strip('"').lower()
    if value in _OFF:
        return False
    duration = _DURATION.match(value)
    return not (duration and int(duration[1]) == 0)


def describe(value: str) -> str:
    """How long a value keeps things, for the technician: "86400" → "for 1 day after printing"."""
    duration = _DURATION.match(value.strip().strip('"'))
    if not duration:
        return "until the MaxJobs limit is reached"
    seconds = int(duration[1]) * _SECONDS[duration[2].lower()]
    for unit, size in (("day", 86400), ("hour", 3600), ("minute", 60)):
        if seconds >= size and seconds % size == 0:
            n = seconds // size
            return f"for {n} {unit}{'s' if n > 1 else ''} after printing"
    return f"for {seconds} seconds after printing"


def preserve_warnings(text: str) -> list[PreserveWarning]:
    """One warning for each Preserve* setting that keeps job files or history, in PRESERVE_SETTINGS order."""
    settings = {k.lower(): v for k, v in parse_settings(text).items()}
    warnings = []
    for name in PRESERVE_SETTINGS:
        configured = name.lower() in settings
        value = settings.get(name.lower(), CUPS_DEFAULTS[name])
        if not keeps(value):
            continue
        what = "documents" if name == "PreserveJobFiles" else "history (titles, users, pages)"
        origin = f"{name} is {value}" if configured else f"{name} is not set (CUPS default: {value})"
        message = (
            f"CUPS keeps printed job {what} {describe(value)}: {origin}. "
            f"Fix: run `{FIX_COMMAND}` as root, or set `{name} No` in /etc/cups/cupsd.conf "
            "and restart cups."
        )
        warnings.append(PreserveWarning(name, value, configured, message))
    return warnings
