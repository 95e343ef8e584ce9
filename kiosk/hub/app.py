"""The hub's web application: the terminals' API, the network managers' pages and the health check, over
one database engine.

`create_app(url)` builds it; `from_environment()` is what each uvicorn worker process calls (the URL in
`$ILOT_HUB_DB`, set by `kiosk hub serve`). No page loads anything from another site: the API's interactive
docs, which come from a CDN, are off."""

from __future__ import annotations

import os

from fastapi import FastAPI
from sqlalchemy import text

from kiosk.hub import api, board, lockout, pages, workshops_pages
from kiosk.hub.database import default_url, engine_for
from kiosk.hub.limits import BodyLimit

DB_VARIABLE = "ILOT_HUB_DB"
RATE_VARIABLE = "ILOT_HUB_RATE_LIMIT"  # requests per terminal and minute (tests lower it)
INSECURE_COOKIES_VARIABLE = "ILOT_HUB_INSECURE_COOKIES"


def create_app(
    url: str,
    *,
    rate_limit: int = api.RATE_LIMIT,
    secure_cookies: bool = True,
    login_limits: lockout.Limits | None = None,
) -> FastAPI:
    app = FastAPI(title="Îlot hub", docs_url=None, redoc_url=None, openapi_url=None)
    app.state.engine = engine_for(url)
    app.state.rate_limit = rate_limit
    app.state.secure_cookies = secure_cookies
    app.state.login_limits = login_limits or lockout.Limits()
    app.include_router(api.router)
    app.include_router(pages.router)
    app.include_router(board.router)
    app.include_router(workshops_pages.router)
    app.add_exception_handler(pages.LoginRequired, pages.login_required)

    @app.get("/healthz")
    def health() -> dict[str, str]:
        with app.state.engine.connect() as connection:
            connection.execute(text("SELECT 1"))
        return {"status": "ok"}

    app.add_middleware(BodyLimit)
    return app


def from_environment() -> FastAPI:
    rate = os.environ.get(RATE_VARIABLE)
    url = os.environ.get(DB_VARIABLE) or default_url()
    return create_app(
        url,
        rate_limit=int(rate) if rate else api.RATE_LIMIT,
        secure_cookies=os.environ.get(INSECURE_COOKIES_VARIABLE) != "1",
    )
