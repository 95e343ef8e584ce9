"""The languages the kiosk speaks, in one place: the config accepts exactly these (`site.language`), and the
usage metric `language` counts exactly these. Pure and tiny (standard library only): the config schema and the
usage metrics both import it, and neither imports the other."""

from typing import Literal, get_args

Language = Literal["fr", "en", "ar", "es", "pt"]
LANGUAGES: tuple[str, ...] = get_args(Language)
