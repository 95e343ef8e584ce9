"""Screen-to-screen time of the diagnostic against a bare page switch, in the same run, under Xvfb.

A whole diagnostic is played (every item answered right at once, then the phone questions); for each answer
the time runs from the answer (the record that ends the item) until the next exercise screen has been painted
(a paint event of the new exercise, flushed to the X server). The baseline, measured between the answers of
the same run, is switching a QStackedWidget between two empty widgets until the new one is painted.

    .venv/bin/python bench/diagnostic.py [--runs 5]

Target (issue 5): the worst diagnostic transition ≤ 3× the worst bare switch.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from xvfb import virtual_screen


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=5)
    runs = parser.parse_args().runs
    with virtual_screen(), tempfile.TemporaryDirectory() as scratch:
        os.environ["QT_QPA_PLATFORM"] = "xcb"
        diagnostic_times, bare_times = measure(runs, Path(scratch))
    worst_diag, worst_bare = max(diagnostic_times), max(bare_times)
    print(f"runs: {runs}, transitions: {len(diagnostic_times)} diagnostic, {len(bare_times)} bare")
    print("                 median      worst")
    print(f"bare switch   {statistics.median(bare_times) * 1000:7.1f} ms {worst_bare * 1000:7.1f} ms")
    print(f"diagnostic    {statistics.median(diagnostic_times) * 1000:7.1f} ms {worst_diag * 1000:7.1f} ms")
    print(f"ratio of the worst: {worst_diag / worst_bare:.2f}×   (target ≤ 3×)")


def measure(runs: int, scratch: Path) -> tuple[list[float], list[float]]:
    from PySide6.QtCore import QEvent, QObject
    from PySide6.QtWidgets import QApplication, QStackedWidget, QWidget

    from kiosk.diagnostic.engine import Outcome
    from kiosk.diagnostic.loader import load_bundled_content
    from kiosk.diagnostic.schema import NeedQuestion
    from kiosk.diagnostic.views.screen import DiagnosticScreen
    from kiosk.shell import theme
    from kiosk.shell.icons import Icons

    app = QApplication.instance() or QApplication([])
    app.setStyleSheet(theme.STYLESHEET)
    content = load_bundled_content()
    screen = DiagnosticScreen(content, Icons(scratch / "icons"), None, scratch)
    screen.setGeometry(0, 0, 1280, 800)
    screen.show()
    bare = QStackedWidget()
    bare.setGeometry(0, 0, 1280, 800)
    pages = [QWidget(), QWidget()]
    for page in pages:
        bare.addWidget(page)

    painted: list[QObject] = []

    class PaintWatch(QObject):
        def eventFilter(self, watched, event) -> bool:
            if event.type() == QEvent.Type.Paint:
                painted.append(watched)
            return False

    watch = PaintWatch()

    def wait_painted(widget: QWidget, started: float) -> float:
        painted.clear()
        widget.installEventFilter(watch)
        deadline = time.perf_counter() + 5
        while widget not in painted:
            app.processEvents()
            if time.perf_counter() > deadline:
                raise RuntimeError("never painted")
        app.sync()  # the frame has reached the X server
        widget.removeEventFilter(watch)
        return time.perf_counter() - started

    def bare_switch() -> float:
        bare.show()
        bare.raise_()
        target = pages[1 - bare.currentIndex()]
        for _ in range(5):
            app.processEvents()
        started = time.perf_counter()
        bare.setCurrentWidget(target)
        return wait_painted(target, started)

    diagnostic_times: list[float] = []
    bare_times: list[float] = []
    for _ in range(runs + 1):  # the first run warms the caches (icons, pictures, Python bytecode)
        run_diag, run_bare = [], []
        screen.reset()
        screen.raise_()
        screen.start()
        while (step := screen.diagnostic.next_item()) is not None and not isinstance(step, NeedQuestion):
            thinking = (
                time.perf_counter() + 0.2
            )  # the visitor reads and answers: the screen prepares meanwhile
            while time.perf_counter() < thinking:
                app.processEvents()
            screen.raise_()
            started = time.perf_counter()
            screen._record(Outcome.SUCCESS_ALONE)  # what a right answer leads to
            if screen.exercise is not None:
                run_diag.append(wait_painted(screen.exercise, started))
            run_bare.append(bare_switch())
            screen.raise_()
        if _ > 0:
            diagnostic_times += run_diag
            bare_times += run_bare
    return diagnostic_times, bare_times


if __name__ == "__main__":
    main()
