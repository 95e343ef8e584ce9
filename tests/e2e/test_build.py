"""Build smoke test: PyInstaller builds the `kiosk` bundle from build/kiosk.spec, and the frozen program finds
its bundled resources (shortcuts.yaml, assets/) and reports configuration problems as the source tree does.

Slow (one build, 15 to 60 s): it runs once per module, into a temporary folder, never inside the repository.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

pytestmark = pytest.mark.e2e

REPO = Path(__file__).resolve().parents[2]
SPEC = REPO / "build" / "kiosk.spec"


def _env() -> dict[str, str]:
    """The caller's environment without the kiosk's own variables, so only --config decides."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("ILOT_")}
    env["QTWEBENGINE_DISABLE_SANDBOX"] = "1"  # harmless as a user; required when the tests run as root
    return env


@pytest.fixture(scope="module")
def bundle(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The one-folder bundle (the folder holding the `kiosk` executable), built once for this module."""
    root = tmp_path_factory.mktemp("pyinstaller")
    command = [
        sys.executable, "-m", "PyInstaller", "--noconfirm", "--log-level", "WARN",
        "--distpath", str(root / "dist"), "--workpath", str(root / "work"), str(SPEC),
    ]  # fmt: skip
    # cwd outside the repository: the spec must find everything from its own location.
    result = subprocess.run(command, cwd=root, capture_output=True, text=True, timeout=900, env=_env())
    assert result.returncode == 0, f"pyinstaller failed:\n{result.stdout}\n{result.stderr[-6000:]}"
    folder = root / "dist" / "kiosk"
    assert (folder / "kiosk").is_file()
    return folder


def _internal(bundle: Path) -> Path:
    """sys._MEIPASS of the frozen program."""
    return bundle / "_internal"


def _resources(bundle: Path) -> Path:
    """Where the frozen kiosk/resources.py finds assets/ and shortcuts.yaml: _MEIPASS/kiosk."""
    return _internal(bundle) / "kiosk"


def _kiosk(bundle: Path, *args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [str(bundle / "kiosk"), *args], cwd=cwd, capture_output=True, text=True, timeout=120, env=_env()
    )


def test_bundle_holds_the_resources(bundle: Path) -> None:
    assert (_resources(bundle) / "assets" / "icons" / "house.svg").is_file()
    assert (_resources(bundle) / "assets" / "diagnostic" / "contenu.yaml").is_file()
    assert (_resources(bundle) / "shortcuts.yaml").is_file()
    # The kiosk's Qt modules are there, and QtWebEngine has its helper process and resources.
    qt = _internal(bundle) / "PySide6"
    for module in ("QtWidgets", "QtSvg", "QtWebEngineWidgets", "QtPdfWidgets", "QtTextToSpeech"):
        assert list(qt.glob(f"{module}.*.so")), module
    assert (qt / "Qt" / "libexec" / "QtWebEngineProcess").is_file()
    assert (qt / "Qt" / "resources" / "qtwebengine_resources.pak").is_file()
    # Unused Qt modules are excluded by the spec.
    for module in ("Qt3DCore", "QtCharts", "QtQuick3D", "QtSql", "QtTest", "QtBluetooth"):
        assert not list(qt.glob(f"{module}.*.so")), module


def test_check_passes_on_a_valid_config(bundle: Path, tmp_path: Path) -> None:
    config = tmp_path / "etc-ilot"
    config.mkdir()
    (config / "site.yaml").write_text("", encoding="utf-8")  # every key has a default

    result = _kiosk(bundle, "check", "--config-only", "--config", str(config), cwd=tmp_path)

    assert result.returncode == 0, result.stdout + result.stderr
    assert "Configuration OK" in result.stdout


def test_check_names_the_file_and_key_of_a_bad_value(bundle: Path, tmp_path: Path) -> None:
    config = tmp_path / "etc-ilot"
    config.mkdir()
    (config / "site.yaml").write_text('idle_timeout: "trois"\n', encoding="utf-8")

    result = _kiosk(bundle, "check", "--config-only", "--config", str(config), cwd=tmp_path)

    assert result.returncode == 1, result.stdout + result.stderr
    assert "site.yaml" in result.stdout
    assert "idle_timeout" in result.stdout


def test_check_reads_shortcuts_from_the_bundle(bundle: Path, tmp_path: Path) -> None:
    """Without the bundled shortcuts.yaml the same valid config fails: the frozen program really reads it."""
    config = tmp_path / "etc-ilot"
    config.mkdir()
    (config / "site.yaml").write_text("", encoding="utf-8")
    shortcuts = _resources(bundle) / "shortcuts.yaml"
    hidden = shortcuts.with_name("shortcuts.yaml.hidden")
    shortcuts.rename(hidden)
    try:
        result = _kiosk(bundle, "check", "--config-only", "--config", str(config), cwd=tmp_path)
    finally:
        hidden.rename(shortcuts)

    assert result.returncode == 1, result.stdout + result.stderr
    assert "shortcuts.yaml" in result.stdout


@pytest.mark.skipif(shutil.which("xvfb-run") is None, reason="needs xvfb-run (Debian package xvfb)")
def test_bundle_starts_the_kiosk_under_xvfb(bundle: Path, tmp_path: Path) -> None:
    """The frozen kiosk opens its window on a virtual screen and quits after the first paint."""
    config = tmp_path / "etc-ilot"
    config.mkdir()
    (config / "site.yaml").write_text("", encoding="utf-8")
    command = [
        "xvfb-run", "-a", "-s", "-screen 0 1280x800x24",
        str(bundle / "kiosk"), "run", "--config", str(config), "--data-dir", str(tmp_path / "data"),
        "--quit-after-first-paint",
    ]  # fmt: skip

    result = subprocess.run(command, cwd=tmp_path, capture_output=True, text=True, timeout=120, env=_env())

    assert result.returncode == 0, result.stdout + result.stderr[-4000:]
