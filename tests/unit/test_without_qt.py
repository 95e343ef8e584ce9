"""The unit tests need neither Qt nor an X server: `pytest tests/unit` passes in a Python where PySide6 cannot
be imported, and starts no Xvfb (tests/conftest.py starts the run's screen before the first test outside
tests/unit only)."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

from tests.unit.without_qt import environment

ROOT = Path(__file__).resolve().parents[2]
HERE = Path(__file__).relative_to(ROOT)


def test_the_unit_tests_pass_without_pyside6_and_start_no_x_server(tmp_path):
    # An Xvfb first on the PATH that only says it was started, and fails.
    bin_folder = tmp_path / "bin"
    bin_folder.mkdir()
    started = tmp_path / "xvfb-started"
    fake = bin_folder / "Xvfb"
    fake.write_text(f'#!/bin/sh\necho "$@" >> {started}\nexit 1\n')
    fake.chmod(0o755)
    env = environment(tmp_path / "no-qt", PATH=f"{bin_folder}{os.pathsep}{os.environ['PATH']}")
    assert shutil.which("Xvfb", path=env["PATH"]) == str(fake)

    run = subprocess.run(
        [
            sys.executable,
            "-m",
            "pytest",
            "tests/unit",
            "-p",
            "no:cacheprovider",
            "-p",
            "no:pytest-qt",  # the plugin itself needs a Qt binding to load; the tests do not
            "-q",
            "--ignore",
            str(HERE),  # not itself again
            "--ignore",
            str(HERE.with_name("test_pure_modules.py")),  # the same proof, module by module
        ],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=600,
    )
    output = run.stdout + run.stderr
    assert run.returncode == 0, output[-4000:]
    assert " passed" in output.splitlines()[-1]
    assert not started.exists(), f"Xvfb was started: {started.read_text()}"
