"""Every pure module of the kiosk imports without Qt (DESIGN.md, "Pure core, thin Qt"): each one, alone, in a
Python where PySide6 cannot be imported. The list is written out: a module joins it when it is meant to stay
pure, so that a Qt import creeping in (directly or through a module it imports) fails here by name."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from tests.unit.without_qt import environment

ROOT = Path(__file__).resolve().parents[2]

PURE_MODULES = [
    "kiosk",
    "kiosk.cli",  # Qt only inside `kiosk run`: `kiosk check` works without a screen
    "kiosk.display",
    "kiosk.languages",
    "kiosk.paths",
    "kiosk.reachability",
    "kiosk.resources",
    "kiosk.session",
    "kiosk.session_bus",
    "kiosk.secret_input",
    "kiosk.session_documents",
    "kiosk.config",
    "kiosk.config.files",
    "kiosk.config.loader",
    "kiosk.config.problems",
    "kiosk.config.schema",
    "kiosk.config.yaml_source",
    "kiosk.store",
    "kiosk.store.database",
    "kiosk.store.migrations",
    "kiosk.store.worker",
    "kiosk.usage",
    "kiosk.usage.counter",
    "kiosk.usage.metrics",
    "kiosk.usage.outbox",
    "kiosk.usage.retry",
    "kiosk.usage.sync",
    "kiosk.usage.heartbeat",
    "kiosk.usage.hub_check",
    "kiosk.usage.open_calls",
    "kiosk.hub.schemas",
    "kiosk.hub.tokens",
    "kiosk.hub.terminals",
    "kiosk.hub.ingest",
    "kiosk.hub.api",
    "kiosk.hub.app",
    "kiosk.hub.cli",
    "kiosk.hub.device_words",
    "kiosk.hub.suppression",
    "kiosk.hub.board_changes",
    "kiosk.hub.board_words",
    "kiosk.hub.workshops",
    "kiosk.hub.response_times",
    "kiosk.advisor",
    "kiosk.advisor.accounts",
    "kiosk.advisor.assisted",
    "kiosk.advisor.assisted.address",
    "kiosk.advisor.assisted.facts",
    "kiosk.advisor.assisted.powers",
    "kiosk.advisor.call_queue",
    "kiosk.advisor.call_states",
    "kiosk.advisor.cli",
    "kiosk.advisor.courier",
    "kiosk.advisor.lockout",
    "kiosk.advisor.pins",
    "kiosk.advisor.schedule",
    "kiosk.advisor.tickets",
    "kiosk.browser",
    "kiosk.browser.download_policy",
    "kiosk.browser.engine_flags",
    "kiosk.browser.policy",
    "kiosk.diagnostic",
    "kiosk.diagnostic.checks",
    "kiosk.diagnostic.code",
    "kiosk.diagnostic.content_rules",
    "kiosk.diagnostic.content_shape",
    "kiosk.diagnostic.engine",
    "kiosk.diagnostic.item_rules",
    "kiosk.diagnostic.items",
    "kiosk.diagnostic.loader",
    "kiosk.diagnostic.schema",
    "kiosk.diagnostic.sheet",
    "kiosk.diagnostic.typography",
    "kiosk.diagnostic.values",
    "kiosk.shell",
    "kiosk.shell.destinations",
    "kiosk.shell.feature",
    "kiosk.shell.packing",
    "kiosk.shell.theme",
    "kiosk.shell.zoom",
    "kiosk.devices",
    "kiosk.devices.printer",
    "kiosk.devices.printer.backend",
    "kiosk.devices.printer.check",
    "kiosk.devices.printer.images",
    "kiosk.devices.printer.ipp",
    "kiosk.devices.printer.ipp_codes",
    "kiosk.devices.printer.ipp_message",
    "kiosk.devices.printer.limits",
    "kiosk.devices.printer.problems",
    "kiosk.devices.printer.server_settings",
    "kiosk.devices.scanner",
    "kiosk.devices.scanner.capabilities",
    "kiosk.devices.scanner.check",
    "kiosk.devices.scanner.defaults",
    "kiosk.devices.scanner.pdf",
    "kiosk.devices.scanner.probe",
    "kiosk.devices.scanner.problems",
    "kiosk.devices.scanner.scanimage",
]


@pytest.fixture(scope="module")
def no_qt(tmp_path_factory) -> dict[str, str]:
    return environment(tmp_path_factory.mktemp("no-qt"))


@pytest.mark.parametrize("module", PURE_MODULES)
def test_imports_without_qt(module, no_qt):
    run = subprocess.run(
        [sys.executable, "-c", f"import {module}"],
        cwd=ROOT,
        env=no_qt,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert run.returncode == 0, f"{module} does not import without Qt:\n{run.stderr[-2000:]}"


def test_the_blocker_does_block_qt(no_qt):
    run = subprocess.run(
        [sys.executable, "-c", "import PySide6.QtCore"], env=no_qt, capture_output=True, text=True, timeout=60
    )
    assert run.returncode != 0 and "Qt is blocked for this test" in run.stderr
