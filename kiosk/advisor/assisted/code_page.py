"""Tools' page "Lire un code de diagnostic": the result a visitor's code stands for, in plain words, read off
the GUI thread by `read_code` (given by the composition root: the diagnostic's content and code). A code that
is not valid says so; a broken content is logged for the technician."""

from __future__ import annotations

import logging
from typing import Any

from PySide6.QtWidgets import QPlainTextEdit, QWidget

from kiosk.advisor.assisted.powers import ReadCode
from kiosk.advisor.assisted.tool_page import ToolPage, field
from kiosk.shell.icons import Icons
from kiosk.shell.wizard_parts import big_button, wizard_label
from kiosk.tasks import Tasks

log = logging.getLogger(__name__)


class CodePage(ToolPage):
    def __init__(self, icons: Icons, tasks: Tasks, read_code: ReadCode, parent: QWidget | None = None):
        super().__init__(icons, parent)
        self._tasks = tasks
        self._read_code = read_code
        self._state: tuple[str, Any] = ("", None)  # "", "reading", "sheet", "invalid", "broken"
        self.text = wizard_label("", "AssistedText")
        self.code = field("")
        self.code.setMaxLength(20)
        self.code.returnPressed.connect(self.read)
        self.result = QPlainTextEdit()  # a long result scrolls; the rest of the page stays in place
        self.result.setObjectName("AssistedResult")
        self.result.setReadOnly(True)
        self.read_button = big_button(icons, "clipboard-check", "", self.read, primary=True)
        self.body.addWidget(self.text)
        self.body.addWidget(self.code)
        self.body.addWidget(self.result, 1)
        self.actions.addWidget(self.read_button)
        self.retranslate()

    def retranslate(self) -> None:
        super().retranslate()
        self.title.setText(self.tr("Lire un code de diagnostic"))
        self.text.setText(self.tr("Tapez le code écrit sur la feuille du visiteur."))
        self.code.setAccessibleName(self.tr("Code du diagnostic"))
        self.code.setPlaceholderText(self.tr("Par exemple : 7K2M-Q9XA"))
        self.read_button.setText(self.tr("Lire le code"))
        self.result.setPlainText(self._result_text())

    def opened(self) -> None:
        self.code.setFocus()

    def read(self) -> None:
        code = self.code.text().strip()
        if not code:
            self._show("empty")
            return
        self._show("reading")
        self._tasks.run(
            lambda: self._read_code(code),
            lambda sheet: self._show("sheet", sheet),
            self._failed,
            latest="code",
        )

    def forget(self) -> None:
        self.code.clear()
        self._show("")

    def _failed(self, error: Exception) -> None:
        if isinstance(error, ValueError):
            self._show("invalid")
        else:
            log.error("the diagnostic content cannot be read: %s", error)
            self._show("broken")

    def _show(self, state: str, sheet: Any = None) -> None:
        self._state = (state, sheet)
        self.result.setPlainText(self._result_text())

    def _result_text(self) -> str:
        state, sheet = self._state
        if state == "empty":
            return self.tr("Tapez d'abord le code.")
        if state == "reading":
            return self.tr("Lecture du code…")
        if state == "invalid":
            return self.tr("Ce code n'est pas valide. Vérifiez chaque caractère.")
        if state == "broken":
            return self.tr("Le diagnostic de cette borne a un problème. Prévenez le technicien.")
        if state != "sheet":
            return ""
        lines = [
            sheet.title,
            self.tr("Code : {code}").format(code=sheet.code),
            "",
            self.tr("Niveau par domaine :"),
        ]
        lines += [f"• {area.name} : {area.level_label}" for area in sheet.areas]
        lines += ["", self.tr("Groupe : {group}").format(group=sheet.group_label)]
        if sheet.message:
            lines += ["", *sheet.message]
        lines += ["", self.tr("Conseils :"), *(f"• {line}" for line in sheet.recommendation)]
        lines += [f"• {place.name} : {place.address}" for place in sheet.places]
        lines += ["", self.tr("Besoins indiqués :")]
        lines += [f"• {need}" for need in sheet.needs] if sheet.needs else [self.tr("Aucun besoin indiqué.")]
        return "\n".join(lines)
