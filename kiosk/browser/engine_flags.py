"""Chromium switches the kiosk gives QtWebEngine, before it starts (QTWEBENGINE_CHROMIUM_FLAGS). Pure: no Qt.

- `--disable-blink-features=FileSystemAccessLocal` takes `showOpenFilePicker()`, `showSaveFilePicker()` and
  `showDirectoryPicker()` away from pages. QtWebEngine 6.11 answers those pickers through a pointer to the
  page's picker state that Chromium frees once the page is hidden or navigates: the answer then crashes the
  kiosk (a segmentation fault in `FilePickerController::filesSelectedInChooser`, seen with "Accueil" touched
  while the chooser was open). Sites fall back to `<input type=file>`, as they must for Firefox and Safari,
  and that goes to the kiosk's own chooser of the session's documents.
"""

from __future__ import annotations

import os
from collections.abc import MutableMapping

VARIABLE = "QTWEBENGINE_CHROMIUM_FLAGS"
FLAGS = ("--disable-blink-features=FileSystemAccessLocal",)


def with_kiosk_flags(existing: str) -> str:
    """`existing` switches (from the environment) with the kiosk's added. Chromium keeps only the last of
    switches of the same name, so the values of a list switch such as `--disable-blink-features` merge."""
    switches = existing.split()
    for flag in FLAGS:
        name, _, values = flag.partition("=")
        same = [i for i, switch in enumerate(switches) if switch.partition("=")[0] == name]
        if not same:
            switches.append(flag)
            continue
        last = same[-1]
        merged = [v for v in switches[last].partition("=")[2].split(",") if v]
        merged += [v for v in values.split(",") if v not in merged]
        switches[last] = f"{name}={','.join(merged)}"
    return " ".join(switches)


def set_kiosk_flags(environ: MutableMapping[str, str] = os.environ) -> None:
    """Call before the first QtWebEngine object is made: Chromium reads its switches once, at start."""
    environ[VARIABLE] = with_kiosk_flags(environ.get(VARIABLE, ""))
