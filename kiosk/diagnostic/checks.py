"""Is an answer right? The judgements a widget needs that are more than comparing two ids.

A widget collects what the visitor did and asks here; the result becomes an `Outcome` (see engine.py).
Pure: no Qt.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Collection, Mapping

from kiosk.diagnostic.items import ChoiceItem, DragItem, Field, TypingItem

_EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s.]+$")


def _without_accents(text: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFD", text) if not unicodedata.combining(c))


def _has_accent(text: str) -> bool:
    return any(unicodedata.combining(c) for c in unicodedata.normalize("NFD", text))


_RULES = {
    "not_empty": lambda t: bool(t),
    "contains_at": lambda t: "@" in t,
    "starts_with_capital": lambda t: bool(t) and t[0].isupper(),
    "has_digit": lambda t: any(c.isdigit() for c in t),
    "has_accent": _has_accent,
    "email": lambda t: bool(_EMAIL.match(t)),
}


def failed_rules(field: Field, text: str) -> list[str]:
    """The rules of `field` that `text` breaks (spaces at both ends never count)."""
    text = unicodedata.normalize("NFC", text.strip())
    return [rule for rule in field.rules if not _RULES[rule](text)]


def typing_ok(field: Field, text: str) -> bool:
    """Whether the text typed in one field is right. A field with no expected text and no rule is free."""
    text = unicodedata.normalize("NFC", text.strip())
    if failed_rules(field, text):
        return False
    if not field.expected:
        return True
    got, want = text, unicodedata.normalize("NFC", field.expected.strip())
    if field.ignore_accents:
        got, want = _without_accents(got), _without_accents(want)
    if field.ignore_case:
        got, want = got.casefold(), want.casefold()
    return got == want


def typing_item_ok(item: TypingItem, texts: Mapping[str, str]) -> bool:
    """Whether every field of a typing item is right; `texts` maps field ids to what was typed."""
    return all(typing_ok(field, texts.get(field.id, "")) for field in item.fields)


def choice_ok(item: ChoiceItem, chosen: Collection[str]) -> bool:
    """Whether the chosen answers are exactly the right ones."""
    return set(chosen) == set(item.correct)


def drag_ok(item: DragItem, placed: Mapping[str, str]) -> bool:
    """Whether every piece of the answer is in its zone; `placed` maps piece ids to zone ids."""
    return all(placed.get(piece) == zone for piece, zone in item.answer.items())


def drop_ok(item: DragItem, piece: str, zone: str) -> bool:
    """Whether one drop is right (a wrong drop is a wrong try)."""
    return item.answer.get(piece) == zone
