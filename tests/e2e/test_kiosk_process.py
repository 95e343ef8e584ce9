"""`kiosk run` and `kiosk check` as real processes: a window covering the whole screen under Xvfb, a clean
exit on SIGTERM, one clear line without a display, and `kiosk check` naming a broken config's errors."""

from __future__ import annotations

import signal
import subprocess
import time

import pytest

from tests.e2e.conftest import ROOT, SCREEN, kiosk_command, kiosk_env, run_kiosk

pytestmark = pytest.mark.e2e


def window_geometries(display: str) -> list[tuple[int, int, int, int]]:
    """(x, y, width, height) of every mapped top-level window, read from the X server with xwininfo."""
    tree = subprocess.run(
        ["xwininfo", "-root", "-children", "-display", display], capture_output=True, text=True, check=True
    ).stdout
    sizes = []
    for line in tree.splitlines():
        parts = line.split()
        if parts and parts[0].startswith("0x") and "+" in line:
            geometry = next(p for p in parts if "x" in p and "+" in p)
            size, x, y = geometry.split("+")[:3]
            width, height = (int(n) for n in size.split("x"))
            info = subprocess.run(
                ["xwininfo", "-id", parts[0], "-display", display], capture_output=True, text=True
            ).stdout
            if "IsViewable" in info:
                sizes.append((int(x), int(y), width, height))
    return sizes


def test_kiosk_covers_the_screen_and_exits_cleanly_on_sigterm(x_display, tmp_path):
    data = tmp_path / "data"
    process = subprocess.Popen(
        kiosk_command("run", "--demo", "--data-dir", str(data)),
        env=kiosk_env(DISPLAY=x_display),
        cwd=ROOT,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        deadline = time.monotonic() + 30
        geometries = []
        while time.monotonic() < deadline and process.poll() is None:
            geometries = window_geometries(x_display)
            if (0, 0, *SCREEN) in geometries:
                break
            time.sleep(0.2)
        assert (0, 0, *SCREEN) in geometries, f"no full-screen window; seen {geometries}"
        process.send_signal(signal.SIGTERM)
        _, stderr = process.communicate(timeout=15)
    finally:
        if process.poll() is None:
            process.kill()
    assert process.returncode == 0, stderr
    assert "kiosk stopped" in stderr
    assert (data / "kiosk.db").is_file()
    assert window_geometries(x_display) == []


def test_kiosk_run_without_a_display_says_so_in_one_line(tmp_path):
    env = kiosk_env()
    env.pop("DISPLAY", None)
    env.pop("WAYLAND_DISPLAY", None)
    result = run_kiosk("run", "--demo", "--data-dir", str(tmp_path), env=env)
    assert result.returncode == 2
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1
    assert "DISPLAY is not set" in lines[0]
    assert "Fix:" in lines[0]


def test_kiosk_check_on_a_broken_config_exits_1_with_the_error(tmp_path):
    (tmp_path / "site.yaml").write_text("site_name: Test\nidle_timout: 120\nidle_warning: trois\n")
    result = run_kiosk("check", "--config", str(tmp_path))
    assert result.returncode == 1
    assert f"{tmp_path / 'site.yaml'}:2: idle_timout" in result.stdout
    assert "idle_timeout" in result.stdout.split("idle_timout", 1)[1]  # the suggestion
    assert f"{tmp_path / 'site.yaml'}:3: idle_warning" in result.stdout


def test_kiosk_check_on_a_good_config_exits_0(tmp_path):
    (tmp_path / "site.yaml").write_text("site_name: Bureau de poste de Test\nidle_timeout: 240\n")
    result = run_kiosk("check", "--config-only", "--config", str(tmp_path))
    assert result.returncode == 0, result.stdout
    assert "OK" in result.stdout


def test_python_dash_m_kiosk_is_the_same_command():
    result = run_kiosk("--help")
    assert result.returncode == 0
    assert "run" in result.stdout and "check" in result.stdout


def test_a_broken_site_file_keeps_the_last_good_config_and_the_kiosk_starts(x_display, tmp_path):
    config, data = tmp_path / "etc", tmp_path / "data"
    config.mkdir()
    (config / "site.yaml").write_text("site_name: Bureau de Rennes\n")
    args = ("run", "--config", str(config), "--data-dir", str(data), "--quit-after-first-paint")
    first = run_kiosk(*args, env=kiosk_env(DISPLAY=x_display))
    assert first.returncode == 0, first.stderr

    (config / "site.yaml").write_text("site_name: Bureau de Paimpol\nidle_timeout: trois minutes\n")
    second = run_kiosk(*args, env=kiosk_env(DISPLAY=x_display))
    assert second.returncode == 0, second.stderr
    assert "first-paint" in second.stdout
    assert f"{config / 'site.yaml'}:2: idle_timeout" in second.stderr
    assert "last-known-good" in second.stderr
    assert "Bureau de Rennes" in (data / "last-good-config.json").read_text()


def test_an_unusable_data_folder_is_named_with_its_fix(tmp_path):
    not_a_folder = tmp_path / "file"
    not_a_folder.write_text("")
    result = run_kiosk(
        "run", "--demo", "--data-dir", str(not_a_folder / "data"), env=kiosk_env(QT_QPA_PLATFORM="offscreen")
    )
    assert result.returncode == 1
    assert f"Cannot use the data folder {not_a_folder / 'data'}: Not a directory. Fix:" in result.stderr
    assert "Traceback" not in result.stderr
