"""Load and check the diagnostic content, like the kiosk config: every problem names file, line and key.

    load = load_content(bundled_content_path())
    for problem in load.problems:
        log.warning("%s", problem)  # .../contenu.yaml:97: areas[0].items[3].answer: ...

This module reads the files and gathers them by version; the YAML reading and the problem type are those
of `kiosk.config`. The checks are in `content_shape.py` (keys and types, the union of exercise kinds),
`content_rules.py` (the rules that link keys across the file) and `item_rules.py` (inside one exercise).
Texts get French no-break spaces before ? ! : ; (typography.py).
Pure: no Qt.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import msgspec

from kiosk.config.loader import read_yaml, yaml_problem  # the config reader: UTF-8, syntax, lines
from kiosk.config.problems import ConfigError, ConfigProblem, Issue, show
from kiosk.diagnostic.content_rules import PictureExists, content_issues
from kiosk.diagnostic.content_shape import check_file
from kiosk.diagnostic.schema import ContentFile
from kiosk.diagnostic.typography import french_spacing_in
from kiosk.resources import resource_path


@dataclass(frozen=True)
class ContentLoad:
    """The content, or None when the file has problems (then `problems` says which)."""

    content: ContentFile | None
    problems: tuple[ConfigProblem, ...]


def content_dir() -> Path:
    return resource_path("assets", "diagnostic")


def bundled_content_path() -> Path:
    return content_dir() / "contenu.yaml"


def picture_path(name: str, folder: Path | None = None) -> Path:
    """The SVG file of a picture name."""
    return (folder or content_dir()) / "pictures" / f"{name}.svg"


def load_content(path: Path, picture_exists: PictureExists | None = None) -> ContentLoad:
    """Read and check one content file. Pictures are looked for in `pictures/` next to the file unless
    `picture_exists` says otherwise."""
    if picture_exists is None:

        def picture_exists(name: str) -> bool:
            return picture_path(name, path.parent).is_file()

    doc, problems = read_yaml(path)
    if doc is None:
        return ContentLoad(None, tuple(problems))
    data = doc.data
    if data is None:
        issues = [
            Issue((), "the file is empty", "start from the bundled kiosk/assets/diagnostic/contenu.yaml")
        ]
    elif not isinstance(data, dict):
        issues = [Issue((), f"expected key: value lines at the top of the file, got {show(data)}")]
    else:
        issues = check_file(data)
    content = None
    if not issues and not problems:
        content = msgspec.convert(french_spacing_in(data), ContentFile)
        issues = content_issues(content, picture_exists)
    problems += [yaml_problem(path, doc, i) for i in issues]
    problems.sort(key=lambda p: p.line or 0)
    return ContentLoad(None if problems else content, tuple(problems))


def load_bundled_content() -> ContentFile:
    """The shipped content; raises `ConfigError` when it is broken (a packaging error, caught by tests)."""
    load = load_content(bundled_content_path())
    if load.content is None:
        raise ConfigError(list(load.problems))
    return load.content


def load_all_contents(folder: Path | None = None) -> tuple[dict[int, ContentFile], list[ConfigProblem]]:
    """Every content file of the folder (`*.yaml`: the current one and the old versions kept to decode
    old codes), by version."""
    folder = folder or content_dir()
    contents: dict[int, ContentFile] = {}
    paths, problems = _content_files(folder)
    for path in paths:
        load = load_content(path)
        problems += load.problems
        if load.content is None:
            continue
        if load.content.version in contents:
            problems.append(
                ConfigProblem(path, 1, "version", f"another file already has version {load.content.version}")
            )
            continue
        contents[load.content.version] = load.content
    return contents, problems


def _content_files(folder: Path) -> tuple[list[Path], list[ConfigProblem]]:
    """The `*.yaml` files of the content folder, or the problem that there are none: a missing folder, an
    empty one or one that cannot be listed is never taken for "no problem"."""
    try:
        paths = sorted(p for p in folder.iterdir() if p.suffix == ".yaml")
        why = "this folder holds no diagnostic content file (*.yaml)"
    except FileNotFoundError:
        paths, why = [], "the diagnostic content folder does not exist"
    except NotADirectoryError:
        paths, why = [], "this is a file, where the diagnostic content folder should be"
    except OSError as error:
        paths, why = [], f"cannot list the diagnostic content folder: {error.strerror}"
    if paths:
        return paths, []
    return [], [ConfigProblem(folder, None, "", why, "reinstall Îlot: its package is incomplete")]
