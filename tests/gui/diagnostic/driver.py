"""Plays the diagnostic as a person would: real clicks, double-clicks, drags, wheel turns and key presses on
the exercise widgets. The right answer comes from the item's data, never from the widget."""

from __future__ import annotations

from collections import deque

from PySide6.QtCore import QEvent, QPoint, QPointF, Qt
from PySide6.QtGui import QKeyEvent, QWheelEvent
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QWidget

from kiosk.diagnostic.items import ADDRESS_BAR, BACK_BUTTON

LEFT = Qt.MouseButton.LeftButton


def kind(item) -> str:
    return type(item).__struct_config__.tag


def click(widget: QWidget, position: QPoint | None = None) -> None:
    assert widget.isVisible(), widget
    QTest.mouseClick(widget, LEFT, Qt.KeyboardModifier(0), position or widget.rect().center())
    QApplication.processEvents()


def drag(canvas: QWidget, start: QPointF, end: QPointF) -> None:
    start, end = start.toPoint(), end.toPoint()
    QTest.mousePress(canvas, LEFT, Qt.KeyboardModifier(0), start)
    for step in range(1, 6):
        QTest.mouseMove(canvas, start + (end - start) * step / 5)
    QTest.mouseRelease(canvas, LEFT, Qt.KeyboardModifier(0), end)
    QApplication.processEvents()


def type_into(edit, text: str) -> None:
    click(edit)
    QTest.keyClick(edit, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    QTest.keyClick(edit, Qt.Key.Key_Backspace)
    key_clicks(edit, text)


def key_clicks(widget: QWidget, text: str) -> None:
    """QTest.keyClicks, and for a letter out of ASCII (é) the key event a French keyboard sends."""
    for char in text:
        if char.isascii():
            QTest.keyClicks(widget, char)
        else:
            key = Qt.Key.Key_Eacute if char.lower() == "é" else Qt.Key.Key_unknown
            for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
                QApplication.sendEvent(widget, QKeyEvent(kind, key, Qt.KeyboardModifier.NoModifier, char))


def wheel_until_visible(area, widget: QWidget) -> None:
    viewport = area.viewport()
    for _ in range(100):
        top = widget.mapTo(viewport, QPoint(0, 0)).y()
        if top >= 0 and top + widget.height() <= viewport.height():
            return
        centre = QPointF(viewport.rect().center())
        event = QWheelEvent(
            centre,
            QPointF(viewport.mapToGlobal(centre.toPoint())),
            QPoint(0, 0),
            QPoint(0, -120 if top > 0 else 120),
            Qt.MouseButton.NoButton,
            Qt.KeyboardModifier.NoModifier,
            Qt.ScrollPhase.NoScrollPhase,
            False,
        )
        QApplication.sendEvent(viewport, event)
        QApplication.processEvents()
    raise AssertionError("the wheel never brought the widget into view")


def _path_to(item, page_id: str) -> list[str]:
    """The link element ids to follow from the start page to `page_id`."""
    pages = {p.id: p for p in item.pages}
    queue = deque([(item.start, [])])
    seen = {item.start}
    while queue:
        current, path = queue.popleft()
        if current == page_id:
            return path
        for element in pages[current].elements:
            if element.role == "link" and element.goes_to and element.goes_to not in seen:
                seen.add(element.goes_to)
                queue.append((element.goes_to, [*path, element.id]))
    raise AssertionError(f"no way to {page_id}")


def solve(exercise) -> None:
    """The right answer, with the item's data."""
    item = exercise.item
    k = kind(item)
    if k == "click":
        for target_id in item.sequence:
            target = next(t for t in item.targets if t.id == target_id)
            click(exercise, exercise.target_centre(target).toPoint())
    elif k == "double_click":
        target = next(t for t in item.targets if t.id == item.answer)
        QTest.mouseDClick(exercise, LEFT, Qt.KeyboardModifier(0), exercise.target_centre(target).toPoint())
    elif k == "drag":
        for piece_id, zone_id in item.answer.items():
            piece = next(p for p in item.pieces if p.id == piece_id)
            zone = next(z for z in item.zones if z.id == zone_id)
            drag(exercise, exercise.piece_rect(piece).center(), exercise.zone_rect(zone).center())
    elif k == "typing":
        for n, field in enumerate(item.fields):
            edit = exercise.fields[field.id]
            if n > 0 and item.require_tab:
                QTest.keyClick(exercise.fields[item.fields[n - 1].id], Qt.Key.Key_Tab)
                key_clicks(edit, field.expected)
            elif field.expected:
                type_into(edit, field.expected)
        click(exercise.validate_button)
    elif k == "scroll":
        button = exercise.buttons[item.answer]
        wheel_until_visible(exercise.area, button)
        click(button)
    elif k == "choice":
        for choice_id, tile in exercise.tiles.items():
            if tile.isChecked() != (choice_id in item.correct):
                click(tile)
        click(exercise.validate_button)
    elif k == "web_page":
        goal = item.goal
        if goal.click == ADDRESS_BAR:
            click(exercise.address_bar)
        elif goal.click == BACK_BUTTON:
            click(exercise.back_button)
        else:
            target_page = goal.reach or next(
                p.id for p in item.pages if goal.click in {e.id for e in p.elements}
            )
            if exercise.page.id != item.start and exercise.page.id != target_page:
                raise AssertionError("the driver starts from the start page")
            for link in _path_to(item, target_page) if exercise.page.id != target_page else []:
                click(exercise.elements[link])
            if goal.click:
                click(exercise.elements[goal.click])
    elif k == "mailbox":
        goal = item.goal
        click(exercise.rows[goal.message])
        if goal.action == "sender":
            click(exercise.sender_button)
        elif goal.action == "open_attachment":
            click(exercise.attachment_buttons[goal.attachment])
        elif goal.action == "reply":
            click(exercise.reply_button)
            type_into(exercise.reply_edit, "Oui, avec plaisir.")
            click(exercise.send_button)
    elif k == "file_picker":
        folder = next(f for f in item.folders if item.goal.file in {x.id for x in f.files})
        click(exercise.folder_buttons[folder.id])
        click(exercise.file_rows[item.goal.file])
        click(exercise.buttons[item.goal.button])
    else:
        raise AssertionError(k)


def wrong_try(exercise) -> None:
    """One wrong try, of the kind each item's docstring names."""
    item = exercise.item
    k = kind(item)
    corner = QPoint(3, 3)
    if k == "click":
        click(exercise, corner)
    elif k == "double_click":
        QTest.mouseDClick(exercise, LEFT, Qt.KeyboardModifier(0), corner)
    elif k == "drag":
        piece_id, zone_id = next(iter(item.answer.items()))
        piece = next(p for p in item.pieces if p.id == piece_id)
        zone = next(z for z in item.zones if z.id != zone_id)
        drag(exercise, exercise.piece_rect(piece).center(), exercise.zone_rect(zone).center())
    elif k == "typing":
        type_into(exercise.fields[item.fields[0].id], "zz")
        click(exercise.validate_button)
    elif k == "scroll":
        other = next(b for b in item.buttons if b.id != item.answer)
        wheel_until_visible(exercise.area, exercise.buttons[other.id])
        click(exercise.buttons[other.id])
    elif k == "choice":
        wrong = next(c for c in item.choices if c.id not in item.correct)
        click(exercise.tiles[wrong.id])
        click(exercise.validate_button)
    elif k == "web_page":
        click(exercise.back_button if item.goal.click == ADDRESS_BAR else exercise.address_bar)
    elif k == "mailbox":
        other = next(m for m in item.messages if m.id != item.goal.message)
        click(exercise.rows[other.id])
    elif k == "file_picker":
        wrong = next((b for b in item.buttons if b != item.goal.button), None)
        if wrong is not None:
            click(exercise.buttons[wrong])
        else:
            click(exercise.buttons[item.goal.button])  # no file chosen yet
    else:
        raise AssertionError(k)
