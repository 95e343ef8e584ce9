"""The `scanimage` command lines the kiosk runs, and the reading of what they print (pure: no Qt).

Every scan is a batch (`--batch`), even a single page: scanimage then names each page itself, writes it as
`NAME.part` and renames it once complete, and says so on stderr ("Scanned page 2. (scanner status = 5)"),
so pages are announced as they arrive. `--progress` adds "Progress: 42.3%" lines, ended by carriage returns.
"""

from __future__ import annotations

import os
import re
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

from kiosk.devices.scanner.capabilities import LIST_FORMAT
from kiosk.devices.scanner.defaults import ScanSettings

SCANIMAGE = "scanimage"
PAGE_PATTERN = "page-{run}-%d.png"  # scanimage replaces %d with the page number


def scan_environment(base: Mapping[str, str], sane_config_dir: Path | None = None) -> dict[str, str]:
    """The environment of a scanimage process: English messages (they are parsed), and SANE_CONFIG_DIR when
    the kiosk has its own SANE configuration (tests, a terminal with a network scanner)."""
    environment = dict(base)
    environment["LC_ALL"] = "C"
    environment.pop("LANGUAGE", None)
    if sane_config_dir is not None:
        environment["SANE_CONFIG_DIR"] = os.fspath(sane_config_dir)
    return environment


def list_command(program: str = SCANIMAGE) -> list[str]:
    return [program, f"--formatted-device-list={LIST_FORMAT}"]


def options_command(device: str, program: str = SCANIMAGE) -> list[str]:
    return [program, "--all-options", f"--device-name={device}"]


def scan_command(
    device: str | None,
    settings: ScanSettings,
    folder: Path,
    run: int,
    first_page: int = 1,
    program: str = SCANIMAGE,
) -> list[str]:
    """scanimage writing PNG pages `folder/page-RUN-N.png` from N = `first_page`: one page, or every sheet in
    the feeder when `settings.feeder`."""
    command = [program]
    if device is not None:
        command.append(f"--device-name={device}")
    command += [
        "--format=png",
        "--progress",
        # scanimage formats the whole path: a "%" in a folder name must be doubled
        f"--batch={os.fspath(folder).replace('%', '%%')}/{PAGE_PATTERN.format(run=run)}",
        f"--batch-start={first_page}",
    ]
    if not settings.feeder:
        command.append("--batch-count=1")
    return command + settings.arguments()


def page_path(folder: Path, run: int, number: int) -> Path:
    """Where `scan_command` writes page `number` of run `run`."""
    return folder / PAGE_PATTERN.format(run=run).replace("%d", str(number))


@dataclass(frozen=True)
class Progress:
    percent: float


@dataclass(frozen=True)
class PageStarted:
    number: int


@dataclass(frozen=True)
class PageDone:
    number: int
    complete: bool  # False: scanimage ended the page on an error ("scanner status = 7")


Event = Progress | PageStarted | PageDone

_PROGRESS = re.compile(r"^Progress: (\d+(?:\.\d+)?)%")
_STARTED = re.compile(r"^Scanning page (\d+)")
_DONE = re.compile(r"^Scanned page (\d+)\. \(scanner status = (\d+)\)")


class StderrReader:
    """Turns scanimage's stderr, read in chunks of any size, into events; keeps the text for `problems`."""

    LIMIT = 64 * 1024  # of stderr kept: enough for every message, bounded for a driver that babbles

    def __init__(self) -> None:
        self._pending = ""
        self._text: list[str] = []
        self._kept = 0

    @property
    def text(self) -> str:
        return "".join(self._text)

    def feed(self, chunk: str) -> list[Event]:
        if self._kept < self.LIMIT:
            self._text.append(chunk[: self.LIMIT - self._kept])
            self._kept += len(chunk)
        lines = re.split(r"[\r\n]", self._pending + chunk)
        self._pending = lines.pop()
        return [event for line in lines if (event := parse_line(line)) is not None]

    def finish(self) -> list[Event]:
        line, self._pending = self._pending, ""
        event = parse_line(line)
        return [event] if event is not None else []


def parse_line(line: str) -> Event | None:
    line = line.strip()
    if match := _PROGRESS.match(line):
        return Progress(float(match[1]))
    if match := _STARTED.match(line):
        return PageStarted(int(match[1]))
    if match := _DONE.match(line):
        return PageDone(int(match[1]), match[2] == "5")  # 5: SANE_STATUS_EOF, the page ended normally
    return None
