"""A Python without Qt, for the tests that prove a part of the kiosk needs none: `environment()` gives a child
process's environment in which any import of PySide6 or shiboken6 fails, as on a machine where they are not
installed."""

from __future__ import annotations

import os
from pathlib import Path

BLOCKED = ("PySide6", "shiboken6")

# Installed first thing by every Python started with environment()'s PYTHONPATH (site imports sitecustomize).
SITECUSTOMIZE = f'''\
import sys


class NoQt:
    """Finds no module named {BLOCKED} or below: importing one raises ModuleNotFoundError."""

    def find_spec(self, name, path=None, target=None):
        if name.partition(".")[0] in {BLOCKED!r}:
            raise ModuleNotFoundError(f"No module named {{name!r}} (Qt is blocked for this test)", name=name)
        return None


sys.meta_path.insert(0, NoQt())
'''


def environment(folder: Path, **extra: str) -> dict[str, str]:
    """The current environment, plus a sitecustomize in `folder` that makes Qt unimportable."""
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "sitecustomize.py").write_text(SITECUSTOMIZE, encoding="utf-8")
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(folder), env.get("PYTHONPATH")]))
    env.update(extra)
    return env
