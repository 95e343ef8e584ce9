"""Every test outside tests/unit runs on one private Xvfb screen with one private D-Bus session bus: widget
tests and QtWebEngine tests then run in the same Qt application on a real X server, as the kiosk does on a
terminal. Both start just before the first such test (`start_screen`), so a run of tests/unit alone starts no
X server and imports no Qt (tests/unit/test_without_qt.py proves it). Nothing here touches the developer's own
display or bus, and nothing the run starts outlives it: both servers end with the pytest process (even one
killed), and after the last test the run fails if a process it started is still alive (tests/processes.py)."""

from __future__ import annotations

import os
import sys
import time
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "bench"))
from xvfb import start_xvfb

from kiosk.session_bus import ADDRESS, start_session_bus
from tests.hub_databases import hub_db_url, module_hub_db_url, postgres_cluster  # noqa: F401 (fixtures)
from tests.processes import RUN_MARKER, descends_from, marked_processes

SCREEN = "ILOT_TEST_SCREEN"
UNIT = Path(__file__).resolve().parent / "unit"
_server = None
_bus = None


def pytest_configure(config) -> None:
    os.environ[RUN_MARKER] = str(os.getpid())  # first: every process the run starts carries it
    # The developer's screen and bus are never the run's: until start_screen(), a test sees none.
    for name in ("DISPLAY", "WAYLAND_DISPLAY", ADDRESS):
        os.environ.pop(name, None)


@pytest.hookimpl(tryfirst=True)
def pytest_runtest_setup(item) -> None:
    """Before the fixtures of the first test that is not a unit test (its qapp among them): the screen."""
    if _server is None and not item.path.resolve().is_relative_to(UNIT):
        start_screen()


def start_screen() -> None:
    """Starts the run's bus and Xvfb screen and prepares Qt as the kiosk does, once: later calls do nothing.
    Everything here happens before the run's QApplication exists and before its first web page."""
    global _server, _bus
    if _server is not None:
        return
    # Before Qt: without a bus, libdbus would autolaunch one (dbus-launch) that outlives the run and keeps
    # a connection to the Xvfb, which -terminate then never ends.
    _bus = start_session_bus()
    os.environ[ADDRESS] = _bus.address
    # -terminate: the server ends when its last client, this test process, disconnects. Stopping it while
    # the Qt application still holds its connection would end the run with "X11 connection broke".
    _server, display = start_xvfb(*screen_size(), "-terminate")
    os.environ["DISPLAY"] = display
    os.environ["QT_QPA_PLATFORM"] = "xcb"
    os.environ["QTWEBENGINE_DISABLE_SANDBOX"] = "1"  # QtWebEngine refuses to start as root with its sandbox
    from kiosk.browser.engine_flags import set_kiosk_flags

    set_kiosk_flags()  # as the kiosk does: Chromium reads its switches once, when the first page is made
    from PySide6.QtCore import QCoreApplication, Qt

    # As the kiosk does before its QApplication: QtWebEngine loads later, in the same application.
    assert QCoreApplication.instance() is None, "a QApplication was made before the run's screen"
    QCoreApplication.setAttribute(Qt.ApplicationAttribute.AA_ShareOpenGLContexts)


def screen_size() -> tuple[int, int]:
    """The run's screen: 1280×800 unless ILOT_TEST_SCREEN says otherwise ("1024x768", say)."""
    width, height = os.environ.get(SCREEN, "1280x800").split("x")
    return int(width), int(height)


def pytest_sessionfinish(session, exitstatus) -> None:
    """After the last test: every process a test started has ended. Only the run's own servers and Qt's
    QtWebEngine helpers may still run; they end with this process."""
    ours = {server.pid for server in (_server, _bus) if server is not None}

    def left_running() -> list:
        return [
            process
            for process in marked_processes(str(os.getpid()))
            if process.pid not in ours
            and not (
                process.command.split(" ")[0].endswith("QtWebEngineProcess")
                and descends_from(process.pid, os.getpid())
            )
        ]

    deadline = time.monotonic() + 3  # a process a test has just stopped may still be on its way out
    while (left := left_running()) and time.monotonic() < deadline:
        time.sleep(0.1)
    if left:
        lines = "\n".join(f"  pid {p.pid} (parent {p.parent}): {p.command[:200]}" for p in left)
        reporter = session.config.pluginmanager.get_plugin("terminalreporter")
        if reporter is not None:
            reporter.write_line(f"Processes the tests started are still running:\n{lines}", red=True)
        session.exitstatus = pytest.ExitCode.TESTS_FAILED


def pytest_unconfigure(config) -> None:
    qt = sys.modules.get("PySide6.QtWidgets")
    if _server is not None and (qt is None or qt.QApplication.instance() is None):
        _server.terminate()  # no Qt client ever connected: -terminate would never fire
        _server.wait(5)
    if _bus is not None:
        _bus.stop()


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
