"""The shipped content loads and follows its rules; a broken file gives problems with file, line, key."""

from collections.abc import Callable
from pathlib import Path

import msgspec
import pytest

from kiosk.config.problems import ConfigProblem
from kiosk.diagnostic.content_rules import MAX_WORDS
from kiosk.diagnostic.items import ITEM_KINDS, ItemBase
from kiosk.diagnostic.loader import (
    bundled_content_path,
    load_all_contents,
    load_content,
    picture_path,
)
from kiosk.diagnostic.schema import ContentFile

SHIPPED = bundled_content_path()
TEXT = SHIPPED.read_text(encoding="utf-8")


def real_picture(name: str) -> bool:
    return picture_path(name).is_file()


def pictures_of(obj) -> set[str]:
    found = set()
    if isinstance(obj, msgspec.Struct):
        for field in msgspec.structs.fields(obj):
            value = getattr(obj, field.name)
            if field.name == "picture" and value:
                found.add(value)
            else:
                found |= pictures_of(value)
    elif isinstance(obj, tuple):
        for value in obj:
            found |= pictures_of(value)
    return found


def test_the_shipped_content_loads_without_problems() -> None:
    load = load_content(SHIPPED)
    assert load.problems == ()
    assert load.content is not None
    assert len(load.content.areas) >= 7


def test_every_item_has_a_known_kind_and_every_kind_is_used(content: ContentFile) -> None:
    items = [item for area in content.areas for item in area.items]
    assert all(isinstance(item, ItemBase) for item in items)
    assert {type(item).__struct_config__.tag for item in items} == set(ITEM_KINDS)
    assert len({item.id for item in items}) == len(items)


def test_every_area_spreads_its_difficulties(content: ContentFile) -> None:
    for area in content.areas:
        assert 3 <= len(area.items) <= 5, area.id
        assert {item.difficulty for item in area.items} == {1, 2, 3}, area.id
        assert all(item.hint and item.prompt for item in area.items)


def test_every_referenced_picture_exists_and_every_picture_is_used(content: ContentFile) -> None:
    used = pictures_of(content)
    assert used
    for name in used:
        assert picture_path(name).is_file(), name
        assert picture_path(name).read_text(encoding="utf-8").lstrip().startswith("<svg")
    shipped = {p.stem for p in picture_path("x").parent.glob("*.svg")}
    assert shipped == used


def test_the_group_rules_and_texts_are_in_the_file(content: ContentFile) -> None:
    assert content.basics == ("souris", "clavier")
    assert content.groups.intermediaire.rule.basics_at_least == "avec_aide"
    assert all(getattr(content.groups, g).recommendation for g in ("debutant", "intermediaire", "avance"))
    assert {c.need for q in content.questions for c in q.choices} - {""} == {n.id for n in content.needs}


def test_all_contents_are_found_by_version() -> None:
    contents, problems = load_all_contents()
    assert problems == []
    assert list(contents) == [1]


# ---- broken files ----------------------------------------------------------------------------------------


def line_of(text: str, needle: str) -> int:
    assert text.count(needle) >= 1, needle
    return text[: text.index(needle)].count("\n") + 1


def broken(
    tmp_path: Path, old: str, new: str, picture_exists: Callable[[str], bool] = real_picture
) -> tuple[list[ConfigProblem], int]:
    """Load the shipped text with its first `old` replaced by `new`; the problems and the line of `new`."""
    assert old in TEXT, old
    text = TEXT.replace(old, new, 1)
    path = tmp_path / "contenu.yaml"
    path.write_text(text, encoding="utf-8")
    load = load_content(path, picture_exists)
    assert load.content is None
    for problem in load.problems:
        assert problem.file == path
    return list(load.problems), line_of(text, new)


def only(problems: list[ConfigProblem]) -> ConfigProblem:
    assert len(problems) == 1, [str(p) for p in problems]
    return problems[0]


def test_an_unknown_key_names_file_line_and_key(tmp_path: Path) -> None:
    old = "        hint: Posez la flèche sur le rond vert. Cliquez une fois.\n"
    problems, line = broken(tmp_path, old, old + "        colour: vert\n")
    problem = only(problems)
    assert (problem.line, problem.key) == (line + 1, "areas[0].items[0].colour")
    assert problem.message == "unknown key"
    assert f"{tmp_path / 'contenu.yaml'}:{line + 1}: areas[0].items[0].colour: unknown key" in str(problem)


def test_an_unknown_key_inside_a_flow_mapping(tmp_path: Path) -> None:
    old = "{id: rond-vert, x: 50, y: 50, size: 40, color: vert}"
    problems, line = broken(tmp_path, old, "{id: rond-vert, x: 50, y: 50, size: 40, colr: vert}")
    problem = only(problems)
    assert (problem.line, problem.key) == (line, "areas[0].items[0].targets[0].colr")
    assert "did you mean color" in problem.fix


def test_a_wrong_type_names_file_line_and_key(tmp_path: Path) -> None:
    old = "        kind: double_click\n        difficulty: 2\n"
    problems, line = broken(tmp_path, old, "        kind: double_click\n        difficulty: moyen\n")
    problem = only(problems)
    assert (problem.line, problem.key) == (line + 1, "areas[0].items[2].difficulty")
    assert "expected one of 1, 2, 3" in problem.message


def test_a_number_out_of_range(tmp_path: Path) -> None:
    problems, line = broken(tmp_path, "x: 82, y: 30, size: 5", "x: 82, y: 130, size: 5")
    problem = only(problems)
    assert (problem.line, problem.key) == (line, "areas[0].items[1].targets[2].y")
    assert "from 0 to 100" in problem.message


def test_a_missing_picture_names_file_line_and_key(tmp_path: Path) -> None:
    problems, line = broken(tmp_path, "picture: cadenas\n", "picture: cadenas-perdu\n")
    problem = only(problems)
    assert problem.line == line
    assert problem.key.startswith("areas[6].items[") and problem.key.endswith("].picture")
    assert "no picture named cadenas-perdu" in problem.message


def test_pictures_are_looked_for_next_to_the_file(tmp_path: Path) -> None:
    (tmp_path / "contenu.yaml").write_text(TEXT, encoding="utf-8")
    load = load_content(tmp_path / "contenu.yaml")  # no pictures/ folder there
    assert load.content is None
    assert {p.message.split()[5] for p in load.problems} >= {"dossier", "cadenas", "telephone-sms"}


def test_an_unknown_kind(tmp_path: Path) -> None:
    problems, line = broken(tmp_path, "kind: double_click", "kind: double_clik")
    problem = only(problems)
    assert (problem.line, problem.key) == (line, "areas[0].items[2].kind")
    assert problem.fix == "did you mean double_click?"


def test_a_missing_kind(tmp_path: Path) -> None:
    problems, _line = broken(tmp_path, "        kind: double_click\n", "")
    problem = only(problems)
    assert problem.key == "areas[0].items[2].kind"
    assert problem.line == line_of(
        TEXT.replace("        kind: double_click\n", ""), "- id: souris-double-clic"
    )


def test_a_missing_key_of_a_kind(tmp_path: Path) -> None:
    problems, _ = broken(tmp_path, "        answer: dossier-photos\n", "")
    problem = only(problems)
    assert problem.key == "areas[0].items[2].answer"
    assert "missing required key" in problem.message


def test_an_answer_naming_nothing(tmp_path: Path) -> None:
    problems, line = broken(tmp_path, "answer: dossier-photos", "answer: dossier-video")
    problem = only(problems)
    assert (problem.line, problem.key) == (line, "areas[0].items[2].answer")
    assert "no target dossier-video" in problem.message
    assert "dossier-photos" in problem.fix


def test_a_web_goal_naming_no_element(tmp_path: Path) -> None:
    problems, line = broken(tmp_path, "goal: {click: samedi}", "goal: {click: dimanche}")
    problem = only(problems)
    assert (problem.line, problem.key) == (line, "areas[2].items[3].goal.click")


def test_expected_text_must_follow_its_own_rules(tmp_path: Path) -> None:
    problems, line = broken(tmp_path, "expected: Lyon, rules", "expected: lyon, rules")
    problem = only(problems)
    assert (problem.line, problem.key) == (line, "areas[1].items[1].fields[0].expected")


def test_a_duplicate_item_id(tmp_path: Path) -> None:
    problems, _ = broken(tmp_path, "- id: souris-petits-ronds", "- id: souris-grand-rond")
    problem = only(problems)
    assert (problem.line, problem.key) == (line_of(TEXT, "- id: souris-petits-ronds"), "areas[0].items[1].id")
    assert "already used by areas[0].items[0]" in problem.message


def test_an_area_without_a_hard_item(tmp_path: Path) -> None:
    text = TEXT.replace("difficulty: 3", "difficulty: 2")
    path = tmp_path / "contenu.yaml"
    path.write_text(text, encoding="utf-8")
    problems = load_content(path, real_picture).problems
    assert len(problems) == 7
    assert problems[0].key == "areas[0].items"
    assert "no item of difficulty 3" in problems[0].message


def test_a_long_sentence_is_refused(tmp_path: Path) -> None:
    long = "Cliquez sur le grand rond vert qui se trouve au milieu de votre écran maintenant."
    problems, line = broken(tmp_path, "prompt: Cliquez sur le grand rond vert.", f"prompt: {long}")
    problem = only(problems)
    assert (problem.line, problem.key) == (line, "areas[0].items[0].prompt")
    assert f"more than {MAX_WORDS}" in problem.message


def test_a_basic_area_that_does_not_exist(tmp_path: Path) -> None:
    problems, line = broken(tmp_path, "basics: [souris, clavier]", "basics: [souris, claviers]")
    problem = only(problems)
    assert (problem.line, problem.key) == (line, "basics[1]")


def test_a_need_that_does_not_exist(tmp_path: Path) -> None:
    problems, line = broken(tmp_path, "need: photo}", "need: photos}")
    problem = only(problems)
    assert (problem.line, problem.key) == (line, "questions[1].choices[1].need")


def test_bad_yaml_names_the_line(tmp_path: Path) -> None:
    problems, line = broken(tmp_path, "title: Faire le point", "title: [Faire le point")
    assert problems[0].line == line
    assert "not valid YAML" in problems[0].message


def test_a_file_that_is_a_list(tmp_path: Path) -> None:
    path = tmp_path / "contenu.yaml"
    path.write_text("- un\n- deux\n", encoding="utf-8")
    problem = only(list(load_content(path, real_picture).problems))
    assert problem.line == 1 and problem.key == ""


@pytest.mark.parametrize("text", ["", "# rien\n"])
def test_an_empty_file(tmp_path: Path, text: str) -> None:
    path = tmp_path / "contenu.yaml"
    path.write_text(text, encoding="utf-8")
    assert "empty" in only(list(load_content(path, real_picture).problems)).message
