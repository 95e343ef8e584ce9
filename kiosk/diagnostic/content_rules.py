"""The rules a whole diagnostic content file follows beyond its keys' types: ids unique and references
that exist (areas, basics, needs, groups' places), difficulties 1 to 3 in every area, pictures that exist,
short sentences in what the kiosk says. The rules inside one exercise are in `item_rules.py`.
Pure: no Qt.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from typing import Any

import msgspec

from kiosk.config.problems import Issue, KeyPath, key_text
from kiosk.diagnostic.item_rules import duplicates, item_issues, unknown
from kiosk.diagnostic.schema import ContentFile

PictureExists = Callable[[str], bool]
MAX_WORDS = 12
# Fields the kiosk says to the visitor: each sentence in them is checked for length.
_SAID = frozenset({"prompt", "hint", "label", "name", "title", "recommendation", "message"})


def content_issues(content: ContentFile, picture_exists: PictureExists) -> list[Issue]:
    """The rules a content file must follow beyond its keys' types."""
    issues = duplicates([a.id for a in content.areas], ("areas",), "id")
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
            issues.append(
                Issue((*path, "id"), f"the id {item.id} is already used by {key_text(seen[item.id])}")
            )
        seen.setdefault(item.id, path)
        issues += item_issues(item, path)
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
    issues += duplicates([need.id for need in content.needs], ("needs",), "id")
    issues += duplicates([q.id for q in content.questions], ("questions",), "id")
    need_ids = {need.id for need in content.needs}
    for n, question in enumerate(content.questions):
        issues += duplicates([c.id for c in question.choices], ("questions", n, "choices"), "id")
        for m, choice in enumerate(question.choices):
            if choice.need and choice.need not in need_ids:
                issues.append(unknown(("questions", n, "choices", m, "need"), "need", choice.need, need_ids))
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
