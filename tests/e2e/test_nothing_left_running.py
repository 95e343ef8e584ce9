"""Nothing the kiosk or a test run starts outlives it: `kiosk run` stopped with SIGTERM leaves no bus, no
helper, no child behind; a whole pytest run leaves neither its Xvfb nor its session bus. Found by the marker
each process inherits in its environment (tests/processes.py), which a daemon keeps when it leaves its
parent."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
import uuid

import pytest

from tests.e2e.conftest import ROOT, kiosk_command, kiosk_env
from tests.e2e.test_kiosk_process import window_geometries
from tests.processes import marked_processes, wait_until_gone

pytestmark = pytest.mark.e2e

KIOSK_MARKER = "ILOT_TEST_KIOSK"


def start_kiosk(x_display, tmp_path, bus: str | None = None) -> tuple[subprocess.Popen, str]:
    """`kiosk run --demo --windowed` on the module's screen, once its window is mapped, and its marker.
    `bus`: a session bus the environment gives it."""
    mark = uuid.uuid4().hex
    env = kiosk_env(DISPLAY=x_display, **{KIOSK_MARKER: mark})
    if bus is not None:
        env["DBUS_SESSION_BUS_ADDRESS"] = bus
    process = subprocess.Popen(
        kiosk_command("run", "--demo", "--windowed", "--data-dir", str(tmp_path / "data")),
        env=env,
        cwd=ROOT,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    deadline = time.monotonic() + 30
    while not window_geometries(x_display) and time.monotonic() < deadline and process.poll() is None:
        time.sleep(0.2)
    assert window_geometries(x_display), "the kiosk showed no window"
    return process, mark


def stop(process: subprocess.Popen) -> str:
    """SIGTERM, as systemd stops the kiosk; its stderr."""
    try:
        process.send_signal(signal.SIGTERM)
        _, stderr = process.communicate(timeout=15)
    finally:
        if process.poll() is None:
            process.kill()
            process.communicate()
    return stderr


def test_kiosk_stopped_with_sigterm_leaves_nothing_behind(x_display, tmp_path):
    process, mark = start_kiosk(x_display, tmp_path)
    started = marked_processes(mark, KIOSK_MARKER)
    buses = [p for p in started if "dbus-daemon" in p.command]
    stderr = stop(process)
    assert [bus.parent for bus in buses] == [process.pid]  # its own bus, as its child
    assert not any("dbus-launch" in p.command for p in started)
    assert process.returncode == 0, stderr
    assert wait_until_gone(mark, 5, KIOSK_MARKER) == []


def test_a_kiosk_given_a_session_bus_starts_none(x_display, tmp_path):
    """A kiosk session under systemd gives the kiosk its bus: the kiosk uses it and starts no other."""
    process, mark = start_kiosk(x_display, tmp_path, bus=os.environ["DBUS_SESSION_BUS_ADDRESS"])
    started = marked_processes(mark, KIOSK_MARKER)
    stderr = stop(process)
    assert process.returncode == 0, stderr
    assert [p.command for p in started if p.pid != process.pid] == []


def test_a_test_run_leaves_neither_its_xvfb_nor_its_bus(tmp_path):
    """A pytest run of widget and QtWebEngine tests, as a process of its own: once it has exited, nothing
    carrying its marker (its pid: tests/conftest.py) is left."""
    run = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "pytest",
            "-q",
            "-p",
            "no:cacheprovider",
            "--basetemp",
            str(tmp_path / "run"),
            "tests/gui/shell/test_session_lifecycle.py",
            "tests/gui/browser/test_kiosk_browser.py::test_the_top_bar_names_the_service_and_the_browser_fits_a_1024_screen",
        ],
        cwd=ROOT,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    # While its test runs: the run's Xvfb is among the processes carrying its marker.
    deadline = time.monotonic() + 120
    during = []
    while not any(p.command.startswith("Xvfb") for p in during) and run.poll() is None:
        assert time.monotonic() < deadline, "the run started no Xvfb"
        time.sleep(0.1)
        during = marked_processes(str(run.pid))
    output, _ = run.communicate(timeout=300)
    assert run.returncode == 0, output[-3000:]
    assert any(p.command.startswith("Xvfb") for p in during)  # the marker finds the run's processes
    assert wait_until_gone(str(run.pid), 10) == []
