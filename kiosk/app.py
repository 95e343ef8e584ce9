"""Composition root: builds every object of the running kiosk and wires them together. The only module that
knows them all; everything else receives what it needs through its constructor."""

from __future__ import annotations

import logging
import os
import sys
from collections.abc import Callable

from kiosk.browser.engine_flags import set_kiosk_flags
from kiosk.config import Config, load_config
from kiosk.display import current_display_problem
from kiosk.paths import Paths
from kiosk.process import exec_again, peak_memory_kib, quit_on_signals, setup_logging
from kiosk.reachability import Reachability
from kiosk.resources import bundled_shortcuts, icon_path
from kiosk.session import Session, SessionEnd
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
        setup_logging(paths.log_file)
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
        code = kiosk.exec(quit_after_first_paint)
    finally:
        if bus is not None:
            bus.stop()
    if kiosk.restart_requested:  # a technician reloaded a valid configuration: every object made anew
        exec_again()
    return code


class Kiosk:
    """The running kiosk: Qt application, store, counters, session and shell, wired."""

    def __init__(
        self, config: Config, paths: Paths, public: bool, before_qt: Callable[[], object] | None = None
    ):
        """`before_qt` runs just before the QApplication is made (the session bus getting ready meanwhile)."""
        from PySide6.QtCore import Qt
        from PySide6.QtWidgets import QApplication

        from kiosk.advisor.assisted.mode import AssistedMode
        from kiosk.advisor.calling import HelpCalling
        from kiosk.browser.in_kiosk import Browsing
        from kiosk.devices.printing import Printing
        from kiosk.devices.scanning import Scanning
        from kiosk.diagnostic.in_kiosk import DiagnosticInKiosk
        from kiosk.shell import theme
        from kiosk.shell.destinations import Destinations
        from kiosk.shell.frame_probe import FrameProbe
        from kiosk.shell.garbage import GuiThreadGarbageCollector
        from kiosk.shell.home import HomeScreen
        from kiosk.shell.icons import Icons
        from kiosk.shell.idle import IdleWatcher
        from kiosk.shell.local_loops import LocalLoops
        from kiosk.shell.lockdown import Lockdown
        from kiosk.shell.session_control import SessionControl
        from kiosk.shell.session_files import SessionFiles
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
        self.sync = None  # the sync thread, when the site has a hub: made after the first paint
        self._shut_down = False
        self.restart_requested = False  # Kiosk.restart(): run() starts the same command again once stopped
        self.icons = Icons(paths.icon_cache)
        self.local_loops = LocalLoops()  # a page's questions: what takes a page away waits for their answer
        self.top_bar = TopBar(config.site.site_name, self.icons)
        self.window = KioskWindow(self.top_bar, public=public, local_loops=self.local_loops)
        self.frame_probe = FrameProbe(self.window)  # the heartbeat's last_frame

        # The features, in the order of their home tiles and of their wipers. Each makes its screens and
        # services when a visitor first needs them; they reach each other only through these callables.
        scratch = paths.session_scratch
        self.printing = Printing(
            self.window,
            self.icons,
            config.site,
            self.counter,
            scratch,
            scan=lambda: self.scanning.open(photocopy=False),
            photocopy=lambda: self.scanning.open(photocopy=True),
        )
        print_document = self.printing.print_document if self.printing.enabled else None
        self.browsing = Browsing(
            self.window,
            self.icons,
            config,
            scratch,
            self.local_loops,
            self.counter,
            self.reachability,
            print_document,
        )
        self.diagnostic = DiagnosticInKiosk(
            self.window, self.icons, scratch, self.counter, self.printing.print_document
        )
        self.scanning = Scanning(self.window, self.icons, scratch, self.counter, print_document)
        self.assisted = AssistedMode(
            self.window,
            self.icons,
            self.store,
            config.site.assisted_idle_minutes,
            self._assisted_powers(),
            close_address=self.browsing.close_address,
        )
        self.help_calling = HelpCalling(
            self.window,
            self.icons,
            config.site,
            self.store,
            self.counter,
            end_session=lambda reason: self.session_control.end(reason),
        )
        self.features = (
            self.assisted,  # first: the mode locks itself again before the other wipers run
            self.help_calling,  # then a call's cancel, on its way to the hub while the others wipe
            self.browsing,
            self.diagnostic,
            self.scanning,
            self.printing,
            SessionFiles(scratch),
        )

        self.destinations = Destinations()
        for feature in self.features:
            for destination in feature.destinations():
                self.destinations.register(destination)
        self.home = HomeScreen(config, self.destinations, self.icons)
        self.window.set_home(self.home)
        self.home.add_corner(self.assisted.entry)
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
            losses=lambda: [loss for feature in self.features for loss in feature.losses()],
        )

        self.top_bar.endSessionRequested.connect(self.session_control.request_end)
        self.top_bar.helpRequested.connect(self.help_calling.open)
        self.home.shortcutRequested.connect(self.browsing.open_shortcut)
        self.home.destinationRequested.connect(self.destinations.open)
        self.reachability.on_change(self.home.mark_offline)
        for feature in self.features:
            self.session.register_wiper(feature.name, feature.wipe)
        self.session.register_wiper("shell", self.window.wipe)
        self.session.on_start(self._session_started)
        self.session.on_end(self._session_ended)
        self.window.firstPainted.connect(self.frame_probe.note_frame)  # before the sync thread starts
        self.window.firstPainted.connect(self._first_painted)

    def _assisted_powers(self):
        """What the assisted mode's tools act on: the other features' and the shell's, as callables."""
        # Each import waits for its first use: none of this may slow the first paint.
        from kiosk.advisor.assisted.powers import Powers, StatusSources
        from kiosk.config import check_config

        def read_code(code: str):
            from kiosk.diagnostic.sheet import read_code

            return read_code(code)

        def hub_facts():
            from kiosk.advisor.assisted.facts import hub_facts

            return self.store.call(lambda db: hub_facts(db, bool(site.hub_url)))

        def open_calls():
            from kiosk.usage.open_calls import open_calls_reader

            return open_calls_reader(site.hub_url, site.hub_token)()

        def check_report():
            from kiosk import cli

            return cli.check_report(paths.config_dir, paths.data_dir)[1]

        site, paths = self.config.site, self.paths
        return Powers(
            open_address=self.browsing.open_address,
            read_code=read_code,
            status=StatusSources(self.printing.state, lambda: self.scanning.state, hub_facts),
            open_calls=open_calls if site.hub_url else None,
            end_session=lambda: self.session_control.request_end(),
            check_config=lambda: [
                str(p)
                for p in check_config(
                    paths.config_dir, bundled_shortcuts(), icon_exists=lambda n: icon_path(n).is_file()
                )
            ],
            restart=self.restart,
            check_report=check_report,
            quit=lambda: self.quit(),
        )

    def _first_painted(self) -> None:
        """Opening (and maybe migrating) the database waits until the visitor sees the home screen; counts
        made meanwhile wait in memory. The sync thread and the network monitor wait too, for the next turn of
        the event loop: after the other listeners of the first paint (bench/startup.py's report is one)."""
        from PySide6.QtCore import QTimer

        QTimer.singleShot(0, self._start_background_work)

    def _start_background_work(self) -> None:
        from kiosk.shell.network_watch import NetworkWatch

        if self._shut_down:  # the kiosk stopped within that turn: nothing may start after its shutdown
            return
        self.store.start()
        site = self.config.site
        if site.hub_url:
            from kiosk.usage import heartbeat as beat
            from kiosk.usage.sync import runner_for

            sources = beat.Sources(
                beat.installed_version(),
                beat.config_version(self.config),
                self.printing.state,  # CUPS over IPP, from the sync thread
                lambda: self.scanning.state,
                lambda: beat.free_disk_mb(self.paths.data_dir),
                beat.backlog_and_last_sync(self.store.call),
                lambda: self.frame_probe.last_frame,
            )
            self.sync = runner_for(site.hub_url, site.hub_token, self.store.call, sources)
            self.sync.start()
            self.help_calling.attach_courier(self._help_call_courier)
        self._network_watch = NetworkWatch()
        self._network_watch.linkChanged.connect(self.reachability.link_changed)
        self._network_watch.linkChanged.connect(self.browsing.link_changed)
        if self.sync is not None:
            self._network_watch.linkChanged.connect(lambda up: up and self.sync.wake())
            self._network_watch.linkChanged.connect(lambda up: up and self.help_calling.wake_courier())
        self._network_watch.start()

    def _help_call_courier(self, tell):
        from kiosk.advisor.courier import CallCourier
        from kiosk.usage.sync import HubClient

        site = self.config.site
        return CallCourier(lambda: HubClient(site.hub_url, site.hub_token), self.store.call, tell)

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
        self._signal_sockets = quit_on_signals(self.qapp, self.quit)
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

    def restart(self) -> None:
        """Quits cleanly, then `run` starts the same command again (a reloaded configuration)."""
        self.restart_requested = True
        self.quit()

    def _quit_now(self) -> None:
        self.window.allow_close = True
        self.window.close()
        self.qapp.quit()

    def shutdown(self) -> None:
        """Ends a running session (wipers run), then writes the counters the kiosk still owes the store."""
        from PySide6.QtCore import QCoreApplication, QEvent

        self._shut_down = True
        self.session.end("shutdown")
        for feature in self.features:
            feature.close()
        QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
        for event_filter in (self.idle, self.lockdown):
            if event_filter is not None:
                self.window.unwatch_input(event_filter)
        for translator in self.translators:
            self.qapp.removeTranslator(translator)
        if self.sync is not None:
            self.sync.close()
        if not self.store.started:  # stopped before the work after the first paint: still write what is owed
            self.store.start()
        self.counter.close()
        self.store.close(timeout=10)
        self.garbage.stop()
        log.info("kiosk stopped")
