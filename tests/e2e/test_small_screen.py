"""The screens checked at 1280×800 by the tests marked `fits` are checked again on a 1024×768 screen, a size
many post-office PCs have: those tests run in a second pytest whose private Xvfb has that size
(ILOT_TEST_SCREEN, read by tests/conftest.py)."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

from tests.conftest import SCREEN
from tests.e2e.conftest import ROOT

pytestmark = pytest.mark.e2e


def test_every_screen_fits_a_1024_by_768_display():
    env = {k: v for k, v in os.environ.items() if not k.startswith(("QT_", "DISPLAY", "DBUS_SESSION"))}
    env[SCREEN] = "1024x768"
    run = subprocess.run(
        [sys.executable, "-m", "pytest", "-m", "fits", "-q", "-p", "no:cacheprovider", "-rfEs", "tests"],
        capture_output=True,
        text=True,
        timeout=900,
        env=env,
        cwd=ROOT,
    )
    summary = run.stdout.strip().splitlines()[-1] if run.stdout.strip() else ""
    if run.returncode != 0 or " passed" not in summary or "skipped" in summary:
        pytest.fail(f"at 1024×768:\n{run.stdout[-20000:]}{run.stderr[-5000:]}", pytrace=False)
