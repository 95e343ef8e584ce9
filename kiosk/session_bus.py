"""A D-Bus session bus that the kiosk (or a test run) owns, for when its environment gives none.

Without DBUS_SESSION_BUS_ADDRESS, libdbus inside Qt "autolaunches" a bus: `dbus-launch --autolaunch` and the
`dbus-daemon` it forks. Both stay behind when the kiosk ends, and dbus-launch keeps a connection to the X
server (an Xvfb started with -terminate then never ends either). Here `dbus-daemon` runs as a direct child
that the kernel ends together with its parent (`setpriv --pdeathsig`: even a parent killed with SIGKILL), and
`stop()` ends it at once on a normal exit. A bus the environment gives (a kiosk session under systemd) is
used as it is. Pure Python: no Qt, which must not start before the address is set.
"""

from __future__ import annotations

import logging
import os
import select
import shutil
import subprocess
from collections.abc import MutableMapping

log = logging.getLogger(__name__)

ADDRESS = "DBUS_SESSION_BUS_ADDRESS"
START_TIMEOUT = 5.0  # seconds for dbus-daemon to tell its address


class SessionBus:
    """A running `dbus-daemon --session`, child of this process."""

    def __init__(self, process: subprocess.Popen, address: str) -> None:
        self._process = process
        self.address = address

    @property
    def pid(self) -> int:
        return self._process.pid

    def stop(self, timeout: float = 5.0) -> None:
        """Ends the bus (SIGTERM, then SIGKILL after `timeout`) and reaps it."""
        if self._process.poll() is not None:
            return
        self._process.terminate()
        try:
            self._process.wait(timeout)
        except subprocess.TimeoutExpired:
            self._process.kill()
            self._process.wait()


def start_session_bus(environ: MutableMapping[str, str] | None = None) -> SessionBus:
    """Starts a private session bus and returns it once it accepts connections. `environ` is the child's
    environment (by default this process's). Raises OSError when dbus-daemon is missing or says nothing."""
    daemon = shutil.which("dbus-daemon")
    if daemon is None:
        raise OSError("dbus-daemon is not installed (Debian package dbus-daemon)")
    command = [daemon, "--session", "--nofork", "--nopidfile"]
    if shutil.which("setpriv"):
        command = ["setpriv", "--pdeathsig", "TERM", *command]
    read_end, write_end = os.pipe()
    try:
        process = subprocess.Popen(
            [*command, f"--print-address={write_end}"],
            stdin=subprocess.DEVNULL,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            pass_fds=(write_end,),
            env=dict(os.environ if environ is None else environ),
            start_new_session=True,  # Ctrl+C in a terminal reaches the kiosk alone, which then ends the bus
        )
    finally:
        os.close(write_end)
    with os.fdopen(read_end, "rb") as pipe:
        ready, _, _ = select.select([pipe], [], [], START_TIMEOUT)
        address = pipe.readline().decode().strip() if ready else ""
    if not address:
        bus = SessionBus(process, "")
        bus.stop()
        raise OSError("dbus-daemon did not tell its address")
    return SessionBus(process, address)


def own_session_bus(environ: MutableMapping[str, str]) -> SessionBus | None:
    """A private bus whose address is put in `environ`, unless `environ` already names one (then None). Call
    it before Qt starts. Without dbus-daemon the kiosk goes on without a bus (logged)."""
    if environ.get(ADDRESS):
        return None
    try:
        bus = start_session_bus(environ)
    except OSError as error:
        log.warning("no session bus of its own: %s", error)
        return None
    environ[ADDRESS] = bus.address
    return bus
