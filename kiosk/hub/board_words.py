"""What the advisors' board says about a call, in plain French: its topic, its state, how long it has
waited, the buttons for its next states, its end and "Libérer la borne". One place for the page drawn by
the server and the JSON its script renders (kiosk/hub/board.py `call_json`). Times are shown in Paris time.
Pure."""

from __future__ import annotations

from datetime import UTC, datetime
from zoneinfo import ZoneInfo

from kiosk.advisor.call_states import ORDER

PARIS = ZoneInfo("Europe/Paris")

TOPICS = {
    "demarche": "Une démarche",
    "imprimer": "Imprimer ou scanner",
    "compte": "Mon compte ou mot de passe",
    "emploi": "L'emploi",
    "autre": "Autre",
    None: "Sans précision",
}
STATES = {
    "sent": "Nouvel appel",
    "seen": "Vu par un conseiller",
    "coming": "Un conseiller arrive",
    "done": "Terminé",
    "cancelled": "Annulé",
}
BUTTONS = {"seen": "J'ai vu", "coming": "J'arrive", "done": "Terminé"}


def topic(code: str | None) -> str:
    return TOPICS.get(code, TOPICS["autre"])


def next_moves(state: str) -> list[tuple[str, str]]:
    """(state, button label) for each state an advisor may move the call to, in order."""
    if state not in ORDER or state == "done":
        return []
    return [(s, BUTTONS[s]) for s in ORDER[ORDER.index(state) + 1 :]]


def waited(seconds: float) -> str:
    """'depuis 4 min', 'depuis 1 h 05'."""
    minutes = int(max(0, seconds) // 60)
    if minutes < 1:
        return "depuis moins d'une minute"
    if minutes < 60:
        return f"depuis {minutes} min"
    return f"depuis {minutes // 60} h {minutes % 60:02d}"


def clock(moment: datetime) -> str:
    """A UTC time (without zone, as the database keeps it) as Paris shows it: '14 h 05'."""
    local = moment.replace(tzinfo=UTC).astimezone(PARIS)
    return f"{local.hour} h {local.minute:02d}"


def ended(state: str, ended_at: datetime | None) -> str | None:
    if ended_at is None:
        return None
    return f"{'Terminé' if state == 'done' else 'Annulé'} à {clock(ended_at)}"


def release(asked_at: datetime | None, released_at: datetime | None) -> str | None:
    if released_at is not None:
        return f"Session terminée sur la borne à {clock(released_at)}"
    if asked_at is not None:
        return "La borne va terminer la session du visiteur."
    return None


def title(new_calls: int) -> str:
    """The tab's title: the number of calls nobody has seen yet first, so that it shows in a tab bar."""
    return f"({new_calls}) Appels — Îlot" if new_calls else "Appels — Îlot"
