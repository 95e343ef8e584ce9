"""What the scanners attached to the terminal can do, read from `scanimage`'s own output (pure: no Qt).

`parse_device_list()` reads `scanimage -f LIST_FORMAT` (one device a line: name, vendor, model, type, split by
tabs); `parse_options()` reads `scanimage -A -d DEVICE` (or `--help -d DEVICE`): the sources (flatbed,
document feeder), the colour modes and the resolutions (a list like `75|150|300dpi` or a range like
`1..1200dpi (in steps of 1)`). Backends name these freely ("ADF Front", "Document Table", "True Gray",
"24bit Color"…): `source_kind()` and `mode_kind()` sort the names into the few kinds the kiosk offers.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Literal

# The `scanimage -f` format: fields split by tabs, one device a line (%t is the device's type, not a tab).
LIST_FORMAT = "%d\t%v\t%m\t%t%n"

SourceKind = Literal["flatbed", "feeder", "other"]
ModeKind = Literal["color", "gray", "lineart", "other"]


@dataclass(frozen=True)
class Device:
    name: str  # what `scanimage -d` takes: "test:0", "hpaio:/usb/…", "airscan:e0:Bureau"
    vendor: str = ""
    model: str = ""
    type: str = ""

    @property
    def label(self) -> str:
        """ "Noname frontend-tester": a name for a technician (the visitor never needs one)."""
        return " ".join(part for part in (self.vendor, self.model) if part) or self.name


@dataclass(frozen=True)
class ResolutionRange:
    minimum: float
    maximum: float
    step: float = 0.0  # 0: any value in between


@dataclass(frozen=True)
class Capabilities:
    sources: tuple[str, ...] = ()  # as the backend names them; () when it has no --source option
    modes: tuple[str, ...] = ()
    resolutions: tuple[int, ...] | ResolutionRange = ()
    default_source: str | None = None
    default_mode: str | None = None
    default_resolution: int | None = None

    @property
    def flatbeds(self) -> tuple[str, ...]:
        return tuple(source for source in self.sources if source_kind(source) == "flatbed")

    @property
    def feeders(self) -> tuple[str, ...]:
        return tuple(source for source in self.sources if source_kind(source) == "feeder")

    @property
    def has_flatbed(self) -> bool:
        """A scanner without a --source option is a flatbed (or a sheet-fed scanner that behaves like one)."""
        return not self.sources or bool(self.flatbeds)

    @property
    def has_feeder(self) -> bool:
        return bool(self.feeders)

    def resolution_text(self) -> str:
        """ "75, 100, 200, 300 dpi" or "1 to 1200 dpi" for a technician's report."""
        if isinstance(self.resolutions, ResolutionRange):
            return f"{_number(self.resolutions.minimum)} to {_number(self.resolutions.maximum)} dpi"
        if not self.resolutions:
            return "unknown"
        return ", ".join(str(value) for value in self.resolutions) + " dpi"


def parse_device_list(output: str) -> list[Device]:
    """The devices in the output of `scanimage -f LIST_FORMAT`; lines without a device name are skipped."""
    devices = []
    for line in output.splitlines():
        fields = line.rstrip("\r").split("\t")
        name = fields[0].strip()
        if not name or (" " in name and len(fields) == 1):
            continue  # a message, not a device
        fields += [""] * (4 - len(fields))
        devices.append(Device(name, fields[1].strip(), fields[2].strip(), fields[3].strip()))
    return devices


_OPTION = re.compile(r"^\s+--(?P<name>[a-z][a-z0-9-]*)(?:\[=\(|\s)(?P<rest>.*)$")
_DEFAULT = re.compile(r"\s\[(?P<value>[^\]]*)\]")
_RANGE = re.compile(
    r"^(?P<min>-?\d+(?:\.\d+)?)\.\.(?P<max>-?\d+(?:\.\d+)?)[a-z%]*(?:\s+\(in steps of (?P<step>[\d.]+)\))?"
)


def parse_options(output: str) -> Capabilities:
    """The sources, modes and resolutions in `scanimage -A -d DEVICE`'s output.

    An option the backend marks `[inactive]` is ignored (it cannot be set now); an unparsable value list
    reads as empty rather than raising: a strange backend must not stop the kiosk from scanning."""
    values: dict[str, tuple[list[str], str | None]] = {}
    for line in output.splitlines():
        match = _OPTION.match(line)
        if not match or match["name"] not in ("source", "mode", "resolution"):
            continue
        name, rest = match["name"], match["rest"].strip()
        if name in values:
            continue  # the first one wins (some backends repeat options in groups)
        flags = [flag["value"] for flag in _DEFAULT.finditer(" " + rest)]
        if "inactive" in flags:
            continue
        spec = _DEFAULT.split(" " + rest, maxsplit=1)[0].strip() if flags else rest
        default = next((flag for flag in flags if flag not in ("advanced", "hardware", "inactive")), None)
        values[name] = (spec, default)

    sources, default_source = _choices(values.get("source"))
    modes, default_mode = _choices(values.get("mode"))
    resolutions: tuple[int, ...] | ResolutionRange = ()
    default_resolution = None
    if "resolution" in values:
        spec, default = values["resolution"]
        resolutions = _resolutions(spec)
        default_resolution = _int_or_none(default)
    return Capabilities(
        sources=tuple(sources),
        modes=tuple(modes),
        resolutions=resolutions,
        default_source=default_source,
        default_mode=default_mode,
        default_resolution=default_resolution,
    )


def source_kind(source: str) -> SourceKind:
    """ "Flatbed", "FlatBed", "Document Table", "Platen" → flatbed; "ADF", "ADF Front", "ADF Duplex",
    "Automatic Document Feeder", "Document Feeder" → feeder."""
    text = source.casefold()
    if re.search(r"\badf\b|feeder|duplex|sheet|chargeur", text):
        return "feeder"
    if re.search(r"flat|table|platen|glass|normal|vitre", text):
        return "flatbed"
    return "other"


def mode_kind(mode: str) -> ModeKind:
    """ "Color", "Colour", "24bit Color" → color; "Gray", "Grey", "True Gray", "Grayscale" → gray;
    "Lineart", "Binary", "Black & White", "Halftone" → lineart."""
    text = mode.casefold()
    if re.search(r"colou?r|rgb", text):
        return "color"
    if re.search(r"gr[ae]y|grayscale|greyscale", text):
        return "gray"
    if re.search(r"line ?art|binary|black|halftone|mono|thresh", text):
        return "lineart"
    return "other"


def _choices(found: tuple[str, str | None] | None) -> tuple[list[str], str | None]:
    if found is None:
        return [], None
    spec, default = found
    if _RANGE.match(spec) or spec.startswith("<"):
        return [], None  # not a list of names
    return [choice.strip() for choice in spec.split("|") if choice.strip()], default


def _resolutions(spec: str) -> tuple[int, ...] | ResolutionRange:
    spec = spec.split(",")[0].strip()  # "75..1200dpi,..." (an array option): the first element's constraint
    match = _RANGE.match(spec)
    if match:
        return ResolutionRange(float(match["min"]), float(match["max"]), float(match["step"] or 0))
    numbers = []
    for part in spec.split("|"):
        value = _int_or_none(re.sub(r"[a-z%]+$", "", part.strip()))
        if value is not None and value > 0:
            numbers.append(value)
    return tuple(sorted(set(numbers)))


def _int_or_none(text: str | None) -> int | None:
    if text is None:
        return None
    try:
        return round(float(re.sub(r"[a-z%]+$", "", text.strip())))
    except ValueError:
        return None


def _number(value: float) -> str:
    return str(int(value)) if value == int(value) else str(value)
