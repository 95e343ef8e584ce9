"""Start-up of the kiosk against a bare PySide6 full-screen window, in the same run, under Xvfb.

For each program: the wall time from process start to its first paint (the program prints a line when its
window is first painted), its peak resident memory at that moment (VmHWM, printed in that line), and its peak
over the whole run, which ends one second after the paint (ru_maxrss from wait4): the kiosk opens its
database just after the first paint. The programs run in alternation to share the machine's state.

A third program, the bare window that also uses Qt's namespace (`bare_window.py --qt-namespace`), is shown
for reference: the part of the gap that any PySide6 program using `Qt.…` pays.

    .venv/bin/python bench/startup.py [--runs 10]

Targets (issue 2): time ≤ 1.3× and memory ≤ 1.5× the bare window's.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
from xvfb import virtual_screen

ROOT = Path(__file__).resolve().parent.parent


def measure(command: list[str], env: dict[str, str]) -> tuple[float, float, float]:
    """(seconds to first paint, MiB peak at first paint, MiB peak over the run) of one run of `command`."""
    started = time.perf_counter()
    process = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, env=env, text=True)
    painted, at_paint = None, 0.0
    for line in process.stdout:
        if line.startswith("first-paint") and painted is None:
            painted = time.perf_counter() - started
            at_paint = int(line.split()[1]) / 1024
    _, status, usage = os.wait4(process.pid, 0)
    code = os.waitstatus_to_exitcode(status)
    if painted is None or code != 0:
        raise RuntimeError(f"{command} exited {code} without painting")
    return painted, at_paint, usage.ru_maxrss / 1024


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=10)
    runs = parser.parse_args().runs
    python = sys.executable
    # A deployed kiosk (PyInstaller) runs from compiled bytecode: compile the sources as it would be.
    subprocess.run([python, "-m", "compileall", "-q", str(ROOT / "kiosk")], check=True)
    with tempfile.TemporaryDirectory() as data, virtual_screen():
        env = dict(os.environ, QT_QPA_PLATFORM="xcb")
        env.pop("PYTHONDONTWRITEBYTECODE", None)
        bare_cmd = [python, str(ROOT / "bench" / "bare_window.py")]
        bare_qt_cmd = [*bare_cmd, "--qt-namespace"]
        kiosk_cmd = [python, "-m", "kiosk", "run", "--demo", "--data-dir", data, "--quit-after-first-paint"]
        measure(kiosk_cmd, env)  # first start: creates the database, the last-good config and the icon cache
        measure(bare_cmd, env)
        bare, bare_qt, kiosk = [], [], []
        for _ in range(runs):
            bare.append(measure(bare_cmd, env))
            bare_qt.append(measure(bare_qt_cmd, env))
            kiosk.append(measure(kiosk_cmd, env))

    def medians(rows: list[tuple[float, float, float]]) -> tuple[float, float, float]:
        return tuple(statistics.median(column) for column in zip(*rows, strict=True))

    (bare_t, bare_m, bare_run), (kiosk_t, kiosk_m, kiosk_run) = medians(bare), medians(kiosk)
    bare_qt_t, bare_qt_m, bare_qt_run = medians(bare_qt)
    print(f"runs: {runs} each, medians")
    print("                     first paint   peak at paint   peak over the run")
    print(f"bare window        {bare_t * 1000:9.1f} ms {bare_m:11.1f} MiB {bare_run:13.1f} MiB")
    print(f"bare window + Qt.  {bare_qt_t * 1000:9.1f} ms {bare_qt_m:11.1f} MiB {bare_qt_run:13.1f} MiB")
    print(f"kiosk home         {kiosk_t * 1000:9.1f} ms {kiosk_m:11.1f} MiB {kiosk_run:13.1f} MiB")
    print(
        f"kiosk / bare       {kiosk_t / bare_t:9.2f}×    {kiosk_m / bare_m:11.2f}×"
        f"    {kiosk_run / bare_run:13.2f}×"
        "   (targets: time ≤ 1.3×, memory ≤ 1.5×)"
    )
    print(f"bare + Qt. / bare  {bare_qt_t / bare_t:9.2f}×    (reference: Qt's namespace alone)")


if __name__ == "__main__":
    main()
