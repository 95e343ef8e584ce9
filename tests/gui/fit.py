"""Does the screen a visitor sees fit the display? `misfits(window)` lists, in words, every way the shown
kiosk window breaks the rule "the window is the screen, and everything on it is whole":

- the window's geometry is not the display's;
- a visible widget reaches outside the window, or is cut by a parent that clips it (a tile half under the
  services dock, a button past the edge of its row);
- a label's or a button's text does not fit its widget (a wrapped label shorter than its text's height, a
  one-line text wider than its room);
- with `scrolling=False`, a widget the visitor would have to scroll to.

Web pages and PDF pages are the site's and the document's own: what is inside a QWebEngineView or a QPdfView
is not judged, only the view itself. Text that ends in "…" on purpose (ElidedLabel) is not a cut.
"""

from __future__ import annotations

from PySide6.QtCore import QRect, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractScrollArea,
    QLabel,
    QProgressBar,
    QScrollBar,
    QWidget,
)

from kiosk.shell.elided_label import ElidedLabel

SLACK = 1  # px: rounding between layouts and font metrics


def assert_fits(window: QWidget, scrolling: bool = True) -> None:
    """Fails with every misfit, one per line."""
    problems = misfits(window, scrolling)
    assert not problems, "what does not fit:\n" + "\n".join(problems)


def misfits(window: QWidget, scrolling: bool = True) -> list[str]:
    problems = []
    screen = QGuiApplication.primaryScreen().geometry()
    if window.geometry() != screen:
        shown = window.geometry()
        problems.append(f"window is {_size(shown)} at {_place(shown)}, the screen {_size(screen)}")

    def walk(widget: QWidget) -> None:
        for child in widget.findChildren(QWidget, options=Qt.FindChildOption.FindDirectChildrenOnly):
            if not child.isVisible() or child.isWindow():
                continue
            found = _cut(child, window, scrolling) or _text_cut(child)
            problems.extend(found)
            if not found and not _opaque(child):  # a cut widget's insides are cut too: said once
                walk(child)

    walk(window)
    return problems


def _opaque(widget: QWidget) -> bool:
    """Widgets whose insides are not the kiosk's layout: a web view, a PDF view, a scroll bar."""
    names = {cls.__name__ for cls in type(widget).__mro__}
    return bool(names & {"QWebEngineView", "QPdfView", "QScrollBar", "QComboBox", "QSpinBox"}) or isinstance(
        widget, QScrollBar
    )


def _cut(widget: QWidget, window: QWidget, scrolling: bool) -> list[str]:
    """Its rectangle, in the window's coordinates, against every parent's (and the window's)."""
    if widget.width() <= 0 or widget.height() <= 0:
        return []
    mine = QRect(widget.mapTo(window, widget.rect().topLeft()), widget.size())
    parent = widget.parentWidget()
    while parent is not None and parent is not window:
        room = QRect(parent.mapTo(window, parent.rect().topLeft()), parent.size())
        area = parent.parentWidget()
        if isinstance(area, QAbstractScrollArea) and parent is area.viewport():
            seen = mine.intersected(room)
            if seen.isEmpty():
                return [] if scrolling else [f"{_name(widget)} is out of sight: one must scroll to it"]
            if seen != mine and _matters(widget):
                return [f"{_name(widget)} is cut by the edge of its scrolling area ({_rects(mine, room)})"]
            return []  # the scrolling area itself is judged on its own
        elif not room.adjusted(-SLACK, -SLACK, SLACK, SLACK).contains(mine) and _matters(widget):
            return [f"{_name(widget)} reaches outside {_name(parent)} ({_rects(mine, room)})"]
        parent = parent.parentWidget()
    if not window.rect().adjusted(-SLACK, -SLACK, SLACK, SLACK).contains(mine):
        return [f"{_name(widget)} reaches outside the window ({_rects(mine, window.rect())})"]
    return []


def _matters(widget: QWidget) -> bool:
    """What a visitor reads or touches; an empty container a little wider than its parent cuts nothing."""
    if isinstance(widget, (QLabel, QAbstractButton, QProgressBar)):
        return True
    return widget.focusPolicy() != widget.focusPolicy().NoFocus


def _text_cut(widget: QWidget) -> list[str]:
    if isinstance(widget, ElidedLabel):
        return []
    if isinstance(widget, QLabel) and widget.text() and widget.pixmap().isNull():
        room = widget.contentsRect()
        margin = widget.margin()
        room = room.adjusted(margin, margin, -margin, -margin)
        if widget.wordWrap():
            needed = widget.heightForWidth(widget.width())
            if needed > widget.height() + SLACK:
                return [f"{_name(widget)} needs {needed} px of height, has {widget.height()}"]
            return []
        if widget.textFormat() != widget.textFormat().RichText and "<" not in widget.text():
            wanted = max(widget.fontMetrics().horizontalAdvance(line) for line in widget.text().split("\n"))
            if wanted > room.width() + SLACK:
                return [f"{_name(widget)} needs {wanted} px of width, has {room.width()}"]
        return []
    if isinstance(widget, QAbstractButton) and widget.text():
        hint = widget.sizeHint()
        if hint.width() > widget.width() + SLACK or hint.height() > widget.height() + SLACK:
            return [f"{_name(widget)} needs {_size(hint)}, has {_size(widget.size())}"]
    return []


def _name(widget: QWidget) -> str:
    text = ""
    if isinstance(widget, (QLabel, QAbstractButton)) and widget.text():
        text = f' "{widget.text()[:40]}"'
    name = " ".join(filter(None, (widget.objectName(), getattr(widget, "item_id", None))))
    return f"{type(widget).__name__}{' ' + name if name else ''}{text}"


def _size(rect) -> str:
    return f"{rect.width()}×{rect.height()}"


def _place(rect) -> str:
    return f"{rect.x()},{rect.y()}"


def _rects(mine: QRect, room: QRect) -> str:
    return f"{_size(mine)} at {_place(mine)} in {_size(room)} at {_place(room)}"
