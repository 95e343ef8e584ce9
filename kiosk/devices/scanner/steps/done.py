"""The scan wizard's last screen: "Votre document est prêt." with its name, and "Garder pour l'envoyer sur
un site" (it joins the session's documents), "Imprimer" or "Supprimer"."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QWidget

from kiosk.session_documents import shown_name
from kiosk.shell.icons import Icons
from kiosk.shell.retranslate import Retranslating
from kiosk.shell.wizard_parts import big_button, button_row, centred, picture, wizard_label

KEEP_WIDTH = 560  # px: the main button, the two others share its width


class ScanDoneStep(Retranslating, QWidget):
    keepRequested = Signal()
    printRequested = Signal()
    deleteRequested = Signal()

    def __init__(self, icons: Icons, parent: QWidget | None = None):
        super().__init__(parent)
        self.done_name = wizard_label("", "WizardSummary")
        self.print_button = big_button(icons, "printer", "", self.printRequested.emit)
        self.print_button.setMinimumWidth(KEEP_WIDTH // 2 - 12)
        self.keep_button = big_button(icons, "file-up", "", self.keepRequested.emit, primary=True)
        self.keep_button.setMinimumWidth(KEEP_WIDTH)
        self.delete_button = big_button(icons, "trash-2", "", self.deleteRequested.emit)
        self.delete_button.setMinimumWidth(KEEP_WIDTH // 2 - 12)
        self.send_help = wizard_label("", "WizardText")
        self.title = wizard_label("", "WizardTitle")
        centred(
            self,
            picture(icons, "check", 72),
            self.title,
            self.done_name,
            self.send_help,
            button_row(None, self.keep_button, None),
            button_row(None, self.delete_button, self.print_button, None),
        )
        self.retranslate()

    def retranslate(self) -> None:
        self.print_button.setText(self.tr("Imprimer"))
        self.keep_button.setText(self.tr("Garder pour l'envoyer sur un site"))
        self.delete_button.setText(self.tr("Supprimer"))
        self.send_help.setText(
            self.tr("Sur le site, touchez le bouton pour ajouter un document ou un fichier.")
            + "\n"
            + self.tr("La borne vous proposera alors ce document.")
        )
        self.title.setText(self.tr("Votre document est prêt."))

    def show_document(self, path: str) -> None:
        self.done_name.setText(shown_name(Path(path).name))
