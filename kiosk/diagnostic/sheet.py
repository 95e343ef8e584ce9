"""The result sheet in plain French: the one source of what the result screen, the printed sheet
(result_sheet.py) and `kiosk diagnostic decode CODE` show.

`describe` turns a `Result` into the texts to show; `decode_command` is the whole CLI sub-command.
Pure: no Qt.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

from kiosk.diagnostic.code import InvalidCode, decode, encode
from kiosk.diagnostic.engine import Result, level_names
from kiosk.diagnostic.schema import ContentFile, Place

INVALID = "Ce code n'est pas valide."


@dataclass(frozen=True)
class AreaLine:
    name: str  # the area's name
    level: str  # a_decouvrir, avec_aide, autonome or non_evalue
    level_label: str  # how the level is shown


@dataclass(frozen=True)
class Sheet:
    """Everything the result screen or sheet shows, in the content's words."""

    title: str
    code: str  # XXXX-XXXX
    areas: tuple[AreaLine, ...]
    group: str  # debutant, intermediaire or avance
    group_label: str
    message: tuple[str, ...]  # the kind words of an early end; empty otherwise
    recommendation: tuple[str, ...]
    places: tuple[Place, ...]  # where to go next, each with its address
    needs: tuple[str, ...]  # labels of the stated needs, in content order
    version: int


def describe(result: Result, content: ContentFile) -> Sheet:
    names = level_names(content)
    group = getattr(content.groups, result.group)
    return Sheet(
        title=content.title,
        code=encode(result, content),
        areas=tuple(
            AreaLine(area.name, level, names[level])
            for area, level in zip(content.areas, result.levels, strict=True)
        ),
        group=result.group,
        group_label=group.label,
        message=content.early_end.message if result.early_end else (),
        recommendation=group.recommendation,
        places=group.places,
        needs=tuple(need.label for need in content.needs if need.id in result.needs),
        version=result.version,
    )


def sheet_text(sheet: Sheet) -> str:
    lines = [sheet.title, f"Code : {sheet.code}", "", "Niveau par domaine :"]
    lines += [f"- {area.name} : {area.level_label}" for area in sheet.areas]
    lines += ["", f"Groupe : {sheet.group_label}"]
    if sheet.message:
        lines += ["", *sheet.message]
    lines += ["", "Conseils :", *(f"- {line}" for line in sheet.recommendation)]
    lines += [f"- {place.name} : {place.address}" for place in sheet.places]
    lines += ["", "Besoins indiqués :"]
    lines += [f"- {need}" for need in sheet.needs] if sheet.needs else ["- Aucun besoin indiqué."]
    lines += ["", f"Version du contenu : {sheet.version}"]
    return "\n".join(lines)


class ContentBroken(Exception):
    """The installed diagnostic content cannot be read: `problems` says what is wrong, at least one line."""

    def __init__(self, problems: list[str]):
        super().__init__("\n".join(problems))
        self.problems = problems


def read_code(
    code: str, contents: Mapping[int, ContentFile] | None = None, folder: Path | None = None
) -> Sheet:
    """The sheet a visitor's code stands for, read against the installed content (`folder`, by default the
    bundled one). Raises InvalidCode for a code that is not valid, ContentBroken when the content is broken
    (a missing, empty or unreadable folder is a problem too). Reads files: off the GUI thread."""
    if contents is None:
        from kiosk.diagnostic.loader import load_all_contents

        contents, problems = load_all_contents(folder)
        if problems or not contents:
            raise ContentBroken([str(p) for p in problems] or ["no diagnostic content was found"])
    result, content = decode(code, contents)
    return describe(result, content)


def decode_command(
    code: str, contents: Mapping[int, ContentFile] | None = None, folder: Path | None = None
) -> tuple[int, str]:
    """`kiosk diagnostic decode CODE`: (exit code, text to print). 0: the result; 1: not a valid code;
    2: the installed content (`folder`, by default the bundled one) is broken: its problems are listed, and
    there is always at least one (a missing, empty or unreadable folder is one)."""
    try:
        return 0, sheet_text(read_code(code, contents, folder))
    except ContentBroken as broken:
        return 2, "\n".join(["Le contenu du diagnostic a des erreurs :", *broken.problems])
    except InvalidCode:
        return 1, INVALID
