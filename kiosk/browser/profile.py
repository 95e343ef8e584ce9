"""One off-the-record QtWebEngine profile per visitor session, and its disposal at session end. The profile
serves the kiosk's own scheme, the notice a refused frame shows (kiosk.browser.frames).

An off-the-record profile keeps cookies, storage, cache and permissions in memory only; dropping every page
and then the profile leaves nothing for the next visitor (tests/gui/browser/test_visitor_privacy.py).
The profile is made on the first page a visitor opens, so the home screen never pays for QtWebEngine.
"""

from __future__ import annotations

from PySide6.QtWebEngineCore import QWebEnginePage, QWebEngineProfile, QWebEngineSettings

from kiosk.browser.frames import install_notice_scheme, register_scheme

Attribute = QWebEngineSettings.WebAttribute

# What a visitor's pages may do: the table from settings to WebEngine attributes, in one place.
SETTINGS = {
    Attribute.JavascriptEnabled: True,
    Attribute.JavascriptCanOpenWindows: True,  # OAuth and "print your attestation" pop-ups, kept in the kiosk
    Attribute.LocalStorageEnabled: True,  # sites need it; it dies with the profile
    Attribute.JavascriptCanAccessClipboard: False,
    Attribute.JavascriptCanPaste: False,
    Attribute.LocalContentCanAccessFileUrls: False,
    Attribute.LocalContentCanAccessRemoteUrls: False,
    Attribute.PluginsEnabled: False,
    Attribute.PdfViewerEnabled: False,  # a PDF is a download, shown by the kiosk's own viewer
    Attribute.ScreenCaptureEnabled: False,
    Attribute.FullScreenSupportEnabled: False,
    Attribute.NavigateOnDropEnabled: False,  # a dropped link must not bypass the navigation policy
    Attribute.AllowRunningInsecureContent: False,
    Attribute.AllowGeolocationOnInsecureOrigins: False,
    Attribute.AllowWindowActivationFromJavaScript: False,
    Attribute.HyperlinkAuditingEnabled: False,
    Attribute.DnsPrefetchEnabled: False,
    Attribute.ErrorPageEnabled: False,  # the kiosk shows its own calm page instead of Chromium's
}


class SessionProfile:
    """Makes the visitor's profile on demand and throws it away, with its pages, at session end."""

    def __init__(self) -> None:
        self._profile: QWebEngineProfile | None = None
        self._pages: list[QWebEnginePage] = []

    @property
    def exists(self) -> bool:
        return self._profile is not None

    def profile(self) -> QWebEngineProfile:
        if self._profile is None:
            self._profile = _off_the_record_profile()
        return self._profile

    def adopt(self, page: QWebEnginePage) -> None:
        """Keeps `page` alive until `discard` (a page held by nobody is collected and never loads)."""
        self._pages.append(page)

    def release(self, page: QWebEnginePage) -> None:
        """A page the visitor closed (a pop-up): deleted now, before the profile."""
        if page in self._pages:
            self._pages.remove(page)
            page.deleteLater()

    def discard(self) -> None:
        """Session wiper: every page, then the profile; the next visitor gets a new one."""
        pages, self._pages = self._pages, []
        for page in pages:
            page.deleteLater()  # pages before their profile: deferred deletions run in the order posted
        if self._profile is not None:
            self._profile.deleteLater()
            self._profile = None


def _off_the_record_profile() -> QWebEngineProfile:
    register_scheme()  # before the first QtWebEngine object of the process
    profile = QWebEngineProfile()  # no storage name: off the record
    install_notice_scheme(profile)  # what a refused frame shows
    profile.setHttpCacheType(QWebEngineProfile.HttpCacheType.MemoryHttpCache)
    profile.setPersistentCookiesPolicy(QWebEngineProfile.PersistentCookiesPolicy.NoPersistentCookies)
    profile.setPersistentPermissionsPolicy(QWebEngineProfile.PersistentPermissionsPolicy.AskEveryTime)
    profile.setSpellCheckEnabled(False)
    settings = profile.settings()
    for attribute, on in SETTINGS.items():
        settings.setAttribute(attribute, on)
    return profile
