"""A real SANE `test` scanner for each test: a private SANE_CONFIG_DIR whose dll.conf says `test`, with a copy
of the system's test.conf where a test may change what the virtual device does (slow reads, a feeder that
jams, a cover left open…)."""

from __future__ import annotations

import os
import re
import shutil
from collections.abc import Callable
from pathlib import Path

import pytest

SYSTEM_TEST_CONF = Path("/etc/sane.d/test.conf")
DATA = Path(__file__).parent / "data"

if shutil.which("scanimage") is None or not SYSTEM_TEST_CONF.is_file():
    pytest.skip(
        "needs the Debian package sane-utils (scanimage, SANE's test backend)",
        allow_module_level=True,
    )

SaneConfig = Callable[..., Path]


def write_sane_config(folder: Path, backends: str = "test", **options: str) -> Path:
    """`folder` as a SANE_CONFIG_DIR; `options` replace test.conf's lines (read_delay="true" → read-delay)."""
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "dll.conf").write_text(backends + "\n")
    text = SYSTEM_TEST_CONF.read_text()
    for key, value in options.items():
        name = key.replace("_", "-")
        text, count = re.subn(rf"^{re.escape(name)} .*$", f"{name} {value}", text, flags=re.MULTILINE)
        assert count == 1, f"{name} is not in test.conf"
    (folder / "test.conf").write_text(text)
    return folder


@pytest.fixture
def sane_config(tmp_path: Path) -> SaneConfig:
    """Call it with test.conf options to get a SANE_CONFIG_DIR: `sane_config(read_delay="true")`."""
    made = iter(range(1000))

    def make(backends: str = "test", **options: str) -> Path:
        return write_sane_config(tmp_path / f"sane-{next(made)}", backends, **options)

    return make


@pytest.fixture
def sane_env(sane_config: SaneConfig) -> dict[str, str]:
    """An environment for scanimage subprocesses seeing the test device."""
    return dict(os.environ, SANE_CONFIG_DIR=str(sane_config()), LC_ALL="C")


@pytest.fixture
def scratch(tmp_path: Path) -> Path:
    folder = tmp_path / "session"
    folder.mkdir(mode=0o700)
    return folder


@pytest.fixture
def captured() -> Callable[[str], str]:
    """The text of a captured scanimage output in data/."""
    return lambda name: (DATA / name).read_text()
