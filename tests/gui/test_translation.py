"""The site's language puts the screens in that language; the shipped translations are complete and built."""

import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtWidgets import QLabel

import kiosk
from kiosk.resources import resource_path

TRANSLATIONS = resource_path("assets", "translations")
TOOLS = Path(sys.executable).parent


@pytest.fixture
def english_kiosk(make_kiosk, paths):
    (paths.config_dir / "site.yaml").write_text("site_name: Post Office\nlanguage: en\n", encoding="utf-8")
    return make_kiosk()


def test_an_english_site_shows_english_screens(english_kiosk):
    labels = [w.text() for w in english_kiosk.window.findChildren(QLabel)]
    assert "Welcome" in labels
    assert "Bienvenue" not in labels
    assert english_kiosk.top_bar.home_button.text() == "Home"
    assert english_kiosk.top_bar.end_button.text() == "End my session"
    assert english_kiosk.window.confirm_overlay.end_button.text() == "Yes, end it"


def test_the_translators_go_away_with_the_kiosk(english_kiosk, qapp):
    english_kiosk.shutdown()
    assert qapp.translate("TopBar", "Accueil") == "Accueil"


@pytest.mark.skipif(shutil.which("pyside6-lupdate", path=str(TOOLS)) is None, reason="needs PySide6's tools")
def test_every_source_string_is_translated_and_the_qm_file_is_current(tmp_path):
    ts = tmp_path / "kiosk_en.ts"
    shutil.copy(TRANSLATIONS / "kiosk_en.ts", ts)
    sources = sorted(str(p) for p in Path(kiosk.__file__).parent.rglob("*.py"))
    assert len(sources) > 50
    subprocess.run([TOOLS / "pyside6-lupdate", *sources, "-ts", str(ts)], check=True, capture_output=True)
    text = ts.read_text(encoding="utf-8")
    assert 'type="unfinished"' not in text, (
        "new strings: run pyside6-lupdate, translate, run pyside6-lrelease"
    )
    qm = tmp_path / "kiosk_en.qm"
    subprocess.run([TOOLS / "pyside6-lrelease", str(ts), "-qm", str(qm)], check=True, capture_output=True)
    assert qm.read_bytes() == (TRANSLATIONS / "kiosk_en.qm").read_bytes(), "see README, Translations"
