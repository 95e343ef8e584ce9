"""Where the kiosk's read-only resources (assets/, shortcuts.yaml) are, from a source tree or a frozen bundle.

This is the only place that knows: every other module asks `resource_path()`.
"""

from __future__ import annotations

import sys
from pathlib import Path


def resource_root() -> Path:
    """The folder holding `assets/` and `shortcuts.yaml`."""
    bundle = getattr(sys, "_MEIPASS", None)  # set by PyInstaller in a frozen build
    if bundle:
        return Path(bundle)
    return Path(__file__).resolve().parent.parent


def resource_path(*parts: str) -> Path:
    """A path inside the resources, e.g. `resource_path("assets", "icons", "house.svg")`."""
    return resource_root().joinpath(*parts)


def bundled_shortcuts() -> Path:
    return resource_path("shortcuts.yaml")


def icon_path(name: str) -> Path:
    return resource_path("assets", "icons", f"{name}.svg")


def picture_path(name: str) -> Path:
    """One of the kiosk's own pictures (how to place a page on the scanner…)."""
    return resource_path("assets", "pictures", f"{name}.svg")
