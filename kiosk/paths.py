"""Every writable directory the kiosk uses, decided in one place; tests and `--data-dir` redirect it."""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

DEFAULT_CONFIG_DIR = Path("/etc/ilot")
DEFAULT_DATA_DIR = Path("/var/lib/ilot")


@dataclass(frozen=True)
class Paths:
    config_dir: Path | None  # None: bundled defaults only (demo mode)
    data_dir: Path

    @property
    def database(self) -> Path:
        return self.data_dir / "kiosk.db"

    @property
    def last_good_config(self) -> Path:
        return self.data_dir / "last-good-config.json"

    @property
    def session_scratch(self) -> Path:
        """Files of the current visitor (downloads, scans); emptied at each session end."""
        return self.data_dir / "session"

    @property
    def icon_cache(self) -> Path:
        return self.data_dir / "cache" / "icons"

    @property
    def log_file(self) -> Path:
        return self.data_dir / "kiosk.log"

    def ensure(self) -> None:
        self.data_dir.mkdir(parents=True, exist_ok=True)
        self.session_scratch.mkdir(mode=0o700, exist_ok=True)


def default_paths(config_dir: Path | None, data_dir: Path | None, demo: bool) -> Paths:
    """Paths from the command line, the environment (ILOT_CONFIG_DIR, ILOT_DATA_DIR) or the defaults."""
    if config_dir is None and not demo:
        env = os.environ.get("ILOT_CONFIG_DIR")
        config_dir = Path(env) if env else DEFAULT_CONFIG_DIR
    if data_dir is None:
        env = os.environ.get("ILOT_DATA_DIR")
        if env:
            data_dir = Path(env)
        elif demo:
            data_dir = Path.home() / ".local" / "share" / "ilot-demo"
        else:
            data_dir = DEFAULT_DATA_DIR
    return Paths(config_dir=config_dir, data_dir=data_dir)
