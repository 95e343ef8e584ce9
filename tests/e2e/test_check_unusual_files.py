"""`kiosk check` as a real process on config files that are there but bad in unusual ways: each is refused as
cleanly as a syntax error (the named file on one line, exit 1, no traceback), quickly and in little memory."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest

from kiosk.config.files import MAX_BYTES
from tests.e2e.conftest import ROOT, kiosk_command, kiosk_env, run_kiosk
from tests.unit.config.test_config_unusual_files import alias_bomb

pytestmark = pytest.mark.e2e

# Runs a command, then prints last on stderr the peak memory (kB) of that one command: this process has no
# other child, so RUSAGE_CHILDREN is the kiosk's own.
_PEAK = (
    "import resource, subprocess, sys; done = subprocess.run(sys.argv[1:]); "
    "print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss, file=sys.stderr); "
    "sys.exit(done.returncode)"
)


def check(config: Path) -> subprocess.CompletedProcess[str]:
    return run_kiosk("check", "--config-only", "--config", str(config), timeout=60)


def refused(result: subprocess.CompletedProcess[str], file: Path) -> str:
    """The one problem line of a refused config (after checking the exit code and the summary line)."""
    assert result.returncode == 1, result.stdout + result.stderr
    assert "Traceback" not in result.stderr, result.stderr
    lines = result.stdout.strip().splitlines()
    assert lines[-1] == f"1 problem(s) in the configuration in {file.parent}.", lines
    (problem,) = lines[:-1]
    assert problem.startswith(f"{file}:"), problem
    return problem


def measured_check(config: Path) -> tuple[subprocess.CompletedProcess[str], float, int]:
    """`kiosk check --config-only` on `config`, its time in seconds and its peak memory in kB."""
    command = [sys.executable, "-c", _PEAK, *kiosk_command("check", "--config-only", "--config", str(config))]
    started = time.monotonic()
    done = subprocess.run(command, capture_output=True, text=True, timeout=60, env=kiosk_env(), cwd=ROOT)
    seconds = time.monotonic() - started
    *errors, peak = done.stderr.strip().splitlines()
    return (
        subprocess.CompletedProcess(done.args, done.returncode, done.stdout, "\n".join(errors)),
        seconds,
        int(peak),
    )


def test_an_alias_bomb_is_refused_in_little_time_and_memory(tmp_path: Path) -> None:
    site = tmp_path / "site.yaml"
    site.write_text(alias_bomb(), encoding="utf-8")  # 600 bytes for a billion strings
    baseline = tmp_path / "baseline"
    baseline.mkdir()
    (baseline / "site.yaml").write_text('idle_timeout: "trois"\n', encoding="utf-8")

    bomb, bomb_seconds, bomb_kb = measured_check(tmp_path)
    plain, plain_seconds, plain_kb = measured_check(baseline)  # a one-line mistake, for comparison

    assert "would repeat more than 10000 values" in refused(bomb, site)
    refused(plain, baseline / "site.yaml")
    assert bomb_seconds < plain_seconds + 5, (bomb_seconds, plain_seconds)
    assert bomb_kb < plain_kb + 50_000, (bomb_kb, plain_kb)  # within 50 MB of a one-line mistake


def test_a_file_over_1_mb_is_refused_with_its_size(tmp_path: Path) -> None:
    site = tmp_path / "site.yaml"
    site.write_text("site_name: Brest\n" + "#" * (3 * MAX_BYTES) + "\n", encoding="utf-8")
    problem = refused(check(tmp_path), site)
    assert f"this file is 3.0 MB ({site.stat().st_size:,} bytes)".replace(",", " ") in problem


def test_a_site_file_linking_to_itself_is_not_configuration_ok(tmp_path: Path) -> None:
    (tmp_path / "site.yaml").symlink_to("site.yaml")
    problem = refused(check(tmp_path), tmp_path / "site.yaml")
    assert problem == (
        f"{tmp_path / 'site.yaml'}: this is a symbolic link that loops back on itself. "
        "Fix: replace the link with the file itself"
    )


def test_a_site_file_linking_to_nothing_is_refused(tmp_path: Path) -> None:
    (tmp_path / "site.yaml").symlink_to("/etc/ilot-old/site.yaml")
    problem = refused(check(tmp_path), tmp_path / "site.yaml")
    assert "a symbolic link to /etc/ilot-old/site.yaml, which does not exist" in problem


def test_a_shortcuts_folder_is_refused(tmp_path: Path) -> None:
    (tmp_path / "shortcuts.yaml").mkdir()
    problem = refused(check(tmp_path), tmp_path / "shortcuts.yaml")
    assert "this is a folder, not a file" in problem


def _where_file_modes_apply() -> list[str]:
    """The prefix that runs a command where file modes apply: root ignores them through its capabilities
    CAP_DAC_OVERRIDE and CAP_DAC_READ_SEARCH, so root runs without them (and still reaches the checkout,
    which may lie in root's private home)."""
    if os.geteuid() != 0:
        return []
    if shutil.which("setpriv") is None:
        pytest.skip("needs setpriv (util-linux) to drop root's power to read any file")
    return ["setpriv", "--bounding-set", "-dac_override,-dac_read_search"]


def test_a_site_file_the_kiosk_may_not_read_is_refused(tmp_path: Path) -> None:
    site = tmp_path / "site.yaml"
    site.write_text("site_name: Brest\n", encoding="utf-8")
    prefix = _where_file_modes_apply()
    command = [*prefix, *kiosk_command("check", "--config-only", "--config", str(tmp_path))]

    def run() -> subprocess.CompletedProcess[str]:
        return subprocess.run(command, capture_output=True, text=True, timeout=60, env=kiosk_env(), cwd=ROOT)

    readable = (
        run()
    )  # the same process rights, the same file, readable: so only the mode makes the difference
    assert readable.returncode == 0, readable.stdout + readable.stderr
    site.chmod(0)
    assert subprocess.run([*prefix, "cat", str(site)], capture_output=True).returncode != 0  # really denied

    problem = refused(run(), site)
    assert "the kiosk is not allowed to read this file (permission denied)" in problem


def test_a_running_kiosk_keeps_its_last_good_config_when_site_yaml_becomes_a_loop(x_display, tmp_path):
    """It used to start on the demo defaults without a word: a looping link passed for "no site file"."""
    config, data = tmp_path / "etc", tmp_path / "data"
    config.mkdir()
    (config / "site.yaml").write_text("site_name: Bureau de Quimper\n", encoding="utf-8")
    args = ("run", "--config", str(config), "--data-dir", str(data), "--quit-after-first-paint")
    first = run_kiosk(*args, env=kiosk_env(DISPLAY=x_display))
    assert first.returncode == 0, first.stderr

    (config / "site.yaml").unlink()
    (config / "site.yaml").symlink_to("site.yaml")
    second = run_kiosk(*args, env=kiosk_env(DISPLAY=x_display))

    assert second.returncode == 0, second.stderr
    assert f"{config / 'site.yaml'}: this is a symbolic link that loops back on itself" in second.stderr
    assert "last-known-good" in second.stderr
    assert "Bureau de Quimper" in (data / "last-good-config.json").read_text()
