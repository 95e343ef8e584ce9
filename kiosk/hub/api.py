"""The terminals' API, each request known by its bearer token only (never by what its body says) and counted
against the terminal's rate limit, kept in the database so that every hub process shares it:

- `POST /api/v1/usage`: a batch of hourly counts, answered per row;
- `POST /api/v1/heartbeat`: answered with the hub's time and the advisors of the terminal's site (name,
  role, PIN hash);
- `GET /api/v1/terminal`: whose token this is, for `kiosk check`;
- help calls: `POST /api/v1/help-calls` (a call, stored once), `GET /api/v1/help-calls` (the open calls
  of the terminal's site), `GET /api/v1/help-calls/{call_id}` (its state and whether an advisor asked the
  terminal to end the session; `?known=STATE&wait=SECONDS` waits for a change), `POST …/{call_id}/cancel`
  and `POST …/{call_id}/released` (the terminal ended the session an advisor asked it to end)."""

from __future__ import annotations

import asyncio
import time
import uuid
from datetime import UTC, datetime
from typing import Annotated, TypeVar

from fastapi import APIRouter, Header, HTTPException, Query, Request, status
from fastapi.concurrency import run_in_threadpool
from fastapi.exceptions import RequestValidationError
from pydantic import BaseModel, ValidationError
from sqlalchemy import Connection

from kiosk.advisor.call_states import MoveRefused, State
from kiosk.hub import help_calls, ingest, terminals, users
from kiosk.hub.board_listener import live
from kiosk.hub.schemas import (
    Heartbeat,
    HeartbeatAnswer,
    HelpCall,
    HelpCallAnswer,
    SiteCall,
    TerminalAdvisor,
    UsageAnswer,
    UsageBatch,
)
from kiosk.hub.terminals import Terminal

router = APIRouter(prefix="/api/v1")

M = TypeVar("M", bound=BaseModel)

RATE_LIMIT = 600  # requests per terminal and minute: a 30-day backlog is 72 batches
MAX_WAIT = 25  # seconds a long poll of a help call may wait: under the usual 30 s of a proxy's read timeout


def authenticate(connection: Connection, request: Request, authorization: str | None) -> Terminal:
    """The terminal whose bearer token this is, its request counted (401 or 429 when it may not go on). In the
    transaction of the request's own work: one connection and one commit a request."""
    scheme, _, token = (authorization or "").partition(" ")
    terminal = terminals.by_token(connection, token.strip()) if scheme.lower() == "bearer" else None
    if terminal is None:
        raise HTTPException(
            status.HTTP_401_UNAUTHORIZED, "unknown or revoked token", headers={"WWW-Authenticate": "Bearer"}
        )
    minute = int(time.time() // 60)
    if ingest.count_request(connection, terminal, minute) > request.app.state.rate_limit:
        raise HTTPException(
            status.HTTP_429_TOO_MANY_REQUESTS,
            "too many requests from this terminal",
            headers={"Retry-After": str(60 - int(time.time()) % 60)},
        )
    if minute % 10 == 0:
        ingest.forget_old_request_counts(connection, minute - 10)
    return terminal


def parsed(model: type[M], body: bytes) -> tuple[M | None, Exception | None]:
    """The body as `model`, or the 422 to raise once the request is counted. Bodies are read by hand, after
    the token: a revoked terminal is told so (401, it pauses) whatever it sent (422 would make it drop)."""
    try:
        return model.model_validate_json(body), None
    except ValidationError as error:
        return None, RequestValidationError(error.errors(include_url=False, include_context=False))


@router.post("/usage")
async def receive_usage(
    request: Request,
    authorization: Annotated[str | None, Header()] = None,
    idempotency_key: Annotated[str | None, Header()] = None,
) -> UsageAnswer:
    return await run_in_threadpool(_usage, request, await request.body(), authorization, idempotency_key)


def _usage(request: Request, body: bytes, authorization: str | None, key: str | None) -> UsageAnswer:
    with request.app.state.engine.begin() as connection:
        terminal = authenticate(connection, request, authorization)
        batch, refused = parsed(UsageBatch, body)
        if batch is not None and (key is None or _uuid(key) != batch.batch_id):
            refused = HTTPException(
                status.HTTP_422_UNPROCESSABLE_CONTENT, "the Idempotency-Key header must be the batch_id"
            )
        answers = ingest.store_usage(connection, terminal, batch) if refused is None else []
    if refused is not None:
        raise refused
    return UsageAnswer(batch_id=str(batch.batch_id), answers=answers)


@router.get("/terminal")
def whoami(request: Request, authorization: Annotated[str | None, Header()] = None) -> dict[str, str]:
    """Which terminal the token opens: `kiosk check` compares it with the terminal's own site.yaml."""
    with request.app.state.engine.begin() as connection:
        terminal = authenticate(connection, request, authorization)
    return {"site_id": terminal.site_id, "terminal_id": terminal.terminal_id}


@router.post("/heartbeat")
async def receive_heartbeat(
    request: Request, authorization: Annotated[str | None, Header()] = None
) -> HeartbeatAnswer:
    return await run_in_threadpool(_heartbeat, request, await request.body(), authorization)


def _heartbeat(request: Request, body: bytes, authorization: str | None) -> HeartbeatAnswer:
    with request.app.state.engine.begin() as connection:
        terminal = authenticate(connection, request, authorization)
        beat, refused = parsed(Heartbeat, body)
        if refused is None:
            ingest.store_heartbeat(connection, terminal, beat)
            advisors = [TerminalAdvisor(**vars(a)) for a in users.pins_for_site(connection, terminal.site_id)]
    if refused is not None:
        raise refused
    return HeartbeatAnswer(server_time=datetime.now(UTC).isoformat(timespec="seconds"), advisors=advisors)


@router.post("/help-calls")
async def receive_help_call(
    request: Request, authorization: Annotated[str | None, Header()] = None
) -> HelpCallAnswer:
    return await run_in_threadpool(_help_call, request, await request.body(), authorization)


def _help_call(request: Request, body: bytes, authorization: str | None) -> HelpCallAnswer:
    with request.app.state.engine.begin() as connection:
        terminal = authenticate(connection, request, authorization)
        call, refused = parsed(HelpCall, body)
        stored = (
            help_calls.receive(connection, terminal, call, terminals.now_utc()) if refused is None else None
        )
    if refused is not None:
        raise refused
    return HelpCallAnswer(**vars(stored))


@router.get("/help-calls")
def site_calls(request: Request, authorization: Annotated[str | None, Header()] = None) -> list[SiteCall]:
    """The open calls of the terminal's own site, oldest first."""
    with request.app.state.engine.begin() as connection:
        terminal = authenticate(connection, request, authorization)
        calls = help_calls.open_calls_of_site(connection, terminal.site_id)
    return [
        SiteCall(
            call_id=c.call_id,
            ticket=c.ticket,
            topic=c.topic,
            state=c.state,
            terminal_id=c.terminal_id,
            created_at=c.created_at.replace(tzinfo=UTC).isoformat(timespec="seconds"),
        )
        for c in calls
    ]


@router.get("/help-calls/{call_id}")
async def help_call_state(
    call_id: str,
    request: Request,
    authorization: Annotated[str | None, Header()] = None,
    known: State | None = None,
    wait: Annotated[float, Query(ge=0, le=MAX_WAIT)] = 0,
) -> HelpCallAnswer:
    """The call's state. With `known` and `wait`, a long poll: the answer comes as soon as the state differs
    from `known` or a release is asked, else after `wait` seconds with the state as it is then. No database
    connection is held while it waits: the process's change listener (hub/board_listener.py) wakes it."""
    view = await run_in_threadpool(_call_view, request, authorization, call_id)
    if known is None or wait == 0 or _news(view, known):
        return HelpCallAnswer(**vars(view.stored()))
    changes = await live(request.app)
    subscription = changes.subscribe(call=view.id)
    try:
        deadline = asyncio.get_running_loop().time() + wait
        view = await run_in_threadpool(_reread, request, view.id)  # what changed before it subscribed
        while not _news(view, known):
            left = deadline - asyncio.get_running_loop().time()
            if left <= 0:
                break
            try:
                item = await asyncio.wait_for(subscription.queue.get(), left)
            except TimeoutError:
                break
            view = (
                item
                if isinstance(item, help_calls.BoardCall)
                else await run_in_threadpool(_reread, request, view.id)
            )
    finally:
        changes.unsubscribe(subscription)
    if not _news(view, known):
        view = await run_in_threadpool(_reread, request, view.id)
    return HelpCallAnswer(**vars(view.stored()))


def _news(view: help_calls.BoardCall, known: str) -> bool:
    return view.state != known or view.release


def _call_view(request: Request, authorization: str | None, call_id: str) -> help_calls.BoardCall:
    with request.app.state.engine.begin() as connection:
        view = help_calls.find_view(connection, authenticate(connection, request, authorization), call_id)
    if view is None:
        raise HTTPException(status.HTTP_404_NOT_FOUND, "no such call from this terminal")
    return view


def _reread(request: Request, call: int) -> help_calls.BoardCall:
    with request.app.state.engine.connect() as connection:
        return help_calls.by_ids(connection, [call])[0]


@router.post("/help-calls/{call_id}/released")
def help_call_released(
    call_id: str, request: Request, authorization: Annotated[str | None, Header()] = None
) -> HelpCallAnswer:
    """The terminal ended the visitor's session, as an advisor asked from the board ("Libérer la borne"):
    the call ends (kiosk/hub/help_calls.py `released` says how). Saying it twice changes nothing; 409 when
    no advisor asked."""
    with request.app.state.engine.begin() as connection:
        terminal = authenticate(connection, request, authorization)
        try:
            stored = help_calls.released(connection, terminal, call_id, terminals.now_utc())
        except MoveRefused as refusal:
            stored, conflict = None, str(refusal)
        else:
            conflict = None
    if conflict is not None:
        raise HTTPException(status.HTTP_409_CONFLICT, conflict)
    if stored is None:
        raise HTTPException(status.HTTP_404_NOT_FOUND, "no such call from this terminal")
    return HelpCallAnswer(**vars(stored))


@router.post("/help-calls/{call_id}/cancel")
def cancel_help_call(
    call_id: str, request: Request, authorization: Annotated[str | None, Header()] = None
) -> HelpCallAnswer:
    """The visitor cancelled, or their session ended with the call still open. A call already done stays
    done (409): the advisor came."""
    with request.app.state.engine.begin() as connection:
        terminal = authenticate(connection, request, authorization)
        try:
            stored = help_calls.move(connection, terminal, call_id, "cancelled", terminals.now_utc())
        except MoveRefused as refusal:
            stored, conflict = None, str(refusal)
        else:
            conflict = None
    if conflict is not None:
        raise HTTPException(status.HTTP_409_CONFLICT, conflict)
    if stored is None:
        raise HTTPException(status.HTTP_404_NOT_FOUND, "no such call from this terminal")
    return HelpCallAnswer(**vars(stored))


def _uuid(text: str) -> uuid.UUID | None:
    try:
        return uuid.UUID(text)
    except ValueError:
        return None
