"""The feature seam, read from the source (no Qt): no feature imports another one, the shell and the shared
modules import no feature, and only the composition root knows them all (docs/architecture.md)."""

from __future__ import annotations

import ast
from pathlib import Path

import kiosk

PACKAGE = Path(kiosk.__file__).parent
FEATURES = {  # a feature: the modules it is made of
    "browsing": ("kiosk.browser",),
    "diagnostic": ("kiosk.diagnostic",),
    "printing": ("kiosk.devices.printer", "kiosk.devices.printing"),
    "scanning": ("kiosk.devices.scanner", "kiosk.devices.scanning"),
    "help call": ("kiosk.advisor.calling", "kiosk.advisor.call_screen", "kiosk.advisor.call_banner"),
    "assisted mode": ("kiosk.advisor.assisted",),
}
ROOT = {"kiosk.app", "kiosk.cli", "kiosk.__main__"}  # they may know every feature


def module_name(path: Path) -> str:
    parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def imported(path: Path) -> set[str]:
    """Every kiosk module `path` imports, at the top or inside a function."""
    names = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom) and node.module and node.module.startswith("kiosk"):
            names.add(node.module)
            names.update(f"{node.module}.{alias.name}" for alias in node.names)
        elif isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names if alias.name.startswith("kiosk"))
    return names


def feature_of(name: str) -> str | None:
    for feature, prefixes in FEATURES.items():
        if any(name == prefix or name.startswith(prefix + ".") for prefix in prefixes):
            return feature
    return None


def test_no_feature_imports_another_and_nothing_below_imports_a_feature():
    modules = sorted(PACKAGE.rglob("*.py"))
    assert len(modules) > 80
    crossings = []
    for path in modules:
        name = module_name(path)
        if name in ROOT or name.startswith("kiosk.hub"):
            continue
        mine = feature_of(name)
        for other in sorted(imported(path)):
            theirs = feature_of(other)
            if theirs is not None and theirs != mine:
                crossings.append(f"{name} ({mine or 'shared'}) imports {other} ({theirs})")
    assert crossings == []


def test_the_check_sees_a_crossing(tmp_path):
    sample = tmp_path / "sample.py"
    sample.write_text("def f():\n    from kiosk.devices.printing import Printing\n", encoding="utf-8")
    assert feature_of(next(iter(n for n in imported(sample) if n.endswith("Printing")))) == "printing"
