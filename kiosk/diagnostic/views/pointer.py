"""Exercises of the pointer, drawn on one canvas so that they work the same with a mouse and a finger (Qt
turns touches into mouse events): click targets in order, double-click a target, drag pieces into zones.

Places and sizes come from the item in percent of the canvas (`x`, `y` centres; `size` in percent of its
height), so the exercise fills whatever room the screen gives it."""

from __future__ import annotations

import math

from PySide6.QtCore import QElapsedTimer, QPointF, QRectF, Qt, QTimer
from PySide6.QtGui import QColor, QFont, QMouseEvent, QPainter, QPainterPath, QPaintEvent, QPen
from PySide6.QtWidgets import QWidget

from kiosk.diagnostic import checks
from kiosk.diagnostic.items import DoubleClickItem, DragItem, Piece, Target, Zone
from kiosk.diagnostic.views.base import Exercise, colour
from kiosk.shell import theme

TOLERANCE = 6  # px around a target that still counts as on it (a finger is wider than an arrow)
DOUBLE_CLICK_MS = 900  # generous: many beginners click twice slowly
DOUBLE_CLICK_DISTANCE = 40  # px the second press may be from the first (a finger moves)
LABEL_FONT = 22


class _Canvas(Exercise):
    """Percent-of-the-canvas geometry and the drawing of targets."""

    def __init__(self, item, pictures, icons, parent: QWidget | None = None):
        super().__init__(item, pictures, icons, parent)
        self.setMinimumSize(480, 320)

    def point(self, x: float, y: float) -> QPointF:
        return QPointF(x / 100 * self.width(), y / 100 * self.height())

    def target_rect(self, target: Target) -> QRectF:
        side = target.size / 100 * self.height()
        width = side * 3 if target.shape == "bouton" else side
        centre = self.point(target.x, target.y)
        return QRectF(centre.x() - width / 2, centre.y() - side / 2, width, side)

    def target_centre(self, target: Target) -> QPointF:
        return self.target_rect(target).center()

    def target_at(self, position: QPointF) -> Target | None:
        for target in reversed(self.item.targets):
            rect = self.target_rect(target)
            if target.shape == "rond":
                centre = rect.center()
                if (
                    math.dist((centre.x(), centre.y()), (position.x(), position.y()))
                    <= rect.width() / 2 + TOLERANCE
                ):
                    return target
            elif rect.adjusted(-TOLERANCE, -TOLERANCE, TOLERANCE, TOLERANCE).contains(position):
                return target
        return None

    def paint_background(self, painter: QPainter) -> None:
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.fillRect(self.rect(), QColor(theme.WHITE))
        painter.setPen(QPen(QColor(theme.INK_SOFT), 2))
        painter.drawRoundedRect(QRectF(self.rect()).adjusted(1, 1, -1, -1), 12, 12)

    def paint_target(self, painter: QPainter, target: Target, done: bool = False) -> None:
        rect = self.target_rect(target)
        fill = QColor(theme.GREY) if done else colour(target.color)
        if target.picture and target.shape != "bouton":
            painter.drawPixmap(
                rect.toRect(),
                self.pictures.pixmap(target.picture, round(rect.height()), self.devicePixelRatioF()),
            )
        elif target.shape == "rond":
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(fill)
            painter.drawEllipse(rect)
        else:
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(fill)
            painter.drawRoundedRect(rect, 12, 12)
            if target.shape == "bouton" and target.label:
                painter.setPen(QColor(theme.WHITE))
                painter.setFont(_font(LABEL_FONT))
                painter.drawText(rect, Qt.AlignmentFlag.AlignCenter, target.label)
        if done:
            painter.setPen(QPen(QColor(theme.WHITE), max(3.0, rect.height() / 10)))
            c, r = rect.center(), rect.height() / 4
            painter.drawPolyline(
                [
                    QPointF(c.x() - r, c.y()),
                    QPointF(c.x() - r / 3, c.y() + r * 0.7),
                    QPointF(c.x() + r, c.y() - r * 0.6),
                ]
            )
        if target.label and target.shape != "bouton":
            painter.setPen(QColor(theme.INK))
            painter.setFont(_font(LABEL_FONT, bold=True))
            below = QRectF(rect.center().x() - 150, rect.bottom() + 4, 300, LABEL_FONT * 1.8)
            painter.drawText(below, Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop, target.label)


class ClickExercise(_Canvas):
    """Click the targets of `sequence` in order; each click on anything else is a wrong try."""

    def __init__(self, item, pictures, icons, parent: QWidget | None = None):
        super().__init__(item, pictures, icons, parent)
        self.done: list[str] = []

    def mousePressEvent(self, event: QMouseEvent) -> None:
        if event.button() != Qt.MouseButton.LeftButton or len(self.done) >= len(self.item.sequence):
            return
        target = self.target_at(event.position())
        expected = self.item.sequence[len(self.done)]
        if target is None or target.id != expected:
            self._try(False)
            return
        self.done.append(target.id)
        self.update()
        if len(self.done) == len(self.item.sequence):
            self._try(True)

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        self.paint_background(painter)
        for target in self.item.targets:
            self.paint_target(painter, target, done=target.id in self.done)


class DoubleClickExercise(_Canvas):
    """Double-click `answer`. Two presses close in time and place make a double-click (more lenient than the
    system's, for beginners and fingers); a single press left alone is a wrong try."""

    item: DoubleClickItem

    def __init__(self, item, pictures, icons, parent: QWidget | None = None):
        super().__init__(item, pictures, icons, parent)
        self._first: QPointF | None = None
        self._clock = QElapsedTimer()
        self._alone = QTimer(self)
        self._alone.setSingleShot(True)
        self._alone.setInterval(DOUBLE_CLICK_MS)
        self._alone.timeout.connect(self._single_click)
        self._handled_by_press = False

    def mousePressEvent(self, event: QMouseEvent) -> None:
        if event.button() != Qt.MouseButton.LeftButton:
            return
        position = event.position()
        if self._first is not None and self._alone.isActive() and _near(self._first, position):
            self._handled_by_press = True
            self._double_click(self._first)
            return
        self._handled_by_press = False
        self._first = position
        self._alone.start()

    def mouseDoubleClickEvent(self, event: QMouseEvent) -> None:
        if event.button() != Qt.MouseButton.LeftButton:
            return
        if self._handled_by_press:  # the system's double-click after the second press we already judged
            self._handled_by_press = False
            return
        self._double_click(self._first if self._first is not None else event.position())

    def _double_click(self, position: QPointF) -> None:
        self._alone.stop()
        self._first = None
        target = self.target_at(position)
        self._try(target is not None and target.id == self.item.answer)

    def _single_click(self) -> None:
        self._first = None
        self._try(False)

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        self.paint_background(painter)
        for target in self.item.targets:
            self.paint_target(painter, target)


class DragExercise(_Canvas):
    """Drag each piece of `answer` into its zone. A drop in a wrong zone is a wrong try and the piece goes
    back; a drop outside every zone is no try (the piece goes back too)."""

    item: DragItem
    PIECE_HEIGHT = 22  # percent of the canvas height

    def __init__(self, item, pictures, icons, parent: QWidget | None = None):
        super().__init__(item, pictures, icons, parent)
        self.placed: dict[str, str] = {}  # piece id -> zone id, for pieces dropped right
        self._held: Piece | None = None
        self._offset = QPointF()
        self._moved_to: QPointF | None = None  # centre of the held piece

    def piece_size(self) -> tuple[float, float]:
        height = max(96.0, self.PIECE_HEIGHT / 100 * self.height())
        return height * 1.2, height

    def zone_rect(self, zone: Zone) -> QRectF:
        return QRectF(self.point(zone.x, zone.y), self.point(zone.x + zone.width, zone.y + zone.height))

    def piece_centre(self, piece: Piece) -> QPointF:
        if self._held is piece and self._moved_to is not None:
            return self._moved_to
        if piece.id in self.placed:
            zone = next(z for z in self.item.zones if z.id == self.placed[piece.id])
            rect = self.zone_rect(zone)
            return QPointF(rect.center().x(), rect.bottom() - self.piece_size()[1] / 2 - 8)
        return self.point(piece.x, piece.y)

    def piece_rect(self, piece: Piece) -> QRectF:
        width, height = self.piece_size()
        centre = self.piece_centre(piece)
        return QRectF(centre.x() - width / 2, centre.y() - height / 2, width, height)

    def mousePressEvent(self, event: QMouseEvent) -> None:
        if event.button() != Qt.MouseButton.LeftButton:
            return
        for piece in reversed(self.item.pieces):
            rect = self.piece_rect(piece)
            if piece.id not in self.placed and rect.adjusted(
                -TOLERANCE, -TOLERANCE, TOLERANCE, TOLERANCE
            ).contains(event.position()):
                self._held = piece
                self._offset = rect.center() - event.position()
                self._moved_to = rect.center()
                self.update()
                return

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        if self._held is not None:
            self._moved_to = event.position() + self._offset
            self.update()

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        piece = self._held
        if piece is None:
            return
        self._moved_to = event.position() + self._offset
        centre = self._moved_to
        self._held, self._moved_to = None, None
        zone = next(
            (
                z
                for z in self.item.zones
                if self.zone_rect(z).contains(centre) or self.zone_rect(z).contains(event.position())
            ),
            None,
        )
        self.update()
        if zone is None:
            return
        if not checks.drop_ok(self.item, piece.id, zone.id):
            self._try(False)
            return
        self.placed[piece.id] = zone.id
        if checks.drag_ok(self.item, self.placed):
            self._try(True)

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        self.paint_background(painter)
        scale = self.devicePixelRatioF()
        for zone in self.item.zones:
            rect = self.zone_rect(zone)
            painter.setPen(QPen(QColor(theme.INK_SOFT), 3, Qt.PenStyle.DashLine))
            painter.setBrush(QColor(theme.PAGE))
            painter.drawRoundedRect(rect, 16, 16)
            side = round(min(rect.height() * 0.45, rect.width() * 0.4))
            if zone.picture:
                painter.drawPixmap(
                    round(rect.left() + 16),
                    round(rect.top() + 12),
                    self.pictures.pixmap(zone.picture, side, scale),
                )
            painter.setPen(QColor(theme.INK))
            painter.setFont(_font(26, bold=True))
            painter.drawText(
                QRectF(rect.left() + side + 32, rect.top() + 12, rect.width() - side - 40, side),
                Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft,
                zone.label,
            )
        for piece in sorted(self.item.pieces, key=lambda p: p is self._held):
            rect = self.piece_rect(piece)
            path = QPainterPath()
            path.addRoundedRect(rect, 12, 12)
            painter.setPen(QPen(QColor(theme.FOCUS if piece is self._held else theme.BLUE), 4))
            painter.setBrush(QColor(theme.WHITE))
            painter.drawPath(path)
            side = round(rect.height() * 0.55)
            if piece.picture:
                painter.drawPixmap(
                    round(rect.center().x() - side / 2),
                    round(rect.top() + 8),
                    self.pictures.pixmap(piece.picture, side, scale),
                )
            painter.setPen(QColor(theme.INK))
            painter.setFont(_font(LABEL_FONT, bold=True))
            painter.drawText(
                QRectF(rect.left(), rect.top() + side + 8, rect.width(), rect.height() - side - 12),
                Qt.AlignmentFlag.AlignCenter,
                piece.label,
            )


def _near(a: QPointF, b: QPointF) -> bool:
    return math.dist((a.x(), a.y()), (b.x(), b.y())) <= DOUBLE_CLICK_DISTANCE


def _font(pixels: int, bold: bool = False) -> QFont:
    font = QFont("DejaVu Sans")
    font.setPixelSize(pixels)
    font.setBold(bold)
    return font
