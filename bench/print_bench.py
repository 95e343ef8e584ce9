"""Printing through the kiosk's CUPS backend against `lp`, in the same run, on a private cupsd whose queue
sends to a simulated IPP Everywhere printer (ippeveprinter, as in the tests).

For each way, the wall time from "print this PDF" to CUPS reporting the job completed (the PDF received by the
printer), both followed by the same Get-Job-Attributes poll every `--poll-ms`:
  lp            `lp -d PRINTER file` (a process, as a shell script would), then the poll;
  backend       kiosk.devices.printer.backend.submit (IPP from Python), then the poll;
  PrintService  submit() on the GUI thread until its `finished` signal (worker thread, QTimer polling at the
                same period), measured inside a running Qt event loop.
The three run in alternation. While PrintService works, a QTimer ticking every 5 ms records the largest gap
between two ticks: the worst stall of the GUI event loop.

    .venv/bin/python bench/print_bench.py [--runs 10] [--pages 5] [--poll-ms 100]

Completion is seen at the first poll after it, so times step by `--poll-ms`: a small one (10) compares the
ways more finely, the kiosk's own (500) shows what a visitor waits.
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(Path(__file__).parent))
sys.path.insert(0, str(ROOT))
from xvfb import virtual_screen  # noqa: E402

from kiosk.devices.printer import backend, ipp  # noqa: E402
from kiosk.devices.printer.problems import JobState  # noqa: E402
from tests.gui.devices.printer.private_cupsd import PrivateCups  # noqa: E402 (the tests' cupsd and printers)

PRINTER = "BenchPDF"


def make_pdf(path: Path, pages: int) -> None:
    from PySide6.QtGui import QPageSize, QPainter, QPdfWriter

    writer = QPdfWriter(str(path))
    writer.setPageSize(QPageSize(QPageSize.PageSizeId.A4))
    painter = QPainter(writer)
    for page in range(1, pages + 1):
        if page > 1:
            writer.newPage()
        painter.drawText(400, 1200, f"Page {page} — attestation de droits, document de test")
    painter.end()


def wait_completed(server: ipp.Server, job_id: int, poll: float) -> None:
    deadline = time.monotonic() + 60
    while (status := backend.job_status(server, job_id)).state != JobState.COMPLETED:
        if status.finished or time.monotonic() > deadline:
            raise RuntimeError(f"job {job_id} ended {status}")
        time.sleep(poll)


def run_lp(cups: PrivateCups, server: ipp.Server, pdf: Path, poll: float) -> float:
    started = time.perf_counter()
    done = subprocess.run(
        ["lp", "-d", PRINTER, str(pdf)], env=cups.env, capture_output=True, text=True, check=True
    )
    job_id = int(re.search(rf"{PRINTER}-(\d+)", done.stdout)[1])
    wait_completed(server, job_id, poll)
    return time.perf_counter() - started


def run_backend(server: ipp.Server, pdf: Path, poll: float) -> float:
    started = time.perf_counter()
    submitted = backend.submit(server, PRINTER, pdf.read_bytes())
    wait_completed(server, submitted.job_id, poll)
    return time.perf_counter() - started


def run_service(app, service, pdf: Path) -> tuple[float, float]:
    """(seconds to `finished`, worst gap in ms between two 5 ms ticks of the GUI event loop meanwhile)."""
    from PySide6.QtCore import QElapsedTimer, QEventLoop, QTimer

    loop = QEventLoop()
    outcome: list[object] = []
    clock = QElapsedTimer()
    last = [0]
    worst = [0]

    def tick() -> None:
        now = clock.elapsed()
        worst[0] = max(worst[0], now - last[0])
        last[0] = now

    ticker = QTimer()
    ticker.setInterval(5)
    ticker.timeout.connect(tick)
    service.finished.connect(lambda ticket: (outcome.append(("finished", ticket)), loop.quit()))
    service.failed.connect(lambda ticket, problem: (outcome.append(("failed", problem)), loop.quit()))
    clock.start()
    ticker.start()
    app.processEvents()
    last[0] = clock.elapsed()
    started = time.perf_counter()
    service.submit(pdf)
    loop.exec()
    elapsed = time.perf_counter() - started
    ticker.stop()
    service.finished.disconnect()
    service.failed.disconnect()
    if not outcome or outcome[0][0] != "finished":
        raise RuntimeError(f"PrintService did not finish: {outcome}")
    return elapsed, float(worst[0])


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=10)
    parser.add_argument("--pages", type=int, default=5)
    parser.add_argument("--poll-ms", type=int, default=100)
    args = parser.parse_args()
    poll = args.poll_ms / 1000
    folder = Path(tempfile.mkdtemp(prefix="ilot-print-bench-"))
    try:
        with virtual_screen(), PrivateCups(folder) as cups:
            os.environ["QT_QPA_PLATFORM"] = "xcb"
            from PySide6.QtWidgets import QApplication

            from kiosk.devices.printer.service import PrintService

            app = QApplication([])
            cups.add_pdf_printer(PRINTER)
            server = ipp.Server(cups.address)
            pdf = folder / "document.pdf"
            make_pdf(pdf, args.pages)
            service = PrintService(server, printer=PRINTER, poll_interval_ms=args.poll_ms)
            run_lp(cups, server, pdf, poll)  # warm-up: filters, page cache, QtPdf
            run_backend(server, pdf, poll)
            run_service(app, service, pdf)
            lp, direct, through, stalls = [], [], [], []
            for _ in range(args.runs):
                lp.append(run_lp(cups, server, pdf, poll))
                direct.append(run_backend(server, pdf, poll))
                seconds, stall = run_service(app, service, pdf)
                through.append(seconds)
                stalls.append(stall)
            service.close()
    finally:
        shutil.rmtree(folder, ignore_errors=True)

    lp_t, direct_t, through_t = (statistics.median(x) for x in (lp, direct, through))
    print(
        f"runs: {args.runs} each, {args.pages}-page PDF, completion polled every {args.poll_ms} ms, medians"
    )
    print(f"lp + poll            {lp_t * 1000:8.1f} ms")
    print(f"backend + poll       {direct_t * 1000:8.1f} ms   ratio {direct_t / lp_t:5.2f}× lp")
    print(f"PrintService         {through_t * 1000:8.1f} ms   ratio {through_t / lp_t:5.2f}× lp")
    print(
        f"GUI event loop, worst gap between 5 ms ticks: {max(stalls):.0f} ms "
        f"(median of runs {statistics.median(stalls):.0f} ms)"
    )


if __name__ == "__main__":
    main()
