"""Purpose → settings: the device's own names, the nearest supported resolution."""

from __future__ import annotations

import pytest

from kiosk.devices.scanner.capabilities import Capabilities, ResolutionRange, parse_options
from kiosk.devices.scanner.defaults import (
    Purpose,
    ScanSettings,
    choose_mode,
    choose_settings,
    nearest_resolution,
)


def test_text_is_greyscale_300_dpi_on_the_flatbed(captured) -> None:
    settings = choose_settings(parse_options(captured("test-device-A.txt")), Purpose.TEXT)
    assert settings == ScanSettings(source="Flatbed", mode="Gray", resolution=300, feeder=False)
    assert settings.arguments() == ["--source=Flatbed", "--mode=Gray", "--resolution=300"]


def test_photo_is_colour(captured) -> None:
    settings = choose_settings(parse_options(captured("hp-officejet-8600-A.txt")), Purpose.PHOTO)
    assert (settings.mode, settings.resolution) == ("Color", 300)


def test_feeder_when_asked_and_present(captured) -> None:
    hp = parse_options(captured("hp-officejet-8600-A.txt"))
    assert choose_settings(hp, Purpose.TEXT, feeder=True).source == "ADF"
    assert choose_settings(hp, Purpose.TEXT, feeder=True).feeder
    snap = parse_options(captured("fujitsu-scansnap-s1300i-A.txt"))
    assert choose_settings(snap, Purpose.TEXT, feeder=True).source == "ADF Front"  # one-sided first
    assert choose_settings(snap, Purpose.TEXT).source == "ADF Front"  # its only way in


def test_feeder_asked_without_one_scans_the_flatbed() -> None:
    caps = Capabilities(sources=("Flatbed",), modes=("Color",), resolutions=(150, 600))
    settings = choose_settings(caps, Purpose.TEXT, feeder=True)
    assert settings.source == "Flatbed" and not settings.feeder
    assert settings.mode == "Color"  # no grey mode: colour rather than nothing
    assert "--batch-count" not in " ".join(settings.arguments())


@pytest.mark.parametrize(
    ("supported", "wanted", "expected"),
    [
        ((75, 100, 200, 300), 300, 300),
        ((75, 150, 600), 300, 150),  # 150 is 150 away, 600 is 300 away
        ((200, 400), 300, 400),  # a tie: the sharper one
        ((75,), 300, 75),
        (ResolutionRange(50, 600, 1), 300, 300),
        (ResolutionRange(400, 1200, 0), 300, 400),
        (ResolutionRange(50, 250, 0), 300, 250),
        (ResolutionRange(0, 1200, 7), 300, 301),  # on the device's steps
        ((), 300, None),
    ],
)
def test_nearest_resolution(supported, wanted, expected) -> None:
    assert nearest_resolution(supported, wanted) == expected


def test_mode_names_of_other_backends() -> None:
    assert choose_mode(("Binary", "True Gray", "24bit Color"), ("gray", "color")) == "True Gray"
    assert choose_mode(("Binary", "24bit Color"), ("gray", "color")) == "24bit Color"
    assert choose_mode((), ("gray",)) is None
