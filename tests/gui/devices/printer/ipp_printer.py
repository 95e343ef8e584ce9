"""A real IPP printer for tests: CUPS's IPP Everywhere simulator `ippeveprinter` on a free loopback port,
keeping every document it receives in its own spool folder.

    with SystemBus(folder / "bus") as bus, SimulatedPrinter("TestPDF", folder / "TestPDF", bus) as printer:
        lpadmin -p TestPDF -v printer.uri ...             # a CUPS queue sends its jobs there
        printer.last_document()                           # the PDF the printer received for its last job

It speaks PDF only (`-f application/pdf`), so what it keeps is what CUPS's filters made of a job (copies and
page ranges applied by pdftopdf when the queue's PPD says cupsManualCopies). It runs `/bin/true` as its print
command: the job is done as soon as it is received, instead of the simulator's 5 to 15 s pretend printing.

ippeveprinter will not start without a D-Bus system bus for Avahi, even when it announces nothing (`-r off`):
`SystemBus` is a private dbus-daemon on a socket in the test folder, which ippeveprinter reaches through
DBUS_SYSTEM_BUS_ADDRESS; no Avahi daemon is needed on it. With `-n localhost` the simulator listens on
127.0.0.1 and ::1 only.

Needs the Debian packages cups-ipp-utils (ippeveprinter) and dbus-daemon.
"""

from __future__ import annotations

import os
import re
import shutil
import socket
import subprocess
import time
from pathlib import Path

from kiosk.devices.printer import ipp, ipp_codes, ipp_message

BUS_CONF = """<!DOCTYPE busconfig PUBLIC "-//freedesktop//DTD D-Bus Bus Configuration 1.0//EN"
 "http://www.freedesktop.org/standards/dbus/1.0/busconfig.dtd">
<busconfig>
  <listen>unix:path={socket}</listen>
  <auth>EXTERNAL</auth>
  <policy context="default">
    <allow user="*"/>
    <allow own="*"/>
    <allow send_destination="*"/>
    <allow receive_sender="*"/>
  </policy>
</busconfig>
"""

STARTUP_TIMEOUT = 15.0  # seconds
TOOLS_PATH = f"{os.environ.get('PATH', '/usr/bin:/bin')}:/usr/sbin"  # ippeveprinter lives in /usr/sbin
# ippeveprinter keeps a job's document as "<job id>-<job name>.pdf", and what its print command wrote as
# "<job id>-<job name>.prn" (empty here).
_document = re.compile(r"(\d+)-.*\.pdf")


def simulator_installed() -> bool:
    return all(shutil.which(tool, path=TOOLS_PATH) for tool in ("ippeveprinter", "dbus-daemon"))


def free_port() -> int:
    """A TCP port free on 127.0.0.1 (what the OS hands out there is seldom taken on ::1)."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _wait_until(ready, process: subprocess.Popen, what: str, log: Path) -> None:
    deadline = time.monotonic() + STARTUP_TIMEOUT
    while not ready():
        if process.poll() is not None or time.monotonic() > deadline:
            raise RuntimeError(f"{what} did not start; see {log}")
        time.sleep(0.05)


def stop_process(process: subprocess.Popen | None) -> None:
    if process is None or process.poll() is not None:
        return
    process.terminate()
    try:
        process.wait(10)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait(5)


class SystemBus:
    """A private dbus-daemon: a "system bus" for the simulators' Avahi client, and nothing else."""

    def __init__(self, folder: Path) -> None:
        self.folder = Path(folder)
        self.socket = self.folder / "bus.sock"
        self.process: subprocess.Popen | None = None

    @property
    def address(self) -> str:
        return f"unix:path={self.socket}"

    def start(self) -> SystemBus:
        self.folder.mkdir(parents=True, exist_ok=True)
        conf = self.folder / "bus.conf"
        conf.write_text(BUS_CONF.format(socket=self.socket))
        log = self.folder / "dbus-daemon.log"
        self.process = subprocess.Popen(
            [
                shutil.which("dbus-daemon", path=TOOLS_PATH) or "dbus-daemon",
                f"--config-file={conf}",
                "--nofork",
                "--nopidfile",
            ],
            stdin=subprocess.DEVNULL,
            stdout=subprocess.DEVNULL,
            stderr=open(log, "wb"),  # noqa: SIM115 (closed with the process)
        )
        try:
            _wait_until(self.socket.exists, self.process, "dbus-daemon", log)
        except RuntimeError:
            self.stop()
            raise
        return self

    def stop(self) -> None:
        stop_process(self.process)
        self.process = None

    def __enter__(self) -> SystemBus:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()


class SimulatedPrinter:
    """One ippeveprinter: a PDF printer at `uri`, keeping what it receives in `folder/spool`."""

    def __init__(self, name: str, folder: Path, bus: SystemBus) -> None:
        self.name = name
        self.folder = Path(folder)
        self.spool = self.folder / "spool"
        self.bus = bus
        self.port = 0
        self.process: subprocess.Popen | None = None

    @property
    def uri(self) -> str:
        return f"ipp://127.0.0.1:{self.port}/ipp/print"

    def start(self) -> SimulatedPrinter:
        self.spool.mkdir(parents=True, exist_ok=True)
        for attempt in range(3):  # the port may be taken on ::1, or by someone else before we bind it
            try:
                self._start_on(free_port())
                return self
            except RuntimeError:
                if attempt == 2:
                    raise
        return self

    def _start_on(self, port: int) -> None:
        self.port = port
        log = self.folder / "ippeveprinter.log"
        self.process = subprocess.Popen(
            [
                shutil.which("ippeveprinter", path=TOOLS_PATH) or "ippeveprinter",
                "-2",  # two-sided, as the queue's PPD says
                "-k",  # keep each job's document in the spool folder
                "-r",
                "off",  # announce nothing over DNS-SD
                "-f",
                "application/pdf",
                "-c",
                shutil.which("true") or "/bin/true",
                "-d",
                str(self.spool),
                "-n",
                "localhost",
                "-p",
                str(port),
                self.name,
            ],
            env=dict(os.environ, DBUS_SYSTEM_BUS_ADDRESS=self.bus.address),
            stdin=subprocess.DEVNULL,
            stdout=subprocess.DEVNULL,
            stderr=open(log, "wb"),  # noqa: SIM115 (closed with the process)
        )
        try:
            _wait_until(self._answers, self.process, f"ippeveprinter {self.name}", log)
        except RuntimeError:
            self.stop()
            raise

    def _answers(self) -> bool:
        try:
            with socket.create_connection(("127.0.0.1", self.port), timeout=0.5):
                return True
        except OSError:
            return False

    def documents(self) -> list[Path]:
        """Every document received, in the order of the printer's job ids."""
        numbered = [(int(m[1]), p) for p in self.spool.iterdir() if (m := _document.fullmatch(p.name))]
        return [path for _, path in sorted(numbered)]

    def last_document(self) -> Path:
        """The document of the last job received; a path that does not exist when none came."""
        documents = self.documents()
        return documents[-1] if documents else self.spool / "no-job-received.pdf"

    def jobs(self) -> list[dict]:
        """The jobs this printer was sent, with the attributes it was sent them with, oldest first."""
        response = ipp.request(
            ipp.Server("127.0.0.1", self.port, timeout=5),
            ipp_codes.GET_JOBS,
            "/ipp/print",
            [
                ipp_message.attr("printer-uri", ipp_codes.URI, self.uri),
                ipp_message.attr("which-jobs", ipp_codes.KEYWORD, "all"),
                ipp_message.attr("requested-attributes", ipp_codes.KEYWORD, "all"),
            ],
        )
        return sorted(response.all_groups(ipp_codes.JOB_GROUP), key=lambda job: job["job-id"])

    def stop(self) -> None:
        stop_process(self.process)
        self.process = None

    def __enter__(self) -> SimulatedPrinter:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()
