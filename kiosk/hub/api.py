"""The terminals' API: `POST /api/v1/usage` (a batch of hourly counts, answered per row), `POST
/api/v1/heartbeat` (answered with the hub's time and the PIN hashes of the site's advisors), `GET
/api/v1/terminal` (whose token this is, for `kiosk check`), and the help calls: `POST /api/v1/help-calls` (a
call, stored once), `GET /api/v1/help-calls/{call_id}` (its state) and `POST /api/v1/help-
calls/{call_id}/cancel`. A terminal is known by its bearer token only, never by what its body says; every
request counts against its rate limit, kept in the database so that every hub process shares it."""

from __future__ import annotations

import time
import uuid
from datetime import UTC, datetime
from typing import Annotated, TypeVar

from fastapi import APIRouter, Header, HTTPException, Request, status
from fastapi.concurrency import run_in_threadpool
from fastapi.exceptions import RequestValidationError
from pydantic import BaseModel, ValidationError
from sqlalchemy import Connection

from kiosk.advisor.call_states import MoveRefused
from kiosk.hub import help_calls, ingest, terminals, users
from kiosk.hub.schemas import (
    Heartbeat,
    HeartbeatAnswer,
    HelpCall,
    HelpCallAnswer,
    TerminalAdvisor,
    UsageAnswer,
    UsageBatch,
)
from kiosk.hub.terminals import Terminal

router = APIRouter(prefix="/api/v1")

M = TypeVar("M", bound=BaseModel)

RATE_LIMIT = 600  # requests per terminal and minute: a 30-day backlog is 72 batches


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


@router.get("/help-calls/{call_id}")
def help_call_state(
    call_id: str, request: Request, authorization: Annotated[str | None, Header()] = None
) -> HelpCallAnswer:
    with request.app.state.engine.begin() as connection:
        stored = help_calls.find(connection, authenticate(connection, request, authorization), call_id)
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
