"""The value types every part of the diagnostic content shares: ids, texts, picture names, positions and
sizes, and the strict struct they are fields of (an unknown key is an error, a loaded value never changes).

Positions and sizes are percentages of the exercise area (0 to 100), so a widget scales to any screen.
`picture` names an SVG in `kiosk/assets/diagnostic/pictures/` without `.svg`; "" means no picture.
Pure: nothing here imports PySide6.
"""

from __future__ import annotations

from typing import Annotated

from msgspec import Meta, Struct

Slug = Annotated[
    str,
    Meta(
        pattern=r"^[a-z0-9]+(?:-[a-z0-9]+)*$",
        extra={"expected": 'lowercase letters, digits and dashes, like "souris-double-clic"'},
    ),
]
Text = Annotated[str, Meta(min_length=1)]
Picture = Annotated[
    str,
    Meta(
        pattern=r"^(?:[a-z0-9]+(?:-[a-z0-9]+)*)?$",
        description="Name of an SVG in kiosk/assets/diagnostic/pictures/, without .svg; empty for none",
        extra={"expected": 'the name of a picture, like "cadenas", or ""'},
    ),
]
Percent = Annotated[
    float,
    Meta(ge=0, le=100, extra={"expected": "a number from 0 to 100 (percent of the exercise area)"}),
]
Size = Annotated[
    float,
    Meta(ge=2, le=60, extra={"expected": "a number from 2 to 60 (percent of the exercise area's height)"}),
]


class Strict(Struct, forbid_unknown_fields=True, frozen=True, kw_only=True):
    pass
