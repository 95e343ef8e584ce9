"""A visitor's web page: every navigation, of the page or of a frame in it, redirect hops and new windows
included, goes through the navigation policy; a frame it refuses shows the kiosk's notice instead
(kiosk.browser.frames); permissions are denied unless the shortcut allows them; TLS errors are refused;
nothing reaches the disk or the terminal's log (console messages are dropped)."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QTimer, QUrl, Signal
from PySide6.QtWebEngineCore import (
    QWebEngineCertificateError,
    QWebEnginePage,
    QWebEnginePermission,
    QWebEngineProfile,
)

from kiosk.browser.dialogs import PageDialog
from kiosk.browser.frames import FrameGuard, fill_empty_frames, guard_replaces
from kiosk.browser.policy import NavigationKind, SiteRules, decide

Permission = QWebEnginePermission.PermissionType
ChooseFiles = Callable[[QWebEnginePage.FileSelectionMode, list[str]], list[str]]
PageNavigationType = QWebEnginePage.NavigationType

NAVIGATION_KINDS = {
    PageNavigationType.NavigationTypeTyped: NavigationKind.TYPED,
    PageNavigationType.NavigationTypeLinkClicked: NavigationKind.LINK,
    PageNavigationType.NavigationTypeRedirect: NavigationKind.REDIRECT,
    PageNavigationType.NavigationTypeFormSubmitted: NavigationKind.FORM,
    PageNavigationType.NavigationTypeBackForward: NavigationKind.BACK_FORWARD,
    PageNavigationType.NavigationTypeReload: NavigationKind.RELOAD,
    PageNavigationType.NavigationTypeOther: NavigationKind.OTHER,
}

# The browser permissions a shortcut may allow in shortcuts.yaml, and the names it uses for them.
PERMISSION_NAMES = {
    Permission.MediaVideoCapture: {"camera"},
    Permission.MediaAudioCapture: {"microphone"},
    Permission.MediaAudioVideoCapture: {"camera", "microphone"},
    Permission.Geolocation: {"location"},
    Permission.Notifications: {"notifications"},
    Permission.ClipboardReadWrite: {"clipboard-read"},
}


class KioskPage(QWebEnginePage):
    navigationRefused = Signal(str)  # the policy's reason code; the URL is never passed on (not logged)
    frameRefused = Signal(str)  # the same, for a frame: the frame shows the notice, the page stays
    popupRequested = Signal(object)  # a new KioskPage for window.open / target=_blank, under the same rules
    certificateRefused = Signal()
    permissionDenied = Signal(str)  # the permission's type name

    def __init__(
        self,
        profile: QWebEngineProfile,
        rules: SiteRules,
        permissions: frozenset[str] = frozenset(),
        popup: bool = False,
        dialogs: PageDialog | None = None,
        choose_files: ChooseFiles | None = None,
    ):
        super().__init__(profile)
        self.rules = rules
        self.permissions = permissions
        self.dialogs = dialogs
        self.choose_files = choose_files
        self._awaiting_first_load = popup
        self._frame_guard = FrameGuard(lambda: self.rules, self.frameRefused.emit, self)
        self.setUrlRequestInterceptor(self._frame_guard)
        self.permissionRequested.connect(self._on_permission)
        self.certificateError.connect(self._on_certificate_error)

    def acceptNavigationRequest(self, url: QUrl | str, kind: PageNavigationType, is_main_frame: bool) -> bool:
        navigation = NAVIGATION_KINDS.get(kind, NavigationKind.OTHER)
        if self._awaiting_first_load and is_main_frame:
            navigation = NavigationKind.NEW_WINDOW  # what window.open or target=_blank asked for
            self._awaiting_first_load = False
        url = QUrl(url)
        decision = decide(url.toString(), self.rules, navigation, is_main_frame)
        if decision.allowed:
            return True
        if is_main_frame:
            self.navigationRefused.emit(decision.reason)
            return False
        if guard_replaces(url, navigation):
            return True  # the frame guard turns its request into the notice before it leaves, and counts it
        self.frameRefused.emit(decision.reason)
        QTimer.singleShot(0, self, lambda: fill_empty_frames(self))
        return False

    def createWindow(self, kind: QWebEnginePage.WebWindowType) -> QWebEnginePage:
        popup = KioskPage(
            self.profile(),
            self.rules,
            self.permissions,
            popup=True,
            dialogs=self.dialogs,
            choose_files=self.choose_files,
        )
        self.popupRequested.emit(popup)
        return popup

    def javaScriptConsoleMessage(self, level, message: str, line: int, source: str) -> None:
        pass  # page messages may hold what the visitor typed: never logged

    def javaScriptAlert(self, origin: QUrl, text: str) -> None:
        if self.dialogs is not None:
            self.dialogs.alert(text)

    def javaScriptConfirm(self, origin: QUrl, text: str) -> bool:
        return self.dialogs.confirm(text) if self.dialogs is not None else False

    def javaScriptPrompt(self, origin: QUrl, text: str, default: str) -> tuple[bool, str]:
        answer = self.dialogs.prompt(text, default) if self.dialogs is not None else None
        return (answer is not None, answer or "")

    def chooseFiles(self, mode, old_files: list[str], accepted_mime_types: list[str]) -> list[str]:
        """Never a file dialog on the terminal's disk: the kiosk's chooser of this session's documents."""
        return self.choose_files(mode, accepted_mime_types) if self.choose_files else []

    def _on_permission(self, permission: QWebEnginePermission) -> None:
        names = PERMISSION_NAMES.get(permission.permissionType())
        if names and names <= self.permissions:
            permission.grant()
        else:
            permission.deny()
            self.permissionDenied.emit(permission.permissionType().name)

    def _on_certificate_error(self, error: QWebEngineCertificateError) -> None:
        error.rejectCertificate()
        self.certificateRefused.emit()
