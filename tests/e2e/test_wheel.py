"""A plain install works: the wheel, installed in a fresh venv away from the checkout, carries the bundled
shortcuts, the assets and the diagnostic content, and `kiosk check` and `kiosk diagnostic decode` use them.

The fresh venv sees this venv's site-packages through a .pth line (a plain path: the editable install's
finder in there is never run), so the dependencies need no download; the `kiosk` package it imports is the
wheel's, which the first test proves. Slow (one wheel build, 5 to 30 s), once per module.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import sysconfig
from pathlib import Path

import pytest

from kiosk.diagnostic.engine import Outcome
from tests.unit.diagnostic.test_decode_cli import finished_code

pytestmark = pytest.mark.e2e

REPO = Path(__file__).resolve().parents[2]
_LOCAL_STATE = {".git", ".venv", "__pycache__", ".pytest_cache", ".ruff_cache"}


def _env() -> dict[str, str]:
    """This environment without anything that could point Python or the kiosk at the checkout."""
    return {
        k: v
        for k, v in os.environ.items()
        if not k.startswith(("ILOT_", "PYTHON", "VIRTUAL_ENV")) and k != "PIP_REQUIRE_VIRTUALENV"
    }


def _ignore(folder: str, names: list[str]) -> set[str]:
    """Not copied into the wheel's source: local state, setuptools' and PyInstaller's leftovers in build/."""
    leftovers = {"lib", "work"} if Path(folder) == REPO / "build" else set()
    return {
        n for n in names if n in _LOCAL_STATE | leftovers or n.endswith(".egg-info") or n.startswith("bdist.")
    }


@pytest.fixture(scope="module")
def installed(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, str]:
    """(the fresh venv, the wheel build's log), the wheel built from a copy of this working tree."""
    root = tmp_path_factory.mktemp("wheel")
    source = root / "source"
    shutil.copytree(REPO, source, ignore=_ignore)
    build = subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "-v", "--no-deps", "-w", str(root / "wheels"), str(source)],
        cwd=root, capture_output=True, text=True, timeout=600, env=_env(),
    )  # fmt: skip
    assert build.returncode == 0, build.stdout[-4000:] + build.stderr[-4000:]
    (wheel,) = (root / "wheels").glob("ilot_kiosk-*.whl")

    venv = root / "venv"
    subprocess.run([sys.executable, "-m", "venv", "--without-pip", str(venv)], check=True, timeout=120)
    site_packages = Path(sysconfig.get_path("purelib", vars={"base": str(venv), "platbase": str(venv)}))
    (site_packages / "deps-from-the-test-venv.pth").write_text(
        sysconfig.get_path("purelib") + "\n", encoding="utf-8"
    )
    install = subprocess.run(
        [sys.executable, "-m", "pip", "--python", str(venv / "bin" / "python"), "install", "--no-deps",
         "--no-index", str(wheel)],
        cwd=root, capture_output=True, text=True, timeout=300, env=_env(),
    )  # fmt: skip
    assert install.returncode == 0, install.stdout + install.stderr
    return venv, build.stdout + build.stderr


def _run(venv: Path, *args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [str(venv / "bin" / "kiosk"), *args], cwd=cwd, capture_output=True, text=True, timeout=120, env=_env()
    )


def _package(venv: Path) -> Path:
    where = subprocess.run(
        [str(venv / "bin" / "python"), "-c", "import kiosk; print(kiosk.__file__)"],
        cwd=venv, capture_output=True, text=True, timeout=60, env=_env(), check=True,
    )  # fmt: skip
    return Path(where.stdout.strip()).parent


def test_the_venv_imports_the_wheel_never_the_checkout(installed: tuple[Path, str]) -> None:
    venv, _ = installed
    package = _package(venv)
    assert package.is_relative_to(venv), package
    assert not package.resolve().is_relative_to(REPO.resolve())
    assert (package / "shortcuts.yaml").is_file()
    assert (package / "assets" / "diagnostic" / "contenu.yaml").is_file()
    assert (package / "assets" / "icons" / "house.svg").is_file()
    assert (package / "assets" / "translations" / "kiosk_en.qm").is_file()


def test_the_build_has_no_licence_deprecation_warning(installed: tuple[Path, str]) -> None:
    _, log = installed
    assert "Building wheel for ilot-kiosk" in log  # the log is pip's verbose one, with the backend's words
    assert "project.license" not in log
    assert "deprecated" not in log.lower()


def test_check_passes_with_the_installed_shortcuts(installed: tuple[Path, str], tmp_path: Path) -> None:
    venv, _ = installed
    config = tmp_path / "etc-ilot"
    config.mkdir()
    (config / "site.yaml").write_text("site_name: Bureau de Brest\n", encoding="utf-8")

    result = _run(venv, "check", "--config-only", "--config", str(config), cwd=tmp_path)

    assert result.returncode == 0, result.stdout + result.stderr
    assert result.stdout.strip() == f"Configuration OK ({config})."


def test_check_still_names_a_bad_key(installed: tuple[Path, str], tmp_path: Path) -> None:
    venv, _ = installed
    config = tmp_path / "etc-ilot"
    config.mkdir()
    (config / "site.yaml").write_text("site_name: Brest\nidle_timout: 120\n", encoding="utf-8")

    result = _run(venv, "check", "--config-only", "--config", str(config), cwd=tmp_path)

    assert result.returncode == 1, result.stdout + result.stderr
    assert result.stdout.splitlines()[0] == (
        f"{config / 'site.yaml'}:2: idle_timout: unknown key. Fix: did you mean idle_timeout?"
    )


def test_decode_reads_a_real_code_with_the_installed_content(
    installed: tuple[Path, str], tmp_path: Path
) -> None:
    venv, _ = installed
    code = finished_code(Outcome.SUCCESS_ALONE)

    result = _run(venv, "diagnostic", "decode", code, cwd=tmp_path)

    assert result.returncode == 0, result.stdout + result.stderr
    assert f"Code : {code}" in result.stdout
    assert result.stdout.count(": Autonome") == 7


def test_a_missing_content_folder_is_named_in_the_decode_error(
    installed: tuple[Path, str], tmp_path: Path
) -> None:
    """What a plain install used to print ("... a des erreurs :", then nothing) now names the folder."""
    venv, _ = installed
    content = _package(venv) / "assets" / "diagnostic"
    hidden = content.with_name("diagnostic.hidden")
    content.rename(hidden)
    try:
        result = _run(venv, "diagnostic", "decode", finished_code(Outcome.SUCCESS_ALONE), cwd=tmp_path)
    finally:
        hidden.rename(content)

    assert result.returncode == 2, result.stdout + result.stderr
    lines = result.stderr.strip().splitlines()
    assert lines[0] == "Le contenu du diagnostic a des erreurs :"
    assert lines[1:] == [
        f"{content}: the diagnostic content folder does not exist. "
        "Fix: reinstall Îlot: its package is incomplete"
    ]
