"""Shared fixtures: the shipped content, and small contents built from it with chosen difficulties."""

import msgspec
import pytest

from kiosk.diagnostic.items import Choice, ChoiceItem
from kiosk.diagnostic.loader import load_bundled_content
from kiosk.diagnostic.schema import ContentFile


@pytest.fixture(scope="session")
def content() -> ContentFile:
    return load_bundled_content()


def choice_item(item_id: str, difficulty: int) -> ChoiceItem:
    return ChoiceItem(
        id=item_id,
        difficulty=difficulty,
        prompt="Choisissez oui.",
        hint="La bonne réponse est oui.",
        choices=(Choice(id="oui", label="Oui"), Choice(id="non", label="Non")),
        correct=("oui",),
    )


def with_difficulties(content: ContentFile, *per_area: tuple[int, ...]) -> ContentFile:
    """The shipped content with its areas' items replaced by simple items of these difficulties."""
    areas = []
    for n, area in enumerate(content.areas):
        difficulties = per_area[n] if n < len(per_area) else per_area[-1]
        items = tuple(choice_item(f"{area.id}-{m}-d{d}", d) for m, d in enumerate(difficulties))
        areas.append(msgspec.structs.replace(area, items=items))
    return msgspec.structs.replace(content, areas=tuple(areas))


@pytest.fixture(scope="session")
def simple(content: ContentFile) -> ContentFile:
    """Every area has items of difficulty 1, 2, 2, 3, 3 (two of each upper one, for confirmations)."""
    return with_difficulties(content, (1, 2, 2, 3, 3))
