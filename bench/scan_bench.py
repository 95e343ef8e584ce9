"""A feeder scan of N pages to one PDF through the kiosk's ScanService, against `scanimage` + `img2pdf` run
directly, in the same run, on SANE's `test` device; and the GUI event loop's worst stall during the kiosk's
scan (a QTimer ticking every 5 ms records the largest gap between its ticks).

    .venv/bin/python bench/scan_bench.py [--pages 10] [--runs 5] [--resolution 300]

Needs the Debian package sane-utils. The test device's feeder holds 10 sheets (test.conf) at most.
Targets: time ≤ 1.2× the direct pipeline's; worst stall ≤ 50 ms (no visible freeze).
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
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(Path(__file__).parent))
from xvfb import virtual_screen  # noqa: E402 (bench/ is on the path only now)


def sane_config(folder: Path) -> Path:
    folder.mkdir()
    (folder / "dll.conf").write_text("test\n")
    text = Path("/etc/sane.d/test.conf").read_text()
    text = re.sub(r"^test-picture .*$", 'test-picture "Color pattern"', text, flags=re.MULTILINE)
    (folder / "test.conf").write_text(text)
    return folder


def direct(config: Path, out: Path, pages: int, resolution: int) -> float:
    """scanimage in a batch, then img2pdf on the pages: what a shell script would do."""
    import img2pdf

    out.mkdir()
    env = dict(os.environ, SANE_CONFIG_DIR=str(config), LC_ALL="C")
    started = time.perf_counter()
    subprocess.run(
        ["scanimage", "-d", "test:0", "--format=png", f"--batch={out}/p%d.png", f"--batch-count={pages}",
         "--source=Automatic Document Feeder", "--mode=Gray", f"--resolution={resolution}"],
        env=env, check=True, capture_output=True,
    )  # fmt: skip
    images = sorted(out.glob("p*.png"), key=lambda path: int(path.stem[1:]))
    (out / "out.pdf").write_bytes(img2pdf.convert([str(path) for path in images]))
    elapsed = time.perf_counter() - started
    assert len(images) == pages
    return elapsed


def kiosk(app, config: Path, out: Path, pages: int) -> tuple[float, float]:
    """(seconds, worst event-loop gap in ms) of ScanService: list devices, feeder scan, PDF."""
    from PySide6.QtCore import QEventLoop, QTimer

    from kiosk.devices.scanner.defaults import Purpose
    from kiosk.devices.scanner.service import ScanService

    out.mkdir()
    service = ScanService(out, sane_config_dir=config)
    loop = QEventLoop()
    result: dict[str, object] = {}
    last, worst = [time.perf_counter()], [0.0]

    def tick() -> None:
        now = time.perf_counter()
        worst[0] = max(worst[0], now - last[0])
        last[0] = now

    def scanned(paths: list[str]) -> None:
        result["pages"] = len(paths)
        service.make_pdf()

    def failed(code: str) -> None:
        result["failed"] = code
        loop.quit()

    timer = QTimer(interval=5)
    timer.timeout.connect(tick)
    service.finished.connect(scanned)
    service.failed.connect(failed)
    service.pdf_ready.connect(lambda path: (result.setdefault("pdf", path), loop.quit()))
    service.pdf_failed.connect(failed)
    timer.start()
    last[0] = started = time.perf_counter()
    service.scan(Purpose.TEXT, feeder=True)
    loop.exec()
    elapsed = time.perf_counter() - started
    timer.stop()
    if "failed" in result or result.get("pages") != pages:
        raise RuntimeError(f"kiosk scan failed: {result}")
    service.wipe()
    return elapsed, worst[0] * 1000


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--pages", type=int, default=10)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--resolution", type=int, default=300)
    args = parser.parse_args()
    if shutil.which("scanimage") is None:
        sys.exit("scanimage is missing: install the Debian package sane-utils")
    if args.pages > 10:
        sys.exit("the test device's feeder holds 10 sheets")
    with tempfile.TemporaryDirectory() as temp, virtual_screen():
        os.environ["QT_QPA_PLATFORM"] = "xcb"
        from PySide6.QtWidgets import QApplication

        app = QApplication([])
        folder = Path(temp)
        config = sane_config(folder / "sane")
        # The kiosk's settings for Purpose.TEXT on this device: greyscale, the resolution nearest to 300.
        if args.resolution != 300:
            sys.exit("the kiosk scans text at 300 dpi: compare at --resolution 300")
        direct(config, folder / "warm-direct", args.pages, args.resolution)
        kiosk(app, config, folder / "warm-kiosk", args.pages)
        direct_times, kiosk_times, stalls = [], [], []
        for run in range(args.runs):
            direct_times.append(direct(config, folder / f"direct-{run}", args.pages, args.resolution))
            seconds, stall = kiosk(app, config, folder / f"kiosk-{run}", args.pages)
            kiosk_times.append(seconds)
            stalls.append(stall)
    d, k = statistics.median(direct_times), statistics.median(kiosk_times)
    print(f"{args.pages} pages, {args.resolution} dpi greyscale, feeder; runs: {args.runs} each, medians")
    print(f"scanimage + img2pdf   {d * 1000:8.1f} ms")
    print(f"kiosk ScanService     {k * 1000:8.1f} ms   (includes listing the devices)")
    print(f"ratio                 {k / d:8.2f}×   (target ≤ 1.2×)")
    median_stall = statistics.median(stalls)
    print(f"worst GUI stall       {max(stalls):8.1f} ms   (median of runs {median_stall:.1f} ms)")


if __name__ == "__main__":
    main()
