"""Reading scanimage's device list and options: captured outputs of real devices, and the live test device."""

from __future__ import annotations

import subprocess

import pytest

from kiosk.devices.scanner.capabilities import (
    Capabilities,
    Device,
    ResolutionRange,
    mode_kind,
    parse_device_list,
    parse_options,
    source_kind,
)
from kiosk.devices.scanner.scanimage import list_command, options_command


def test_test_device_options(captured) -> None:
    caps = parse_options(captured("test-device-A.txt"))
    assert caps.sources == ("Flatbed", "Automatic Document Feeder")
    assert caps.flatbeds == ("Flatbed",) and caps.feeders == ("Automatic Document Feeder",)
    assert caps.modes == ("Gray", "Color")
    assert caps.resolutions == ResolutionRange(1, 1200, 1)
    assert (caps.default_source, caps.default_mode, caps.default_resolution) == ("Flatbed", "Gray", 50)


def test_hp_list_of_resolutions_and_lineart(captured) -> None:
    caps = parse_options(captured("hp-officejet-8600-A.txt"))
    assert caps.resolutions == (75, 100, 200, 300)
    assert caps.modes == ("Lineart", "Gray", "Color")
    assert caps.has_flatbed and caps.has_feeder and caps.feeders == ("ADF",)
    assert caps.default_resolution == 75
    assert caps.resolution_text() == "75, 100, 200, 300 dpi"


def test_feeder_only_scanner_has_no_flatbed(captured) -> None:
    caps = parse_options(captured("fujitsu-scansnap-s1300i-A.txt"))
    assert caps.sources == ("ADF Front", "ADF Back", "ADF Duplex")
    assert not caps.has_flatbed and caps.has_feeder
    assert caps.resolutions == ResolutionRange(50, 600, 1)
    assert caps.default_source == "ADF Front"


def test_inactive_and_missing_options() -> None:
    text = (
        "  Scan mode:\n"
        "    --mode Color|Gray [inactive]\n"
        "    --resolution 150|300|600dpi [300]\n"
        "    --source Flatbed|ADF[Duplex] [Flatbed]\n"
    )
    caps = parse_options(text)
    assert caps.modes == ()  # inactive: cannot be set now
    assert caps.resolutions == (150, 300, 600)
    assert caps.sources == ("Flatbed", "ADF[Duplex]")
    assert parse_options("") == Capabilities()
    assert Capabilities().has_flatbed and not Capabilities().has_feeder  # no --source: a plain flatbed


@pytest.mark.parametrize(
    ("name", "kind"),
    [
        ("Flatbed", "flatbed"),
        ("FlatBed", "flatbed"),
        ("Document Table", "flatbed"),
        ("ADF", "feeder"),
        ("ADF Duplex", "feeder"),
        ("Automatic Document Feeder", "feeder"),
        ("Transparency Unit", "other"),
    ],
)
def test_source_kind(name: str, kind: str) -> None:
    assert source_kind(name) == kind


@pytest.mark.parametrize(
    ("name", "kind"),
    [
        ("Color", "color"),
        ("24bit Color", "color"),
        ("True Gray", "gray"),
        ("Lineart", "lineart"),
        ("IR", "other"),
    ],
)
def test_mode_kind(name: str, kind: str) -> None:
    assert mode_kind(name) == kind


def test_device_list(captured) -> None:
    devices = parse_device_list(captured("test-device-list.txt"))
    assert devices == [
        Device("test:0", "Noname", "frontend-tester", "virtual device"),
        Device("test:1", "Noname", "frontend-tester", "virtual device"),
    ]
    assert devices[0].label == "Noname frontend-tester"
    assert parse_device_list("") == []


def test_live_test_device_matches_the_captured_output(sane_env, captured) -> None:
    """The parser reads the installed scanimage as it read the capture (an upgrade that changes the format
    shows here)."""
    listing = subprocess.run(list_command(), env=sane_env, capture_output=True, text=True, check=True)
    devices = parse_device_list(listing.stdout)
    assert [device.name for device in devices] == ["test:0", "test:1"]
    options = subprocess.run(
        options_command("test:0"), env=sane_env, capture_output=True, text=True, check=True
    )
    assert parse_options(options.stdout) == parse_options(captured("test-device-A.txt"))


def test_live_empty_configuration_lists_nothing(sane_config) -> None:
    env = {"SANE_CONFIG_DIR": str(sane_config(backends="")), "LC_ALL": "C", "PATH": "/usr/bin:/bin"}
    listing = subprocess.run(list_command(), env=env, capture_output=True, text=True, check=True)
    assert parse_device_list(listing.stdout) == []
