"""The workshops pages (`/ateliers`): an advisor gathers the codes of visitors' diagnostic sheets (typed, read
by a USB barcode reader, pasted, or scanned with the camera where the browser has BarcodeDetector), then
gets workshop groups as a printable list of codes (kiosk/hub/workshops.py proposes them).

Nothing of the codes is kept on the hub: the list travels in the form itself (hidden fields, by POST, so
never in an address, a log or the history), is checked again at each request, and is gone when the page
is closed. Pages are for logged-in users, every POST carries the session's CSRF token, and the one script
(static/ateliers.js, served by the hub) only makes the form quicker: without it everything still works."""

from __future__ import annotations

from datetime import datetime
from functools import cache
from pathlib import Path
from typing import Annotated

from fastapi import APIRouter, Form, Request, Response

from kiosk.config.problems import ConfigProblem
from kiosk.diagnostic.loader import load_all_contents
from kiosk.diagnostic.schema import ContentFile
from kiosk.hub import sessions, stats, workshops
from kiosk.hub.pages import SECURITY_HEADERS, LoggedIn, templates
from kiosk.hub.workshops import LARGEST, LARGEST_CHOICES, Message, Visitor

HERE = Path(__file__).parent
# The pages' rules, with the hub's own script allowed (and nothing else): the camera and the quick form.
HEADERS = SECURITY_HEADERS | {
    "Content-Security-Policy": "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; "
    "connect-src 'self'; media-src 'self' blob: mediastream:; form-action 'self'; frame-ancestors 'none'; "
    "base-uri 'none'",
    "Permissions-Policy": "camera=(self), microphone=(), geolocation=()",
}
CODE_LENGTH = 200  # what one field may hold: a code with spaces, or a barcode reader's stray characters
PASTE_LENGTH = 20_000  # MOST_CODES codes of 10 characters with their separators, and room to spare

router = APIRouter()


@cache
def diagnostic_contents() -> tuple[dict[int, ContentFile], tuple[ConfigProblem, ...]]:
    """The diagnostic content the hub was installed with, every version (read once per process)."""
    contents, problems = load_all_contents()
    return contents, tuple(problems)


def _render(request: Request, name: str, status_code: int = 200, **context) -> Response:
    response = templates.TemplateResponse(request, name, context, status_code=status_code)
    response.headers.update(HEADERS)
    return response


def _broken_content(request: Request, user, csrf: str, problems) -> Response:
    return _render(
        request, "workshops_broken.html", 500, page="workshops", user=user, csrf=csrf, problems=problems
    )


def _expired(request: Request) -> Response:
    return _render(request, "expired.html", 403, user=None)


def _largest(value: str) -> tuple[int, Message | None]:
    try:
        number = int(value.strip())
    except ValueError:
        number = 0
    if number in LARGEST_CHOICES:
        return number, None
    first, last = LARGEST_CHOICES[0], LARGEST_CHOICES[-1]
    return LARGEST, Message(
        "bad", f"Choisissez un nombre de personnes de {first} à {last}. Le nombre 8 est gardé."
    )


def _listed(codes: list[str], contents) -> tuple[list[Visitor], list[Message]]:
    """The list the form carried, read again: a hidden field is the browser's, so it is checked too."""
    refused = [
        Message("bad", "La liste reçue n'est pas valide. Elle est vidée : saisissez les codes de nouveau.")
    ]
    if len(codes) > workshops.MOST_CODES:
        return [], refused
    listed: list[Visitor] = []
    for code in codes:
        listed, notices = workshops.add_again(listed, code, contents)
        if notices[0].kind == "refused":
            return [], refused
    return listed, []


def _entry_page(
    request: Request, session, user, listed, said, largest: int, status_code: int = 200, repeated=()
) -> Response:
    return _render(
        request,
        "workshops.html",
        status_code,
        page="workshops",
        user=user,
        csrf=session.csrf_token,
        visitors=listed,
        labels=workshops.group_labels(diagnostic_contents()[0]),
        said=said,
        repeated=list(dict.fromkeys(repeated)),  # codes to offer "another person with this code" for
        largest=largest,
        choices=LARGEST_CHOICES,
        most=workshops.MOST_CODES,
    )


@router.get("/ateliers")
def entry(request: Request, who: LoggedIn) -> Response:
    session, user = who
    contents, problems = diagnostic_contents()
    if problems or not contents:
        return _broken_content(request, user, session.csrf_token, problems)
    return _entry_page(request, session, user, [], [], LARGEST)


@router.post("/ateliers")
def change_list(
    request: Request,
    who: LoggedIn,
    csrf: Annotated[str, Form(max_length=100)] = "",
    codes: Annotated[list[str] | None, Form()] = None,
    code: Annotated[str, Form(max_length=CODE_LENGTH)] = "",
    colle: Annotated[str, Form(max_length=PASTE_LENGTH)] = "",
    encore: Annotated[str, Form(max_length=CODE_LENGTH)] = "",
    retirer: Annotated[str, Form(max_length=CODE_LENGTH)] = "",
    vider: Annotated[str, Form(max_length=10)] = "",
    retour: Annotated[str, Form(max_length=10)] = "",
    taille: Annotated[str, Form(max_length=10)] = str(LARGEST),
) -> Response:
    """Adds what was typed or pasted, adds a repeated code again, removes one, empties the list, or shows
    it again (back from the workshops)."""
    session, user = who
    if not sessions.csrf_ok(session, csrf):
        return _expired(request)
    contents, problems = diagnostic_contents()
    if problems or not contents:
        return _broken_content(request, user, session.csrf_token, problems)
    largest, size_problem = _largest(taille)
    listed, said = _listed(codes or [], contents)
    repeated: list[str] = []
    if retour:
        pass  # back from the workshops: the list as it was
    elif vider:
        listed, said = [], [Message("good", "La liste est vide.")]
    elif retirer:
        listed = workshops.remove(listed, retirer)
        said.append(Message("good", f"Code retiré : {retirer}."))
    elif encore:
        listed, notices = workshops.add_again(listed, encore, contents)
        said += workshops.messages(notices)
    else:
        typed = workshops.split_pasted(code) + workshops.split_pasted(colle)
        if not typed:
            said.append(Message("warning", "Aucun code reçu. Tapez un code, puis appuyez sur Entrée."))
        listed, notices = workshops.add(listed, typed, contents)
        said += workshops.messages(notices)
        repeated = [n.code for n in notices if n.kind == "duplicate"]
    if size_problem:
        said.append(size_problem)
    return _entry_page(request, session, user, listed, said, largest, repeated=repeated)


@router.post("/ateliers/groupes")
def proposal(
    request: Request,
    who: LoggedIn,
    csrf: Annotated[str, Form(max_length=100)] = "",
    codes: Annotated[list[str] | None, Form()] = None,
    taille: Annotated[str, Form(max_length=10)] = str(LARGEST),
) -> Response:
    """The workshops for the list, as a page to print."""
    session, user = who
    if not sessions.csrf_ok(session, csrf):
        return _expired(request)
    contents, problems = diagnostic_contents()
    if problems or not contents:
        return _broken_content(request, user, session.csrf_token, problems)
    largest, size_problem = _largest(taille)
    listed, said = _listed(codes or [], contents)
    if size_problem or said or not listed:
        if not listed and not said:
            said = [Message("warning", "La liste est vide. Ajoutez des codes avant de proposer des groupes.")]
        return _entry_page(
            request, session, user, listed, [*said, *filter(None, [size_problem])], largest, 400
        )
    found = workshops.propose(listed, contents, largest)
    return _render(
        request,
        "workshop_groups.html",
        page="workshops",
        user=user,
        csrf=session.csrf_token,
        workshops=found,
        visitors=listed,
        largest=largest,
        smallest=workshops.smallest_for(largest),
        choices=LARGEST_CHOICES,
        day=_today(),
    )


def _today() -> str:
    today = datetime.now(stats.PARIS).date()
    return f"{today.day} {stats.MONTHS[today.month - 1]} {today.year}"


@router.get("/static/ateliers.js")
def script() -> Response:
    text = (HERE / "static" / "ateliers.js").read_text(encoding="utf-8")
    return Response(text, media_type="text/javascript", headers={"Cache-Control": "max-age=3600"})
