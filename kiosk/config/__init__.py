"""The kiosk's configuration: one declarative schema, layered loading, and problems that name file and line.

    load = load_config(paths.config_dir, bundled_shortcuts(), paths.last_good_config, icon_exists)
    for problem in load.problems:
        log.warning("%s", problem)   # e.g. /etc/ilot/site.yaml:4: idle_timeout: expected ...
    run_with(load.config)

Pure: nothing here imports PySide6.
"""

from kiosk.config.loader import Config, ConfigLoad, check_config, layer, load_config
from kiosk.config.problems import ConfigError, ConfigProblem
from kiosk.config.schema import (
    DAYS,
    AdvisorSlot,
    Category,
    OfflineHelp,
    Shortcut,
    Site,
    domain_matches,
)
from kiosk.languages import LANGUAGES

__all__ = [
    "DAYS",
    "LANGUAGES",
    "AdvisorSlot",
    "Category",
    "Config",
    "ConfigError",
    "ConfigLoad",
    "ConfigProblem",
    "OfflineHelp",
    "Shortcut",
    "Site",
    "check_config",
    "domain_matches",
    "layer",
    "load_config",
]
