"""Tells, before Qt starts, whether there is a screen to show the kiosk on, so that `kiosk run` can say so in
one clear line instead of Qt's abort."""

from __future__ import annotations

import os
import socket
from collections.abc import Mapping
from pathlib import Path

X11_SOCKET_DIR = Path("/tmp/.X11-unix")


def display_problem(env: Mapping[str, str]) -> str | None:
    """None when a display looks usable; otherwise one line saying what is wrong and how to fix it."""
    if env.get("QT_QPA_PLATFORM", "").split(":")[0] not in ("", "xcb", "wayland"):
        return None  # offscreen, vnc, eglfs…: the platform plugin needs no X server
    wayland = env.get("WAYLAND_DISPLAY")
    if wayland:
        runtime = env.get("XDG_RUNTIME_DIR", "")
        if Path(runtime, wayland).exists() or Path(wayland).is_absolute():
            return None
    display = env.get("DISPLAY", "")
    if not display:
        return (
            "No screen: DISPLAY is not set. Fix: start the kiosk from its X session "
            "(build/kiosk-session.sh), or for a trial run: xvfb-run -s '-screen 0 1280x800x24' kiosk run"
        )
    if not _x_server_answers(display):
        return (
            f"No screen: cannot reach the X server DISPLAY={display}. "
            "Fix: start X first (xinit or the display manager) or set DISPLAY to a running one."
        )
    return None


def _x_server_answers(display: str) -> bool:
    host, _, rest = display.rpartition(":")
    number = rest.split(".")[0]
    if not number.isdigit():
        return False
    try:
        if host in ("", "unix"):
            with socket.socket(socket.AF_UNIX, socket.SOCK_STREAM) as sock:
                sock.settimeout(1.0)
                sock.connect(str(X11_SOCKET_DIR / f"X{number}"))
        else:
            with socket.create_connection((host, 6000 + int(number)), timeout=1.0):
                pass
    except OSError:
        return False
    return True


def current_display_problem() -> str | None:
    return display_problem(os.environ)
