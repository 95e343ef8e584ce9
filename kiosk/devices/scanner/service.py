"""The kiosk's scanner: find devices, scan pages, turn or drop them, make a PDF, forget everything.

    service = ScanService(paths.session_scratch, sane_config_dir=None)
    service.devices_changed.connect(...)        # tuple[Scanner, ...] (kiosk.devices.scanner.probe)
    service.progress.connect(...)               # (percent 0-100, page number in the document)
    service.page_scanned.connect(...)           # str: the new page's image
    service.finished.connect(...)               # list[str]: the pages this scan added
    service.failed.connect(...)                 # str: a Problem code (kiosk.devices.scanner.problems)
    service.pdf_ready.connect(...)              # str: the PDF's path;  pdf_failed(str problem code)
    service.refresh_devices()
    service.scan(Purpose.TEXT, feeder=False)
    service.cancel()
    service.rotate_page(0); service.delete_page(1); service.make_pdf()
    session.register_wiper("scanner", service.wipe)

The driver never runs in the kiosk's process: each scan is a `scanimage` child process driven by QProcess
(asynchronous: the GUI thread only reads its stderr when Qt says there is some). A driver that hangs is
killed by a `Watchdog` once it has made no progress for `stall_timeout` seconds; one that crashes ends the
scan with a problem code, never the kiosk. Listing devices (`DeviceList`) and making PDFs run
on kiosk.tasks (a QThreadPool); `wipe` forgets their answers. It kills a running scan without waiting on
the GUI thread: the killed process is reaped when Qt says it has ended, and what it may have left is removed
then.

Pages are PNG files in `pages_folder` (by default a hidden `.scans` folder in `folder`, so the raw pages are
not offered to web pages as documents); PDFs are written in `folder`, named "Document scanné N.pdf".
"""

from __future__ import annotations

import itertools
import logging
import os
import shutil
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace
from pathlib import Path

from PySide6.QtCore import QObject, QProcess, QProcessEnvironment, QThreadPool, QTimer, Signal, Slot

from kiosk.devices.scanner import pdf
from kiosk.devices.scanner.defaults import Purpose, ScanSettings, choose_settings
from kiosk.devices.scanner.device_list import DeviceList
from kiosk.devices.scanner.probe import ProbeResult, Scanner
from kiosk.devices.scanner.problems import Ending, Problem, problem_for
from kiosk.devices.scanner.scanimage import (
    SCANIMAGE,
    PageDone,
    PageStarted,
    Progress,
    StderrReader,
    page_path,
    scan_command,
    scan_environment,
)
from kiosk.devices.scanner.watchdog import STALL_TIMEOUT, Watchdog
from kiosk.tasks import Tasks

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class ScannedPage:
    path: Path
    rotation: int = 0  # clockwise degrees the visitor asked for (0, 90, 180, 270); applied in the PDF


class ScanService(QObject):
    devices_changed = Signal(object)
    progress = Signal(int, int)
    page_scanned = Signal(str)
    finished = Signal(list)
    failed = Signal(str)
    pdf_ready = Signal(str)
    pdf_failed = Signal(str)

    def __init__(
        self,
        folder: Path,
        *,
        pages_folder: Path | None = None,
        sane_config_dir: Path | None = None,
        environment: Mapping[str, str] | None = None,
        program: str = SCANIMAGE,
        stall_timeout: float = STALL_TIMEOUT,
        pool: QThreadPool | None = None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._folder = folder
        self._pages_folder = pages_folder if pages_folder is not None else folder / ".scans"
        base = os.environ if environment is None else environment
        self._environment = scan_environment(base, sane_config_dir)
        self._program = program
        self._tasks = Tasks(self, pool=pool)  # wipe() forgets their answers: nothing reaches the next visitor
        self._devices = DeviceList(self._environment, program, pool, self)
        self._devices.listed.connect(self._devices_probed)
        self._devices.failed.connect(self._probe_failed)

        self._pending_scan: tuple[Purpose, bool, str | None] | None = None
        self._pages: list[ScannedPage] = []
        self._pdfs: set[Path] = set()
        self._reserved: set[str] = set()
        self._runs = itertools.count(1)

        self._process: QProcess | None = None
        self._dying: set[QProcess] = set()  # killed by wipe(), until Qt says they ended
        self._run = 0
        self._reader = StderrReader()
        self._settings: ScanSettings | None = None
        self._first_index = 0  # pages in the document before this run
        self._current_page = 0
        self._awaiting: list[int] = []  # pages scanimage said it finished, until their file is renamed
        self._run_pages: list[str] = []
        self._watchdog = Watchdog(stall_timeout, self)
        self._rename_poll = QTimer(self, interval=50)
        self._rename_poll.timeout.connect(self._collect_pages)

    # -- devices ---------------------------------------------------------------------------------------

    @property
    def scanners(self) -> tuple[Scanner, ...]:
        """The scanners of the last refresh (empty before the first one ends)."""
        return self._devices.scanners

    @property
    def probe_result(self) -> ProbeResult | None:
        return self._devices.result

    def refresh_devices(self) -> None:
        """List the scanners and read their capabilities on a worker thread; `devices_changed` follows."""
        self._devices.refresh()

    def _devices_probed(self, result: ProbeResult) -> None:
        self.devices_changed.emit(result.scanners)
        if self._pending_scan is not None:
            purpose, feeder, device = self._pending_scan
            self._pending_scan = None
            self._start(purpose, feeder, device)

    def _probe_failed(self) -> None:
        if self._pending_scan is not None:
            self._pending_scan = None
            self.failed.emit(Problem.NO_DEVICE.value)

    # -- scanning --------------------------------------------------------------------------------------

    @property
    def scanning(self) -> bool:
        return self._process is not None or self._pending_scan is not None

    def scan(self, purpose: Purpose, feeder: bool = False, device: str | None = None) -> bool:
        """Scan one page (or every sheet in the feeder) with the settings for `purpose`, on `device` (by
        default the first scanner found). Returns False, doing nothing, while a scan is running. Lists the
        scanners first if that was never done."""
        if self.scanning:
            return False
        if self._devices.result is None:
            self._pending_scan = (purpose, feeder, device)
            self.refresh_devices()
            return True
        self._start(purpose, feeder, device)
        return True

    @property
    def driver_pid(self) -> int | None:
        """The running scanimage's process id (None between scans): for diagnostics and tests."""
        if self._process is None or self._process.state() == QProcess.ProcessState.NotRunning:
            return None
        return self._process.processId()

    def cancel(self) -> None:
        """Stop the running scan: `failed("cancelled")` follows. Pages already finished are kept."""
        if self._pending_scan is not None:
            self._pending_scan = None
            QTimer.singleShot(0, lambda: self.failed.emit(Problem.CANCELLED.value))
            return
        self._watchdog.cancel()  # scanimage cancels the scan with the driver, then exits

    def _start(self, purpose: Purpose, feeder: bool, device: str | None) -> None:
        scanner = self._devices.find(device)
        if scanner is None:
            QTimer.singleShot(0, lambda: self.failed.emit(Problem.NO_DEVICE.value))
            return
        self._pages_folder.mkdir(mode=0o700, parents=True, exist_ok=True)
        self._settings = choose_settings(scanner.capabilities, purpose, feeder)
        self._run = next(self._runs)
        self._reader = StderrReader()
        self._first_index = len(self._pages)
        self._current_page = 1
        self._awaiting, self._run_pages = [], []
        command = scan_command(
            scanner.device.name, self._settings, self._pages_folder, self._run, program=self._program
        )
        process = QProcess(self)
        environment = QProcessEnvironment()
        for key, value in self._environment.items():
            environment.insert(key, value)
        process.setProcessEnvironment(environment)
        process.setStandardOutputFile(QProcess.nullDevice())
        process.readyReadStandardError.connect(self._read_stderr)
        process.finished.connect(self._process_finished)
        process.errorOccurred.connect(self._process_error)
        self._process = process
        process.start(command[0], command[1:])
        self._watchdog.watch(process)
        self.progress.emit(0, self._first_index + 1)

    @Slot()
    def _read_stderr(self) -> None:
        process = self.sender()
        if process is not self._process or process is None:
            return
        chunk = bytes(process.readAllStandardError()).decode("utf-8", "replace")
        self._watchdog.alive()  # any output is a sign of life
        for event in self._reader.feed(chunk):
            self._handle(event)
        self._collect_pages()

    def _handle(self, event: Progress | PageStarted | PageDone) -> None:
        if isinstance(event, Progress):
            self.progress.emit(min(100, int(event.percent)), self._first_index + self._current_page)
        elif isinstance(event, PageStarted):
            self._current_page = event.number
            self.progress.emit(0, self._first_index + event.number)
        elif isinstance(event, PageDone) and event.complete:
            self._awaiting.append(event.number)
            self._rename_poll.start()

    @Slot()
    def _collect_pages(self) -> None:
        """Announce the pages scanimage has finished and renamed from NAME.part to NAME, in order."""
        while self._awaiting and page_path(self._pages_folder, self._run, self._awaiting[0]).is_file():
            path = page_path(self._pages_folder, self._run, self._awaiting.pop(0))
            self._pages.append(ScannedPage(path))
            self._run_pages.append(str(path))
            self.page_scanned.emit(str(path))
        if not self._awaiting:
            self._rename_poll.stop()

    @Slot(QProcess.ProcessError)
    def _process_error(self, error: QProcess.ProcessError) -> None:
        if error == QProcess.ProcessError.FailedToStart and self.sender() is self._process:
            log.warning("scanimage could not start: %s", self._process.errorString())
            self._end(Problem.NO_DEVICE)  # no scanimage: no scanner the kiosk can use

    @Slot(int, QProcess.ExitStatus)
    def _process_finished(self, exit_code: int, status: QProcess.ExitStatus) -> None:
        process = self.sender()
        if process is not self._process or process is None:
            return
        for event in self._reader.feed(bytes(process.readAllStandardError()).decode("utf-8", "replace")):
            self._handle(event)
        for event in self._reader.finish():
            self._handle(event)
        self._collect_pages()
        self._awaiting.clear()
        ending = Ending(
            exit_code=exit_code,
            stderr=self._reader.text,
            pages=len(self._run_pages),
            crashed=status == QProcess.ExitStatus.CrashExit,
            cancelled=self._watchdog.cancelled,
            timed_out=self._watchdog.timed_out,
            feeder=bool(self._settings and self._settings.feeder),
        )
        self._end(problem_for(ending))

    def _end(self, problem: Problem | None) -> None:
        process, self._process = self._process, None
        self._watchdog.stop()
        self._rename_poll.stop()
        if process is not None:
            process.deleteLater()
        self._remove_partials(self._run)
        if problem is None:
            self.finished.emit(list(self._run_pages))
        else:
            self.failed.emit(problem.value)

    def _bury(self, process: QProcess, run: int) -> None:
        """Kill a wiped scan's process; once Qt says it ended, delete it and what it may have left."""
        process.readyReadStandardError.disconnect(self._read_stderr)
        process.errorOccurred.disconnect(self._process_error)
        process.finished.disconnect(self._process_finished)
        if process.state() == QProcess.ProcessState.NotRunning:
            process.deleteLater()
            return
        self._dying.add(process)
        process.finished.connect(lambda *_: self._reaped(process, run))
        process.kill()  # SIGKILL: it cannot write into the folder again

    def _reaped(self, process: QProcess, run: int) -> None:
        if process not in self._dying:
            return
        self._dying.discard(process)
        for leftover in self._pages_folder.glob(f"page-{run}-*.png*"):
            leftover.unlink(missing_ok=True)
        process.deleteLater()

    def _remove_partials(self, run: int) -> None:
        for leftover in self._pages_folder.glob(f"page-{run}-*.png.part"):
            leftover.unlink(missing_ok=True)

    # -- pages -----------------------------------------------------------------------------------------

    def pages(self) -> list[ScannedPage]:
        """The pages of the document being made, in order."""
        return list(self._pages)

    def rotate_page(self, index: int, quarter_turns: int = 1) -> ScannedPage:
        """Turn page `index` clockwise by `quarter_turns` × 90°. Nothing is re-encoded: the turn is kept
        with the page and applied in the PDF (a thumbnail shows it with `QTransform().rotate(rotation)`)."""
        page = self._pages[index]
        self._pages[index] = replace(page, rotation=(page.rotation + 90 * quarter_turns) % 360)
        return self._pages[index]

    def delete_page(self, index: int) -> None:
        """Drop page `index` and its file (the visitor scans it again)."""
        page = self._pages.pop(index)
        page.path.unlink(missing_ok=True)

    def clear_pages(self) -> None:
        """Drop every page (after their PDF is made, or to start a new document)."""
        while self._pages:
            self.delete_page(len(self._pages) - 1)

    # -- PDF -------------------------------------------------------------------------------------------

    def make_pdf(self, pages: Sequence[ScannedPage] | None = None) -> Path | None:
        """Start writing `pages` (default: every page) as one PDF in `folder` on a worker thread; returns
        where it will be. `pdf_ready(path)` or `pdf_failed(problem)` follows. None if there is no page."""
        chosen = [pdf.PdfPage(page.path, page.rotation) for page in (self._pages if pages is None else pages)]
        if not chosen:
            return None
        self._folder.mkdir(parents=True, exist_ok=True)
        existing = {entry.name for entry in os.scandir(self._folder)} | self._reserved
        target = self._folder / pdf.document_name(existing)
        self._reserved.add(target.name)
        self._pdfs.add(target)
        reserved = self._reserved

        def dropped(_: None) -> None:  # finished after a wipe (or the service is gone): a visitor who left
            reserved.discard(target.name)
            target.unlink(missing_ok=True)

        self._tasks.run(
            lambda: pdf.assemble(chosen, target),
            lambda _: self._pdf_done(target),
            lambda error: self._pdf_failed(target, error),
            discard=dropped,
        )
        return target

    def _pdf_done(self, target: Path) -> None:
        self._reserved.discard(target.name)
        self.pdf_ready.emit(str(target))

    def _pdf_failed(self, target: Path, error: Exception) -> None:
        log.warning(
            "scanned PDF not written: %s", type(error).__name__
        )  # a page deleted meanwhile, a full disk…
        self._reserved.discard(target.name)  # assemble() leaves no partial file
        self._pdfs.discard(target)
        self.pdf_failed.emit(Problem.IO_ERROR.value)

    # -- end of session --------------------------------------------------------------------------------

    def wipe(self) -> None:
        """Stop any scan at once and delete every page and PDF this service made. No signal follows. Never
        waits: a running scanimage is killed (SIGKILL: it cannot write again) and reaped once it has ended."""
        self._tasks.forget()
        self._devices.forget()  # a listing still running will not say it is done
        self._pending_scan = None
        process, self._process = self._process, None
        self._watchdog.stop()
        self._rename_poll.stop()
        if process is not None:
            self._bury(process, self._run)
        for page in self._pages:
            page.path.unlink(missing_ok=True)
        self._pages.clear()
        for path in self._pdfs:
            path.unlink(missing_ok=True)
            path.with_name(f".{path.name}.part").unlink(missing_ok=True)
        self._pdfs.clear()
        self._run_pages, self._awaiting = [], []
        if self._pages_folder.name == ".scans" and self._pages_folder.parent == self._folder:
            shutil.rmtree(self._pages_folder, ignore_errors=True)  # its own folder: every file in it
        else:
            for run in range(1, self._run + 1):
                for leftover in self._pages_folder.glob(f"page-{run}-*.png*"):
                    leftover.unlink(missing_ok=True)
