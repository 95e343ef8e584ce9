"""The keys and types of a diagnostic content file, checked before anything else: the config's key-by-key
walker (`kiosk.config.problems.check_struct`), plus the one thing it lacks, the exercise kinds as a union
tagged by `kind`. Every issue names its key path; the loader turns it into file, line and key.
Pure: no Qt.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import msgspec

from kiosk.config.problems import Issue, KeyPath, check_struct, show
from kiosk.diagnostic.items import ITEM_KINDS
from kiosk.diagnostic.schema import Area, ContentFile


def check_file(data: dict[str, Any]) -> list[Issue]:
    """Every issue of the keys and types of a content file (before the rules that link keys)."""
    return _check_except(data, ContentFile, (), {"areas": _check_areas})


def _check_except(
    value: Any, cls: type[msgspec.Struct], path: KeyPath, special: dict[str, Callable[[Any, KeyPath], list]]
) -> list[Issue]:
    """`check_struct`, except that the keys of `special` are checked by their own function."""
    if not isinstance(value, dict):
        return check_struct(value, cls, path)
    present = {k for k in special if k in value}
    rest = {k: v for k, v in value.items() if k not in present}
    depth = len(path)
    issues = [
        i for i in check_struct(rest, cls, path) if i.path[depth : depth + 1] not in {(k,) for k in present}
    ]
    for key in sorted(present):
        issues += special[key](value[key], (*path, key))
    return issues


def _check_list(value: Any, path: KeyPath, least: int, most: int, what: str) -> Issue | None:
    if not isinstance(value, list):
        return Issue(path, f"expected a list of {what}, got {show(value)}", "start each one with - ")
    if len(value) < least:
        return Issue(path, f"expected at least {least} {what}, got {len(value)}", f"add {what}")
    if len(value) > most:
        return Issue(path, f"expected at most {most} {what}, got {len(value)}", "the result code has no room")
    return None


def _check_areas(value: Any, path: KeyPath) -> list[Issue]:
    issue = _check_list(value, path, 1, 8, "areas")
    if issue:
        return [issue]
    issues = []
    for n, area in enumerate(value):
        issues += _check_except(area, Area, (*path, n), {"items": _check_items})
    return issues


def _check_items(value: Any, path: KeyPath) -> list[Issue]:
    issue = _check_list(value, path, 3, 1000, "items")
    if issue:
        return [issue]
    return [i for n, item in enumerate(value) for i in check_item(item, (*path, n))]


def check_item(raw: Any, path: KeyPath = ()) -> list[Issue]:
    """Every issue of one item: its `kind` picks the struct its other keys are checked against."""
    kinds = ", ".join(ITEM_KINDS)
    if not isinstance(raw, dict):
        return [Issue(path, f"expected an item (key: value lines), got {show(raw)}")]
    if "kind" not in raw:
        return [
            Issue((*path, "kind"), "missing required key (the kind of exercise)", f"add kind: one of {kinds}")
        ]
    kind = raw["kind"]
    cls = ITEM_KINDS.get(kind) if isinstance(kind, str) else None
    if cls is None:
        import difflib

        close = difflib.get_close_matches(str(kind), list(ITEM_KINDS), n=1, cutoff=0.6)
        fix = f"did you mean {close[0]}?" if close else f"use one of {kinds}"
        return [Issue((*path, "kind"), f"unknown kind of exercise {show(kind)}", fix)]
    return check_struct({k: v for k, v in raw.items() if k != "kind"}, cls, path)
