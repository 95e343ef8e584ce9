"""What a visitor reads about a printer problem: what happened, then what to do (Qt side: translatable).

The pure layer returns `Problem` codes; this module turns them into short plain French, through
`QCoreApplication.translate("PrinterMessages", …)` so that the translation tools find every string.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication

from kiosk.devices.printer.problems import Problem

translate = QCoreApplication.translate  # lupdate finds each text by the context written at its call


@dataclass(frozen=True)
class Message:
    what: str  # what happened
    action: str  # what to do


def message(problem: Problem) -> Message:
    """The visitor's explanation of `problem` (PAGE_LIMIT: see `page_limit_message`, it needs counts)."""
    ask = translate("PrinterMessages", "Demandez de l'aide à un conseiller.")
    texts = {
        Problem.STOPPED: (
            translate("PrinterMessages", "L'imprimante est arrêtée."),
            translate("PrinterMessages", "Demandez à un conseiller de la remettre en marche."),
        ),
        Problem.OFFLINE: (
            translate("PrinterMessages", "L'imprimante ne répond pas."),
            translate("PrinterMessages", "Demandez à un conseiller de l'allumer."),
        ),
        Problem.MEDIA_EMPTY: (
            translate("PrinterMessages", "L'imprimante n'a plus de papier."),
            translate("PrinterMessages", "Demandez à un conseiller d'en remettre."),
        ),
        Problem.MEDIA_JAM: (
            translate("PrinterMessages", "Une feuille est coincée dans l'imprimante."),
            translate("PrinterMessages", "Demandez à un conseiller de la retirer."),
        ),
        Problem.DOOR_OPEN: (
            translate("PrinterMessages", "Une porte de l'imprimante est ouverte."),
            translate("PrinterMessages", "Demandez à un conseiller de la fermer."),
        ),
        Problem.TONER_EMPTY: (
            translate("PrinterMessages", "L'imprimante n'a plus d'encre."),
            translate("PrinterMessages", "Demandez à un conseiller de la changer."),
        ),
        Problem.MEDIA_LOW: (
            translate("PrinterMessages", "L'imprimante n'a bientôt plus de papier."),
            translate("PrinterMessages", "Vous pouvez imprimer. Prévenez un conseiller."),
        ),
        Problem.TONER_LOW: (
            translate("PrinterMessages", "L'encre de l'imprimante est presque finie."),
            translate("PrinterMessages", "Vous pouvez imprimer. Prévenez un conseiller."),
        ),
        Problem.PRINTER_ERROR: (translate("PrinterMessages", "L'imprimante a un problème."), ask),
        Problem.NOT_ACCEPTING: (
            translate("PrinterMessages", "L'imprimante n'accepte pas d'impression pour le moment."),
            ask,
        ),
        Problem.SERVER_DOWN: (
            translate("PrinterMessages", "L'impression ne marche pas pour le moment."),
            ask,
        ),
        Problem.NO_PRINTER: (translate("PrinterMessages", "Aucune imprimante n'est disponible."), ask),
        Problem.NOT_AUTHORIZED: (translate("PrinterMessages", "L'impression a été refusée."), ask),
        Problem.JOB_FAILED: (
            translate("PrinterMessages", "L'impression n'a pas pu se faire."),
            translate("PrinterMessages", "Réessayez, ou demandez de l'aide à un conseiller."),
        ),
        Problem.JOB_CANCELLED: (
            translate("PrinterMessages", "L'impression a été annulée."),
            translate("PrinterMessages", "Vous pouvez la relancer."),
        ),
        Problem.DOCUMENT_UNREADABLE: (
            translate("PrinterMessages", "Ce document ne peut pas être imprimé."),
            ask,
        ),
        Problem.PAGE_LIMIT: (
            translate("PrinterMessages", "Vous avez atteint la limite de pages."),
            translate("PrinterMessages", "Demandez à un conseiller si vous devez imprimer plus."),
        ),
    }
    what, action = texts[problem]
    return Message(what, action)


def page_limit_message(requested: int, remaining: int) -> Message:
    """A job of `requested` pages (pages × copies) does not fit in the `remaining` ones."""
    if remaining <= 0:
        return Message(
            translate("PrinterMessages", "Vous avez imprimé toutes vos pages gratuites."),
            translate("PrinterMessages", "Demandez à un conseiller si vous devez imprimer plus."),
        )
    return Message(
        translate("PrinterMessages", "Ce document fait 1 page à imprimer.")
        if requested == 1
        else translate("PrinterMessages", "Ce document fait {n} pages à imprimer.").format(n=requested),
        remaining_text(remaining),
    )


def remaining_text(remaining: int) -> str:
    """ "Vous pouvez encore imprimer 12 pages." """
    return (
        translate("PrinterMessages", "Vous pouvez encore imprimer 1 page.")
        if remaining == 1
        else translate("PrinterMessages", "Vous pouvez encore imprimer {n} pages.").format(n=remaining)
    )


def progress_text(pages_done: int, total: int) -> str:
    """ "Pages imprimées : 3 sur 8." — for a progress bar's label."""
    return (
        translate("PrinterMessages", "Pages imprimées : %1 sur %2.")
        .replace("%1", str(pages_done))
        .replace("%2", str(total))
    )
