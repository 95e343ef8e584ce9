"""The workshops' grouping (kiosk/hub/workshops.py) on real codes of the bundled diagnostic content: reading
and pasting codes, duplicates, sizes, homogeneity, a lone visitor, many of one group, ties and an order that
does not depend on how the codes were entered."""

from __future__ import annotations

import random
from collections import Counter
from functools import cache

import pytest

from kiosk.diagnostic.code import encode
from kiosk.diagnostic.engine import Result, group_of
from kiosk.diagnostic.loader import load_all_contents
from kiosk.hub import workshops
from kiosk.hub.workshops import REFUSED, Notice, add, add_again, messages, propose, read, remove, split_pasted

LEVEL = {"D": "a_decouvrir", "A": "avec_aide", "T": "autonome", "N": "non_evalue"}
AREAS = ("souris", "clavier", "internet", "courriel", "demarches", "documents", "securite")


@cache
def contents():
    found, problems = load_all_contents()
    assert not problems
    return found


def code(levels: str, needs: tuple[str, ...] = (), early_end: bool = False) -> str:
    """The code of a result, one letter an area: D a_decouvrir, A avec_aide, T autonome, N not seen."""
    content = contents()[1]
    values = tuple(LEVEL[c] for c in levels)
    result = Result(1, values, group_of(content, values, early_end), frozenset(needs), early_end)
    return encode(result, content)


def visitors(*codes: str) -> list[workshops.Visitor]:
    return [read(c, contents()) for c in codes]


def all_codes(found: list[workshops.Workshop]) -> Counter:
    return Counter(c for w in found for c in w.codes)


# Profiles of the content's three groups, each with the areas it has to work on.
BEGINNER = code("DDNNNNN", ("sms",), early_end=True)  # stopped after the basics
BEGINNERS = [code(f"D{b}{c}{d}{e}DD") for b in "DA" for c in "DAT" for d in "DAT" for e in "DT"]  # 36
MIDDLE_NET = code("TTDDTTT")  # intermediaire, has internet and courriel to work on
MIDDLE_PAPERS = code("TTTTDDD")  # intermediaire, has démarches, documents and sécurité to work on
ADVANCED = code("TTTTTAA")


def test_the_profiles_fall_in_the_groups_they_stand_for():
    groups = {v.code: v.group for v in visitors(BEGINNER, MIDDLE_NET, MIDDLE_PAPERS, ADVANCED, *BEGINNERS)}
    assert groups[BEGINNER] == "debutant" and groups[ADVANCED] == "avance"
    assert groups[MIDDLE_NET] == groups[MIDDLE_PAPERS] == "intermediaire"
    assert {groups[c] for c in BEGINNERS} == {"debutant"} and len(set(BEGINNERS)) == 36


def test_a_code_is_read_as_a_person_may_type_it_and_gives_the_areas_to_work_on():
    typed = MIDDLE_NET.lower().replace("-", " ")
    visitor = read(typed, contents())
    assert visitor.code == MIDDLE_NET and visitor.group == "intermediaire"
    assert visitor.to_work_on == {"internet", "courriel"}
    beginner = read(BEGINNER, contents())
    assert beginner.to_work_on == {"souris", "clavier"}  # the areas not seen are not counted
    assert beginner.needs == {"sms"}


def test_pasted_codes_are_split_and_what_is_not_a_code_comes_out_as_typed():
    pasted = f"{BEGINNER}\n{MIDDLE_NET.replace('-', ' ')}, {ADVANCED.replace('-', '')};\t\n  \nABC\n"
    pasted += f"{MIDDLE_PAPERS} {ADVANCED.replace('-', ' ')} n'importe quoi"
    assert split_pasted(pasted) == [
        BEGINNER,
        MIDDLE_NET.replace("-", " "),
        ADVANCED.replace("-", ""),
        "ABC",
        MIDDLE_PAPERS,
        ADVANCED.replace("-", " "),
        "n'importe",
        "quoi",
    ]
    assert split_pasted(" \n ,; ") == []


def test_adding_refuses_bad_codes_and_adds_a_repeated_code_once():
    one_wrong = BEGINNER[:-1] + ("0" if BEGINNER[-1] != "0" else "1")
    listed, notices = add(
        visitors(ADVANCED), [BEGINNER, one_wrong, ADVANCED.lower(), BEGINNER, "x"], contents()
    )
    assert [v.code for v in listed] == [ADVANCED, BEGINNER]
    assert [n.kind for n in notices] == ["added", "refused", "duplicate", "duplicate", "refused"]
    said = messages(notices)
    assert said[0].text == f"Code ajouté : {BEGINNER}."
    assert said[1] == workshops.Message("bad", f"« {one_wrong} » : {REFUSED}")
    assert said[2].text == f"Le code {ADVANCED} est déjà dans la liste. Il n'est pas ajouté deux fois."
    assert said[2].kind == "warning" and said[4].text == f"« x » : {REFUSED}"
    assert REFUSED == "Ce code n'est pas valide. Vérifiez les 8 caractères."
    listed, notices = add([], BEGINNERS[:3], contents())
    assert messages(notices) == [workshops.Message("good", "3 codes ajoutés.")]


def test_another_person_with_the_same_code_is_added_when_the_advisor_says_so_and_removed_one_at_a_time():
    listed, notices = add_again(visitors(BEGINNER), BEGINNER, contents())
    assert [v.code for v in listed] == [BEGINNER, BEGINNER] and notices == [
        Notice("added", BEGINNER, BEGINNER)
    ]
    found = propose(listed, contents())
    assert found[0].codes == (BEGINNER, BEGINNER)
    assert [v.code for v in remove(listed, BEGINNER)] == [BEGINNER]
    assert add_again(listed, "pas un code", contents())[1][0].kind == "refused"


def test_a_full_list_takes_no_more_and_says_so():
    listed, notices = add(visitors(*BEGINNERS[:3]), BEGINNERS[3:6], contents(), most=4)
    assert len(listed) == 4 and [n.kind for n in notices] == ["added", "full", "full"]
    assert "2 codes ne sont pas ajoutés" in messages(notices, most=4)[-1].text


def test_a_lone_visitor_is_a_workshop_of_one_marked_small_with_its_areas_in_the_contents_words():
    (only,) = propose(visitors(MIDDLE_NET), contents())
    assert only.codes == (MIDDLE_NET,) and only.small and only.number == 1
    assert only.group_label == "Intermédiaire"
    assert [(a.name, a.people) for a in only.areas] == [("Internet et la recherche", 1), ("Le courriel", 1)]
    assert only.some_areas == () and only.needs == ()
    assert propose([], contents()) == []


def test_groups_are_never_mixed_and_come_beginners_first():
    found = propose(visitors(ADVANCED, MIDDLE_NET, BEGINNER), contents())
    assert [(w.group, w.codes) for w in found] == [
        ("debutant", (BEGINNER,)),
        ("intermediaire", (MIDDLE_NET,)),
        ("avance", (ADVANCED,)),
    ]
    assert [w.number for w in found] == [1, 2, 3]
    assert [(n.name, n.people) for n in found[0].needs] == [("recevoir un code par SMS", 1)]


@pytest.mark.parametrize("count", [6, 8, 9, 13, 17, 20, 36])
def test_many_of_one_group_make_the_fewest_workshops_of_at_most_eight_and_as_even_as_can_be(count):
    people = visitors(*BEGINNERS[:count])
    found = propose(people, contents())
    sizes = [w.size for w in found]
    assert len(found) == -(-count // 8)  # ceil: no more workshops than the size needs
    assert all(size <= 8 for size in sizes)
    assert min(sizes) >= min(6, count // len(found))  # 6 or more wherever the count allows it
    assert all_codes(found) == Counter(BEGINNERS[:count])  # everyone once
    assert {w.group for w in found} == {"debutant"}


def test_the_advisor_chooses_the_largest_size():
    people = visitors(*BEGINNERS[:20])
    twelve = [w.size for w in propose(people, contents(), largest=12)]
    assert len(twelve) == 2 and all(6 <= size <= 12 for size in twelve)
    four = propose(people, contents(), largest=4)
    assert [w.size for w in four] == [4] * 5 and not any(w.small for w in four)  # 6 cannot be reached
    assert [w.size for w in propose(people, contents(), largest=20)] == [20]
    with pytest.raises(ValueError):
        propose(people, contents(), largest=0)


def test_people_who_need_the_same_areas_are_put_together():
    # Eight have internet and courriel to work on, six démarches, documents and sécurité.
    # (D or A: both to work on; the stated needs tell apart those whose levels are the same.)
    net = [code(f"TT{c}{d}TTT", n) for c, d in ("DD", "DA", "AD") for n in ((), ("sms",), ("photo",))][:8]
    papers = [code(f"TTTT{c}{d}{e}") for c in "DA" for d in "DA" for e in "DA"][:6]
    people = visitors(*net, *papers)
    assert {v.group for v in people} == {"intermediaire"} and len(set(net + papers)) == 14
    random.Random(7).shuffle(people)
    found = propose(people, contents())
    assert [set(w.codes) for w in found] == [set(net), set(papers)]
    first, second = found
    assert [a.name for a in first.areas] == ["Internet et la recherche", "Le courriel"]
    assert [a.name for a in second.areas] == ["Les démarches en ligne", "Les documents", "La sécurité"]
    assert all(a.people == 8 for a in first.areas)
    assert not second.small and not first.small


def test_areas_only_some_need_are_said_apart_with_how_many():
    people = visitors(code("TTDDTTT"), code("TTDTTTT"), code("TTDTTTA"))
    (only,) = propose(people, contents())
    assert [(a.name, a.people) for a in only.areas] == [("Internet et la recherche", 3)]
    assert [(a.name, a.people) for a in only.some_areas] == [("Le courriel", 1), ("La sécurité", 1)]


def test_ties_are_broken_by_the_most_even_sizes_then_by_the_codes_order():
    # Fourteen who need the very same areas: every cut is as alike as another (6 + 8, 7 + 7, 8 + 6); the
    # most even one is taken, the first seven codes in alphabetical order together.
    alike = [code(f"DD{a}{b}{c}{d}{e}") for a in "DA" for b in "DA" for c in "DA" for d in "DA" for e in "DA"]
    people = visitors(*alike[:14])
    assert len({v.to_work_on for v in people}) == 1 and len({v.code for v in people}) == 14
    found = propose(people, contents())
    assert [w.codes for w in found] == [tuple(sorted(alike[:14])[:7]), tuple(sorted(alike[:14])[7:])]
    twelve = propose(people[:12], contents())
    assert [w.size for w in twelve] == [6, 6]  # the only cut with 6 or more each


def test_the_proposal_does_not_depend_on_the_order_the_codes_were_entered():
    codes = [*BEGINNERS[:23], MIDDLE_NET, MIDDLE_PAPERS, ADVANCED, BEGINNER]
    expected = propose(visitors(*codes), contents())
    for seed in range(5):
        shuffled = codes[:]
        random.Random(seed).shuffle(shuffled)
        assert propose(visitors(*shuffled), contents()) == expected
    assert all(list(w.codes) == sorted(w.codes) for w in expected)
