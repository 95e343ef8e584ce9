"""What the visitor reads when a scan goes wrong: what happened, then what to do. Translatable (context
"ScannerMessages"); each sentence is short, plain and says "vous"."""

from __future__ import annotations

from typing import NamedTuple

from PySide6.QtCore import QCoreApplication

from kiosk.devices.scanner.problems import Problem

CONTEXT = "ScannerMessages"


class ProblemText(NamedTuple):
    what: str  # what happened
    todo: str  # what to do now


def problem_text(problem: Problem | str) -> ProblemText:
    """The two sentences for `problem` (a Problem or its code), in the kiosk's language."""
    tr = QCoreApplication.translate
    match Problem(problem):
        case Problem.NO_DEVICE:
            return ProblemText(
                tr(CONTEXT, "Le scanner ne répond pas."),
                tr(CONTEXT, "Vérifiez qu'il est allumé, puis demandez de l'aide au conseiller."),
            )
        case Problem.BUSY:
            return ProblemText(
                tr(CONTEXT, "Le scanner est occupé."),
                tr(CONTEXT, "Attendez un moment, puis appuyez sur Recommencer."),
            )
        case Problem.COVER_OPEN:
            return ProblemText(
                tr(CONTEXT, "Le couvercle du scanner est ouvert."),
                tr(CONTEXT, "Fermez-le, puis appuyez sur Recommencer."),
            )
        case Problem.JAMMED:
            return ProblemText(
                tr(CONTEXT, "Une feuille est coincée dans le scanner."),
                tr(CONTEXT, "Retirez-la doucement, puis appuyez sur Recommencer."),
            )
        case Problem.NO_DOCUMENTS:
            return ProblemText(
                tr(CONTEXT, "Il n'y a pas de feuille dans le chargeur."),
                tr(CONTEXT, "Posez vos feuilles dans le chargeur, puis appuyez sur Recommencer."),
            )
        case Problem.CANCELLED:
            return ProblemText(
                tr(CONTEXT, "Vous avez arrêté la numérisation."),
                tr(CONTEXT, "Appuyez sur Recommencer quand vous êtes prêt."),
            )
        case Problem.IO_ERROR:
            return ProblemText(
                tr(CONTEXT, "Le scanner a eu un problème."),
                tr(CONTEXT, "Appuyez sur Recommencer. Si cela recommence, demandez de l'aide."),
            )
        case Problem.CRASHED:
            return ProblemText(
                tr(CONTEXT, "Le scanner s'est arrêté d'un coup."),
                tr(CONTEXT, "Appuyez sur Recommencer. Si cela recommence, demandez de l'aide."),
            )
        case Problem.TIMEOUT:
            return ProblemText(
                tr(CONTEXT, "Le scanner ne répond plus."),
                tr(CONTEXT, "Vérifiez qu'il est allumé, puis appuyez sur Recommencer."),
            )
    raise ValueError(problem)  # unreachable: every Problem has its text (a test checks it)


def pdf_failed_text() -> ProblemText:
    tr = QCoreApplication.translate
    return ProblemText(
        tr(CONTEXT, "Le document n'a pas pu être créé."),
        tr(CONTEXT, "Appuyez sur Recommencer. Si cela recommence, demandez de l'aide."),
    )
