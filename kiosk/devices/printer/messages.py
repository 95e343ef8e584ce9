"""What a visitor reads about a printer problem: what happened, then what to do (Qt side: translatable).

The pure layer returns `Problem` codes; this module turns them into short plain French, through
`QCoreApplication.translate("PrinterMessages", …)` so that the translation tools find every string.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication

from kiosk.devices.printer.problems import Problem

CONTEXT = "PrinterMessages"


@dataclass(frozen=True)
class Message:
    what: str  # what happened
    action: str  # what to do


def _t(text: str, n: int = -1) -> str:
    return QCoreApplication.translate(CONTEXT, text, None, n)


def message(problem: Problem) -> Message:
    """The visitor's explanation of `problem` (PAGE_LIMIT: see `page_limit_message`, it needs counts)."""
    ask = _t("Demandez de l'aide à un conseiller.")
    texts = {
        Problem.STOPPED: (
            _t("L'imprimante est arrêtée."),
            _t("Demandez à un conseiller de la remettre en marche."),
        ),
        Problem.OFFLINE: (_t("L'imprimante ne répond pas."), _t("Demandez à un conseiller de l'allumer.")),
        Problem.MEDIA_EMPTY: (
            _t("L'imprimante n'a plus de papier."),
            _t("Demandez à un conseiller d'en remettre."),
        ),
        Problem.MEDIA_JAM: (
            _t("Une feuille est coincée dans l'imprimante."),
            _t("Demandez à un conseiller de la retirer."),
        ),
        Problem.DOOR_OPEN: (
            _t("Une porte de l'imprimante est ouverte."),
            _t("Demandez à un conseiller de la fermer."),
        ),
        Problem.TONER_EMPTY: (
            _t("L'imprimante n'a plus d'encre."),
            _t("Demandez à un conseiller de la changer."),
        ),
        Problem.MEDIA_LOW: (
            _t("L'imprimante n'a bientôt plus de papier."),
            _t("Vous pouvez imprimer. Prévenez un conseiller."),
        ),
        Problem.TONER_LOW: (
            _t("L'encre de l'imprimante est presque finie."),
            _t("Vous pouvez imprimer. Prévenez un conseiller."),
        ),
        Problem.PRINTER_ERROR: (_t("L'imprimante a un problème."), ask),
        Problem.NOT_ACCEPTING: (_t("L'imprimante n'accepte pas d'impression pour le moment."), ask),
        Problem.SERVER_DOWN: (_t("L'impression ne marche pas pour le moment."), ask),
        Problem.NO_PRINTER: (_t("Aucune imprimante n'est disponible."), ask),
        Problem.NOT_AUTHORIZED: (_t("L'impression a été refusée."), ask),
        Problem.JOB_FAILED: (
            _t("L'impression n'a pas pu se faire."),
            _t("Réessayez, ou demandez de l'aide à un conseiller."),
        ),
        Problem.JOB_CANCELLED: (_t("L'impression a été annulée."), _t("Vous pouvez la relancer.")),
        Problem.DOCUMENT_UNREADABLE: (_t("Ce document ne peut pas être imprimé."), ask),
        Problem.PAGE_LIMIT: (
            _t("Vous avez atteint la limite de pages."),
            _t("Demandez à un conseiller si vous devez imprimer plus."),
        ),
    }
    what, action = texts[problem]
    return Message(what, action)


def page_limit_message(requested: int, remaining: int) -> Message:
    """A job of `requested` pages (pages × copies) does not fit in the `remaining` ones."""
    if remaining <= 0:
        return Message(
            _t("Vous avez imprimé toutes vos pages gratuites."),
            _t("Demandez à un conseiller si vous devez imprimer plus."),
        )
    return Message(
        _t("Ce document fait %n page(s) à imprimer.", requested),
        _t("Vous pouvez encore imprimer %n page(s).", remaining),
    )


def progress_text(pages_done: int, total: int) -> str:
    """ "Pages imprimées : 3 sur 8." — for a progress bar's label."""
    return _t("Pages imprimées : %1 sur %2.").replace("%1", str(pages_done)).replace("%2", str(total))
