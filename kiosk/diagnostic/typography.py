"""French spacing: the space before "?", "!", ":" and ";" becomes a no-break space, so that a lone "?" never
wraps onto its own line. `french_spacing` is applied to the content as it loads and to the screen's own texts.
Pure: no Qt."""

from __future__ import annotations

import re
from typing import Any

NO_BREAK_SPACE = "\u00a0"
_BEFORE_MARK = re.compile(r"[ \t]+(?=[?!:;])")


def french_spacing(text: str) -> str:
    """'Quel est le vrai bouton ?' -> 'Quel est le vrai bouton\\u00a0?' (idempotent)."""
    return _BEFORE_MARK.sub(NO_BREAK_SPACE, text)


def french_spacing_in(data: Any) -> Any:
    """The same for every string inside parsed YAML (dicts, lists); keys are left as they are."""
    if isinstance(data, str):
        return french_spacing(data)
    if isinstance(data, dict):
        return {key: french_spacing_in(value) for key, value in data.items()}
    if isinstance(data, list):
        return [french_spacing_in(value) for value in data]
    return data
