"""Composition root: builds every object of the running kiosk and wires them together. The only module that
knows them all; everything else receives what it needs through its constructor."""

from __future__ import annotations

import logging
import os
import signal
import socket
import sys
from collections.abc import Callable
from logging.handlers import RotatingFileHandler

from kiosk.browser.engine_flags import set_kiosk_flags
from kiosk.config import Config, load_config
from kiosk.display import current_display_problem
from kiosk.paths import Paths
from kiosk.reachability import Reachability
from kiosk.resources import bundled_shortcuts, icon_path
from kiosk.session import Session, SessionEnd, empty_folder
from kiosk.session_bus import own_session_bus
from kiosk.store import StoreWorker
from kiosk.usage import SHORTCUT, UsageCounter, duration_bucket

log = logging.getLogger("kiosk")

SETTLE_MS = 1000  # with --quit-after-first-paint: time left for the work that follows the first paint


def run(paths: Paths, windowed: bool = False, quit_after_first_paint: bool = False) -> int:
    """Runs the kiosk until it is told to quit; returns the process exit code."""
    problem = current_display_problem()
    if problem:
        print(problem, file=sys.stderr)
        return 2
    try:
        paths.ensure()
        _setup_logging(paths)
    except OSError as error:
        print(
            f"Cannot use the data folder {paths.data_dir}: {error.strerror}. Fix: create it, writable by the "
            "kiosk's user (build/install-terminal.sh does), or pass --data-dir DIR.",
            file=sys.stderr,
        )
        return 1
    loaded = load_config(
        paths.config_dir,
        bundled_shortcuts(),
        paths.last_good_config,
        icon_exists=lambda name: icon_path(name).is_file(),
    )
    for config_problem in loaded.problems:
        log.error("configuration: %s", config_problem)
    if loaded.problems:
        log.error(
            "configuration has problems: running on the %s configuration; see `kiosk check`", loaded.source
        )

    bus = own_session_bus(os.environ)  # before Qt, which would otherwise start one that outlives the kiosk
    try:
        kiosk = Kiosk(loaded.config, paths, public=not windowed, before_qt=bus.wait_ready if bus else None)
        if loaded.problems:
            kiosk.counter.count("error", "config_invalid")
        return kiosk.exec(quit_after_first_paint)
    finally:
        if bus is not None:
            bus.stop()


class Kiosk:
    """The running kiosk: Qt application, store, counters, session and shell, wired."""

    def __init__(
        self, config: Config, paths: Paths, public: bool, before_qt: Callable[[], object] | None = None
    ):
        """`before_qt` runs just before the QApplication is made (the session bus getting ready meanwhile)."""
        from PySide6.QtCore import Qt
        from PySide6.QtWidgets import QApplication, QWidget

        from kiosk.devices.printing import Printing
        from kiosk.devices.scanning import Scanning
        from kiosk.diagnostic.in_kiosk import DiagnosticInKiosk
        from kiosk.shell import theme
        from kiosk.shell.destinations import Destinations
        from kiosk.shell.garbage import GuiThreadGarbageCollector
        from kiosk.shell.home import HomeScreen
        from kiosk.shell.icons import Icons
        from kiosk.shell.idle import IdleWatcher
        from kiosk.shell.local_loops import LocalLoops
        from kiosk.shell.lockdown import Lockdown
        from kiosk.shell.session_control import SessionControl
        from kiosk.shell.top_bar import TopBar
        from kiosk.shell.translation import install_translation
        from kiosk.shell.window import KioskWindow

        # QtWebEngine, imported later on the first shortcut opened, needs these before the QApplication.
        set_kiosk_flags()
        QApplication.setAttribute(Qt.ApplicationAttribute.AA_ShareOpenGLContexts)
        if before_qt is not None:
            before_qt()
        self.qapp = QApplication.instance() or QApplication(sys.argv[:1])
        self.garbage = GuiThreadGarbageCollector()
        self.garbage.start()  # before any other thread starts
        self.qapp.setApplicationName("ilot")
        self.qapp.setStyleSheet(theme.STYLESHEET)
        self.translators = install_translation(self.qapp, config.site.language)
        self.config = config
        self.paths = paths

        self.store = StoreWorker(paths.database)  # started after the first paint: see _first_painted
        self.counter = UsageCounter(self.store, dynamic_keys={SHORTCUT: [s.id for s in config.shortcuts]})
        self.session = Session()
        self.reachability = Reachability(s.id for s in config.shortcuts)
        self._network_watch = None  # made after the first paint

        self.icons = Icons(paths.icon_cache)
        # Made with the first page a visitor opens (QtWebEngine loads then): the session's profile, the keeper
        # of its downloads, the screen of the service open now and the document shown over it.
        self._browser_profile = None
        self._downloads = None
        self._watched_profile = None
        self._service_screen: QWidget | None = None
        self._document_viewer: QWidget | None = None
        self.local_loops = LocalLoops()  # a page's questions: what takes a page away waits for their answer
        self.navigation = Destinations()
        self._register_destinations()
        self.home = HomeScreen(config, self.navigation, self.icons)
        self.top_bar = TopBar(config.site.site_name, self.icons)
        self.window = KioskWindow(self.home, self.top_bar, public=public, local_loops=self.local_loops)
        # The kiosk's own services: each makes its screens and services when a visitor first needs them.
        self.printing = Printing(
            self.window, self.icons, config.site, self.counter, scan=lambda: self.scanning.open()
        )
        self.scanning = Scanning(self.window, self.icons, paths.session_scratch, self.counter, self.printing)
        self.diagnostic = DiagnosticInKiosk(
            self.window, self.icons, paths.session_scratch, self.counter, self.printing
        )
        self.lockdown = Lockdown() if public else None
        # The warning counts down the last idle_warning seconds: the session ends at idle_timeout, as it says.
        self.idle = IdleWatcher((config.site.idle_timeout - config.site.idle_warning) * 1000)
        self.window.create()  # its QWindow now, so that the input filters sit on it from the first event
        for event_filter in (self.lockdown, self.idle):
            if event_filter is not None:
                self.window.watch_input(event_filter)
        self.session_control = SessionControl(
            self.session,
            self.idle,
            self.window.idle_overlay,
            self.window.confirm_overlay,
            config.site.idle_warning,
            self.local_loops,
            losses=self._what_an_end_takes_away,
        )

        self.top_bar.endSessionRequested.connect(self.session_control.request_end)
        self.home.shortcutRequested.connect(self._open_shortcut)
        self.home.destinationRequested.connect(self.navigation.open)
        self.reachability.on_change(self.home.mark_offline)
        self.session.register_wiper("browser", self._wipe_browser)
        self.session.register_wiper("diagnostic", self.diagnostic.wipe)
        self.session.register_wiper("scans", self.scanning.wipe)
        self.session.register_wiper("print jobs", self.printing.wipe)
        self.session.register_wiper("shell", self.window.wipe)
        self.session.register_wiper("session files", lambda: empty_folder(paths.session_scratch))
        self.session.on_start(self._session_started)
        self.session.on_end(self._session_ended)
        self.window.firstPainted.connect(self._first_painted)

    def _register_destinations(self) -> None:
        """The kiosk's own services, as tiles after the public-service shortcuts. The features they open are
        made just after the window (they need it), long before any tile can be touched."""
        from PySide6.QtCore import QCoreApplication

        from kiosk.shell.destinations import Destination

        def tr(text: str) -> str:
            return QCoreApplication.translate("Kiosk", text)

        self.navigation.register(
            Destination(
                "diagnostic",
                tr("Faire le point"),
                tr("Ce que je sais faire sur un ordinateur"),
                "clipboard-check",
                lambda: self.diagnostic.open(),
            )
        )
        self.navigation.register(
            Destination(
                "scan",
                tr("Scanner"),
                tr("Un papier ou une carte, pour l'envoyer sur un site"),
                "scan-text",
                lambda: self.scanning.open(photocopy=False),
            )
        )
        if self.config.site.print_page_limit > 0:
            self.navigation.register(
                Destination(
                    "print",
                    tr("Imprimer"),
                    tr("Un document téléchargé ou scanné"),
                    "printer",
                    lambda: self.printing.choose_document(self.paths.session_scratch),
                )
            )
            self.navigation.register(
                Destination(
                    "copy",
                    tr("Photocopier"),
                    tr("Scanner un papier puis l'imprimer"),
                    "copy",
                    lambda: self.scanning.open(photocopy=True),
                )
            )

    def _what_an_end_takes_away(self) -> list[str]:
        """For the session-end confirmation: the work in progress, the site open, the visitor's documents."""
        from PySide6.QtCore import QCoreApplication

        from kiosk.session_documents import list_documents

        def tr(text: str) -> str:
            return QCoreApplication.translate("Kiosk", text)

        losses = [*self.diagnostic.losses(), *self.printing.losses(), *self.scanning.losses()]
        if self._service_screen is not None:
            losses.append(
                tr("le site « {service} » et ce que vous y avez écrit").format(
                    service=self._service_screen.shortcut.label
                )
            )
        documents = len(list_documents(self.paths.session_scratch))
        if documents == 1:
            losses.append(tr("votre document (téléchargé ou scanné)"))
        elif documents > 1:
            losses.append(tr("vos {n} documents (téléchargés ou scannés)").format(n=documents))
        return losses

    def _first_painted(self) -> None:
        """Opening (and maybe migrating) the database waits until the visitor sees the home screen; counts
        made meanwhile wait in memory. The network monitor waits too."""
        from kiosk.shell.network_watch import NetworkWatch

        self.store.start()
        self._network_watch = NetworkWatch()
        self._network_watch.linkChanged.connect(self._link_changed)
        self._network_watch.start()

    def _link_changed(self, up: bool) -> None:
        self.reachability.link_changed(up)
        if up and self._service_screen is not None:
            self._service_screen.link_back()

    def _open_shortcut(self, shortcut_id: str) -> None:
        """The service's site in the browser screen: made on the first service the visitor opens (QtWebEngine
        loads then), reused for the next ones of the same session."""
        self.counter.count("shortcut_opened", shortcut_id)  # counted, never logged
        shortcut = next(s for s in self.config.shortcuts if s.id == shortcut_id)
        self._close_document()
        if self._service_screen is None:
            self._service_screen = self._make_browser_screen(shortcut)
            self.window.show_screen(self._service_screen)
            self._service_screen.open_start_page()
        else:
            self._service_screen.open_service(shortcut)
            self.window.show_screen(self._service_screen)

    def _make_browser_screen(self, shortcut):
        from kiosk.browser.profile import SessionProfile
        from kiosk.browser.view import BrowserScreen

        if self._browser_profile is None:
            self._browser_profile = SessionProfile()
        screen = BrowserScreen(
            shortcut,
            self.config.identity_providers,
            self._browser_profile,
            self.icons,
            scratch_dir=self.paths.session_scratch,
            local_loops=self.local_loops,
        )
        self._keep_downloads(self._browser_profile.profile())
        screen.homeRequested.connect(self.window.show_home)
        count = self.counter.count
        screen.navigationRefused.connect(lambda _: count("navigation_blocked", screen.shortcut.id))
        screen.siteUnreachable.connect(lambda: self.reachability.site_failed(screen.shortcut.id))
        screen.siteLoaded.connect(lambda: self.reachability.site_loaded(screen.shortcut.id))
        screen.pagePrinted.connect(self._page_to_print)
        return screen

    def _keep_downloads(self, profile) -> None:
        """Downloads of the visitor's profile land in the session's scratch folder and open in the viewer."""
        from kiosk.browser.downloads import DownloadKeeper

        if self._downloads is None:
            self._downloads = DownloadKeeper(self.paths.session_scratch)
            self._downloads.documentReady.connect(self._document_arrived)
            self._downloads.refused.connect(self._download_refused)
            self._downloads.failed.connect(self._download_failed)
        if profile is not self._watched_profile:  # a new visitor, a new profile
            self._downloads.watch(profile)
            self._watched_profile = profile

    def _visitor_on_service(self) -> bool:
        """The service's screen is shown and none of its questions is open: what arrives may come forward;
        otherwise it waits among the session's documents (Imprimer, the upload chooser)."""
        shown = self.window.screens.currentWidget()
        return shown is not None and shown is self._service_screen and not self.local_loops.asking

    def _document_arrived(self, path: str, _mime: str = "") -> None:
        """A download (or, with printing off, a printed page) is ready: shown in the viewer."""
        if self._visitor_on_service():
            self._show_document(path)

    def _page_to_print(self, path: str) -> None:
        """A page made into a PDF goes straight to the print wizard (its preview first)."""
        if not self.printing.enabled:
            self._document_arrived(path)
        elif self._visitor_on_service():
            self.printing.print_document(path)

    def _show_document(self, path: str) -> None:
        from kiosk.browser.document_viewer import DocumentViewer

        self._close_document()
        viewer = DocumentViewer(self.icons)
        viewer.print_button.setVisible(self.printing.enabled)
        viewer.printRequested.connect(self.printing.print_document)
        viewer.closed.connect(self._close_document)
        viewer.open_document(path)
        self._document_viewer = viewer
        self.window.show_screen(viewer)

    def _close_document(self) -> None:
        if self._document_viewer is not None:
            self._document_viewer.release()  # its file now: deleteLater() comes later
            self.window.remove_screen(self._document_viewer)
            self._document_viewer.deleteLater()
            self._document_viewer = None
            if self._service_screen is not None:
                self.window.show_screen(self._service_screen)

    def _download_refused(self, _reason: str) -> None:
        if self._service_screen is not None:
            self._service_screen.download_refused()

    def _download_failed(self) -> None:
        if self._service_screen is not None:
            self._service_screen.download_failed()

    def _close_service_screen(self) -> None:
        if self._service_screen is not None:
            self._service_screen.release_pages()
            self.window.remove_screen(self._service_screen)
            self._service_screen.deleteLater()
            self._service_screen = None

    def _wipe_browser(self) -> None:
        """Session wiper: downloads stopped, the document and the service's screen closed, then every page
        and the visitor's profile. The files themselves go with the session's scratch folder."""
        if self._downloads is not None:
            self._downloads.cancel_all()
        self._close_document()
        self._close_service_screen()
        if self._browser_profile is not None:
            self._browser_profile.discard()

    def _session_started(self) -> None:
        self.home.greet(previous_session_wiped=False)
        self.counter.count("session_started")
        self.counter.count("language", self.config.site.language)

    def _session_ended(self, ended: SessionEnd) -> None:
        self.home.greet(previous_session_wiped=not ended.failed_wipers)
        self.counter.count("session_duration", duration_bucket(ended.duration))
        self.counter.count("session_ended", ended.reason)
        if ended.failed_wipers:
            log.error("session end: wipers failed: %s", ", ".join(ended.failed_wipers))
        # Written now through the store's thread (never waited for here): a crash or a power cut then loses
        # at most the session in progress, not the last 30 s of counts.
        self.counter.flush()

    def exec(self, quit_after_first_paint: bool = False) -> int:
        if quit_after_first_paint:  # for bench/startup.py and the build smoke test
            self.window.firstPainted.connect(self._report_first_paint)
        self._quit_on_signals()
        self.window.show_kiosk()
        code = self.qapp.exec()
        self.shutdown()
        return code

    def _report_first_paint(self) -> None:
        """Prints the peak memory so far, then quits once the start-up work after the paint is done."""
        from PySide6.QtCore import QTimer

        print(f"first-paint {peak_memory_kib()}", flush=True)
        QTimer.singleShot(SETTLE_MS, self.quit)

    def quit(self) -> None:
        self.local_loops.settle(self._quit_now)

    def _quit_now(self) -> None:
        self.window.allow_close = True
        self.window.close()
        self.qapp.quit()

    def shutdown(self) -> None:
        """Ends a running session (wipers run), then writes the counters the kiosk still owes the store."""
        from PySide6.QtCore import QCoreApplication, QEvent

        self.session.end("shutdown")
        self._wipe_browser()  # also without a session: pages, then the profile, before Qt goes
        for feature in (self.diagnostic, self.scanning, self.printing):
            feature.close()  # their screens are kept between sessions, out of the window while not shown
        QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
        for event_filter in (self.idle, self.lockdown):
            if event_filter is not None:
                self.window.unwatch_input(event_filter)
        for translator in self.translators:
            self.qapp.removeTranslator(translator)
        self.counter.close()
        self.store.close(timeout=10)
        self.garbage.stop()
        log.info("kiosk stopped")

    def _quit_on_signals(self) -> None:
        """SIGTERM and SIGINT quit cleanly: the signal wakes Qt's event loop through a socket."""
        from PySide6.QtCore import QSocketNotifier

        reader, writer = socket.socketpair()
        reader.setblocking(False)
        writer.setblocking(False)
        signal.set_wakeup_fd(writer.fileno())
        for signum in (signal.SIGTERM, signal.SIGINT):
            signal.signal(signum, lambda *_: None)  # Python notes it; the wakeup fd tells Qt
        notifier = QSocketNotifier(reader.fileno(), QSocketNotifier.Type.Read, self.qapp)

        def on_signal() -> None:
            reader.recv(64)
            log.info("signal received: quitting")
            self.quit()

        notifier.activated.connect(on_signal)
        self._signal_sockets = (reader, writer, notifier)


def peak_memory_kib() -> int:
    """The process's peak resident memory so far (VmHWM), in KiB; 0 where /proc does not tell."""
    try:
        with open("/proc/self/status", encoding="ascii") as status:
            return next(int(line.split()[1]) for line in status if line.startswith("VmHWM:"))
    except (OSError, StopIteration):
        return 0


def _setup_logging(paths: Paths) -> None:
    handler = RotatingFileHandler(paths.log_file, maxBytes=1_000_000, backupCount=3, encoding="utf-8")
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    stderr = logging.StreamHandler()
    stderr.setFormatter(logging.Formatter("kiosk: %(levelname)s %(message)s"))
    root = logging.getLogger()
    root.setLevel(logging.INFO)
    root.addHandler(handler)
    root.addHandler(stderr)
