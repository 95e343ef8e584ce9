"""A diagnostic screen on the run's Xvfb screen, 1280×800, with the kiosk's stylesheet."""

from __future__ import annotations

import pytest

from kiosk.diagnostic.loader import load_bundled_content
from kiosk.shell import theme
from kiosk.shell.icons import Icons


@pytest.fixture(scope="session")
def content():
    return load_bundled_content()


@pytest.fixture
def styled(qapp):
    previous = qapp.styleSheet()
    qapp.setStyleSheet(theme.STYLESHEET)
    yield
    qapp.setStyleSheet(previous)


@pytest.fixture
def icons(tmp_path_factory):
    return Icons(tmp_path_factory.getbasetemp() / "icon-cache")


@pytest.fixture
def make_screen(qtbot, styled, tmp_path, content, icons):
    from kiosk.diagnostic.views.screen import DiagnosticScreen

    made = []

    def make(speech=None, sheet_folder=None) -> DiagnosticScreen:
        screen = DiagnosticScreen(content, icons, speech, sheet_folder or tmp_path / "scratch")
        made.append(screen)
        screen.setGeometry(0, 0, 1280, 800)
        screen.show()
        qtbot.waitExposed(screen)
        return screen

    yield make
    from PySide6.QtCore import QCoreApplication, QEvent

    for screen in made:
        screen.close()
        screen.deleteLater()
    # Deleted now, not left for an application event loop pytest-qt never runs: each later stylesheet
    # change would restyle every screen still alive.
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)


@pytest.fixture
def screen(make_screen):
    return make_screen()
