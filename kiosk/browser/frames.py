"""Frames the navigation policy refuses show the kiosk's notice, "Ce contenu ne peut pas s'afficher ici.".

- `register_scheme()` declares the kiosk's own URL scheme (`policy.FRAME_NOTICE_SCHEME`) to Chromium, before
  the first profile is made; `install_notice_scheme(profile)` puts its handler on a profile. It serves one
  page, `policy.FRAME_NOTICE_URL`, built here in the kiosk's language (no asset).
- `FrameGuard`: a page's request interceptor. Every frame's document (iframe, `<object>`, `<embed>`) is asked
  for through it before the request leaves; one the policy refuses is redirected to `FRAME_NOTICE_URL`, so
  the frame shows the notice. Other requests (images, scripts, styles, fetches) pass untouched.
- A server redirect hop is another matter: the interceptor's answer may come after the hop's request has
  already left. `KioskPage.acceptNavigationRequest` refuses such hops itself (`guard_replaces` says which
  refusals are left to the guard); the frame, left with no document, gets the notice by
  `fill_empty_frames`.
"""

from __future__ import annotations

import html
import json
from collections.abc import Callable

from PySide6.QtCore import QBuffer, QByteArray, QCoreApplication, QIODevice, QObject, QUrl
from PySide6.QtWebEngineCore import (
    QWebEngineFrame,
    QWebEnginePage,
    QWebEngineProfile,
    QWebEngineScript,
    QWebEngineUrlRequestInfo,
    QWebEngineUrlRequestInterceptor,
    QWebEngineUrlRequestJob,
    QWebEngineUrlScheme,
    QWebEngineUrlSchemeHandler,
)

from kiosk.browser.policy import FRAME_NOTICE_SCHEME, FRAME_NOTICE_URL, NavigationKind, SiteRules, decide

SCHEME = FRAME_NOTICE_SCHEME.encode()
_STYLE = (
    "html,body{height:100%;margin:0}"
    "body{display:flex;align-items:center;justify-content:center;box-sizing:border-box;padding:1em;"
    "background:#f2f2f2;color:#1a1a1a;font:1.25rem/1.4 sans-serif;text-align:center}"
)


def notice_text() -> str:
    return QCoreApplication.translate("FrameNotice", "Ce contenu ne peut pas s'afficher ici.")


def _head_and_body() -> str:
    text = html.escape(notice_text())
    return f"<head><meta charset=utf-8><style>{_STYLE}</style></head><body><p>{text}</p></body>"


def notice_page() -> bytes:
    """The page served at FRAME_NOTICE_URL, in the kiosk's current language."""
    return f"<!doctype html><html>{_head_and_body()}</html>".encode()


def register_scheme() -> None:
    """Declares the kiosk's scheme to Chromium: secure, as the https pages that frame it are; not local (a
    web page's frame cannot be redirected to a local scheme). Only effective before the first QtWebEngine
    object; once is enough."""
    if QWebEngineUrlScheme.schemeByName(SCHEME).name().isEmpty():
        scheme = QWebEngineUrlScheme(SCHEME)
        scheme.setSyntax(QWebEngineUrlScheme.Syntax.Path)
        scheme.setFlags(QWebEngineUrlScheme.Flag.SecureScheme)
        QWebEngineUrlScheme.registerScheme(scheme)


class NoticeScheme(QWebEngineUrlSchemeHandler):
    """Serves FRAME_NOTICE_URL; any other URL of the scheme is not found."""

    def requestStarted(self, job: QWebEngineUrlRequestJob) -> None:
        if job.requestUrl().toString() != FRAME_NOTICE_URL or job.requestMethod() != QByteArray(b"GET"):
            job.fail(QWebEngineUrlRequestJob.Error.UrlNotFound)
            return
        body = QBuffer(job)  # deleted with the job
        body.setData(notice_page())
        body.open(QIODevice.OpenModeFlag.ReadOnly)
        job.reply(QByteArray(b"text/html"), body)


def install_notice_scheme(profile: QWebEngineProfile) -> NoticeScheme:
    """The notice's handler on `profile`, owned by it (register_scheme() must have run before it was made)."""
    handler = NoticeScheme(profile)
    profile.installUrlSchemeHandler(QByteArray(SCHEME), handler)
    return handler


class FrameGuard(QWebEngineUrlRequestInterceptor):
    """Judges every frame's document request with the page's current rules; a refused one becomes the notice
    (a request with a body, which cannot be redirected, is blocked) and `refused` gets the policy's reason."""

    def __init__(self, rules: Callable[[], SiteRules], refused: Callable[[str], None], parent: QObject):
        super().__init__(parent)
        self._rules = rules
        self._refused = refused

    def interceptRequest(self, info: QWebEngineUrlRequestInfo) -> None:
        if info.resourceType() != QWebEngineUrlRequestInfo.ResourceType.ResourceTypeSubFrame:
            return
        decision = decide(info.requestUrl().toString(), self._rules(), NavigationKind.OTHER, main_frame=False)
        if decision.allowed:
            return
        if info.requestMethod() == QByteArray(b"GET"):
            info.redirect(QUrl(FRAME_NOTICE_URL))
        else:
            info.block(True)
        self._refused(decision.reason)


def guard_replaces(url: QUrl, navigation: NavigationKind) -> bool:
    """Whether a frame navigation the policy refused is better let through to the FrameGuard, which swaps its
    document for the notice before the request leaves: a first request (not a redirect hop), by GET (not a
    form), to the network (http or https)."""
    return url.scheme() in ("http", "https") and navigation not in (
        NavigationKind.REDIRECT,
        NavigationKind.FORM,
    )


# A frame whose navigation was refused keeps its initial, empty document: the notice is written into it. A
# frame that has a document of its own (or scripts wrote into it) is left as it is.
_FILL = "if (document.body && !document.body.hasChildNodes()) { document.documentElement.innerHTML = %s; }"


def fill_empty_frames(page: QWebEnginePage) -> None:
    """Writes the notice into every frame of `page` that has no document yet. A frame whose own first document
    is still on its way shows it once it arrives, as the notice is only in the empty document it replaces."""
    script = _FILL % json.dumps(_head_and_body())
    frames: list[QWebEngineFrame] = list(page.mainFrame().children())
    while frames:
        frame = frames.pop()
        frames.extend(frame.children())
        if frame.url().isEmpty():
            frame.runJavaScript(script, QWebEngineScript.ScriptWorldId.ApplicationWorld)
