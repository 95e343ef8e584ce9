"""Where the kiosk's read-only resources (assets/, shortcuts.yaml) are: inside the `kiosk` package itself.

They ship as package data, so they sit next to this module in every form of the program: a source checkout,
an editable install, a wheel installed anywhere, and a PyInstaller bundle (which places the package's data
under sys._MEIPASS/kiosk/ and sets this module's `__file__` there). This is the only place that knows:
every other module asks `resource_path()`.
"""

from __future__ import annotations

from pathlib import Path


def resource_root() -> Path:
    """The folder holding `assets/` and `shortcuts.yaml`: the `kiosk` package folder."""
    return Path(__file__).resolve().parent


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
