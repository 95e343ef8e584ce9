"""The scan wizard's screen after each page: the page scanned, large, and beside it one question at a time:
"Est-elle lisible ?" (Oui / Non); Non: what to do (turn the page, or scan it again); Oui, for several sheets:
another sheet, or the end. The page is decoded off the GUI thread (kiosk.tasks)."""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtGui import QImage, QImageReader, QPixmap, QTransform
from PySide6.QtWidgets import QLabel, QStackedWidget, QVBoxLayout, QWidget

from kiosk.devices.scanner.service import ScannedPage
from kiosk.shell.icons import Icons
from kiosk.shell.retranslate import Retranslating
from kiosk.shell.wizard_parts import big_button, button_row, wizard_label
from kiosk.tasks import Tasks

log = logging.getLogger(__name__)

PREVIEW = QSize(400, 520)  # px: the box the scanned page is fitted into (beside its question on 1024 px)


class PreviewStep(Retranslating, QWidget):
    readable = Signal()  # "Oui"
    rotateRequested = Signal()  # "Tourner la page"
    againRequested = Signal()  # "Scanner à nouveau"
    addRequested = Signal()  # "Scanner une autre feuille"
    finishRequested = Signal()  # "J'ai fini de scanner" / "C'est fini, imprimer"

    def __init__(self, icons: Icons, parent: QWidget | None = None):
        super().__init__(parent)
        self._previews = Tasks(self)  # decodes the page just scanned; clear() forgets a preview still coming
        self.preview = QLabel()
        self.preview.setObjectName("ScanPreview")
        self.preview.setFixedSize(PREVIEW)
        self.preview.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.page_count = wizard_label("", "WizardSummary")
        self.page_count_more = wizard_label("", "WizardSummary")

        self._photocopy = False
        self._count = 0  # pages in the document so far
        self.yes_button = big_button(icons, "check", "", self.readable.emit, primary=True)
        self.no_button = big_button(icons, "x", "", lambda: self.answers.setCurrentWidget(self.fix_box))
        self.question_title = wizard_label("", "WizardTitle")
        self.fix_title = wizard_label("", "WizardTitle")
        self.turned_text = wizard_label("", "WizardText")
        self.blurred_text = wizard_label("", "WizardText")
        self.more_title = wizard_label("", "WizardTitle")
        self.question_box = _answer_box(
            self.question_title,
            self.page_count,
            self.yes_button,
            self.no_button,
            None,
        )

        self.rotate_button = big_button(icons, "rotate-cw", "", self.rotateRequested.emit)
        self.again_button = big_button(icons, "scan-text", "", self.againRequested.emit)
        self.question_back_button = big_button(
            icons, "arrow-left", "", lambda: self.answers.setCurrentWidget(self.question_box)
        )
        self.fix_box = _answer_box(
            self.fix_title,
            self.turned_text,
            self.rotate_button,
            self.blurred_text,
            self.again_button,
            None,
            self.question_back_button,
        )

        self.add_button = big_button(icons, "plus", "", self.addRequested.emit)
        self.finish_button = big_button(icons, "check", "", self.finishRequested.emit, primary=True)
        self.more_box = _answer_box(
            self.more_title,
            self.page_count_more,
            self.add_button,
            self.finish_button,
            None,
        )
        self.answers = QStackedWidget()
        for box in (self.question_box, self.fix_box, self.more_box):
            self.answers.addWidget(box)
        row = button_row(self.preview)
        row.addWidget(self.answers, 1)
        column = QVBoxLayout(self)
        column.setContentsMargins(0, 0, 0, 0)
        column.addLayout(row)
        self.retranslate()

    def retranslate(self) -> None:
        self.yes_button.setText(self.tr("Oui"))
        self.no_button.setText(self.tr("Non"))
        self.question_title.setText(self.tr("Voici votre page. Est-elle lisible ?"))
        self.rotate_button.setText(self.tr("Tourner la page"))
        self.again_button.setText(self.tr("Scanner à nouveau"))
        self.question_back_button.setText(self.tr("Étape précédente"))
        self.fix_title.setText(self.tr("Que faire ?"))
        self.turned_text.setText(self.tr("La page est à l'envers ou couchée :"))
        self.blurred_text.setText(self.tr("La page est floue ou coupée :"))
        self.add_button.setText(self.tr("Scanner une autre feuille"))
        self.more_title.setText(self.tr("Avez-vous une autre feuille ?"))
        self.finish_button.setText(
            self.tr("C'est fini, imprimer") if self._photocopy else self.tr("J'ai fini de scanner")
        )
        if self._count:
            text = (
                self.tr("Votre document a 1 page.")
                if self._count == 1
                else self.tr("Votre document a {n} pages.").format(n=self._count)
            )
            self.page_count.setText(text)
            self.page_count_more.setText(text)

    def set_photocopy(self, photocopy: bool) -> None:
        self._photocopy = photocopy
        self.retranslate()

    def show_page(self, page: ScannedPage, count: int) -> None:
        """The last page scanned (`count` in the document so far), and the question about it."""
        self._count = count
        self.retranslate()
        self.answers.setCurrentWidget(self.question_box)
        self.preview.clear()
        box = PREVIEW * self.devicePixelRatioF()
        self._previews.run(
            lambda: read_preview(page.path, page.rotation, box),
            self._show_preview,
            self._preview_failed,
            latest="preview",
        )

    def ask_for_more(self) -> None:
        """ "Avez-vous une autre feuille ?" """
        self.answers.setCurrentWidget(self.more_box)

    def clear(self) -> None:
        """Forgets the page shown, and any preview still being decoded."""
        self._previews.forget()
        self.preview.clear()

    def _show_preview(self, image: QImage | None) -> None:
        if image is None:
            return  # unreadable: the page is scanned again with "Recommencer cette page"
        pixmap = QPixmap.fromImage(image)
        pixmap.setDevicePixelRatio(self.devicePixelRatioF())
        self.preview.setPixmap(pixmap)

    def _preview_failed(self, error: Exception) -> None:
        log.warning("scanned page not previewed: %s", type(error).__name__)  # as unreadable: scanned again


def read_preview(path: Path, rotation: int, box: QSize) -> QImage | None:
    """A scanned page scaled down into `box` and turned: decoded off the GUI thread (a 300-dpi page takes the
    time of several frames)."""
    reader = QImageReader(str(path))
    size = reader.size()
    if size.isValid():
        turned = size.transposed() if rotation % 180 else size
        scale = min(box.width() / turned.width(), box.height() / turned.height(), 1.0)
        reader.setScaledSize(QSize(round(size.width() * scale), round(size.height() * scale)))
    image = reader.read()
    if image.isNull():
        return None
    return image.transformed(QTransform().rotate(rotation)) if rotation else image


def _answer_box(*parts: QWidget | None) -> QWidget:
    """A question's column beside the preview: its parts one under the other; None is a stretch."""
    box = QWidget()
    column = QVBoxLayout(box)
    column.setContentsMargins(0, 0, 0, 0)
    column.setSpacing(16)
    for part in parts:
        if part is None:
            column.addStretch()
        else:
            column.addWidget(part)
    return box
