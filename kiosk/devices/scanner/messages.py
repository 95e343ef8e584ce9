"""What the visitor reads when a scan goes wrong: what happened, then what to do. Translatable (context
"ScannerMessages"); each sentence is short, plain and says "vous"."""

from __future__ import annotations

from typing import NamedTuple

from PySide6.QtCore import QCoreApplication

from kiosk.devices.scanner.problems import Problem

translate = QCoreApplication.translate  # lupdate finds each text by the context written at its call


class ProblemText(NamedTuple):
    what: str  # what happened
    todo: str  # what to do now


def problem_text(problem: Problem | str) -> ProblemText:
    """The two sentences for `problem` (a Problem or its code), in the kiosk's language."""
    match Problem(problem):
        case Problem.NO_DEVICE:
            return ProblemText(
                translate("ScannerMessages", "Le scanner ne répond pas."),
                translate(
                    "ScannerMessages", "Vérifiez qu'il est allumé, puis demandez de l'aide au conseiller."
                ),
            )
        case Problem.BUSY:
            return ProblemText(
                translate("ScannerMessages", "Le scanner est occupé."),
                translate("ScannerMessages", "Attendez un moment, puis touchez « Recommencer »."),
            )
        case Problem.COVER_OPEN:
            return ProblemText(
                translate("ScannerMessages", "Le couvercle du scanner est ouvert."),
                translate("ScannerMessages", "Fermez-le, puis touchez « Recommencer »."),
            )
        case Problem.JAMMED:
            return ProblemText(
                translate("ScannerMessages", "Une feuille est coincée dans le scanner."),
                translate("ScannerMessages", "Retirez-la doucement, puis touchez « Recommencer »."),
            )
        case Problem.NO_DOCUMENTS:
            return ProblemText(
                translate("ScannerMessages", "Il n'y a pas de feuille dans le chargeur."),
                translate(
                    "ScannerMessages", "Posez vos feuilles dans le chargeur, puis touchez « Recommencer »."
                ),
            )
        case Problem.CANCELLED:
            return ProblemText(
                translate("ScannerMessages", "Vous avez arrêté la numérisation."),
                translate("ScannerMessages", "Touchez « Recommencer » quand vous êtes prêt."),
            )
        case Problem.IO_ERROR:
            return ProblemText(
                translate("ScannerMessages", "Le scanner a eu un problème."),
                translate(
                    "ScannerMessages", "Touchez « Recommencer ». Si cela recommence, demandez de l'aide."
                ),
            )
        case Problem.CRASHED:
            return ProblemText(
                translate("ScannerMessages", "Le scanner s'est arrêté d'un coup."),
                translate(
                    "ScannerMessages", "Touchez « Recommencer ». Si cela recommence, demandez de l'aide."
                ),
            )
        case Problem.TIMEOUT:
            return ProblemText(
                translate("ScannerMessages", "Le scanner ne répond plus."),
                translate("ScannerMessages", "Vérifiez qu'il est allumé, puis touchez « Recommencer »."),
            )
    raise ValueError(problem)  # unreachable: every Problem has its text (a test checks it)


def pdf_failed_text() -> ProblemText:
    return ProblemText(
        translate("ScannerMessages", "Le document n'a pas pu être créé."),
        translate("ScannerMessages", "Touchez « Recommencer ». Si cela recommence, demandez de l'aide."),
    )
