"""The scan settings for what the visitor wants to scan, without jargon (pure: no Qt).

The visitor picks a purpose ("a text document", "a photo or an identity card"); `choose_settings()` turns it
into the device's own names: a source (flatbed or feeder), a mode and the supported resolution nearest to the
purpose's (300 dpi: readable by the administrations' upload forms, a few MB a page).
"""

from __future__ import annotations

import enum
from dataclasses import dataclass

from kiosk.devices.scanner.capabilities import Capabilities, ModeKind, ResolutionRange, mode_kind


class Purpose(enum.StrEnum):
    TEXT = "text"  # a letter, a form, an attestation: greyscale keeps stamps and signatures, files stay small
    PHOTO = "photo"  # a photo, an identity card, a coloured document: colour


@dataclass(frozen=True)
class Wanted:
    modes: tuple[ModeKind, ...]  # in order of preference
    resolution: int


WANTED = {
    Purpose.TEXT: Wanted(("gray", "color", "lineart"), 300),
    Purpose.PHOTO: Wanted(("color", "gray", "lineart"), 300),
}


@dataclass(frozen=True)
class ScanSettings:
    source: str | None  # None: the device has no --source option (leave its own)
    mode: str | None
    resolution: int | None
    feeder: bool  # scan every sheet in the feeder (a batch), not one page

    def arguments(self) -> list[str]:
        """The scanimage options for these settings."""
        arguments = []
        if self.source is not None:
            arguments.append(f"--source={self.source}")
        if self.mode is not None:
            arguments.append(f"--mode={self.mode}")
        if self.resolution is not None:
            arguments.append(f"--resolution={self.resolution}")
        return arguments


def choose_settings(capabilities: Capabilities, purpose: Purpose, feeder: bool = False) -> ScanSettings:
    """The settings for `purpose`. `feeder` asks for every sheet in the document feeder; a device without a
    feeder scans one page from its flatbed instead (the result says which: `feeder` is False then)."""
    wanted = WANTED[purpose]
    source = None
    use_feeder = feeder and capabilities.has_feeder
    if use_feeder:
        source = _preferred_feeder(capabilities.feeders)
    elif capabilities.flatbeds:
        source = capabilities.flatbeds[0]
    elif capabilities.sources:
        # No flatbed (a ScanSnap has only "ADF Front|ADF Back|ADF Duplex"): its feeder is the only way in.
        source = capabilities.default_source or capabilities.sources[0]
    return ScanSettings(
        source=source,
        mode=choose_mode(capabilities.modes, wanted.modes),
        resolution=nearest_resolution(capabilities.resolutions, wanted.resolution),
        feeder=use_feeder,
    )


def choose_mode(modes: tuple[str, ...], preferred: tuple[ModeKind, ...]) -> str | None:
    """The device's first mode of the first preferred kind; None when the device lists no modes."""
    for kind in preferred:
        for mode in modes:
            if mode_kind(mode) == kind:
                return mode
    return modes[0] if modes else None


def nearest_resolution(supported: tuple[int, ...] | ResolutionRange, wanted: int) -> int | None:
    """The supported resolution nearest to `wanted` (the higher one on a tie: sharper, never blurrier);
    None when the device says nothing about its resolution."""
    if isinstance(supported, ResolutionRange):
        low, high = supported.minimum, supported.maximum
        value = min(max(float(wanted), low), high)
        if supported.step > 0:
            steps = round((value - low) / supported.step)
            value = low + steps * supported.step
            while value > high:
                value -= supported.step
        return max(1, round(value))
    if not supported:
        return None
    return min(supported, key=lambda value: (abs(value - wanted), -value))


def _preferred_feeder(feeders: tuple[str, ...]) -> str:
    """One-sided first: "ADF Front" or "ADF" rather than "ADF Duplex" (a recto-verso batch doubles the pages
    of a one-sided letter with blank ones)."""
    for feeder in feeders:
        if "duplex" not in feeder.casefold() and "back" not in feeder.casefold():
            return feeder
    return feeders[0]
