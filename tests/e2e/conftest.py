"""End-to-end fixtures: a private Xvfb server per test module, and the kiosk run as a real process."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from xvfb import virtual_screen  # bench/xvfb.py, on the path from tests/conftest.py

ROOT = Path(__file__).resolve().parents[2]

SCREEN = (1280, 800)


@pytest.fixture(scope="module")
def x_display():
    """DISPLAY of a fresh Xvfb screen of SCREEN's size, with no window manager (like a kiosk session)."""
    with virtual_screen(*SCREEN) as display:
        yield display


def kiosk_command(*args: str) -> list[str]:
    return [sys.executable, "-m", "kiosk", *args]


def kiosk_env(**extra: str) -> dict[str, str]:
    """The test run's environment without its Qt settings and its session bus: the kiosk starts its own bus,
    as on a terminal whose session gives none."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("QT_") and k != "DBUS_SESSION_BUS_ADDRESS"}
    env.update(QTWEBENGINE_DISABLE_SANDBOX="1", **extra)
    return env


def run_kiosk(
    *args: str, env: dict[str, str] | None = None, timeout: float = 60
) -> subprocess.CompletedProcess:
    return subprocess.run(
        kiosk_command(*args),
        capture_output=True,
        text=True,
        timeout=timeout,
        env=env or kiosk_env(),
        cwd=ROOT,
    )
