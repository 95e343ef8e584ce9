"""Which scanners are there and what they can do, by running `scanimage` (blocking; no Qt).

`probe()` runs in a worker thread of the kiosk (`ScanService.refresh_devices`) and in `kiosk check`; it never
runs on the GUI thread. Each call has a timeout: a network scanner that does not answer, or a driver that
hangs, ends in a `ProbeResult` with `problem`, not in a stuck kiosk.
"""

from __future__ import annotations

import os
import subprocess
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path

from kiosk.devices.scanner.capabilities import Capabilities, Device, parse_device_list, parse_options
from kiosk.devices.scanner.scanimage import SCANIMAGE, list_command, options_command, scan_environment

LIST_TIMEOUT = 30.0  # seconds: network discovery (airscan, saned) can take several
OPTIONS_TIMEOUT = 15.0


@dataclass(frozen=True)
class Scanner:
    device: Device
    capabilities: Capabilities


@dataclass(frozen=True)
class ProbeResult:
    scanners: tuple[Scanner, ...] = ()
    # "missing-program" (scanimage is not installed), "timeout", "failed" (scanimage -L failed), or None
    problem: str | None = None
    details: tuple[str, ...] = field(default_factory=tuple)  # for a technician: which device failed how


def probe(
    environment: Mapping[str, str] | None = None,
    sane_config_dir: Path | None = None,
    program: str = SCANIMAGE,
    list_timeout: float = LIST_TIMEOUT,
    options_timeout: float = OPTIONS_TIMEOUT,
) -> ProbeResult:
    """The scanners SANE finds, each with its capabilities (empty ones when its options could not be read)."""
    env = scan_environment(os.environ if environment is None else environment, sane_config_dir)
    try:
        listing = subprocess.run(
            list_command(program), env=env, capture_output=True, text=True, timeout=list_timeout, check=False
        )
    except FileNotFoundError:
        return ProbeResult(problem="missing-program")
    except subprocess.TimeoutExpired:
        return ProbeResult(problem="timeout", details=(f"scanimage -L gave no answer in {list_timeout:g} s",))
    if listing.returncode != 0:
        return ProbeResult(problem="failed", details=_last_lines(listing.stderr))
    scanners, details = [], []
    for device in parse_device_list(listing.stdout):
        try:
            options = subprocess.run(
                options_command(device.name, program),
                env=env,
                capture_output=True,
                text=True,
                timeout=options_timeout,
                check=False,
            )
        except subprocess.TimeoutExpired:
            details.append(f"{device.name}: no answer in {options_timeout:g} s")
            scanners.append(Scanner(device, Capabilities()))
            continue
        if options.returncode != 0:
            details.extend(f"{device.name}: {line}" for line in _last_lines(options.stderr))
        scanners.append(Scanner(device, parse_options(options.stdout)))
    return ProbeResult(tuple(scanners), None, tuple(details))


def _last_lines(text: str, count: int = 3) -> tuple[str, ...]:
    return tuple(line.strip() for line in text.strip().splitlines()[-count:] if line.strip())
