"""The anonymous result code: 8 characters of Crockford base32, shown as XXXX-XXXX.

Alphabet: 0-9 A-Z without I L O U (`ALPHABET`, one character = 5 bits). Reading accepts lower case,
spaces and dashes, and Crockford's aliases O -> 0, I and L -> 1.

Bit layout: the first 7 characters carry 35 bits, most significant first; the 8th is the check character.

    bits 34-29  content version, 1 to 63 (0 is refused)
    bits 28-13  area levels, 2 bits per area, area 1 in bits 28-27 ... area 8 in bits 14-13:
                0 a_decouvrir, 1 avec_aide, 2 autonome, 3 non_evalue; slots after the last area are 0
    bits 12-11  group: 0 debutant, 1 intermediaire, 2 avance (3 is refused)
    bits 10-5   stated needs: need n of the content (from 0) is bit 5 + n; bits after the last need are 0
    bit  4      early end (the basics were not there: the scored part stopped after them)
    bits 3-0    reserved, 0

Check character (Damm's scheme over a totally anti-symmetric quasigroup of order 32): with GF(32) built on
the primitive polynomial x^5 + x^2 + 1 and a = x (the element 2), let u * v = a.u + v (+ is XOR).
Reading the 8 values c1..c8 from r = 0 with r <- r * c gives r = sum of a^(8-i).c_i; a code is valid when
r = 0, so the check character is c8 = a.r7 (r7: r after the 7 data characters).
- One character changed at position i by e != 0 changes r by a^(8-i).e != 0 (a field has no zero
  divisors): every single substitution is caught, the check character's included.
- Two different neighbours u, v swapped at positions i, i+1 change r by a^(7-i).(a + 1).(u + v), which
  is not 0 because a != 1 and u != v: every swap of two neighbours is caught.
The tests check the quasigroup exhaustively (a Latin square, and (c*x)*y = (c*y)*x only when x = y for
all 32^3 triples) and try every single edit of thousands of codes.

A decoded code is also checked against its content: known version, levels and needs in range, reserved
bits 0, the group that the content's rules give for those levels, an early end only when the basics stop
it. A code failing any of these is refused ("Ce code n'est pas valide"): never a wrong result for a
code typed with one mistake. Pure: no Qt.
"""

from __future__ import annotations

import re
from collections.abc import Mapping

from kiosk.diagnostic.engine import Result, basic_indexes, group_of, stops_early
from kiosk.diagnostic.schema import GROUPS, LEVELS, NOT_ASSESSED, ContentFile

ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"
LENGTH = 8
DATA_LENGTH = 7
_VALUE = {c: n for n, c in enumerate(ALPHABET)} | {"O": 0, "I": 1, "L": 1}
_SEPARATORS = re.compile(r"[\s\-]+")
_LEVEL_CODES = (*LEVELS, NOT_ASSESSED)  # 0..3
MAX_AREAS = 8
MAX_NEEDS = 6
MAX_VERSION = 63
_POLY = 0b100101  # x^5 + x^2 + 1
A = 2  # the multiplier a of the quasigroup: any element but 0 and 1 works


class InvalidCode(ValueError):
    """The code cannot be read; the reason is for logs and tests, the visitor sees one plain sentence."""


def gf_mul(x: int, y: int) -> int:
    """Product in GF(32)."""
    product = 0
    while y:
        if y & 1:
            product ^= x
        y >>= 1
        x <<= 1
        if x & 0b100000:
            x ^= _POLY
    return product


QUASIGROUP = tuple(tuple(gf_mul(A, u) ^ v for v in range(32)) for u in range(32))


def fold(values: list[int]) -> int:
    """Damm's running value over some 5-bit values."""
    r = 0
    for v in values:
        r = QUASIGROUP[r][v]
    return r


def check_value(data: list[int]) -> int:
    """The check value that makes `fold(data + [check]) == 0`."""
    return gf_mul(A, fold(data))


def pack(result: Result, content: ContentFile) -> int:
    """The 35 data bits of a result (see the layout above)."""
    if not 1 <= result.version <= MAX_VERSION:
        raise ValueError(f"version {result.version} does not fit in the code")
    if len(result.levels) != len(content.areas) or len(content.areas) > MAX_AREAS:
        raise ValueError("one level per area of the content, 8 areas at most")
    need_ids = [need.id for need in content.needs]
    if len(need_ids) > MAX_NEEDS or not result.needs <= set(need_ids):
        raise ValueError("unknown need, or too many needs for the code")
    if result.group != group_of(content, result.levels, result.early_end):
        raise ValueError("the group does not follow from the levels: the code would be refused")
    bits = result.version
    for n in range(MAX_AREAS):
        bits = bits << 2 | (_LEVEL_CODES.index(result.levels[n]) if n < len(result.levels) else 0)
    bits = bits << 2 | GROUPS.index(result.group)
    needs = sum(1 << n for n, need in enumerate(need_ids) if need in result.needs)
    bits = bits << 6 | needs
    bits = bits << 1 | result.early_end
    return bits << 4


def encode(result: Result, content: ContentFile) -> str:
    """The code of a result, as XXXX-XXXX."""
    bits = pack(result, content)
    data = [(bits >> (5 * (DATA_LENGTH - 1 - n))) & 31 for n in range(DATA_LENGTH)]
    text = "".join(ALPHABET[v] for v in [*data, check_value(data)])
    return f"{text[:4]}-{text[4:]}"


def values_of(code: str) -> list[int]:
    """The 8 values of a code as a person may type it; raises InvalidCode."""
    text = _SEPARATORS.sub("", code).upper()
    if len(text) != LENGTH:
        raise InvalidCode(f"expected {LENGTH} characters, got {len(text)}")
    try:
        return [_VALUE[c] for c in text]
    except KeyError as error:
        raise InvalidCode(f"{error.args[0]!r} is not a code character") from None


def decode(code: str, contents: Mapping[int, ContentFile]) -> tuple[Result, ContentFile]:
    """The result a code carries, with the content of its version; raises InvalidCode."""
    values = values_of(code)
    if fold(values) != 0:
        raise InvalidCode("wrong check character")
    bits = 0
    for v in values[:DATA_LENGTH]:
        bits = bits << 5 | v
    version = bits >> 29
    content = contents.get(version)
    if content is None:
        raise InvalidCode(f"unknown content version {version}")
    if bits & 0b1111:
        raise InvalidCode("reserved bits set")
    early_end = bool(bits >> 4 & 1)
    needs_bits = bits >> 5 & 0b111111
    group_code = bits >> 11 & 0b11
    slots = [bits >> (13 + 2 * (MAX_AREAS - 1 - n)) & 0b11 for n in range(MAX_AREAS)]
    areas = len(content.areas)
    if any(slots[areas:]):
        raise InvalidCode("a level for an area the content does not have")
    if needs_bits >> len(content.needs):
        raise InvalidCode("a need the content does not have")
    if group_code >= len(GROUPS):
        raise InvalidCode("unknown group")
    levels = tuple(_LEVEL_CODES[s] for s in slots[:areas])
    group = GROUPS[group_code]
    if group != group_of(content, levels, early_end):
        raise InvalidCode("the group does not follow from the levels")
    if early_end and not _early_end_consistent(content, levels):
        raise InvalidCode("an early end that the levels do not show")
    needs = frozenset(need.id for n, need in enumerate(content.needs) if needs_bits >> n & 1)
    return Result(version, levels, group, needs, early_end), content


def _early_end_consistent(content: ContentFile, levels: tuple[str, ...]) -> bool:
    basics = set(basic_indexes(content))
    others_skipped = all(level == NOT_ASSESSED for n, level in enumerate(levels) if n not in basics)
    return others_skipped and stops_early(content, levels)
