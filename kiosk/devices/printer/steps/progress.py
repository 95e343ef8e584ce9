"""The print wizard's waiting screen: "Préparation du document…" while a picture becomes a PDF, then
"Impression en cours…" with a bar, "Pages imprimées : 2 sur 5." (and why a job waits) and "Annuler"."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QWidget

from kiosk.devices.printer.messages import message, progress_text
from kiosk.devices.printer.problems import Problem, Severity, severity
from kiosk.shell.icons import Icons
from kiosk.shell.retranslate import Retranslating
from kiosk.shell.wizard_parts import WideProgressBar, big_button, button_row, centred, picture, wizard_label


class ProgressStep(Retranslating, QWidget):
    cancelRequested = Signal()  # "Annuler l'impression"

    def __init__(self, icons: Icons, parent: QWidget | None = None):
        super().__init__(parent)
        self.title = wizard_label("", "WizardTitle")
        self.bar = WideProgressBar()
        self.text = wizard_label("", "WizardText")
        self.cancel_button = big_button(icons, "x", "", self._cancel)
        self._preparing = False
        self._progress: tuple[int, int, Problem | None] | None = None  # pages done, of total; why it waits
        centred(
            self,
            picture(icons, "printer"),
            self.title,
            self.bar,
            self.text,
            button_row(None, self.cancel_button, None),
        )
        self.retranslate()

    def retranslate(self) -> None:
        self.cancel_button.setText(self.tr("Annuler l'impression"))
        if self._preparing:
            self.title.setText(self.tr("Préparation du document…"))
            self.text.setText("")
            return
        self.title.setText(self.tr("Impression en cours…"))
        if self._progress is not None:
            done, total, problem = self._progress
            text = progress_text(done, total)
            if problem is not None and severity(problem) is Severity.BLOCKING:
                waiting = message(problem)
                text = f"{text}\n{waiting.what} {waiting.action}"
            self.text.setText(text)

    def preparing(self) -> None:
        """A picture is being made into a PDF: nothing to cancel."""
        self._preparing = True
        self.retranslate()
        self.cancel_button.hide()

    def printing(self, sheets: int) -> None:
        """A job of `sheets` pages was just sent."""
        self.show_pages_done(0, sheets)
        self._preparing = False
        self._progress = (0, sheets, None)
        self.retranslate()
        self.cancel_button.setEnabled(True)
        self.cancel_button.show()

    def show_progress(self, done: int, total: int, problem: Problem | None) -> None:
        """What CUPS tells of the job; a blocking `problem`: why it waits ("Annuler" stays)."""
        self.show_pages_done(done, total)
        self._progress = (done, total, problem)
        self.retranslate()

    def show_pages_done(self, done: int, total: int) -> None:
        """The bar moves while no page is out yet (most printers tell no page before the last), then fills
        page by page."""
        if done <= 0:
            self.bar.setRange(0, 0)
        else:
            self.bar.setRange(0, max(total, 1))
            self.bar.setValue(done)

    def _cancel(self) -> None:
        self.cancel_button.setEnabled(False)  # once: CUPS answers with `cancelled`
        self.cancelRequested.emit()
