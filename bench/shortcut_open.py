"""Opening a shortcut: from a tile click to the page's loadFinished, against a bare QWebEngineView loading the
same local page, in the same run, under a private Xvfb.

    .venv/bin/python bench/shortcut_open.py [--runs 10] [--later 3]

The kiosk is a real `kiosk.app.Kiosk` (public mode, full screen) whose one shortcut points at a page served
on loopback by bench/local_site.py. The config is built in Python: shortcuts.yaml refuses a port in
allowed_domains. The tile is clicked as a visitor's finger would (on the window's QWindow, through the input
filters); the clock stops at `BrowserScreen.view.loadFinished`.

Each run is one fresh process of each program, in alternation (a first pair, not counted, warms the disk
cache and compiles the bytecode). In each process:

- **first open**: the kiosk does not load QtWebEngine before a visitor opens a service, so its first open pays
  QtWebEngine's start (library, profile, browser and renderer processes). Its baseline is a bare full-screen
  window that, when the clock starts, imports QtWebEngineWidgets, makes a QWebEngineView and loads the page:
  the same start, without the kiosk.
- **later opens** (`--later` per process): the kiosk goes back home ("Accueil"), then the tile is clicked
  again: the kiosk shows its browser screen again (made once per session: same view and page, the service's
  rules set again, its history cleared) and loads the start page. Its baseline makes a new QWebEngineView in
  the same window (the previous one deleted) and loads the page in the default profile, as a browser opening
  a new tab would; reusing its view is the kiosk's own saving.

Both programs wait the same settling time before each measure. Target (issue 3): kiosk ≤ 1.2× the bare view.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from local_site import local_site  # noqa: E402
from xvfb import virtual_screen  # noqa: E402

SETTLE_S = 0.5  # idle time before each measure: the previous page's teardown and the first paint are over
TIMEOUT_S = 30
WARNINGS: set[str] = set()


# ---------------------------------------------------------------- helpers shared with bench/session_wipe.py


def wait_until(done: Callable[[], bool], timeout: float = TIMEOUT_S, what: str = "condition") -> None:
    """Runs the Qt event loop (a real QEventLoop, so deferred deletions run) until `done()` is true."""
    from PySide6.QtCore import QEventLoop, QTimer

    if done():
        return
    loop = QEventLoop()
    poll = QTimer()
    poll.setInterval(1)
    poll.timeout.connect(lambda: done() and loop.quit())
    deadline = QTimer()
    deadline.setSingleShot(True)
    deadline.timeout.connect(loop.quit)
    poll.start()
    deadline.start(int(timeout * 1000))
    loop.exec()
    poll.stop()
    if not done():
        raise TimeoutError(f"timed out waiting for {what}")


def settle(seconds: float = SETTLE_S) -> None:
    end = time.perf_counter() + seconds
    wait_until(lambda: time.perf_counter() >= end, seconds + 5, "the settling time")


def touch(window, widget) -> None:
    """A click as the X server delivers it: on the kiosk window's QWindow at the widget's centre, through the
    window's input filters (lockdown, idle watcher), as in tests/gui/conftest.py."""
    from PySide6.QtCore import Qt
    from PySide6.QtTest import QTest

    position = widget.mapTo(window, widget.rect().center())
    QTest.mouseClick(window.windowHandle(), Qt.MouseButton.LeftButton, Qt.KeyboardModifier(0), position)


def bench_config(url: str):
    """The kiosk's config with one shortcut to the local page (http and a port: only possible in Python)."""
    from urllib.parse import urlsplit

    from kiosk.config import Category, Config, OfflineHelp, Shortcut, Site

    shortcut = Shortcut(
        id="mesure",
        label="Service de mesure",
        description="Une page servie par cette machine",
        icon="landmark",
        url=url,
        allowed_domains=(urlsplit(url).netloc,),
        category="aides",
        offline_help=OfflineHelp(phone="0100000000"),
        allow_http=True,
    )
    return Config(
        site=Site(site_name="Bureau de mesure", idle_timeout=3600, idle_warning=30),
        categories=(Category(id="aides", label="Aides"),),
        shortcuts=(shortcut,),
        identity_providers=(),
    )


def build_kiosk(url: str, data_dir: Path):
    """A real kiosk in public mode, shown, its database open: as after its first paint."""
    from PySide6.QtTest import QTest

    from kiosk.app import Kiosk
    from kiosk.paths import Paths

    paths = Paths(config_dir=None, data_dir=data_dir)
    paths.ensure()
    kiosk = Kiosk(bench_config(url), paths, public=True)
    kiosk.window.show_kiosk()
    if not QTest.qWaitForWindowExposed(kiosk.window.windowHandle(), 10_000):
        raise RuntimeError("the kiosk window was never exposed")
    wait_until(kiosk.store.opened.done, what="the database")
    return kiosk


class KioskOpener:
    """Clicks the shortcut's tile and times it to the new browser screen's loadFinished."""

    def __init__(self, kiosk) -> None:
        self.kiosk = kiosk
        self.tile = kiosk.home.tiles[0]
        self.screen = None
        self.finished_at: float | None = None
        self.ok = False
        kiosk.window.screens.currentChanged.connect(self._current_changed)

    def _current_changed(self, _index: int) -> None:
        from kiosk.browser.view import BrowserScreen

        current = self.kiosk.window.screens.currentWidget()
        if isinstance(current, BrowserScreen) and current is not self.screen:
            self.screen = current
            current.view.loadFinished.connect(self._finished)  # before any event is processed

    def _finished(self, ok: bool) -> None:
        if self.finished_at is None:
            self.finished_at = time.perf_counter()
            self.ok = ok

    def open(self) -> float:
        """Seconds from the tile click to loadFinished."""
        self.finished_at = None
        started = time.perf_counter()
        touch(self.kiosk.window, self.tile)
        wait_until(lambda: self.finished_at is not None, what="the shortcut's page")
        if self.screen is None or not self.ok:
            raise RuntimeError("the tile did not open the page")
        return self.finished_at - started

    def go_home(self) -> None:
        touch(self.kiosk.window, self.kiosk.top_bar.home_button)
        if self.kiosk.window.screens.currentWidget() is not self.kiosk.home:
            raise RuntimeError("Accueil did not show the home screen")


class BareLoader:
    """The baseline: a new QWebEngineView in a shown full-screen window, loading the page."""

    def __init__(self, url: str, window=None) -> None:
        from PySide6.QtCore import QUrl
        from PySide6.QtGui import QGuiApplication
        from PySide6.QtTest import QTest
        from PySide6.QtWidgets import QVBoxLayout, QWidget

        self.url = QUrl(url)
        self.window = window or QWidget()
        self.window.setWindowTitle("bare")
        self.window.setGeometry(QGuiApplication.primaryScreen().geometry())
        self.layout = QVBoxLayout(self.window)
        self.layout.setContentsMargins(0, 0, 0, 0)
        self.window.showFullScreen()
        if not QTest.qWaitForWindowExposed(self.window.windowHandle(), 10_000):
            raise RuntimeError("the bare window was never exposed")
        self.view = None
        self.finished_at: float | None = None
        self.ok = False

    def _finished(self, ok: bool) -> None:
        if self.finished_at is None:
            self.finished_at = time.perf_counter()
            self.ok = ok

    def load(self) -> float:
        """Seconds from nothing (QtWebEngine imported inside the clock) to a new view's loadFinished."""
        self.drop_view()
        self.finished_at = None
        started = time.perf_counter()
        from PySide6.QtWebEngineWidgets import QWebEngineView  # the first time: QtWebEngine's start

        self.view = QWebEngineView()
        self.view.loadFinished.connect(self._finished)
        self.layout.addWidget(self.view)
        self.view.load(self.url)
        wait_until(lambda: self.finished_at is not None, what="the bare view's page")
        if not self.ok:
            raise RuntimeError("the bare view did not load the page")
        return self.finished_at - started

    def drop_view(self) -> None:
        if self.view is not None:
            self.layout.removeWidget(self.view)
            self.view.setParent(None)
            self.view.deleteLater()
            self.view = None


# ---------------------------------------------------------------- one measured process


def child(program: str, url: str, later: int) -> None:
    """Prints `first SECONDS`, then `later SECONDS` lines."""
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QApplication

    if program == "kiosk":
        with tempfile.TemporaryDirectory() as data:
            kiosk = build_kiosk(url, Path(data))
            if "PySide6.QtWebEngineCore" in sys.modules:
                raise RuntimeError("the kiosk loaded QtWebEngine before the first open")
            opener = KioskOpener(kiosk)
            settle()
            print(f"first {opener.open()}", flush=True)
            for _ in range(later):
                opener.go_home()
                settle()
                print(f"later {opener.open()}", flush=True)
            kiosk.session.end("shutdown")
            settle(0.2)  # the wiped pages and profile are deleted before the application goes
            kiosk.quit()
            kiosk.shutdown()
    else:
        QApplication.setAttribute(Qt.ApplicationAttribute.AA_ShareOpenGLContexts)  # as the kiosk does
        app = QApplication(sys.argv[:1])
        bare = BareLoader(url)
        settle()
        print(f"first {bare.load()}", flush=True)
        for _ in range(later):
            bare.drop_view()
            settle()
            print(f"later {bare.load()}", flush=True)
        bare.drop_view()
        settle(0.1)
        app.quit()


def measure(program: str, url: str, later: int, env: dict[str, str]) -> tuple[float, list[float]]:
    command = [sys.executable, __file__, "--child", program, "--url", url, "--later", str(later)]
    result = subprocess.run(command, env=env, capture_output=True, text=True, timeout=120)
    first, laters = None, []
    for line in result.stdout.splitlines():
        word, _, value = line.partition(" ")
        if word == "first":
            first = float(value)
        elif word == "later":
            laters.append(float(value))
    if result.returncode != 0 or first is None or len(laters) != later:
        raise RuntimeError(f"{program} run failed ({result.returncode}):\n{result.stderr[-3000:]}")
    return first, laters


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=10, help="fresh processes of each program")
    parser.add_argument("--later", type=int, default=3, help="later opens measured in each process")
    parser.add_argument("--child", choices=("kiosk", "bare"), help=argparse.SUPPRESS)
    parser.add_argument("--url", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        child(args.child, args.url, args.later)
        return

    python = sys.executable
    # A deployed kiosk (PyInstaller) runs from compiled bytecode: compile the sources as it would be.
    subprocess.run([python, "-m", "compileall", "-q", str(ROOT / "kiosk")], check=True)
    results: dict[str, list[tuple[float, list[float]]]] = {"bare": [], "kiosk": []}
    with local_site() as url, virtual_screen():
        env = dict(os.environ, QT_QPA_PLATFORM="xcb", QTWEBENGINE_DISABLE_SANDBOX="1")
        env.pop("PYTHONDONTWRITEBYTECODE", None)
        for program in ("kiosk", "bare"):  # not counted: disk cache, bytecode
            measure(program, url, 0, env)
        for _ in range(args.runs):
            for program in ("bare", "kiosk"):
                results[program].append(measure(program, url, args.later, env))

    def medians(program: str) -> tuple[float, float]:
        rows = results[program]
        return statistics.median(f for f, _ in rows), statistics.median(t for _, ts in rows for t in ts)

    (bare_first, bare_later), (kiosk_first, kiosk_later) = medians("bare"), medians("kiosk")
    print(f"runs: {args.runs} fresh processes each, {args.later} later opens per process; medians")
    print("                                 first open      later opens")
    print(f"bare QWebEngineView (load)   {bare_first * 1000:9.1f} ms   {bare_later * 1000:9.1f} ms")
    print(f"kiosk (tile click)           {kiosk_first * 1000:9.1f} ms   {kiosk_later * 1000:9.1f} ms")
    print(
        f"ratio                        {kiosk_first / bare_first:9.2f}×     {kiosk_later / bare_later:9.2f}×"
        "      (target ≤ 1.2×)"
    )
    for warning in WARNINGS:
        print(warning)


if __name__ == "__main__":
    main()
