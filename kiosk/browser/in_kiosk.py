"""Browsing in the running kiosk: the public-service shortcuts opened in the browser screen, the session's
downloads kept and shown in the document viewer, a site's page sent to printing. The browser screen and the
visitor's profile are made on the first shortcut a visitor opens (QtWebEngine loads then) and reused for the
next ones of the same session. An advisor in the assisted mode may open any https address (`open_address`):
it gets a screen of its own, on the visitor's profile, under the assisted rules of the navigation policy;
`close_address` (the mode's relock) and the session's end close it. A session wiper."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from urllib.parse import urlsplit

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QWidget

from kiosk.config import Config
from kiosk.reachability import Reachability
from kiosk.shell.destinations import Destination
from kiosk.shell.icons import Icons
from kiosk.shell.local_loops import LocalLoops
from kiosk.shell.window import KioskWindow
from kiosk.usage import UsageCounter


class Browsing:
    name = "browser"

    def __init__(
        self,
        window: KioskWindow,
        icons: Icons,
        config: Config,
        scratch_dir: Path,
        local_loops: LocalLoops,
        counter: UsageCounter,
        reachability: Reachability,
        print_document: Callable[[str], None] | None,
    ):
        """`print_document` opens the print wizard on a file; None when the site turned printing off."""
        self._window = window
        self._icons = icons
        self._config = config
        self._scratch_dir = scratch_dir
        self._local_loops = local_loops
        self._counter = counter
        self._reachability = reachability
        self._print_document = print_document
        self._profile = None  # SessionProfile: the visitor's cookies, cache and history
        self._downloads = None  # DownloadKeeper
        self._watched_profile = None
        self.screen = None  # BrowserScreen of the service open now
        self.address_screen = None  # BrowserScreen of the address an advisor opened (assisted mode)
        self._viewer_over = None  # the screen the document viewer shows over
        # The rules of an advisor's page: SiteRules.assisted() when None. A test seam only: tests cannot have
        # Chromium trust a local https site, so a loopback http site stands in for one through it.
        self.assisted_rules = None
        self.viewer = None  # DocumentViewer of the document shown over it

    def destinations(self) -> tuple[Destination, ...]:
        return ()  # its tiles are the shortcuts themselves

    def open_shortcut(self, shortcut_id: str) -> None:
        self._counter.count("shortcut_opened", shortcut_id)  # counted, never logged
        shortcut = next(s for s in self._config.shortcuts if s.id == shortcut_id)
        self._close_document()
        if self.screen is None:
            self.screen = self._make_screen(shortcut)
            self._window.show_screen(self.screen)
            self.screen.open_start_page()
        else:
            self.screen.open_service(shortcut)
            self._window.show_screen(self.screen)

    def open_address(self, url: str) -> None:
        """An advisor's https address (the assisted mode checked it; the policy judges every navigation
        again): any https site, nothing counted, in its own screen over the visitor's."""
        from kiosk.browser.policy import SiteRules
        from kiosk.config.schema import OfflineHelp, Shortcut

        self._close_document()
        self.close_address()
        host = urlsplit(url).hostname or url
        shortcut = Shortcut(
            id="assisted",
            label=host,
            description="",
            icon="landmark",
            url=url,
            allowed_domains=(host,),
            category="",
            offline_help=OfflineHelp(),
        )
        self.address_screen = screen = self._make_screen(shortcut, counted=False)
        screen.page.rules = self.assisted_rules or SiteRules.assisted()
        self._window.show_screen(screen)
        screen.open_start_page()

    def close_address(self) -> bool:
        """Closes the advisor's page, if open; True when it was the screen shown."""
        screen = self.address_screen
        if screen is None:
            return False
        shown = self._window.screens.currentWidget() is screen or (
            self.viewer is not None and self._viewer_over is screen
        )
        if self._viewer_over is screen:
            self._close_document()
        screen.release_pages()
        self._window.remove_screen(screen)
        screen.deleteLater()
        self.address_screen = None
        return shown

    def link_changed(self, up: bool) -> None:
        """The network came back (or went): the site shown tries again at once."""
        if up and self.screen is not None:
            self.screen.link_back()

    def losses(self) -> list[str]:
        if self.screen is None:
            return []
        text = QCoreApplication.translate("Browsing", "le site « {service} » et ce que vous y avez écrit")
        return [text.format(service=self.screen.shortcut.label)]

    def wipe(self) -> None:
        """Downloads stopped, the document and the service's screen closed, then every page and the visitor's
        profile. The files themselves go with the session's scratch folder."""
        if self._downloads is not None:
            self._downloads.cancel_all()
        self._close_document()
        self.close_address()
        self._close_screen()
        if self._profile is not None:
            self._profile.discard()

    def close(self) -> None:
        self.wipe()  # also without a session: pages, then the profile, before Qt goes

    def show_document(self, path: str) -> None:
        """The document viewer over the service, on `path` (a download; a printed page if printing is off)."""
        from kiosk.browser.document_viewer import DocumentViewer

        self._close_document()
        viewer = DocumentViewer(self._icons)
        viewer.print_button.setVisible(self._print_document is not None)
        if self._print_document is not None:
            viewer.printRequested.connect(self._print_document)
        viewer.closed.connect(self._close_document)
        viewer.open_document(path)
        shown = self._window.screens.currentWidget()
        self._viewer_over = shown if shown is self.address_screen else self.screen
        self.viewer = viewer
        self._window.show_screen(viewer)

    def _make_screen(self, shortcut, counted: bool = True) -> QWidget:
        """`counted`: a shortcut's screen counts refusals and marks its site offline; an advisor's not."""
        from kiosk.browser.profile import SessionProfile
        from kiosk.browser.view import BrowserScreen

        if self._profile is None:
            self._profile = SessionProfile()
        screen = BrowserScreen(
            shortcut,
            self._config.identity_providers,
            self._profile,
            self._icons,
            scratch_dir=self._scratch_dir,
            local_loops=self._local_loops,
        )
        self._keep_downloads(self._profile.profile())
        screen.homeRequested.connect(self._window.show_home)
        screen.pagePrinted.connect(self._page_to_print)
        if counted:
            count = self._counter.count
            screen.navigationRefused.connect(lambda _: count("navigation_blocked", screen.shortcut.id))
            screen.siteUnreachable.connect(lambda: self._reachability.site_failed(screen.shortcut.id))
            screen.siteLoaded.connect(lambda: self._reachability.site_loaded(screen.shortcut.id))
        return screen

    def _keep_downloads(self, profile) -> None:
        """Downloads of the visitor's profile land in the session's scratch folder and open in the viewer."""
        from kiosk.browser.downloads import DownloadKeeper

        if self._downloads is None:
            self._downloads = DownloadKeeper(self._scratch_dir)
            self._downloads.documentReady.connect(self._document_arrived)
            self._downloads.refused.connect(self._download_refused)
            self._downloads.failed.connect(self._download_failed)
        if profile is not self._watched_profile:  # a new visitor, a new profile
            self._downloads.watch(profile)
            self._watched_profile = profile

    def _visitor_on_service(self) -> bool:
        """The service's screen is shown and none of its questions is open: what arrives may come forward;
        otherwise it waits among the session's documents (Imprimer, the upload chooser)."""
        shown = self._window.screens.currentWidget()
        on_a_site = shown is not None and shown in (self.screen, self.address_screen)
        return on_a_site and not self._local_loops.asking

    def _document_arrived(self, path: str, _mime: str = "") -> None:
        if self._visitor_on_service():
            self.show_document(path)

    def _page_to_print(self, path: str) -> None:
        """A page made into a PDF goes straight to the print wizard (its preview first)."""
        if self._print_document is None:
            self._document_arrived(path)
        elif self._visitor_on_service():
            self._print_document(path)

    def _close_document(self) -> None:
        if self.viewer is not None:
            self.viewer.release()  # its file now: deleteLater() comes later
            self._window.remove_screen(self.viewer)
            self.viewer.deleteLater()
            self.viewer = None
            back, self._viewer_over = self._viewer_over or self.screen, None
            if back is not None:
                self._window.show_screen(back)

    def _download_refused(self, _reason: str) -> None:
        if self.screen is not None:
            self.screen.download_refused()

    def _download_failed(self) -> None:
        if self.screen is not None:
            self.screen.download_failed()

    def _close_screen(self) -> None:
        if self.screen is not None:
            self.screen.release_pages()
            self._window.remove_screen(self.screen)
            self.screen.deleteLater()
            self.screen = None
