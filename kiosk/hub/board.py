"""The advisors' board, `/conseillers`: the open calls of the sites the logged-in user serves (every site for
a user limited to none), oldest first (they waited longest) or newest first, and those ended in the last 10
minutes; buttons for each next state ("J'ai vu", "J'arrive", "Terminé") and "Libérer la borne".

- Without a script it is a plain page: each button is a form that POSTs (with the session's CSRF token) and
  comes back to the page; "Actualiser la liste" reloads it.
- With its own script (static/board.js, from this hub only), it is live: `/conseillers/flux` is a stream of
  server-sent events, one `call` event (the call as `call_json` gives it) for each change of a call of the
  user's sites, `reload` when the process's listener may have missed changes, and a keep-alive comment every
  15 s. On each (re)connection the script reloads the list from `/conseillers/appels.json`. The buttons then
  POST with `Accept: application/json` and get the call back as JSON.

A move goes through kiosk/hub/help_calls.py `move_for_advisor` (403 for a call of another site, 409 for a
move backwards or out of an ended call), in a transaction that takes SQLite's write lock first."""

from __future__ import annotations

import asyncio
import json
from datetime import datetime
from typing import Annotated

from fastapi import APIRouter, Form, Request, Response
from fastapi.responses import JSONResponse, RedirectResponse, StreamingResponse

from kiosk.advisor.call_states import ENDED, MoveRefused
from kiosk.hub import board_words, database, help_calls, sessions
from kiosk.hub.board_changes import RELOAD
from kiosk.hub.board_listener import live
from kiosk.hub.help_calls import BoardCall, NotYourSite
from kiosk.hub.pages import HERE, LoggedIn, _expired, _render
from kiosk.hub.terminals import now_utc
from kiosk.hub.users import User

router = APIRouter()

KEEP_ALIVE = 15.0  # seconds between two comments on a quiet stream (proxies close silent connections)
# The board's own script and its live stream, from this hub only; nothing else changes from the pages' rule.
BOARD_CSP = (
    "default-src 'none'; script-src 'self'; connect-src 'self'; style-src 'self' 'unsafe-inline'; "
    "img-src 'self' data:; form-action 'self'; frame-ancestors 'none'; base-uri 'none'"
)
ORDERS = {"anciens": False, "recents": True}  # ?ordre=…: newest first?


def call_json(call: BoardCall, now: datetime) -> dict:
    """A call as the board shows it, in words; the same for the page, its JSON and its stream."""
    ended = call.state in ENDED
    return {
        "id": call.id,
        "ticket": call.ticket,
        "topic": board_words.topic(call.topic),
        "state": call.state,
        "state_words": board_words.STATES.get(call.state, call.state),
        "site": call.site_id,
        "terminal": call.terminal_id,
        "waited_seconds": max(0, int((now - call.created_at).total_seconds())),
        "waited": board_words.waited((now - call.created_at).total_seconds()),
        "ended": ended,
        "ended_seconds": int((now - call.ended_at).total_seconds()) if call.ended_at else None,
        "ended_words": board_words.ended(call.state, call.ended_at),
        "release_words": board_words.release(call.release_asked_at, call.released_at),
        "can_release": not ended and call.release_asked_at is None,
        "moves": [{"state": s, "label": label} for s, label in board_words.next_moves(call.state)],
    }


def _order(ordre: str | None) -> str:
    return ordre if ordre in ORDERS else "anciens"


def _calls(request: Request, user: User, ordre: str) -> list[dict]:
    now = now_utc()
    with request.app.state.engine.connect() as connection:
        calls = help_calls.board_calls(connection, user.sites, now, newest_first=ORDERS[ordre])
    return [call_json(c, now) for c in calls]


def _page(request: Request, who, ordre: str, message: str | None = None, status_code: int = 200) -> Response:
    session, user = who
    calls = _calls(request, user, ordre)
    open_calls = [c for c in calls if not c["ended"]]
    response = _render(
        request,
        "board.html",
        status_code,
        page="board",
        user=user,
        csrf=session.csrf_token,
        open_calls=open_calls,
        ended_calls=[c for c in calls if c["ended"]],
        title=board_words.title(sum(c["state"] == "sent" for c in open_calls)),
        ordre=ordre,
        message=message,
    )
    response.headers["Content-Security-Policy"] = BOARD_CSP
    return response


@router.get("/conseillers")
def board_page(request: Request, who: LoggedIn, ordre: str | None = None) -> Response:
    return _page(request, who, _order(ordre))


@router.get("/conseillers/appels.json")
def board_list(request: Request, who: LoggedIn, ordre: str | None = None) -> Response:
    calls = _calls(request, who[1], _order(ordre))
    new = sum(c["state"] == "sent" and not c["ended"] for c in calls)
    return JSONResponse(
        {"calls": calls, "title": board_words.title(new)}, headers={"Cache-Control": "no-store"}
    )


@router.get("/conseillers/flux")
async def board_stream(request: Request, who: LoggedIn) -> Response:
    session, user = who
    changes = await live(request.app)
    subscription = changes.subscribe(sites=user.sites)
    engine = request.app.state.engine

    def still_logged_in() -> bool:
        with engine.connect() as connection:
            return sessions.find(connection, session.token) is not None

    async def events():
        try:
            yield "retry: 2000\n\n"
            while True:
                try:
                    item = await asyncio.wait_for(subscription.queue.get(), KEEP_ALIVE)
                except TimeoutError:
                    if not await asyncio.to_thread(still_logged_in):
                        yield "event: logged-out\ndata: {}\n\n"
                        return
                    yield ": keep-alive\n\n"
                    continue
                if item == RELOAD:
                    yield "event: reload\ndata: {}\n\n"
                else:
                    yield f"event: call\ndata: {json.dumps(call_json(item, now_utc()))}\n\n"
        finally:
            changes.unsubscribe(subscription)

    return StreamingResponse(
        events(),
        media_type="text/event-stream",
        headers={"Cache-Control": "no-store", "X-Accel-Buffering": "no"},  # nginx: pass each event on
    )


def _wants_json(request: Request) -> bool:
    return "application/json" in request.headers.get("accept", "")


def _act(request: Request, who, call: int, csrf: str, ordre: str, act) -> Response:
    """Runs `act(connection, sites, call, now)` for the board's buttons; answers as the asker expects."""
    session, user = who
    if not sessions.csrf_ok(session, csrf):
        return _expired(request)
    try:
        with database.immediate(request.app.state.engine) as connection:
            moved = act(connection, user.sites, call, now_utc())
    except NotYourSite:
        return _refused(request, who, ordre, 403, "Cet appel vient d'un site que vous ne suivez pas.")
    except MoveRefused as refusal:
        message = (
            "Cet appel est déjà terminé."
            if "already" in str(refusal)
            else "Un autre conseiller a déjà fait avancer cet appel."
        )
        return _refused(request, who, ordre, 409, message)
    if moved is None:
        return _refused(request, who, ordre, 404, "Cet appel n'existe pas.")
    if _wants_json(request):
        return JSONResponse({"call": call_json(moved, now_utc())})
    return RedirectResponse(f"/conseillers?ordre={ordre}", status_code=303)


def _refused(request: Request, who, ordre: str, status_code: int, message: str) -> Response:
    if _wants_json(request):
        return JSONResponse({"error": message}, status_code=status_code)
    return _page(request, who, ordre, message, status_code)


@router.post("/conseillers/appels/{call}/etat")
def move_call(
    request: Request,
    who: LoggedIn,
    call: int,
    etat: Annotated[str, Form(max_length=12)] = "",
    csrf: Annotated[str, Form(max_length=100)] = "",
    ordre: Annotated[str, Form(max_length=12)] = "",
) -> Response:
    if etat not in board_words.BUTTONS:
        return _refused(request, who, _order(ordre), 400, "Ce bouton n'existe pas.")

    def act(connection, sites, call_id, now):
        return help_calls.move_for_advisor(connection, sites, call_id, etat, now)

    return _act(request, who, call, csrf, _order(ordre), act)


@router.post("/conseillers/appels/{call}/liberer")
def release_terminal(
    request: Request,
    who: LoggedIn,
    call: int,
    csrf: Annotated[str, Form(max_length=100)] = "",
    ordre: Annotated[str, Form(max_length=12)] = "",
) -> Response:
    return _act(request, who, call, csrf, _order(ordre), help_calls.ask_release)


@router.get("/static/board.js")
def script() -> Response:
    return _static("board.js", "text/javascript")


@router.get("/static/board.css")
def stylesheet() -> Response:
    return _static("board.css", "text/css")


def _static(name: str, media_type: str) -> Response:
    body = (HERE / "static" / name).read_text(encoding="utf-8")
    return Response(body, media_type=media_type, headers={"Cache-Control": "max-age=300"})
