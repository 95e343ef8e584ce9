"""The scanner part of `kiosk check`: what a technician reads to know whether the terminal can scan.

    result = check_scanners(sane_config_dir)     # runs scanimage (a few seconds at most)
    for line in result.lines: print(line)        # result.ok: at least one scanner answered

`report()` is pure (it formats a `ProbeResult`), so every case is tested without hardware.
"""

from __future__ import annotations

from pathlib import Path
from typing import NamedTuple

from kiosk.devices.scanner.capabilities import mode_kind, source_kind
from kiosk.devices.scanner.probe import ProbeResult, probe

NO_SCANNER_HINTS = (
    "  Likely causes and fixes:",
    "  - the scanner is off or its USB cable is loose: switch it on, plug the cable in again;",
    "  - run `scanimage -L` as the kiosk's user: if it lists the scanner only as root, add that user to the",
    "    `scanner` group (or install the scanner's udev rules) and log in again;",
    "  - a network scanner: check it is on the same network, install `sane-airscan`, or list its address",
    "    in /etc/sane.d/net.conf when it is shared by saned;",
    "  - some scanners need their maker's driver (HP: `libsane-hpaio`; Brother: brscan; Epson: epsonscan2);",
    "  - `sane-find-scanner` shows whether the USB device is seen at all.",
)


class ScannerCheck(NamedTuple):
    ok: bool
    lines: list[str]


def check_scanners(sane_config_dir: Path | None = None) -> ScannerCheck:
    return report(probe(sane_config_dir=sane_config_dir))


def report(result: ProbeResult) -> ScannerCheck:
    if result.problem == "missing-program":
        return ScannerCheck(
            False, ["Scanner: scanimage is not installed. Install the Debian package sane-utils."]
        )
    if result.problem is not None:
        lines = [f"Scanner: the scanner list could not be read ({result.problem})."]
        lines += [f"  {detail}" for detail in result.details]
        return ScannerCheck(False, lines + list(NO_SCANNER_HINTS))
    if not result.scanners:
        return ScannerCheck(False, ["Scanner: no scanner found.", *NO_SCANNER_HINTS])
    lines = [f"Scanner: {len(result.scanners)} found."]
    for scanner in result.scanners:
        caps = scanner.capabilities
        lines.append(f"  {scanner.device.name} ({scanner.device.label})")
        kinds = []
        if caps.has_flatbed:
            kinds.append("flatbed")
        if caps.has_feeder:
            kinds.append("document feeder")
        sources = ", ".join(f"{name} [{source_kind(name)}]" for name in caps.sources) or "no choice"
        modes = ", ".join(f"{name} [{mode_kind(name)}]" for name in caps.modes) or "unknown"
        lines.append(f"    can scan from: {' and '.join(kinds)} (sources: {sources})")
        lines.append(f"    modes: {modes}; resolution: {caps.resolution_text()}")
    lines += [f"  {detail}" for detail in result.details]
    return ScannerCheck(True, lines)
