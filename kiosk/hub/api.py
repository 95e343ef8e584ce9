"""The terminals' API: `POST /api/v1/usage` (a batch of hourly counts, answered per row),
`POST /api/v1/heartbeat`, and `GET /api/v1/terminal` (whose token this is, for `kiosk check`). A terminal
is known by its bearer token only, never by what its body says; every request counts against its rate
limit, kept in the database so that every hub process shares it."""

from __future__ import annotations

import time
import uuid
from datetime import UTC, datetime
from typing import Annotated

from fastapi import APIRouter, Depends, Header, HTTPException, Request, status

from kiosk.hub import ingest, terminals
from kiosk.hub.schemas import Heartbeat, HeartbeatAnswer, UsageAnswer, UsageBatch
from kiosk.hub.terminals import Terminal

router = APIRouter(prefix="/api/v1")

RATE_LIMIT = 600  # requests per terminal and minute: a 30-day backlog is 72 batches


def authenticated(request: Request, authorization: Annotated[str | None, Header()] = None) -> Terminal:
    scheme, _, token = (authorization or "").partition(" ")
    with request.app.state.engine.begin() as connection:
        terminal = terminals.by_token(connection, token.strip()) if scheme.lower() == "bearer" else None
        if terminal is None:
            raise HTTPException(
                status.HTTP_401_UNAUTHORIZED,
                "unknown or revoked token",
                headers={"WWW-Authenticate": "Bearer"},
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


@router.post("/usage")
def receive_usage(
    batch: UsageBatch,
    request: Request,
    terminal: Annotated[Terminal, Depends(authenticated)],
    idempotency_key: Annotated[str | None, Header()] = None,
) -> UsageAnswer:
    if idempotency_key is None or _uuid(idempotency_key) != batch.batch_id:
        raise HTTPException(
            status.HTTP_422_UNPROCESSABLE_CONTENT, "the Idempotency-Key header must be the batch_id"
        )
    with request.app.state.engine.begin() as connection:
        answers = ingest.store_usage(connection, terminal, batch)
    return UsageAnswer(batch_id=str(batch.batch_id), answers=answers)


@router.get("/terminal")
def whoami(terminal: Annotated[Terminal, Depends(authenticated)]) -> dict[str, str]:
    """Which terminal the token opens: `kiosk check` compares it with the terminal's own site.yaml."""
    return {"site_id": terminal.site_id, "terminal_id": terminal.terminal_id}


@router.post("/heartbeat")
def receive_heartbeat(
    beat: Heartbeat, request: Request, terminal: Annotated[Terminal, Depends(authenticated)]
) -> HeartbeatAnswer:
    with request.app.state.engine.begin() as connection:
        ingest.store_heartbeat(connection, terminal, beat)
    return HeartbeatAnswer(server_time=datetime.now(UTC).isoformat(timespec="seconds"))


def _uuid(text: str) -> uuid.UUID | None:
    try:
        return uuid.UUID(text)
    except ValueError:
        return None
