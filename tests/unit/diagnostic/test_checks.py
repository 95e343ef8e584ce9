"""Judging answers: typing with rules, case and accents; choices; drops."""

import pytest

from kiosk.diagnostic.checks import choice_ok, drag_ok, drop_ok, failed_rules, typing_item_ok, typing_ok
from kiosk.diagnostic.items import ChoiceItem, DragItem, Field, TypingItem
from kiosk.diagnostic.schema import ContentFile


def item(content: ContentFile, item_id: str):
    return next(i for area in content.areas for i in area.items if i.id == item_id)


@pytest.mark.parametrize(
    ("field", "text", "ok"),
    [
        (Field(id="f", label="F", expected="Lyon"), "Lyon", True),
        (Field(id="f", label="F", expected="Lyon"), "  Lyon ", True),
        (Field(id="f", label="F", expected="Lyon"), "lyon", False),
        (Field(id="f", label="F", expected="Lyon", ignore_case=True), "LYON", True),
        (Field(id="f", label="F", expected="café"), "cafe", False),
        (Field(id="f", label="F", expected="café", ignore_accents=True), "cafe", True),
        (Field(id="f", label="F", expected="café"), "cafe\u0301", True),  # é typed as e + accent
        (Field(id="f", label="F", rules=("contains_at",)), "a@b", True),
        (Field(id="f", label="F", rules=("contains_at",)), "ab", False),
        (Field(id="f", label="F", rules=("email",)), "marie@laposte.net", True),
        (Field(id="f", label="F", rules=("email",)), "marie@laposte", False),
        (Field(id="f", label="F", rules=("has_digit",)), "marie75", True),
        (Field(id="f", label="F", rules=("starts_with_capital",)), "Élise", True),
        (Field(id="f", label="F", rules=("starts_with_capital",)), "élise", False),
        (Field(id="f", label="F", rules=("has_accent",)), "noël", True),
        (Field(id="f", label="F", rules=("not_empty",)), "   ", False),
        (Field(id="f", label="F"), "", True),  # a field nobody checks
    ],
)
def test_typing(field: Field, text: str, ok: bool) -> None:
    assert typing_ok(field, text) is ok


def test_failed_rules_say_which() -> None:
    field = Field(id="f", label="F", rules=("contains_at", "has_digit", "not_empty"))
    assert failed_rules(field, "marie") == ["contains_at", "has_digit"]


def test_shipped_typing_items(content: ContentFile) -> None:
    fix = item(content, "clavier-corriger")
    assert isinstance(fix, TypingItem) and fix.require_tab
    assert typing_item_ok(fix, {"ville": "Paris", "code-postal": "75001"})
    assert not typing_item_ok(fix, {"ville": "Parsi", "code-postal": "75001"})
    form = item(content, "demarches-formulaire")
    assert typing_item_ok(form, {"nom": "MARTIN", "prenom": "Marie"})  # the phone is optional
    assert not typing_item_ok(form, {"nom": "Martin"})
    mail = item(content, "clavier-adresse")
    assert typing_item_ok(mail, {"courriel": "Marie.Martin75@laposte.net"})
    assert not typing_item_ok(mail, {"courriel": "marie.martin75laposte.net"})


def test_choices(content: ContentFile) -> None:
    password = item(content, "demarches-mot-de-passe")
    assert isinstance(password, ChoiceItem)
    assert choice_ok(password, ["long"])
    assert not choice_ok(password, ["long", "chiffres"])
    assert not choice_ok(password, [])


def test_drags(content: ContentFile) -> None:
    drag = item(content, "souris-glisser")
    assert isinstance(drag, DragItem)
    assert drop_ok(drag, "facture", "papiers") and not drop_ok(drag, "facture", "photos")
    assert drag_ok(drag, {"facture": "papiers"}) and not drag_ok(drag, {})
