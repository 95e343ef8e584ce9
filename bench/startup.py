"""Start-up of the kiosk against a bare PySide6 full-screen window, in the same run, under Xvfb.

Measures, for each program, the wall time from process start to its first paint (the program prints a line
when its window is first painted) and its peak resident memory (ru_maxrss from wait4). Runs the two in
alternation to share the machine's state, and reports medians and the kiosk/bare ratios.

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


def measure(command: list[str], env: dict[str, str]) -> tuple[float, float]:
    """(seconds to first paint, peak memory in MiB) of one run of `command`."""
    started = time.perf_counter()
    process = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, env=env, text=True)
    painted = None
    for line in process.stdout:
        if line.startswith("first-paint") and painted is None:
            painted = time.perf_counter() - started
    _, status, usage = os.wait4(process.pid, 0)
    process.returncode = os.waitstatus_to_exitcode(status)
    if painted is None or process.returncode != 0:
        raise RuntimeError(f"{command} exited {process.returncode} without painting")
    return painted, usage.ru_maxrss / 1024


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
        kiosk_cmd = [python, "-m", "kiosk", "run", "--demo", "--data-dir", data, "--quit-after-first-paint"]
        measure(kiosk_cmd, env)  # warm the file cache and create the database once
        measure(bare_cmd, env)
        bare, kiosk = [], []
        for _ in range(runs):
            bare.append(measure(bare_cmd, env))
            kiosk.append(measure(kiosk_cmd, env))
    bare_t, bare_m = statistics.median(t for t, _ in bare), statistics.median(m for _, m in bare)
    kiosk_t, kiosk_m = statistics.median(t for t, _ in kiosk), statistics.median(m for _, m in kiosk)
    print(f"runs: {runs} each, medians")
    print(f"bare window : first paint {bare_t * 1000:7.1f} ms, peak memory {bare_m:6.1f} MiB")
    print(f"kiosk home  : first paint {kiosk_t * 1000:7.1f} ms, peak memory {kiosk_m:6.1f} MiB")
    time_ratio, memory_ratio = kiosk_t / bare_t, kiosk_m / bare_m
    print(f"ratio       : time {time_ratio:.2f}× (target ≤ 1.3), memory {memory_ratio:.2f}× (target ≤ 1.5)")


if __name__ == "__main__":
    main()
