"""A technician's valid reloaded configuration restarts the kiosk: `Kiosk.restart` stops it cleanly, then
`run` replaces the process by the same command (`process.exec_again`, os.execv). Here the real kiosk runs as a
process under Xvfb; a small launcher asks the first run to restart once it has painted, and the second to
quit: the same PID starts twice, reads the new site.yaml, and ends with status 0."""

from __future__ import annotations

import subprocess
import sys
import textwrap

import pytest

from tests.e2e.conftest import ROOT, kiosk_env

pytestmark = pytest.mark.e2e

LAUNCHER = textwrap.dedent(
    """\
    import os, sys
    from pathlib import Path
    run = int(os.environ.get("ILOT_RESTART_TEST_COUNT", "0")) + 1
    os.environ["ILOT_RESTART_TEST_COUNT"] = str(run)  # kept across the exec, as the whole environment is
    from kiosk import app
    from kiosk.paths import Paths
    plain_exec = app.Kiosk.exec
    def exec_(self, quit_after_first_paint=False):
        from PySide6.QtCore import QTimer
        with open(sys.argv[1], "a") as notes:
            notes.write(f"{os.getpid()} {run} {self.config.site.site_name}\\n")
        then = self.restart if run == 1 else self.quit
        if run == 1:  # the technician's new file, read by the second run only
            (Path(sys.argv[2]) / "site.yaml").write_text("site_name: Bureau rechargé\\n")
        self.window.firstPainted.connect(lambda: QTimer.singleShot(300, then))
        return plain_exec(self, quit_after_first_paint)
    app.Kiosk.exec = exec_
    sys.exit(app.run(Paths(config_dir=Path(sys.argv[2]), data_dir=Path(sys.argv[3])), windowed=True))
    """
)


def test_a_restart_runs_the_same_command_again_in_the_same_process(x_display, tmp_path):
    config, data = tmp_path / "config", tmp_path / "data"
    config.mkdir()
    (config / "site.yaml").write_text("site_name: Bureau de départ\n")
    launcher, notes = tmp_path / "launcher.py", tmp_path / "notes.txt"
    launcher.write_text(LAUNCHER)
    done = subprocess.run(
        [sys.executable, str(launcher), str(notes), str(config), str(data)],
        capture_output=True,
        text=True,
        timeout=120,
        env=kiosk_env(DISPLAY=x_display),
        cwd=ROOT,
    )
    assert done.returncode == 0, done.stderr[-3000:]
    first, second = (line.split(" ", 2) for line in notes.read_text().splitlines())
    assert first[0] == second[0]  # one PID: the process was replaced, not forked
    assert (first[1], second[1]) == ("1", "2")
    assert (first[2], second[2]) == ("Bureau de départ", "Bureau rechargé")
    assert "starting again:" in done.stderr
