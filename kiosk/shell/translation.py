"""Puts the kiosk's screens in the site's language: French is the source text; other languages come from
`kiosk/assets/translations/kiosk_<language>.qm` (made from the .ts file with pyside6-lrelease) and Qt's own
`qtbase_<language>.qm`. A language without a translation file stays in French and says so in the log.
`switch_language` changes it while the kiosk runs: every screen follows (`kiosk.shell.retranslate`)."""

from __future__ import annotations

import logging

from PySide6.QtCore import QLibraryInfo, QLocale, QTranslator
from PySide6.QtWidgets import QApplication

from kiosk.resources import resource_path

log = logging.getLogger(__name__)

SOURCE_LANGUAGE = "fr"


def install_translation(qapp: QApplication, language: str) -> list[QTranslator]:
    """Installs the translators for `language`; keep the returned list alive as long as the application."""
    QLocale.setDefault(QLocale(language))
    if language == SOURCE_LANGUAGE:
        return []
    installed = []
    ours = QTranslator(qapp)
    if ours.load(str(resource_path("assets", "translations", f"kiosk_{language}.qm"))):
        qapp.installTranslator(ours)
        installed.append(ours)
    else:
        log.warning("no translation of the kiosk for language %r: the screens stay in French", language)
    qt = QTranslator(qapp)
    if qt.load(f"qtbase_{language}", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)):
        qapp.installTranslator(qt)
        installed.append(qt)
    return installed


def switch_language(qapp: QApplication, installed: list[QTranslator], language: str) -> list[QTranslator]:
    """Removes the translators `installed` (what install_translation or this function returned), then installs
    those of `language`; keep the returned list alive in their place."""
    for translator in installed:
        qapp.removeTranslator(translator)
        translator.deleteLater()
    return install_translation(qapp, language)
