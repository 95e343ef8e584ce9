"""The printer and scanner codes a heartbeat carries, in the fleet page's French words, and which of them
need a technician. The codes are the terminal's own (kiosk.devices.printer.problems and
kiosk.devices.scanner.problems, pure modules), plus the states those modules do not name: a code the hub
does not know (a newer terminal's) is shown as it came, never hidden."""

from __future__ import annotations

from dataclasses import dataclass

from kiosk.devices.printer.problems import Problem as PrinterProblem
from kiosk.devices.scanner.problems import Problem as ScannerProblem


@dataclass(frozen=True)
class DeviceWords:
    text: str
    needs_technician: bool = False


_P = PrinterProblem
PRINTER: dict[str, DeviceWords] = {
    "ok": DeviceWords("Prête"),
    "off": DeviceWords("Impression désactivée pour ce site"),
    "printing": DeviceWords("En train d'imprimer"),
    "unknown": DeviceWords("État inconnu (la borne n'a pas pu le lire)"),
    _P.STOPPED.value: DeviceWords("Arrêtée dans CUPS (mise en pause)", True),
    _P.OFFLINE.value: DeviceWords("Éteinte, débranchée ou ne répond pas", True),
    _P.MEDIA_EMPTY.value: DeviceWords("Plus de papier", True),
    _P.MEDIA_JAM.value: DeviceWords("Papier coincé", True),
    _P.DOOR_OPEN.value: DeviceWords("Une porte ou un capot est ouvert", True),
    _P.TONER_EMPTY.value: DeviceWords("Plus d'encre ou de toner", True),
    _P.MEDIA_LOW.value: DeviceWords("Bientôt plus de papier"),
    _P.TONER_LOW.value: DeviceWords("Bientôt plus d'encre ou de toner"),
    _P.PRINTER_ERROR.value: DeviceWords("L'imprimante signale une erreur", True),
    _P.NOT_ACCEPTING.value: DeviceWords("La file d'impression refuse les travaux (cupsreject)", True),
    _P.SERVER_DOWN.value: DeviceWords("CUPS ne répond pas", True),
    _P.NO_PRINTER.value: DeviceWords("Aucune imprimante installée", True),
    _P.NOT_AUTHORIZED.value: DeviceWords("CUPS refuse les demandes de la borne", True),
    _P.JOB_FAILED.value: DeviceWords("Le dernier travail a échoué", True),
    _P.JOB_CANCELLED.value: DeviceWords("Le dernier travail a été annulé à l'imprimante"),
    _P.DOCUMENT_UNREADABLE.value: DeviceWords("Le dernier document était illisible"),
    _P.PAGE_LIMIT.value: DeviceWords("Limite de pages de la session atteinte"),
}

_S = ScannerProblem
SCANNER: dict[str, DeviceWords] = {
    "unused": DeviceWords("Pas encore utilisé depuis le démarrage"),
    "ready": DeviceWords("Prêt"),
    "scanning": DeviceWords("En train de numériser"),
    "unknown": DeviceWords("État inconnu (la borne n'a pas pu le lire)"),
    _S.NO_DEVICE.value: DeviceWords("Introuvable : débranché ou inaccessible", True),
    _S.BUSY.value: DeviceWords("Occupé par un autre programme"),
    _S.COVER_OPEN.value: DeviceWords("Le capot est ouvert"),
    _S.JAMMED.value: DeviceWords("Feuille coincée dans le chargeur", True),
    _S.NO_DOCUMENTS.value: DeviceWords("Chargeur vide"),
    _S.CANCELLED.value: DeviceWords("Prêt"),
    _S.IO_ERROR.value: DeviceWords("Le dernier scan a échoué", True),
    _S.CRASHED.value: DeviceWords("Le pilote s'est arrêté brutalement", True),
    _S.TIMEOUT.value: DeviceWords("Le dernier scan ne progressait plus", True),
}


def printer_words(code: str) -> DeviceWords:
    return PRINTER.get(code) or DeviceWords(f"Code inconnu du hub : {code}")


def scanner_words(code: str) -> DeviceWords:
    return SCANNER.get(code) or DeviceWords(f"Code inconnu du hub : {code}")
