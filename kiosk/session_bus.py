"""A D-Bus session bus that the kiosk (or a test run) owns, for when its environment gives none.

Without DBUS_SESSION_BUS_ADDRESS, libdbus inside Qt "autolaunches" a bus: `dbus-launch --autolaunch` and the
`dbus-daemon` it forks. Both stay behind when the kiosk ends, and dbus-launch keeps a connection to the X
server (an Xvfb started with -terminate then never ends either). Here `dbus-daemon` runs as a direct child
that the kernel ends together with its parent (`setpriv --pdeathsig`: even a parent killed with SIGKILL), and
`stop()` ends it at once on a normal exit. A bus the environment gives (a kiosk session under systemd) is
used as it is. Pure Python: no Qt, which must not start before the address is set.

The address is chosen here (a socket in a private temporary folder), so it is known the moment the daemon is
launched: the kiosk launches it, imports Qt meanwhile, and waits for it (`wait_ready`, some 30 ms here) only
just before the QApplication, whose accessibility bridge connects at once.
"""

from __future__ import annotations

import logging
import os
import select
import shutil
import subprocess
import tempfile
from collections.abc import MutableMapping

log = logging.getLogger(__name__)

ADDRESS = "DBUS_SESSION_BUS_ADDRESS"
START_TIMEOUT = 5.0  # seconds for dbus-daemon to tell its address


class SessionBus:
    """A `dbus-daemon --session` launched as a child of this process, listening on `address`."""

    def __init__(self, process: subprocess.Popen, address: str, folder: str, announced: int) -> None:
        self._process = process
        self.address = address
        self._folder = folder
        self._announced = announced  # the pipe where the daemon prints its address once it listens
        self._published_in: MutableMapping[str, str] | None = None  # the environment naming this bus

    def publish(self, environ: MutableMapping[str, str]) -> None:
        """Names this bus in `environ` (DBUS_SESSION_BUS_ADDRESS); a bus that never starts takes it back."""
        environ[ADDRESS] = self.address
        self._published_in = environ

    @property
    def pid(self) -> int:
        return self._process.pid

    def wait_ready(self) -> bool:
        """Waits (at most START_TIMEOUT) until the daemon accepts connections. False when it never does: it is
        stopped, and the address it was given is taken back out of the environment it was put in."""
        if self._announced < 0:
            return self._process.poll() is None
        with os.fdopen(self._announced, "rb") as pipe:
            self._announced = -1
            ready, _, _ = select.select([pipe], [], [], START_TIMEOUT)
            said = pipe.readline().decode().strip() if ready else ""
        if said:
            return True
        log.warning("no session bus of its own: dbus-daemon did not start")
        self.stop()
        if self._published_in is not None and self._published_in.get(ADDRESS) == self.address:
            del self._published_in[ADDRESS]
        return False

    def stop(self, timeout: float = 5.0) -> None:
        """Ends the bus (SIGTERM, then SIGKILL after `timeout`), reaps it and removes its socket's folder."""
        if self._announced >= 0:
            os.close(self._announced)
            self._announced = -1
        if self._process.poll() is None:
            self._process.terminate()
            try:
                self._process.wait(timeout)
            except subprocess.TimeoutExpired:
                self._process.kill()
                self._process.wait()
        shutil.rmtree(self._folder, ignore_errors=True)


def launch_session_bus(environ: MutableMapping[str, str] | None = None) -> SessionBus:
    """Launches a private session bus and returns at once; `wait_ready()` before using it. `environ` is the
    child's environment (by default this process's). Raises OSError when dbus-daemon is missing."""
    daemon = shutil.which("dbus-daemon")
    if daemon is None:
        raise OSError("dbus-daemon is not installed (Debian package dbus-daemon)")
    folder = tempfile.mkdtemp(prefix="ilot-bus-")
    address = f"unix:path={folder}/bus"
    command = [daemon, "--session", "--nofork", "--nopidfile", f"--address={address}"]
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
    except OSError:
        os.close(read_end)
        shutil.rmtree(folder, ignore_errors=True)
        raise
    finally:
        os.close(write_end)
    return SessionBus(process, address, folder, read_end)


def start_session_bus(environ: MutableMapping[str, str] | None = None) -> SessionBus:
    """A private session bus that accepts connections. Raises OSError when it cannot be had."""
    bus = launch_session_bus(environ)
    if not bus.wait_ready():
        raise OSError("dbus-daemon did not tell its address")
    return bus


def own_session_bus(environ: MutableMapping[str, str]) -> SessionBus | None:
    """A private bus, launched, whose address is put in `environ` at once, unless `environ` already names one
    (then None). Call it before Qt starts, and `wait_ready()` before the QApplication. Without dbus-daemon
    the kiosk goes on without a bus (logged)."""
    if environ.get(ADDRESS):
        return None
    try:
        bus = launch_session_bus(environ)
    except OSError as error:
        log.warning("no session bus of its own: %s", error)
        return None
    bus.publish(environ)
    return bus
