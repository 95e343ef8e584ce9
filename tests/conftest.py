"""The whole test run shares one private Xvfb screen: widget tests and QtWebEngine tests then run in the same
Qt application on a real X server, as the kiosk does on a terminal. Nothing here touches the developer's own
display."""

from __future__ import annotations

import contextlib
import os
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "bench"))
from xvfb import virtual_screen

_screen = contextlib.ExitStack()


def pytest_configure(config) -> None:
    _screen.enter_context(virtual_screen(1280, 800))
    os.environ["QT_QPA_PLATFORM"] = "xcb"
    os.environ["QTWEBENGINE_DISABLE_SANDBOX"] = "1"  # QtWebEngine refuses to start as root with its sandbox


def pytest_unconfigure(config) -> None:
    _screen.close()
