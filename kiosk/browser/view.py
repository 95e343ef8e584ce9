"""The browser screen a visitor sees after touching a service: a bar of big buttons (Page précédente, Page
suivante, Recharger, text size, Imprimer) over its website; the top bar names the service. "Imprimer", or
the site's own print button (`window.print()`), turns the page into a PDF of the session, for the print
wizard. Pop-ups open over the site with a big "Fermer"; a refused site or a refused certificate gets a calm
notice; when the site cannot be reached, the service's contact card replaces it with "Réessayer", and the page
comes back by itself once the site answers again."""

from __future__ import annotations

from pathlib import Path

import shiboken6
from PySide6.QtCore import QMarginsF, Qt, QTimer, QUrl, Signal
from PySide6.QtGui import QPageLayout, QPageSize
from PySide6.QtWebEngineCore import QWebEngineLoadingInfo, QWebEngineScript
from PySide6.QtWebEngineWidgets import QWebEngineView
from PySide6.QtWidgets import QHBoxLayout, QStackedWidget, QVBoxLayout, QWidget

from kiosk.browser.dialogs import PageDialog
from kiosk.browser.file_chooser import FileChooser
from kiosk.browser.page import KioskPage
from kiosk.browser.policy import NavigationKind, SiteRules, decide
from kiosk.browser.popup import PopupPanel
from kiosk.browser.profile import SessionProfile
from kiosk.config import Shortcut
from kiosk.session_documents import PDF, safe_name
from kiosk.shell.bar_button import bar_button
from kiosk.shell.icons import Icons
from kiosk.shell.local_loops import LocalLoops
from kiosk.shell.offline_help import OfflineHelpScreen
from kiosk.shell.overlay import NoticeOverlay
from kiosk.shell.retranslate import Retranslating
from kiosk.shell.zoom import ZoomSteps

ZOOM_STEPS = (0.8, 1.0, 1.25, 1.5, 1.75, 2.0)
RETRY_MS = 15_000  # while the site cannot be reached, try again this often
Domain = QWebEngineLoadingInfo.ErrorDomain
UNREACHABLE = {Domain.ConnectionErrorDomain, Domain.DnsErrorDomain}
A4_PORTRAIT = QPageLayout(
    QPageSize(QPageSize.PageSizeId.A4), QPageLayout.Orientation.Portrait, QMarginsF(10, 10, 10, 10)
)
ABORTED = -3  # net::ERR_ABORTED: a navigation the policy refused, or one the page replaced
BLUR_FOCUS = "document.activeElement && document.activeElement.blur && document.activeElement.blur()"


class BrowserScreen(Retranslating, QWidget):
    homeRequested = Signal()
    navigationRefused = Signal(str)  # the policy's reason code (the counter counts a refusal by shortcut)
    siteUnreachable = Signal()
    siteLoaded = Signal()
    pagePrinted = Signal(str)  # the path of the PDF made from the page shown

    def __init__(
        self,
        shortcut: Shortcut,
        identity_providers: tuple[str, ...],
        profile: SessionProfile,
        icons: Icons,
        scratch_dir: Path | None = None,
        local_loops: LocalLoops | None = None,
        parent: QWidget | None = None,
    ):
        super().__init__(parent)
        self.setObjectName("Page")
        self._local_loops = local_loops or LocalLoops(self)
        self.shortcut = shortcut
        self._profile = profile
        self._identity_providers = identity_providers
        self._scratch_dir = scratch_dir
        # A reused screen's history is cleared once its new service's first page has loaded (_forget_history),
        # and Qt tells the history's new state some moments later (_clearing): till then, Retour and Avancer
        # stay off.
        self._forget_history = False
        self._clearing = False
        self._service_visit = 0  # changes when the screen is given another service or let go
        self._printing = False  # a page is being made into a PDF
        self._zoom = ZoomSteps(ZOOM_STEPS)
        rules = SiteRules.for_shortcut(shortcut, identity_providers)

        self.dialogs = PageDialog(self, self._local_loops)
        self.file_chooser = FileChooser(self, icons, self._local_loops)
        self.page = KioskPage(
            profile.profile(),
            rules,
            frozenset(shortcut.permissions),
            dialogs=self.dialogs,
            choose_files=(
                (lambda mode, accepted: self.file_chooser.choose_for_upload(scratch_dir, mode, accepted))
                if scratch_dir is not None
                else None
            ),
        )
        profile.adopt(self.page)
        self.view = QWebEngineView()
        self.view.setPage(self.page)
        self._watch(self.page)
        self.page.popupRequested.connect(self._open_popup)
        self.page.loadingChanged.connect(self._on_loading)

        self._icons = icons
        # Made when first needed (most visits need neither): each costs a page-open some milliseconds.
        self.offline: OfflineHelpScreen | None = None
        self.popup_panel: PopupPanel | None = None
        self._popup: KioskPage | None = None
        self._retry = QTimer(self)
        self._retry.setInterval(RETRY_MS)
        self._retry.timeout.connect(self.reload)

        self.content = QStackedWidget()
        self.content.addWidget(self.view)

        self.back_button = bar_button(icons, "arrow-left", "", self.view.back)
        self.forward_button = bar_button(icons, "arrow-right", "", self.view.forward)
        self.reload_button = bar_button(icons, "rotate-cw", "", self.reload)
        self.smaller_button = bar_button(icons, "zoom-out", "", self.zoom_out)
        self.bigger_button = bar_button(icons, "zoom-in", "", self.zoom_in)
        self.print_button = bar_button(icons, "printer", "", lambda: self.print_page())
        self.print_button.setVisible(scratch_dir is not None)
        self.setWindowTitle(shortcut.label)  # the top bar shows it
        self.toolbar = toolbar = QWidget()
        toolbar.setObjectName("BrowserBar")
        toolbar.setAttribute(Qt.WidgetAttribute.WA_StyledBackground)
        row = QHBoxLayout(toolbar)
        row.setContentsMargins(8, 8, 8, 8)
        row.setSpacing(6)
        for button in (self.back_button, self.forward_button, self.reload_button):
            row.addWidget(button)
        row.addStretch()
        row.addWidget(self.smaller_button)
        row.addWidget(self.bigger_button)
        row.addWidget(self.print_button)

        column = QVBoxLayout(self)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(0)
        column.addWidget(toolbar)
        column.addWidget(self.content, 1)
        # Over the contact card the site's buttons mean nothing (the card has its own "Réessayer").
        self.content.currentChanged.connect(
            lambda _: toolbar.setVisible(self.content.currentWidget() is not self.offline)
        )
        self.notice = NoticeOverlay(self)
        self.view.urlChanged.connect(self._update_buttons)
        # The history tells its changes late (clear() among them): its model says when they land.
        self._history_model = self.page.history().itemsModel()
        self._history_model.modelReset.connect(self._update_buttons)
        self._update_buttons()
        self.retranslate()

    def retranslate(self) -> None:
        self.back_button.setText(self.tr("Page précédente"))
        self.forward_button.setText(self.tr("Page suivante"))
        self.reload_button.setText(self.tr("Recharger"))
        self.smaller_button.setText(self.tr("Plus petit"))
        self.bigger_button.setText(self.tr("Plus grand"))
        self.print_button.setText(self.tr("Imprimer"))

    def open_start_page(self) -> None:
        self.load(QUrl(self.shortcut.url))

    def open_service(self, shortcut: Shortcut) -> None:
        """Shows `shortcut`'s start page in this screen, reused: its view, page and bar stay; the new
        service's rules apply at once; nothing of the previous one stays (history, pop-up, dialog, card)."""
        self._retry.stop()
        self._service_visit += 1
        self._printing = False
        self.print_button.setEnabled(True)
        self.dialogs.dismiss()
        self.file_chooser.cancel()
        self.close_popup()
        self.notice.hide()
        if self.offline is not None:  # the card of the previous service
            self.content.removeWidget(self.offline)
            self.offline.deleteLater()
            self.offline = None
        self.shortcut = shortcut
        self.setWindowTitle(shortcut.label)
        self.page.rules = SiteRules.for_shortcut(shortcut, self._identity_providers)
        self.page.permissions = frozenset(shortcut.permissions)
        self._forget_history = True
        self._update_buttons()
        self.open_start_page()

    def load(self, url: QUrl) -> None:
        """Every load the kiosk itself asks for. Chromium runs a `javascript:` URL given to load() without
        asking acceptNavigationRequest, so the policy is asked here first."""
        decision = decide(url.toString(), self.page.rules, NavigationKind.TYPED)
        if decision.allowed:
            self.view.load(url)
        else:
            self._refused(self.page, decision.reason)

    def reload(self) -> None:
        url = self.view.url()
        if url.isEmpty():
            self.open_start_page()
        else:
            self.load(url)

    def print_page(self, page: KioskPage | None = None) -> None:
        """`page` (by default the one shown: the pop-up when one is open) becomes an A4 PDF in the session's
        folder, as the site styles it for print and without the focus ring of a field left focused: from
        "Imprimer" in the bar, or from the site's own `window.print()`. Chromium hands the PDF over in memory,
        and it is written only if this screen still shows that service: a PDF asked for by a visitor whose
        session has ended never lands."""
        if page is None:
            page = self._popup if self.content.currentWidget() is self.popup_panel else self.page
        if self._scratch_dir is None or page is None or page.url().isEmpty() or self._printing:
            return
        self._printing = True  # one PDF at a time
        self.print_button.setEnabled(False)
        asked = self._service_visit

        def print_it(_blurred: object) -> None:
            if shiboken6.isValid(page) and asked == self._service_visit:
                page.printToPdf(lambda pdf: self._page_printed(asked, bytes(pdf)), A4_PORTRAIT)

        page.runJavaScript(BLUR_FOCUS, QWebEngineScript.ScriptWorldId.ApplicationWorld, print_it)

    def link_back(self) -> None:
        """The terminal's network came back: a site that did not answer gets a new try at once."""
        if self.offline is not None and self.content.currentWidget() is self.offline:
            self.reload()

    def zoom_in(self) -> None:
        self.zoom(+1)

    def zoom_out(self) -> None:
        self.zoom(-1)

    def zoom(self, steps: int) -> None:
        self.view.setZoomFactor(self._zoom.move(steps))
        self.smaller_button.setEnabled(self._zoom.can_shrink)
        self.bigger_button.setEnabled(self._zoom.can_grow)

    def release_pages(self) -> None:
        """Before this screen goes: its pages go back to the profile to be deleted, views first."""
        self._retry.stop()
        self._service_visit += 1
        self.dialogs.dismiss()
        self.file_chooser.cancel()
        self.close_popup()
        self.view.urlChanged.disconnect(self._update_buttons)
        self._history_model.modelReset.disconnect(self._update_buttons)
        self.view.setPage(None)
        self._profile.release(self.page)

    def close_popup(self) -> None:
        if self._popup is not None:
            self.popup_panel.view.setPage(None)
            self._profile.release(self._popup)
            self._popup = None
        self.content.setCurrentWidget(self.view)

    def _watch(self, page: KioskPage) -> None:
        page.navigationRefused.connect(lambda reason, p=page: self._refused(p, reason))
        page.frameRefused.connect(self.navigationRefused)  # counted alike; the frame itself tells the visitor
        page.certificateRefused.connect(self._certificate_refused)
        # The site's own "Imprimer" (window.print(), from the page or one of its frames) prints the page.
        page.printRequested.connect(lambda p=page: self.print_page(p))
        page.printRequestedByFrame.connect(lambda _frame, p=page: self.print_page(p))

    def _refused(self, page: KioskPage, reason: str) -> None:
        self.navigationRefused.emit(reason)
        if page is self._popup and page.url().isEmpty():
            self.close_popup()  # a pop-up to a refused site never shows
        self.notice.show_notice(
            lambda: (
                self.tr("Ce site n'est pas disponible sur cette borne."),
                self.tr("Vous restez sur la page où vous étiez. Pour ce site, demandez au guichet."),
            )
        )

    def download_refused(self) -> None:
        self.notice.show_notice(
            lambda: (
                self.tr("Ce fichier ne peut pas être ouvert sur cette borne."),
                self.tr("La borne ouvre les documents PDF et les images."),
            )
        )

    def download_failed(self) -> None:
        self.notice.show_notice(
            lambda: (
                self.tr("Le téléchargement s'est arrêté."),
                self.tr("Touchez à nouveau le lien pour réessayer."),
            )
        )

    def _certificate_refused(self) -> None:
        self.notice.show_notice(
            lambda: (
                self.tr("Cette page n'est pas sûre."),
                self.tr("La borne ne l'ouvre pas. Essayez plus tard ou demandez de l'aide."),
            )
        )

    def _open_popup(self, popup: KioskPage) -> None:
        if self._popup is not None:
            self.close_popup()
        if self.popup_panel is None:
            self.popup_panel = PopupPanel(self._icons)
            self.popup_panel.closeRequested.connect(self.close_popup)
            self.content.addWidget(self.popup_panel)
        self._profile.adopt(popup)
        self._popup = popup
        self._watch(popup)
        popup.popupRequested.connect(self._open_popup)
        popup.windowCloseRequested.connect(
            lambda p=popup: self._local_loops.settle(lambda: self._popup_closed_itself(p))
        )
        popup.titleChanged.connect(self.popup_panel.title.setText)
        self.popup_panel.view.setPage(popup)
        self.popup_panel.title.setText("")
        self.content.setCurrentWidget(self.popup_panel)

    def _popup_closed_itself(self, popup: KioskPage) -> None:
        if popup is self._popup:
            self.close_popup()

    def _show_offline(self) -> None:
        if self.offline is None:
            self.offline = OfflineHelpScreen(self.shortcut, self._icons, unreachable=True)
            self.offline.retryRequested.connect(self.reload)
            self.offline.homeRequested.connect(self.homeRequested)
            self.content.addWidget(self.offline)
        self.content.setCurrentWidget(self.offline)
        self.print_button.setEnabled(False)  # nothing of the service to print
        self._retry.start()
        self.siteUnreachable.emit()

    def _on_loading(self, info: QWebEngineLoadingInfo) -> None:
        status = info.status()
        ended = status == QWebEngineLoadingInfo.LoadStatus.LoadSucceededStatus or (
            status == QWebEngineLoadingInfo.LoadStatus.LoadFailedStatus and info.errorCode() != ABORTED
        )  # not the previous service's page, whose load the new one may have stopped
        if status == QWebEngineLoadingInfo.LoadStatus.LoadStartedStatus and not self._forget_history:
            self._clearing = False  # the visitor went on: whatever the clear left is their own history
        # The end of a load of the previous service (one still finishing when the visitor switched) is not the
        # new service's first load: only a page the new rules allow ends the forgetting.
        if (
            self._forget_history
            and ended
            and decide(info.url().toString(), self.page.rules, NavigationKind.TYPED).allowed
        ):
            self._forget_history = False
            self._clearing = True
            self.page.history().clear()  # keeps the page shown: Retour cannot lead to the previous service
            self._update_buttons()
        if status == QWebEngineLoadingInfo.LoadStatus.LoadSucceededStatus:
            self._retry.stop()
            self.siteLoaded.emit()
            self.print_button.setEnabled(True)
            if self.offline is not None and self.content.currentWidget() is self.offline:
                self.content.setCurrentWidget(self.view)
        elif (
            status == QWebEngineLoadingInfo.LoadStatus.LoadFailedStatus
            and info.errorDomain() in UNREACHABLE
            and info.errorCode() != ABORTED
        ):
            self._show_offline()

    def _page_printed(self, asked: int, pdf: bytes) -> None:
        if not shiboken6.isValid(self) or asked != self._service_visit:
            return  # the visitor left that service, or the session ended: the PDF is dropped
        self._printing = False
        self.print_button.setEnabled(True)
        path = None
        if pdf:
            existing = [p.name for p in self._scratch_dir.iterdir()] if self._scratch_dir.is_dir() else []
            name = safe_name(self.tr("Page {service}").format(service=self.shortcut.label), PDF, existing)
            path = self._scratch_dir / name
            try:
                path.write_bytes(pdf)  # some hundred kilobytes, once per touch of "Imprimer"
            except OSError:
                path.unlink(missing_ok=True)
                path = None
        if path is not None:
            self.pagePrinted.emit(str(path))
        else:
            self.notice.show_notice(
                lambda: (
                    self.tr("La page n'a pas pu être préparée pour l'impression."),
                    self.tr("Attendez qu'elle soit affichée, puis réessayez."),
                )
            )

    def _update_buttons(self) -> None:
        if not shiboken6.isValid(self.page):
            return  # the session ended: the page went before this screen
        history = self.page.history()
        if self._clearing and history.count() <= 1:
            self._clearing = False  # the clear has landed
        settled = not (self._forget_history or self._clearing)
        self.back_button.setEnabled(history.canGoBack() and settled)
        self.forward_button.setEnabled(history.canGoForward() and settled)
