"""The kiosk's own session bus: a real dbus-daemon that answers, ends on stop() and with its parent (even one
killed with SIGKILL); none is started when the environment gives one."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time

from kiosk.session_bus import ADDRESS, own_session_bus, start_session_bus


def alive(pid: int) -> bool:
    try:
        with open(f"/proc/{pid}/stat") as stat:
            return stat.read().rsplit(")", 1)[1].split()[0] != "Z"
    except OSError:
        return False


def answers(address: str) -> bool:
    call = subprocess.run(
        [
            "dbus-send",
            f"--bus={address}",
            "--print-reply",
            "--dest=org.freedesktop.DBus",
            "/org/freedesktop/DBus",
            "org.freedesktop.DBus.GetId",
        ],
        capture_output=True,
        timeout=10,
    )
    return call.returncode == 0


def test_the_bus_answers_then_ends_on_stop():
    bus = start_session_bus()
    try:
        assert answers(bus.address)
    finally:
        bus.stop()
    assert not alive(bus.pid)
    assert not answers(bus.address)


def test_a_bus_given_by_the_environment_is_kept():
    environ = {ADDRESS: "unix:path=/run/user/1000/bus"}
    assert own_session_bus(environ) is None
    assert environ == {ADDRESS: "unix:path=/run/user/1000/bus"}


def test_own_bus_sets_the_address():
    environ = dict(os.environ)
    environ.pop(ADDRESS, None)
    bus = own_session_bus(environ)
    try:
        assert bus is not None and environ[ADDRESS] == bus.address  # known at once, before the daemon listens
        assert bus.wait_ready()
        assert answers(environ[ADDRESS])
    finally:
        bus.stop()


def test_the_bus_ends_with_a_parent_killed_with_sigkill():
    parent = subprocess.Popen(
        [
            sys.executable,
            "-c",
            "import time; from kiosk.session_bus import start_session_bus; "
            "print(start_session_bus().pid, flush=True); time.sleep(60)",
        ],
        stdout=subprocess.PIPE,
        text=True,
    )
    pid = int(parent.stdout.readline())
    assert alive(pid)
    parent.send_signal(signal.SIGKILL)
    parent.wait(10)
    deadline = time.monotonic() + 5
    while alive(pid) and time.monotonic() < deadline:
        time.sleep(0.05)
    assert not alive(pid)
