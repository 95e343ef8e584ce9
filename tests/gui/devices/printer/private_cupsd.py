"""A private CUPS server for tests and benches: its own configuration, spool, state and logs in one folder,
listening on a free loopback port and on a domain socket in that folder. It never touches /etc/cups or
/run/cups, so it runs beside a system cupsd (or none) and beside other private ones.

    with PrivateCups(folder) as cups:
        cups.add_pdf_printer("TestPDF")           # a queue in front of its own simulated IPP printer
        cups.tool("cupsdisable", "TestPDF")        # client tools talk to this server (CUPS_SERVER)
        cups.output("TestPDF")                     # the PDF that printer received for the last job

Each queue sends its jobs over IPP to its own `ippeveprinter` (see ipp_printer.py), as CUPS sends them to a
network printer on a terminal, behind a small PPD whose filter chain is CUPS's own `pdftopdf`: what the
simulator keeps is the PDF CUPS sends to a PDF-speaking printer, with copies and page ranges applied. Not a
`file:` device: since cups 2.4.2-3+deb12u10 the scheduler no longer creates its output file (every job stops),
and `FileDevice` is a deprecated loophole the next security fix may close altogether. The job policy is
Debian's (cancelling a job needs its owner; with `authenticate_jobs` the owner must prove it, as in Debian's
"authenticated" policy); administration is open, for `cupsdisable` and `lpadmin` without a password.

Needs the Debian packages cups-daemon, cups-client, cups-filters (all pulled in by `cups`), cups-ipp-utils and
dbus-daemon.
"""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import time
from pathlib import Path

from .ipp_printer import SimulatedPrinter, SystemBus, free_port, simulator_installed, stop_process

PPD = """*PPD-Adobe: "4.3"
*FormatVersion: "4.3"
*FileVersion: "1.0"
*LanguageVersion: English
*LanguageEncoding: ISOLatin1
*PCFileName: "ILOTTEST.PPD"
*Manufacturer: "Ilot"
*Product: "(Ilot test PDF printer)"
*ModelName: "Ilot test PDF printer"
*ShortNickName: "Ilot test PDF printer"
*NickName: "Ilot test PDF printer"
*PSVersion: "(3010.000) 0"
*LanguageLevel: "3"
*ColorDevice: True
*DefaultColorSpace: RGB
*FileSystem: False
*Throughput: "1"
*LandscapeOrientation: Plus90
*TTRasterizer: Type42
*cupsVersion: 2.4
*cupsManualCopies: True
*cupsFilter2: "application/vnd.cups-pdf application/pdf 0 -"
*OpenUI *PageSize/Media Size: PickOne
*OrderDependency: 10 AnySetup *PageSize
*DefaultPageSize: A4
*PageSize A4/A4: "<</PageSize[595 842]>>setpagedevice"
*CloseUI: *PageSize
*OpenUI *PageRegion/Media Size: PickOne
*OrderDependency: 10 AnySetup *PageRegion
*DefaultPageRegion: A4
*PageRegion A4/A4: "<</PageSize[595 842]>>setpagedevice"
*CloseUI: *PageRegion
*DefaultImageableArea: A4
*ImageableArea A4/A4: "0 0 595 842"
*DefaultPaperDimension: A4
*PaperDimension A4/A4: "595 842"
*OpenUI *ColorModel/Color Mode: PickOne
*OrderDependency: 10 AnySetup *ColorModel
*DefaultColorModel: RGB
*ColorModel RGB/Color: "<</cupsColorSpace 1>>setpagedevice"
*ColorModel Gray/Grayscale: "<</cupsColorSpace 0>>setpagedevice"
*CloseUI: *ColorModel
*OpenUI *Duplex/2-Sided Printing: PickOne
*OrderDependency: 10 AnySetup *Duplex
*DefaultDuplex: None
*Duplex None/Off: "<</Duplex false>>setpagedevice"
*Duplex DuplexNoTumble/Long Edge: "<</Duplex true/Tumble false>>setpagedevice"
*Duplex DuplexTumble/Short Edge: "<</Duplex true/Tumble true>>setpagedevice"
*CloseUI: *Duplex
*DefaultFont: Courier
*Font Courier: Standard "(002.004S)" Standard ROM
"""

CUPSD_CONF = """Listen 127.0.0.1:{port}
Listen {socket}
LogLevel info
WebInterface No
Browsing Off
DefaultAuthType Basic
{extra}
<Location />
  Order allow,deny
  Allow all
</Location>
<Policy default>
  JobPrivateAccess default
  JobPrivateValues default
  SubscriptionPrivateAccess default
  SubscriptionPrivateValues default
  <Limit Send-Document Send-URI Hold-Job Release-Job Restart-Job Purge-Jobs Set-Job-Attributes Cancel-Job \
Cancel-My-Jobs Close-Job CUPS-Move-Job CUPS-Get-Document CUPS-Authenticate-Job>
{job_auth}    Require user @OWNER @SYSTEM
    Order deny,allow
  </Limit>
  <Limit All>
    Order deny,allow
  </Limit>
</Policy>
"""

CUPS_FILES_CONF = """ServerRoot {root}
RequestRoot {root}/spool
TempDir {root}/spool/tmp
CacheDir {root}/cache
StateDir {root}/state
AccessLog {root}/log/access_log
ErrorLog {root}/log/error_log
PageLog {root}/log/page_log
Printcap {root}/printcap
{extra}
"""


SBIN_PATH = (
    f"{os.environ.get('PATH', '/usr/bin:/bin')}:/usr/sbin:/sbin"  # cupsd, lpadmin, cupsdisable live here
)


def cups_installed() -> bool:
    tools = ("cupsd", "lpadmin", "cupsdisable", "lp")
    return (
        all(shutil.which(t, path=SBIN_PATH) for t in tools)
        and Path("/usr/lib/cups/filter/pdftopdf").exists()
        and simulator_installed()
    )


class PrivateCups:
    def __init__(
        self, folder: Path, *, cupsd_extra: str = "", files_extra: str = "", authenticate_jobs: bool = False
    ) -> None:
        """`cupsd_extra`, `files_extra`: lines added to cupsd.conf and to cups-files.conf.
        `authenticate_jobs`: cancelling or holding a job needs its owner to authenticate (Debian's
        "authenticated" policy), not only to name himself in requesting-user-name (its default one)."""
        self.root = Path(folder)
        self.authenticate_jobs = authenticate_jobs
        self.port = free_port()
        self.socket = self.root / "cups.sock"
        self.extra = cupsd_extra
        self.files_extra = files_extra
        self.process: subprocess.Popen | None = None
        self.bus: SystemBus | None = None
        self.printers: dict[str, SimulatedPrinter] = {}

    @property
    def address(self) -> str:
        """The domain socket: what the kiosk uses on a terminal (/run/cups/cups.sock)."""
        return str(self.socket)

    @property
    def tcp_address(self) -> str:
        return f"127.0.0.1:{self.port}"

    @property
    def env(self) -> dict[str, str]:
        return dict(os.environ, CUPS_SERVER=self.address, LC_ALL="C", PATH=SBIN_PATH)

    def output(self, printer: str) -> Path:
        """The document `printer` received for its last job; a path that does not exist when none came."""
        return self.printers[printer].last_document()

    def start(self) -> PrivateCups:
        for sub in ("spool/tmp", "cache", "state", "log", "ppd", "devices"):
            (self.root / sub).mkdir(parents=True, exist_ok=True)
        self.root.chmod(0o755)  # cupsd runs filters as user lp: they must reach the spool and the PPD
        (self.root / "cupsd.conf").write_text(
            CUPSD_CONF.format(
                port=self.port,
                socket=self.socket,
                extra=self.extra,
                job_auth="    AuthType Default\n" if self.authenticate_jobs else "",
            )
        )
        (self.root / "cups-files.conf").write_text(
            CUPS_FILES_CONF.format(root=self.root, extra=self.files_extra)
        )
        (self.root / "test.ppd").write_text(PPD)
        self.process = subprocess.Popen(
            [
                shutil.which("cupsd", path=SBIN_PATH) or "cupsd",
                "-f",
                "-c",
                str(self.root / "cupsd.conf"),
                "-s",
                str(self.root / "cups-files.conf"),
            ],
            stdout=subprocess.DEVNULL,
            stderr=open(self.root / "log" / "cupsd.stderr", "wb"),  # noqa: SIM115 (closed with the process)
        )
        deadline = time.monotonic() + 15
        while not self._answers():
            if self.process.poll() is not None or time.monotonic() > deadline:
                self.stop()
                raise RuntimeError(f"private cupsd did not start; see {self.root / 'log'}")
            time.sleep(0.05)
        return self

    def _answers(self) -> bool:
        if not self.socket.exists():
            return False
        try:
            with socket.create_connection(("127.0.0.1", self.port), timeout=0.5):
                return True
        except OSError:
            return False

    def tool(self, *command: str, check: bool = True) -> subprocess.CompletedProcess:
        """Run a CUPS client tool against this server."""
        command = (shutil.which(command[0], path=SBIN_PATH) or command[0], *command[1:])
        return subprocess.run(command, env=self.env, capture_output=True, text=True, check=check, timeout=30)

    def add_pdf_printer(self, name: str, *, default: bool = False) -> SimulatedPrinter:
        """A queue `name` whose jobs go to a simulated IPP printer of its own, started here."""
        if self.bus is None:
            self.bus = SystemBus(self.root / "bus").start()
        device = SimulatedPrinter(name, self.root / "devices" / name, self.bus).start()
        self.printers[name] = device
        # snmp=false: no SNMP agent answers there, and the ipp backend waited 4 s a job for one.
        # waitjob=false: the job is done once the printer holds the whole document (it answers only then),
        # not at the backend's next look at the printer's job, 0 or 1 s later at random.
        uri = f"{device.uri}?snmp=false&waitjob=false"
        self.tool("lpadmin", "-p", name, "-E", "-v", uri, "-P", str(self.root / "test.ppd"))
        if default:
            self.tool("lpadmin", "-d", name)
        return device

    def remove_printer(self, name: str) -> None:
        self.tool("lpadmin", "-x", name, check=False)
        if device := self.printers.pop(name, None):
            device.stop()

    def stop(self) -> None:
        """Stop cupsd, then the printers and the bus it used: nothing started here outlives this."""
        stop_process(self.process)
        self.process = None
        for device in self.printers.values():
            device.stop()
        if self.bus is not None:
            self.bus.stop()
            self.bus = None

    def __enter__(self) -> PrivateCups:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()
