"""The anonymous result code: layout, exhaustive round trip, the check character, reading leniently."""

import itertools
import random

import msgspec
import pytest

from kiosk.diagnostic.code import (
    ALPHABET,
    QUASIGROUP,
    InvalidCode,
    decode,
    encode,
    fold,
    pack,
    values_of,
)
from kiosk.diagnostic.engine import Result, group_of, stops_early
from kiosk.diagnostic.schema import LEVELS, NOT_ASSESSED, ContentFile
from kiosk.diagnostic.sheet import INVALID, decode_command

ALL_LEVELS = (*LEVELS, NOT_ASSESSED)


def all_results(content: ContentFile) -> list[Result]:
    """One result per level combination (with needs cycling through every combination), plus every
    early-end result."""
    need_ids = [n.id for n in content.needs]
    needs = [
        frozenset(i for k, i in enumerate(need_ids) if mask >> k & 1) for mask in range(1 << len(need_ids))
    ]
    results = []
    for n, levels in enumerate(itertools.product(ALL_LEVELS, repeat=len(content.areas))):
        results.append(
            Result(content.version, levels, group_of(content, levels), needs[n % len(needs)], False)
        )
        if all(x == NOT_ASSESSED for x in levels[2:]) and stops_early(content, levels):
            for need in needs:
                results.append(Result(content.version, levels, "debutant", need, True))
    return results


@pytest.fixture(scope="module")
def results(content: ContentFile) -> list[Result]:
    return all_results(content)


@pytest.fixture(scope="module")
def codes(content: ContentFile, results: list[Result]) -> list[str]:
    return [encode(r, content) for r in results]


def test_round_trip_over_every_level_combination(
    content: ContentFile, results: list[Result], codes: list[str]
) -> None:
    assert len({r.levels for r in results}) == 4**7
    assert len(set(codes)) == len(results)  # no two results share a code
    for result, code in zip(results, codes, strict=True):
        assert decode(code, {content.version: content}) == (result, content)


def test_code_shape(codes: list[str]) -> None:
    for code in codes[:500]:
        assert len(code) == 9 and code[4] == "-"
        assert set(code.replace("-", "")) <= set(ALPHABET)
    assert not set("ILOU") & set(ALPHABET) and len(ALPHABET) == 32


def test_bit_layout(content: ContentFile) -> None:
    levels = ("autonome", "avec_aide", "a_decouvrir", NOT_ASSESSED, "autonome", "autonome", "autonome")
    result = Result(1, levels, "intermediaire", frozenset({"sms", "sans-telephone"}), False)
    bits = pack(result, content)
    assert bits >> 29 == 1
    assert [bits >> (27 - 2 * n) & 3 for n in range(8)] == [2, 1, 0, 3, 2, 2, 2, 0]
    assert bits >> 11 & 3 == 1
    assert bits >> 5 & 0b111111 == 0b1001  # needs 0 (sms) and 3 (sans-telephone)
    assert bits & 0b11111 == 0


def test_the_quasigroup_is_a_latin_square() -> None:
    for row in QUASIGROUP:
        assert sorted(row) == list(range(32))
    for column in range(32):
        assert sorted(row[column] for row in QUASIGROUP) == list(range(32))


def test_the_quasigroup_is_totally_anti_symmetric() -> None:
    """(c*x)*y == (c*y)*x only when x == y, for every c: exhaustive over all 32^3 triples. With the
    Latin square, this is Damm's condition to catch every single error and neighbour swap."""
    q = QUASIGROUP
    for c, x, y in itertools.product(range(32), repeat=3):
        if x != y:
            assert q[q[c][x]][y] != q[q[c][y]][x], (c, x, y)
    for x, y in itertools.product(range(32), repeat=2):
        if x != y:
            assert q[x][y] != q[y][x]


def single_edits(values: list[int]):
    """Every code at one substitution or one swap of two different neighbours from `values`."""
    for i, v in enumerate(values):
        for other in range(32):
            if other != v:
                yield [*values[:i], other, *values[i + 1 :]]
    for i in range(len(values) - 1):
        if values[i] != values[i + 1]:
            swapped = list(values)
            swapped[i], swapped[i + 1] = swapped[i + 1], swapped[i]
            yield swapped


def test_every_single_substitution_and_neighbour_swap_is_caught(codes: list[str]) -> None:
    """All 248 substitutions and all neighbour swaps of every code of `all_results` (every level
    combination) and of 2000 random codes."""
    rng = random.Random(5)
    samples = [values_of(c) for c in codes]
    for _ in range(2000):
        data = [rng.randrange(32) for _ in range(7)]
        samples.append([*data, next(c for c in range(32) if fold([*data, c]) == 0)])
    edits = 0
    for values in samples:
        assert fold(values) == 0
        for edited in single_edits(values):
            assert fold(edited) != 0
            edits += 1
    assert edits > 4_000_000


def test_decode_refuses_single_edits(content: ContentFile, codes: list[str]) -> None:
    contents = {content.version: content}
    for code in codes[::97]:
        values = values_of(code)
        for edited in single_edits(values):
            with pytest.raises(InvalidCode):
                decode("".join(ALPHABET[v] for v in edited), contents)


def test_reading_is_lenient(content: ContentFile) -> None:
    result = Result(1, ("avec_aide",) * 7, "intermediaire", frozenset({"photo"}), False)
    code = encode(result, content)
    contents = {1: content}
    loose = [code.lower(), f"  {code[:2]} {code[2:]} ", code.replace("-", "")]
    loose.append(code.replace("0", "o").replace("1", "i"))
    for text in loose:
        assert decode(text, contents)[0] == result


def test_aliases() -> None:
    assert values_of("oOiIlL01") == [0, 0, 1, 1, 1, 1, 0, 1]
    with pytest.raises(InvalidCode):
        values_of("UUUU-UUUU")  # U is not in the alphabet
    with pytest.raises(InvalidCode):
        values_of("ABCD-EFG")


def with_check(data: list[int]) -> str:
    check = next(c for c in range(32) if fold([*data, c]) == 0)
    return "".join(ALPHABET[v] for v in [*data, check])


def data_of(bits: int) -> list[int]:
    return [(bits >> (5 * (6 - n))) & 31 for n in range(7)]


def test_an_unknown_version_is_refused(content: ContentFile) -> None:
    result = Result(1, ("autonome",) * 7, "avance", frozenset(), False)
    bits = pack(result, content)
    other = bits & ~(63 << 29) | 2 << 29
    with pytest.raises(InvalidCode, match="version 2"):
        decode(with_check(data_of(other)), {1: content})
    version_2 = msgspec.structs.replace(content, version=2)
    assert decode(with_check(data_of(other)), {1: content, 2: version_2})[0].version == 2


@pytest.mark.parametrize(
    ("change", "reason"),
    [
        (lambda b: b | 1, "reserved"),
        (lambda b: b | 3 << 11, "group"),
        (lambda b: b & ~(3 << 11), "group"),  # debutant does not follow from these levels
        (lambda b: b | 1 << 13, "area"),  # a level for an 8th area
        (lambda b: b | 1 << 9, "need"),  # a 5th need
        (lambda b: b & ~(3 << 11) | 1 << 4, "early end"),  # with debutant, but areas 3-7 assessed
    ],
)
def test_well_checked_but_meaningless_codes_are_refused(content: ContentFile, change, reason: str) -> None:
    result = Result(1, ("autonome",) * 7, "avance", frozenset(), False)
    code = with_check(data_of(change(pack(result, content))))
    with pytest.raises(InvalidCode, match=reason):
        decode(code, {1: content})


def test_random_strings_almost_never_decode(content: ContentFile) -> None:
    rng = random.Random(7)
    accepted = 0
    for _ in range(20_000):
        text = "".join(rng.choice(ALPHABET) for _ in range(8))
        try:
            decode(text, {1: content})
            accepted += 1
        except InvalidCode:
            pass
    assert accepted < 20  # the check, the version, reserved bits and the group reject nearly all


def test_decode_command_prints_the_whole_result(content: ContentFile) -> None:
    levels = ("autonome", "avec_aide", *["a_decouvrir"] * 5)
    result = Result(1, levels, "debutant", frozenset({"sms"}), False)
    code = encode(result, content)
    status, text = decode_command(code.lower())
    assert status == 0
    assert f"Code : {code}" in text
    assert "- La souris et l'écran tactile : Autonome" in text
    assert "- Le clavier : Avec de l'aide" in text
    assert "- La sécurité : À découvrir" in text
    assert "Groupe : Débutant" in text
    assert "- recevoir un code par SMS" in text
    assert content.groups.debutant.recommendation[0] in text
    assert "Version du contenu : 1" in text
    assert content.early_end.message[0] not in text


def test_decode_command_on_an_early_end(content: ContentFile) -> None:
    levels = ("a_decouvrir", "a_decouvrir", *[NOT_ASSESSED] * 5)
    code = encode(Result(1, levels, "debutant", frozenset(), True), content)
    status, text = decode_command(code)
    assert status == 0
    assert content.early_end.message[0] in text
    assert "- Internet et la recherche : Pas encore vu" in text
    assert "Aucun besoin indiqué." in text


@pytest.mark.parametrize("bad", ["", "bonjour", "0TNA-470X", "0TNA-470", "ÉÉÉÉ-ÉÉÉÉ", "UUUU-UUUU"])
def test_decode_command_refuses_bad_codes(bad: str) -> None:
    assert decode_command(bad) == (1, INVALID)
    assert INVALID == "Ce code n'est pas valide."


def test_encode_refuses_a_result_its_decoder_would_refuse(content: ContentFile) -> None:
    with pytest.raises(ValueError, match="group"):
        encode(Result(1, ("a_decouvrir",) * 7, "avance", frozenset(), False), content)
    with pytest.raises(ValueError, match="need"):
        encode(Result(1, ("a_decouvrir",) * 7, "debutant", frozenset({"voiture"}), False), content)
