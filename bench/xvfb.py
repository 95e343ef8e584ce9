"""A private Xvfb server for benchmarks and tests: `with virtual_screen() as display:` sets DISPLAY meanwhile;
`start_xvfb()` starts one and leaves its end to the caller (at the latest it ends with the process that
started it)."""

from __future__ import annotations

import contextlib
import os
import shutil
import subprocess
import time
from collections.abc import Iterator
from pathlib import Path


def start_xvfb(width: int = 1280, height: int = 800, *options: str) -> tuple[subprocess.Popen, str]:
    """Starts Xvfb on a display number it finds free itself (-displayfd: a number whose socket another X
    server holds, even one only seen through the abstract socket namespace, is skipped); returns it once it
    accepts connections."""
    read_end, write_end = os.pipe()
    # setpriv --pdeathsig: the kernel ends the server with the process that started it, even one killed.
    ends_with_us = ["setpriv", "--pdeathsig", "TERM"] if shutil.which("setpriv") else []
    server = subprocess.Popen(
        [
            *ends_with_us,
            "Xvfb",
            "-displayfd",
            str(write_end),
            "-screen",
            "0",
            f"{width}x{height}x24",
            "-nolisten",
            "tcp",
            *options,
        ],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        pass_fds=(write_end,),
    )
    os.close(write_end)
    with os.fdopen(read_end) as numbers:
        number = numbers.readline().strip()  # written once the server is ready
    if not number.isdigit():
        server.kill()
        raise RuntimeError("Xvfb did not start (is the Debian package xvfb installed?)")
    deadline = time.monotonic() + 10
    while not Path(f"/tmp/.X11-unix/X{number}").exists() and time.monotonic() < deadline:
        time.sleep(0.05)
    return server, f":{number}"


@contextlib.contextmanager
def virtual_screen(width: int = 1280, height: int = 800) -> Iterator[str]:
    server, display = start_xvfb(width, height)
    previous = os.environ.get("DISPLAY")
    os.environ["DISPLAY"] = display
    try:
        yield display
    finally:
        server.terminate()
        server.wait(5)
        if previous is None:
            os.environ.pop("DISPLAY", None)
        else:
            os.environ["DISPLAY"] = previous
