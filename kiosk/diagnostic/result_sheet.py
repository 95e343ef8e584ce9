"""The printable result sheet: one A4 page in large print, written as a PDF with QPdfWriter and QPainter.

It holds the title, each area with its level (in words and as a small gauge), the group, the kind words of
an early end, the advice with the address of each place it names, the stated needs, the code in big
letters and a QR code of the code alone (drawn from segno's matrix). Nothing else: no name, no date, no
answer. Writing it takes a few tens of milliseconds, so the diagnostic screen runs `write_sheet` on a pool
thread (kiosk.diagnostic.views.screen, through kiosk.tasks): it paints on its QPdfWriter only, never on a
widget, and its path comes back by signal."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QMarginsF, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QPageLayout, QPageSize, QPainter, QPdfWriter, QPen

from kiosk.diagnostic.schema import LEVELS
from kiosk.diagnostic.sheet import Sheet
from kiosk.diagnostic.typography import NO_BREAK_SPACE
from kiosk.shell import theme

DPI = 300
SPACE_COLON = NO_BREAK_SPACE + ":"
MM = DPI / 25.4


def sheet_file_name() -> str:
    return QCoreApplication.translate("ResultSheet", "Ma fiche diagnostic") + ".pdf"


def write_sheet(sheet: Sheet, folder: Path) -> Path:
    """Writes the sheet to `folder` (the session's scratch folder) and returns its path."""
    import segno

    folder.mkdir(parents=True, exist_ok=True)
    path = folder / sheet_file_name()
    writer = QPdfWriter(str(path))
    writer.setResolution(DPI)
    writer.setTitle(sheet.title)
    writer.setCreator("Îlot")
    writer.setPageLayout(
        QPageLayout(
            QPageSize(QPageSize.PageSizeId.A4), QPageLayout.Orientation.Portrait, QMarginsF(15, 15, 15, 15)
        )
    )
    painter = QPainter(writer)
    try:
        _draw(painter, sheet, writer.width(), segno.make(sheet.code, error="m", micro=False))
    finally:
        painter.end()
    return path


def _font(points: float, bold: bool = False) -> QFont:
    font = QFont("DejaVu Sans")
    font.setPointSizeF(points)
    font.setBold(bold)
    return font


def _draw(painter: QPainter, sheet: Sheet, width: int, qr) -> None:
    translate = QCoreApplication.translate  # lupdate finds each text by the context at its call
    ink, blue = QColor(theme.INK), QColor(theme.BLUE)
    y = 0.0

    def text(value: str, points: float, bold: bool = False, colour: QColor = ink, indent: float = 0) -> None:
        nonlocal y
        painter.setFont(_font(points, bold))
        painter.setPen(colour)
        box = QRectF(indent, y, width - indent, 10_000)
        used = painter.boundingRect(box, Qt.TextFlag.TextWordWrap, value)
        painter.drawText(box, Qt.TextFlag.TextWordWrap, value)
        y += used.height() + 1.5 * MM

    text(sheet.title, 22, bold=True, colour=blue)
    y += 3 * MM
    text(translate("ResultSheet", "Mon niveau par domaine"), 16, bold=True)
    gauge = 5 * MM
    for area in sheet.areas:
        _gauge(painter, 0, y + 1 * MM, gauge, LEVELS.index(area.level) + 1 if area.level in LEVELS else 0)
        text(f"{area.name} : {area.level_label}", 15, indent=gauge * 3 + 5 * MM)
    y += 3 * MM
    group = translate("ResultSheet", "Mon groupe : {group}").format(group=sheet.group_label)
    text(group, 18, bold=True, colour=blue)
    for line in sheet.message:
        text(line, 14)
    y += 2 * MM
    text(translate("ResultSheet", "Pour la suite"), 16, bold=True)
    for line in sheet.recommendation:
        text(f"•  {line}", 14, indent=3 * MM)
    for place in sheet.places:
        text(f"•  {place.name}{SPACE_COLON} {place.address}", 14, bold=True, colour=blue, indent=3 * MM)
    if sheet.needs:
        y += 2 * MM
        text(translate("ResultSheet", "Vous voulez apprendre à :"), 16, bold=True)
        for need in sheet.needs:
            text(f"•  {need}", 14, indent=3 * MM)
    y += 4 * MM
    top = y
    text(translate("ResultSheet", "Mon code, à montrer à un conseiller :"), 16, bold=True)
    text(sheet.code, 40, bold=True, colour=blue)
    text(translate("ResultSheet", "Ce code ne dit pas qui vous êtes."), 13)
    _qr(painter, qr, QRectF(width - 45 * MM, top, 45 * MM, 45 * MM))


def _gauge(painter: QPainter, x: float, y: float, size: float, filled: int) -> None:
    """Three dots, as many filled as the level's rank (none for an area not seen)."""
    painter.save()
    painter.setPen(QPen(QColor(theme.BLUE), size / 8))
    for n in range(3):
        painter.setBrush(QColor(theme.BLUE) if n < filled else Qt.BrushStyle.NoBrush)
        painter.drawEllipse(QRectF(x + n * size * 1.5, y, size, size))
    painter.restore()


def _qr(painter: QPainter, qr, box: QRectF) -> None:
    matrix = qr.matrix
    border = 4  # the quiet zone QR readers need
    modules = len(matrix) + 2 * border
    cell = box.width() / modules
    painter.save()
    painter.setPen(Qt.PenStyle.NoPen)
    painter.fillRect(box, QColor(theme.WHITE))
    painter.setBrush(QColor("#000000"))
    for row, line in enumerate(matrix):
        for column, dark in enumerate(line):
            if dark:
                painter.drawRect(
                    QRectF(
                        box.left() + (column + border) * cell, box.top() + (row + border) * cell, cell, cell
                    )
                )
    painter.restore()
