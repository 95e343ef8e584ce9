"""The technician's own tools' pages. "Recharger la configuration": the config folder checked off the GUI
thread with `kiosk check`'s loader (`check_config`, from the composition root); its problems shown, the kiosk
running on; a valid one applied by `restart` (a clean shutdown, then the same command again: every object
is made anew from the new files). "Rapport de la borne": `kiosk check`'s report, made off the GUI thread."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QPlainTextEdit, QWidget

from kiosk.advisor.assisted.tool_page import ToolPage
from kiosk.shell.icons import Icons
from kiosk.shell.wizard_parts import big_button, wizard_label
from kiosk.tasks import Tasks

RESTART_AFTER_MS = 2000  # the technician reads "La borne redémarre" first


class ReloadPage(ToolPage):
    def __init__(
        self,
        icons: Icons,
        tasks: Tasks,
        check_config: Callable[[], Sequence[str]],
        restart: Callable[[], None],
        parent: QWidget | None = None,
    ):
        super().__init__(icons, parent)
        self._tasks = tasks
        self._check_config = check_config
        self._restart = restart
        self._problems: Sequence[str] | None = None
        self._failed = False
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(RESTART_AFTER_MS)
        self._timer.timeout.connect(lambda: self._restart())
        self.verdict = wizard_label("", "AssistedMessage")
        self.problems = QPlainTextEdit()
        self.problems.setObjectName("ReportText")
        self.problems.setReadOnly(True)
        self.body.addWidget(self.verdict)
        self.body.addWidget(self.problems, 1)
        self.body.addStretch()  # the verdict at the top when there is no problem to list
        self.again_button = big_button(icons, "rotate-cw", "", self.check)
        self.actions.addWidget(self.again_button)
        self.retranslate()

    def opened(self) -> None:
        self.check()

    def check(self) -> None:
        self._problems, self._failed = None, False
        self._tasks.run(self._check_config, self._checked, self._not_checked, latest="config")
        self.retranslate()

    def forget(self) -> None:
        self._timer.stop()  # the mode locked itself before the restart: nothing happens

    def _checked(self, problems: Sequence[str]) -> None:
        self._problems = list(problems)
        self.retranslate()
        if not self._problems:
            self._timer.start()

    def _not_checked(self, error: Exception) -> None:
        self._failed = True
        self._problems = [str(error)]
        self.retranslate()

    def retranslate(self) -> None:
        super().retranslate()
        self.title.setText(self.tr("Recharger la configuration"))
        self.again_button.setText(self.tr("Vérifier à nouveau"))
        problems = self._problems
        if problems is None:
            verdict = self.tr("Vérification de la configuration…")
        elif self._failed:
            verdict = self.tr("La configuration n'a pas pu être lue. La borne continue comme avant.")
        elif len(problems) == 1:
            verdict = self.tr("La configuration a un problème. La borne garde celle qui marche.")
        elif problems:
            verdict = self.tr("La configuration a {n} problèmes. La borne garde celle qui marche.").format(
                n=len(problems)
            )
        else:
            verdict = self.tr("La configuration est valide. La borne redémarre pour l'appliquer.")
        self.verdict.setText(verdict)
        self.problems.setVisible(bool(problems))
        self.problems.setPlainText("\n".join(problems or ()))


class ReportPage(ToolPage):
    def __init__(
        self,
        icons: Icons,
        tasks: Tasks,
        check_report: Callable[[], Sequence[str]],
        parent: QWidget | None = None,
    ):
        super().__init__(icons, parent)
        self._tasks = tasks
        self._check_report = check_report
        self._lines: Sequence[str] | None = None
        self._failed = False
        self.state = wizard_label("", "AssistedMessage")
        self.report = QPlainTextEdit()
        self.report.setObjectName("ReportText")
        self.report.setReadOnly(True)
        self.body.addWidget(self.state)
        self.body.addWidget(self.report, 1)
        self.body.addStretch()
        self.refresh_button = big_button(icons, "rotate-cw", "", self.refresh)
        self.actions.addWidget(self.refresh_button)
        self.retranslate()

    def opened(self) -> None:
        self.refresh()

    def refresh(self) -> None:
        self._lines, self._failed = None, False
        self._tasks.run(self._check_report, self._made, self._not_made, latest="report")
        self.retranslate()

    def _made(self, lines: Sequence[str]) -> None:
        self._lines = list(lines)
        self.retranslate()

    def _not_made(self, error: Exception) -> None:
        self._failed = True
        self._lines = [f"{type(error).__name__}: {error}"]
        self.retranslate()

    def retranslate(self) -> None:
        super().retranslate()
        self.title.setText(self.tr("Rapport de la borne"))
        self.refresh_button.setText(self.tr("Actualiser"))
        if self._lines is None:
            state = self.tr("Préparation du rapport…")
        elif self._failed:
            state = self.tr("Le rapport n'a pas pu être fait.")
        else:
            state = self.tr("Le rapport de kiosk check, en anglais pour le technicien :")
        self.state.setText(state)
        self.report.setVisible(self._lines is not None)
        self.report.setPlainText("\n".join(self._lines or ()))
