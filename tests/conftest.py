"""The whole test run shares one private Xvfb screen: widget tests and QtWebEngine tests then run in the same
Qt application on a real X server, as the kiosk does on a terminal. Nothing here touches the developer's own
display."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "bench"))
from xvfb import start_xvfb

_server = None


def pytest_configure(config) -> None:
    global _server
    # -terminate: the server ends when its last client, this test process, disconnects. Stopping it while
    # the Qt application still holds its connection would end the run with "X11 connection broke".
    _server, display = start_xvfb(1280, 800, "-terminate")
    os.environ["DISPLAY"] = display
    os.environ["QT_QPA_PLATFORM"] = "xcb"
    os.environ["QTWEBENGINE_DISABLE_SANDBOX"] = "1"  # QtWebEngine refuses to start as root with its sandbox
    from kiosk.browser.engine_flags import set_kiosk_flags

    set_kiosk_flags()  # as the kiosk does: Chromium reads its switches once, when the first page is made
    from PySide6.QtCore import QCoreApplication, Qt

    # As the kiosk does before its QApplication: QtWebEngine loads later, in the same application.
    QCoreApplication.setAttribute(Qt.ApplicationAttribute.AA_ShareOpenGLContexts)


def pytest_unconfigure(config) -> None:
    qt = sys.modules.get("PySide6.QtWidgets")
    if _server is not None and (qt is None or qt.QApplication.instance() is None):
        _server.terminate()  # no Qt client ever connected: -terminate would never fire
        _server.wait(5)


@pytest.fixture(autouse=True)
def delete_what_tests_left_for_later():
    """pytest-qt closes a test's widgets with deleteLater(), which only the application's own event loop
    carries out, and tests never run it: delete them after each test, or they pile up and every later
    stylesheet change restyles them all."""
    yield
    qt = sys.modules.get("PySide6.QtWidgets")
    if qt is not None and qt.QApplication.instance() is not None:
        from PySide6.QtCore import QCoreApplication, QEvent

        QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
