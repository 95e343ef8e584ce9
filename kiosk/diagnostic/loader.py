"""Load and check the diagnostic content, like the kiosk config: every problem names file, line and key.

    load = load_content(bundled_content_path())
    for problem in load.problems:
        log.warning("%s", problem)  # .../contenu.yaml:97: areas[0].items[3].answer: ...

The YAML reading, the key-by-key walker and the problem type are those of `kiosk.config`; this module adds
the one thing they lack (the exercise kinds are a union tagged by `kind`) and the rules that link keys:
ids and references, pictures that exist, difficulties 1 to 3 in every area, short sentences, places that
the recommendations name. Texts get French no-break spaces before ? ! : ; (typography.py).
Pure: no Qt.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import msgspec

from kiosk.config.loader import read_yaml, yaml_problem  # the config reader: UTF-8, syntax, lines
from kiosk.config.problems import ConfigError, ConfigProblem, Issue, KeyPath, check_struct, show
from kiosk.diagnostic.checks import typing_ok
from kiosk.diagnostic.items import (
    BROWSER_CONTROLS,
    ITEM_KINDS,
    ChoiceItem,
    ClickItem,
    DoubleClickItem,
    DragItem,
    FilePickerItem,
    ItemBase,
    MailboxItem,
    ScrollItem,
    TypingItem,
    WebPageItem,
)
from kiosk.diagnostic.schema import Area, ContentFile
from kiosk.diagnostic.typography import french_spacing_in
from kiosk.resources import resource_path

PictureExists = Callable[[str], bool]
MAX_WORDS = 12
# Fields the kiosk says to the visitor: each sentence in them is checked for length.
_SAID = frozenset({"prompt", "hint", "label", "name", "title", "recommendation", "message"})


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


# ---- the shape of the file: the config's walker, plus the union of kinds -----------------------------


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


# ---- rules that link keys -------------------------------------------------------------------------------


def content_issues(content: ContentFile, picture_exists: PictureExists) -> list[Issue]:
    """The rules a content file must follow beyond its keys' types."""
    issues = _duplicates([a.id for a in content.areas], ("areas",), "id")
    area_ids = [a.id for a in content.areas]
    for n, basic in enumerate(content.basics):
        if basic not in area_ids:
            issues.append(Issue(("basics", n), f"there is no area {basic}", "use the id of an area"))
        elif area_ids.index(basic) != n:
            issues.append(
                Issue(
                    ("basics", n), f"the basic area {basic} must come first", "list the basics first in areas"
                )
            )
    for name in ("avance", "intermediaire"):
        rule = getattr(content.groups, name).rule
        for key in ("areas_avec_aide_at_least", "areas_autonome_at_least"):
            if getattr(rule, key) > len(content.areas):
                issues.append(
                    Issue(
                        ("groups", name, "rule", key),
                        f"there are only {len(content.areas)} areas",
                        f"write a number up to {len(content.areas)}",
                    )
                )
    all_items = [(n, m, item) for n, area in enumerate(content.areas) for m, item in enumerate(area.items)]
    seen: dict[str, KeyPath] = {}
    for n, m, item in all_items:
        path: KeyPath = ("areas", n, "items", m)
        if item.id in seen:
            issues.append(Issue((*path, "id"), f"the id {item.id} is already used by {_key(seen[item.id])}"))
        seen.setdefault(item.id, path)
        issues += _item_issues(item, path)
    for n, area in enumerate(content.areas):
        for difficulty in (1, 2, 3):
            if not any(item.difficulty == difficulty for item in area.items):
                issues.append(
                    Issue(
                        ("areas", n, "items"),
                        f"the area {area.id} has no item of difficulty {difficulty}",
                        "give each area items of difficulty 1, 2 and 3",
                    )
                )
    issues += _duplicates([need.id for need in content.needs], ("needs",), "id")
    issues += _duplicates([q.id for q in content.questions], ("questions",), "id")
    need_ids = {need.id for need in content.needs}
    for n, question in enumerate(content.questions):
        issues += _duplicates([c.id for c in question.choices], ("questions", n, "choices"), "id")
        for m, choice in enumerate(question.choices):
            if choice.need and choice.need not in need_ids:
                issues.append(_unknown(("questions", n, "choices", m, "need"), "need", choice.need, need_ids))
    for name in ("avance", "intermediaire", "debutant"):
        group = getattr(content.groups, name)
        for n, place in enumerate(group.places):
            if not any(place.name in line for line in group.recommendation):
                issues.append(
                    Issue(
                        ("groups", name, "places", n, "name"),
                        f"no recommendation of {name} names {place.name}",
                        "list only the places its recommendation names",
                    )
                )
    for path, value in _fields_named(content, {"picture"}):
        if value and not picture_exists(value):
            issues.append(
                Issue(
                    path,
                    f"there is no picture named {value} (kiosk/assets/diagnostic/pictures/{value}.svg)",
                    "add that SVG file, or use the name of one in kiosk/assets/diagnostic/pictures/",
                )
            )
    for path, value in _fields_named(content, _SAID):
        for sentence in _sentences(value):
            words = len(sentence.split())
            if words > MAX_WORDS:
                issues.append(
                    Issue(
                        path,
                        f'this sentence has {words} words, more than {MAX_WORDS}: "{sentence}"',
                        "cut it into two short sentences",
                    )
                )
    return issues


def _item_issues(item: ItemBase, path: KeyPath) -> list[Issue]:
    """The references inside one item: answers name things that exist, ids are unique."""
    issues: list[Issue] = []

    def ids(values: list[str], key: str, sub: str = "id") -> set[str]:
        issues.extend(_duplicates(values, (*path, key), sub))
        return set(values)

    def must(value: str, known: set[str], key: KeyPath, what: str) -> None:
        if value not in known:
            issues.append(_unknown((*path, *key), what, value, known))

    if isinstance(item, ClickItem | DoubleClickItem):
        targets = ids([t.id for t in item.targets], "targets")
        if isinstance(item, ClickItem):
            for n, target in enumerate(item.sequence):
                must(target, targets, ("sequence", n), "target")
            issues += _duplicates(list(item.sequence), (*path, "sequence"), None)
        else:
            must(item.answer, targets, ("answer",), "target")
    elif isinstance(item, DragItem):
        pieces = ids([p.id for p in item.pieces], "pieces")
        zones = ids([z.id for z in item.zones], "zones")
        if not item.answer:
            issues.append(
                Issue((*path, "answer"), "no piece to drag", "write for example answer: {piece: zone}")
            )
        for piece, zone in item.answer.items():
            must(piece, pieces, ("answer", piece), "piece")
            must(zone, zones, ("answer", piece), "zone")
    elif isinstance(item, TypingItem):
        ids([f.id for f in item.fields], "fields")
        if not any(f.expected or f.rules for f in item.fields):
            issues.append(Issue((*path, "fields"), "no field is checked", "give a field expected or rules"))
        for n, field in enumerate(item.fields):
            if field.expected and not typing_ok(field, field.expected):
                issues.append(
                    Issue(
                        (*path, "fields", n, "expected"),
                        f"the expected text {field.expected} does not follow the field's own rules",
                        "change the text or the rules",
                    )
                )
    elif isinstance(item, ScrollItem):
        buttons = ids([b.id for b in item.buttons], "buttons")
        must(item.answer, buttons, ("answer",), "button")
        for n, button in enumerate(item.buttons):
            if button.after >= len(item.paragraphs):
                issues.append(
                    Issue(
                        (*path, "buttons", n, "after"),
                        f"there are only {len(item.paragraphs)} paragraphs (numbered from 0)",
                        f"write a number up to {len(item.paragraphs) - 1}",
                    )
                )
    elif isinstance(item, ChoiceItem):
        choices = ids([c.id for c in item.choices], "choices")
        for n, choice in enumerate(item.correct):
            must(choice, choices, ("correct", n), "choice")
        issues += _duplicates(list(item.correct), (*path, "correct"), None)
        if not item.multiple and len(item.correct) != 1:
            issues.append(
                Issue(
                    (*path, "correct"), "a single choice has exactly one right answer", "add multiple: true"
                )
            )
    elif isinstance(item, WebPageItem):
        pages = ids([p.id for p in item.pages], "pages")
        elements: set[str] = set()
        for n, page in enumerate(item.pages):
            for m, element in enumerate(page.elements):
                where = (*path, "pages", n, "elements", m)
                if element.id in elements or element.id in BROWSER_CONTROLS:
                    issues.append(Issue((*where, "id"), f"the id {element.id} is already used in this item"))
                elements.add(element.id)
                if element.goes_to and element.goes_to not in pages:
                    issues.append(_unknown((*where, "goes_to"), "page", element.goes_to, pages))
        must(item.start, pages, ("start",), "page")
        for n, page in enumerate(item.history):
            must(page, pages, ("history", n), "page")
        goal = item.goal
        if bool(goal.click) == bool(goal.reach):
            issues.append(
                Issue((*path, "goal"), "set exactly one of click and reach", "write goal: {click: id}")
            )
        elif goal.click:
            must(goal.click, elements | set(BROWSER_CONTROLS), ("goal", "click"), "element")
        else:
            must(goal.reach, pages - {item.start}, ("goal", "reach"), "page other than start")
    elif isinstance(item, MailboxItem):
        messages = ids([m.id for m in item.messages], "messages")
        for n, message in enumerate(item.messages):
            issues += _duplicates(
                [a.id for a in message.attachments], (*path, "messages", n, "attachments"), "id"
            )
        goal = item.goal
        must(goal.message, messages, ("goal", "message"), "message")
        target = next((m for m in item.messages if m.id == goal.message), None)
        if goal.action == "open_attachment":
            if target is not None:
                must(
                    goal.attachment, {a.id for a in target.attachments}, ("goal", "attachment"), "attachment"
                )
        elif goal.attachment:
            issues.append(
                Issue((*path, "goal", "attachment"), f"only for open_attachment, not {goal.action}")
            )
    elif isinstance(item, FilePickerItem):
        folders = ids([f.id for f in item.folders], "folders")
        files: set[str] = set()
        for n, folder in enumerate(item.folders):
            for m, file in enumerate(folder.files):
                if file.id in files:
                    where = (*path, "folders", n, "files", m, "id")
                    issues.append(Issue(where, f"the id {file.id} is already used in this item"))
                files.add(file.id)
        must(item.start, folders, ("start",), "folder")
        if item.selected:
            must(item.selected, files, ("selected",), "file")
        must(item.goal.file, files, ("goal", "file"), "file")
        must(item.goal.button, set(item.buttons), ("goal", "button"), "button of buttons")
    return issues


def _key(path: KeyPath) -> str:
    from kiosk.config.problems import key_text

    return key_text(path)


def _unknown(path: KeyPath, what: str, value: str, known: set[str]) -> Issue:
    choices = ", ".join(sorted(known)) or "none"
    return Issue(path, f"there is no {what} {value} here", f"use one of: {choices}")


def _duplicates(values: list[str], path: KeyPath, sub: str | None) -> list[Issue]:
    seen: set[str] = set()
    issues = []
    for n, value in enumerate(values):
        if value in seen:
            where = (*path, n, sub) if sub else (*path, n)
            issues.append(Issue(where, f"{value} is written twice", "give each one its own id"))
        seen.add(value)
    return issues


def _fields_named(
    obj: Any, names: frozenset[str] | set[str], path: KeyPath = ()
) -> Iterator[tuple[KeyPath, str]]:
    """Every text held by a field of one of `names`, anywhere in the content, with its key path."""
    if isinstance(obj, msgspec.Struct):
        for field in msgspec.structs.fields(obj):
            value = getattr(obj, field.name)
            where = (*path, field.encode_name)
            if field.encode_name in names and isinstance(value, str):
                yield where, value
            elif (
                field.encode_name in names
                and isinstance(value, tuple)
                and all(isinstance(v, str) for v in value)
            ):
                for n, text in enumerate(value):
                    yield (*where, n), text
            else:
                yield from _fields_named(value, names, where)
    elif isinstance(obj, tuple):
        for n, value in enumerate(obj):
            yield from _fields_named(value, names, (*path, n))


def _sentences(text: str) -> list[str]:
    return [s for s in re.split(r"(?<=[.!?])\s+", text.strip()) if s]
