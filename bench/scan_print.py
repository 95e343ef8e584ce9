"""Scanning and printing, each against the system's own tools in the same run (issue 4):

    .venv/bin/python bench/scan_print.py [--runs 5]

1. bench/scan_bench.py: the kiosk's scan of N pages to one PDF (ScanService: scanimage in a child process,
   img2pdf on a worker thread) against `scanimage --batch` + `img2pdf` run directly; the worst GUI stall
   during the scan.
2. bench/print_bench.py: submitting a PDF and following it to completion (PrintService over IPP) against
   `lp` on the same private cupsd; the worst GUI stall meanwhile.

Each part runs in its own process (each makes its own Qt application). Target: ≤ 1.2× and no stall over
50 ms.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=5)
    runs = str(parser.parse_args().runs)
    status = 0
    for name in ("scan_bench.py", "print_bench.py"):
        print(f"--- {name}", flush=True)
        status |= subprocess.run([sys.executable, str(HERE / name), "--runs", runs], check=False).returncode
    return status


if __name__ == "__main__":
    sys.exit(main())
