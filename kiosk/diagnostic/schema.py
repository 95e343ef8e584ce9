"""The schema of the diagnostic content (`kiosk/assets/diagnostic/contenu.yaml`), declared once with msgspec.

The file holds the areas and their items (exercises, in `items.py`), the stated-needs questions about the
visitor's phone, the level names, the group rules with their recommendation, and the early-end rule. Texts
the kiosk says (name, label, recommendation, message) are plain French: short sentences of 12 words at most.
Pure: nothing here imports PySide6.
"""

from __future__ import annotations

from typing import Annotated, Literal, get_args

from msgspec import Meta

from kiosk.diagnostic.items import Item
from kiosk.diagnostic.values import Picture, Slug, Strict, Text

Level = Literal["a_decouvrir", "avec_aide", "autonome"]
LEVELS: tuple[str, ...] = get_args(Level)  # lowest first; their rank is their index
NOT_ASSESSED = "non_evalue"  # the level of an area the diagnostic did not reach (early end)
GroupId = Literal["debutant", "intermediaire", "avance"]
GROUPS: tuple[str, ...] = get_args(GroupId)  # lowest first


class Area(Strict, kw_only=True):
    """One scored area of skills. It needs items of difficulty 1, 2 and 3."""

    id: Annotated[Slug, Meta(description="Identifier; its position in the file is its number")]
    name: Annotated[Text, Meta(description="Name shown to the visitor and on the result sheet")]
    items: Annotated[tuple[Item, ...], Meta(min_length=3)]


class Need(Strict, kw_only=True):
    """Something the visitor says they want to learn, written to complete "Vous voulez apprendre à …"."""

    id: Slug
    label: Text


class NeedChoice(Strict, kw_only=True):
    id: Slug
    label: Text
    picture: Picture = ""
    need: Annotated[str, Meta(description="Id of the need this answer states; empty for none")] = ""


class NeedQuestion(Strict, kw_only=True):
    """A picture question about the visitor's phone. Not scored: answers become stated needs."""

    id: Slug
    prompt: Text
    picture: Picture = ""
    choices: Annotated[tuple[NeedChoice, ...], Meta(min_length=2)]


class LevelNames(Strict, kw_only=True):
    """How each level of an area is shown."""

    a_decouvrir: Text
    avec_aide: Text
    autonome: Text
    non_evalue: Text


class GroupRule(Strict, kw_only=True):
    """A group is reached when every condition holds. Areas not assessed count as below every level."""

    basics_at_least: Annotated[Level, Meta(description="Level every basic area must reach")]
    areas_avec_aide_at_least: Annotated[
        int, Meta(ge=0, description="How many areas must be at avec_aide or autonome")
    ] = 0
    areas_autonome_at_least: Annotated[int, Meta(ge=0, description="How many areas must be autonome")] = 0


class Place(Strict, kw_only=True):
    """Where to go next, named in a recommendation: its name and its address as a visitor types it."""

    name: Text
    address: Annotated[str, Meta(min_length=1, description="A web address, as typed: www.lesbonsclics.fr")]


Places = Annotated[tuple[Place, ...], Meta(description="Each place a recommendation names, with its address")]


class Group(Strict, kw_only=True):
    label: Text
    rule: GroupRule
    recommendation: Annotated[tuple[Text, ...], Meta(min_length=1, description="Short sentences")]
    places: Places = ()


class DefaultGroup(Strict, kw_only=True):
    """The group of everyone who reaches no other group."""

    label: Text
    recommendation: Annotated[tuple[Text, ...], Meta(min_length=1, description="Short sentences")]
    places: Places = ()


class Groups(Strict, kw_only=True):
    """Rules are tried from avance down to intermediaire; debutant is everyone else."""

    avance: Group
    intermediaire: Group
    debutant: DefaultGroup


class EarlyEnd(Strict, kw_only=True):
    """The diagnostic stops once the basic areas are done, if every one is at this level or lower."""

    basics_at_most: Level = "a_decouvrir"
    message: Annotated[tuple[Text, ...], Meta(min_length=1, description="Kind words, short sentences")]


class ContentFile(Strict, kw_only=True):
    """The whole `contenu.yaml`."""

    version: Annotated[
        int,
        Meta(
            ge=1,
            le=63,
            description="Content version, carried by result codes; bump it when areas, levels, groups "
            "or needs change, and keep the old file to decode old codes",
            examples=[1],
        ),
    ]
    title: Text
    levels: LevelNames
    basics: Annotated[tuple[Slug, ...], Meta(min_length=1, description="Ids of the first areas")]
    early_end: EarlyEnd
    groups: Groups
    areas: Annotated[tuple[Area, ...], Meta(min_length=1, max_length=8)]
    needs: Annotated[tuple[Need, ...], Meta(max_length=6)] = ()
    questions: tuple[NeedQuestion, ...] = ()
