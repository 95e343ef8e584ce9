"""Load the kiosk config: bundled defaults < site files, checked, with a last-known-good copy as a safety net.

A config dir holds `site.yaml` (optional; every key has a default) and may hold its own `shortcuts.yaml`,
which then replaces the bundled one. A file that is there but cannot be read (a link to nothing, a folder,
no permission, far too large: see `files.py`) is a problem, never taken for an absent file. `load_config`
never fails on a bad site file: it falls back to the last config that loaded cleanly, else to the bundled
one, and returns the problems so the app can log them.
When the files are byte for byte those of the last-known-good copy, that copy is used as it is: the kiosk
starts without importing or running the YAML parser (start-up time is measured in bench/startup.py).
Pure: no Qt.
"""

from __future__ import annotations

import contextlib
import os
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal

import msgspec

from kiosk.config.files import Unreadable, is_present, read_bytes
from kiosk.config.problems import ConfigError, ConfigProblem, Issue, check_struct, key_text
from kiosk.config.schema import (
    Category,
    Shortcut,
    ShortcutsFile,
    Site,
    duplicate_ids,
    shortcut_issues,
    site_issues,
)

if TYPE_CHECKING:
    from kiosk.config.yaml_source import YamlDocument

SITE_FILE = "site.yaml"
SHORTCUTS_FILE = "shortcuts.yaml"
IconExists = Callable[[str], bool]


@dataclass(frozen=True)
class Config:
    """Everything the kiosk is configured with, checked and immutable."""

    site: Site
    categories: tuple[Category, ...]
    shortcuts: tuple[Shortcut, ...]
    identity_providers: tuple[str, ...]

    def shortcuts_in(self, category_id: str) -> tuple[Shortcut, ...]:
        """The shortcuts of one category, in display order."""
        return tuple(s for s in self.shortcuts if s.category == category_id)


@dataclass(frozen=True)
class ConfigLoad:
    """The config to run with, the problems of the files, and where the config came from."""

    config: Config
    problems: tuple[ConfigProblem, ...]  # empty when the files loaded cleanly
    source: Literal["files", "last-known-good", "bundled"]


class _LastGood(msgspec.Struct, frozen=True):
    format: int
    sources: dict[str, str | None]  # the text of each file it was loaded from (None: absent)
    config: Config


_LAST_GOOD_FORMAT = 2


def layer(*layers: dict[str, Any]) -> dict[str, Any]:
    """Deep-merge mappings: later layers win; nested mappings merge key by key; lists are replaced whole."""
    merged: dict[str, Any] = {}
    for one in layers:
        for key, value in one.items():
            if isinstance(value, dict) and isinstance(merged.get(key), dict):
                merged[key] = layer(merged[key], value)
            else:
                merged[key] = value
    return merged


def check_config(
    config_dir: Path | None, bundled_shortcuts: Path, icon_exists: IconExists | None = None
) -> list[ConfigProblem]:
    """Every problem of the files that `load_config` would read; an empty list when they are fine."""
    return _load_files(config_dir, bundled_shortcuts, icon_exists)[1]


def load_config(
    config_dir: Path | None,
    bundled_shortcuts: Path,
    last_good: Path,
    icon_exists: IconExists | None = None,
) -> ConfigLoad:
    """The config to run with. `config_dir=None` is demo mode: bundled shortcuts and schema defaults.

    Raises `ConfigError` only when the bundled shortcuts themselves are broken (a packaging error).
    """
    sources = _sources(config_dir, bundled_shortcuts)
    saved = _read_last_good(last_good)
    if saved is not None and sources is not None and saved.sources == sources:
        return ConfigLoad(saved.config, (), "files")
    config, problems = _load_files(config_dir, bundled_shortcuts, icon_exists)
    if config is not None and not problems:
        try:
            _save_last_good(_LastGood(_LAST_GOOD_FORMAT, sources or {}, config), last_good)
        except OSError as error:
            problem = ConfigProblem(last_good, None, "", f"could not save the last-known-good copy: {error}")
            return ConfigLoad(config, (problem,), "files")
        return ConfigLoad(config, (), "files")
    if saved is not None:
        return ConfigLoad(saved.config, tuple(problems), "last-known-good")
    fallback, bundled_problems = _load_files(None, bundled_shortcuts, icon_exists)
    if fallback is None or bundled_problems:
        raise ConfigError(bundled_problems)
    return ConfigLoad(fallback, tuple(problems), "bundled")


def _sources(config_dir: Path | None, bundled_shortcuts: Path) -> dict[str, str | None] | None:
    """The text of every file `_load_files` would read, by path (None when absent); None when one is present
    but cannot be read, so that the files are loaded and the problem reported."""
    paths = [bundled_shortcuts]
    if config_dir is not None:
        paths += [config_dir / SITE_FILE, config_dir / SHORTCUTS_FILE]
    texts: dict[str, str | None] = {}
    for path in paths:
        if not is_present(path):
            texts[str(path)] = None
            continue
        raw = read_bytes(path)
        if isinstance(raw, Unreadable):
            return None
        try:
            texts[str(path)] = raw.decode("utf-8")
        except UnicodeDecodeError:
            return None
    return texts


def _load_files(
    config_dir: Path | None, bundled_shortcuts: Path, icon_exists: IconExists | None
) -> tuple[Config | None, list[ConfigProblem]]:
    problems: list[ConfigProblem] = []
    site: Site | None = Site()
    shortcuts_path = bundled_shortcuts
    if config_dir is not None:
        if not config_dir.is_dir():
            if is_present(config_dir):
                why, fix = "this should be the config folder, but it is not a folder", "make it a folder"
            else:
                why, fix = "the config folder does not exist", "create it with site.yaml"
            problems.append(ConfigProblem(config_dir, None, "", why, fix))
        site_path = config_dir / SITE_FILE
        if is_present(site_path):
            site, site_problems = _load_site(site_path)
            problems += site_problems
        if is_present(config_dir / SHORTCUTS_FILE):
            shortcuts_path = config_dir / SHORTCUTS_FILE
    shortcuts, shortcut_problems = _load_shortcuts(shortcuts_path, icon_exists)
    problems += shortcut_problems
    if site is None or shortcuts is None or problems:
        return None, problems
    return Config(site, shortcuts.categories, shortcuts.shortcuts, shortcuts.identity_providers), []


def read_yaml(path: Path) -> tuple[YamlDocument | None, list[ConfigProblem]]:
    """Parse one file; on a problem that stops all checking, return no document."""
    raw = read_bytes(path)
    if isinstance(raw, Unreadable):
        return None, [ConfigProblem(path, None, "", raw.message, raw.fix)]
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = raw.count(b"\n", 0, error.start) + 1
        return None, [ConfigProblem(path, line, "", "this file is not UTF-8 text", "save it as UTF-8")]
    from kiosk.config.yaml_source import parse_yaml  # only when a file changed: see the module docstring

    doc = parse_yaml(text)
    problems = [yaml_problem(path, doc, issue) for issue in doc.issues]
    return (doc if doc.syntax_ok else None), problems


def yaml_problem(path: Path, doc: YamlDocument, issue: Issue) -> ConfigProblem:
    line = issue.line if issue.line is not None else doc.line_of(issue.path)
    return ConfigProblem(path, line, key_text(issue.path), issue.message, issue.fix)


def _top_level_issue(data: Any, what: str) -> Issue | None:
    if isinstance(data, dict):
        return None
    return Issue((), f"expected {what} as key: value lines at the top of the file, got {_kind(data)}")


def _kind(data: Any) -> str:
    return "a list" if isinstance(data, list) else f"the single value {data!r}"


def _load_site(path: Path) -> tuple[Site | None, list[ConfigProblem]]:
    doc, problems = read_yaml(path)
    if doc is None:
        return None, problems
    data = {} if doc.data is None else doc.data  # an empty site.yaml means: all defaults
    site = None
    issue = _top_level_issue(data, "the site settings")
    issues = [issue] if issue else check_struct(data, Site)
    if not issues:
        defaults = msgspec.to_builtins(Site())
        site = msgspec.convert(layer(defaults, data), Site)
        issues = [_point_at_written_key(doc, i) for i in site_issues(site)]
    problems = _by_line(problems + [yaml_problem(path, doc, i) for i in issues])
    return (None if problems else site), problems


_RELATED_KEY = {("idle_warning",): ("idle_timeout",), ("hub_token",): ("hub_url",)}


def _point_at_written_key(doc: YamlDocument, issue: Issue) -> Issue:
    """A rule on a key the file does not set (hub_token) points at the key that caused it (hub_url)."""
    related = _RELATED_KEY.get(issue.path)
    if issue.path in doc.lines or related not in doc.lines:
        return issue
    return Issue(issue.path, issue.message, issue.fix, line=doc.lines[related])


def _load_shortcuts(
    path: Path, icon_exists: IconExists | None
) -> tuple[ShortcutsFile | None, list[ConfigProblem]]:
    doc, problems = read_yaml(path)
    if doc is None:
        return None, problems
    if doc.data is None:
        issue = Issue((), "the file is empty", "start from the bundled shortcuts.yaml")
        return None, [*problems, yaml_problem(path, doc, issue)]
    issue = _top_level_issue(doc.data, "version, categories, identity_providers and shortcuts")
    if issue:
        return None, [*problems, yaml_problem(path, doc, issue)]
    data = doc.data
    issues = check_struct(data, ShortcutsFile)
    issues += duplicate_ids(data.get("categories"), "categories")
    issues += duplicate_ids(data.get("shortcuts"), "shortcuts")
    categories = _valid_items(data.get("categories"), Category)
    category_ids = {c.id for c in categories.values()}
    for n, shortcut in _valid_items(data.get("shortcuts"), Shortcut).items():
        issues += shortcut_issues(shortcut, n, category_ids, icon_exists)
    used = {s.get("category") for s in data.get("shortcuts") or [] if isinstance(s, dict)}
    for n, category in categories.items():
        if category.id not in used:
            issues.append(
                Issue(
                    ("categories", n, "id"),
                    f"no shortcut is in the category {category.id}",
                    "remove this category or put a shortcut in it",
                )
            )
    problems = _by_line(problems + [yaml_problem(path, doc, i) for i in issues])
    if problems:
        return None, problems
    return msgspec.convert(data, ShortcutsFile), []


def _by_line(problems: list[ConfigProblem]) -> list[ConfigProblem]:
    return sorted(problems, key=lambda p: p.line or 0)


def _valid_items(items: Any, cls: type[msgspec.Struct]) -> dict[int, Any]:
    """The items of a raw list that are valid on their own, by position (each checked separately)."""
    valid = {}
    for n, item in enumerate(items if isinstance(items, list) else []):
        with contextlib.suppress(msgspec.ValidationError):  # already reported by check_struct
            valid[n] = msgspec.convert(item, cls)
    return valid


def _save_last_good(saved: _LastGood, path: Path) -> None:
    """Write the config as JSON, atomically (temp file + rename); skip the write when nothing changed."""
    data = msgspec.json.encode(saved)
    try:
        if path.read_bytes() == data:
            return
    except OSError:
        pass  # not there yet
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    try:
        with open(tmp, "wb") as out:
            out.write(data)
            out.flush()
            os.fsync(out.fileno())
        os.replace(tmp, path)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise


def _read_last_good(path: Path) -> _LastGood | None:
    """The last config that loaded cleanly, or None when there is none or it cannot be decoded."""
    try:
        saved = msgspec.json.decode(path.read_bytes(), type=_LastGood)
    except (OSError, msgspec.DecodeError):
        return None
    return saved if saved.format == _LAST_GOOD_FORMAT else None
