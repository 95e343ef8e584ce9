"""The network managers' pages: login and logout, the statistics (with a CSV of every table) and the fleet.
Server-rendered with Jinja2 (autoescape on: whatever a terminal or a config sent is shown as text), no
script, nothing from another site. Every page and CSV keeps to the sites the user may see; every POST
carries its session's CSRF token. The login form has its own pre-login session cookie, so that opening it
never replaces a logged-in session's cookie."""

from __future__ import annotations

import csv
import io
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Annotated
from urllib.parse import quote

from fastapi import APIRouter, Depends, Form, HTTPException, Request, Response
from fastapi.responses import RedirectResponse
from fastapi.templating import Jinja2Templates
from jinja2 import Environment, FileSystemLoader
from sqlalchemy import Connection

from kiosk.hub import charts, device_words, fleet, lockout, report, sessions, stats, users
from kiosk.hub.report import HIDDEN, Table
from kiosk.hub.sessions import Session
from kiosk.hub.terminals import now_utc
from kiosk.hub.users import User

HERE = Path(__file__).parent
LOGIN_COOKIE = "ilot_login"
SECURITY_HEADERS = {
    # The charts' SVG carries its own <style>: inline styles are allowed, scripts are not, at all.
    "Content-Security-Policy": "default-src 'none'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; "
    "form-action 'self'; frame-ancestors 'none'; base-uri 'none'",
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "same-origin",
    "Cache-Control": "no-store",
}


def _count(value: object) -> str:
    if value is None:
        return HIDDEN
    if isinstance(value, int):
        return f"{value:,}".replace(",", "\u202f")  # French grouping: a narrow no-break space
    return str(value)


environment = Environment(loader=FileSystemLoader(HERE / "templates"), autoescape=True)
environment.filters["count"] = _count
environment.globals["duration"] = fleet.duration
environment.globals["printer_words"] = device_words.printer_words
environment.globals["scanner_words"] = device_words.scanner_words
templates = Jinja2Templates(env=environment)
router = APIRouter()


class LoginRequired(Exception):
    def __init__(self, back: str):
        self.back = back


async def login_required(request: Request, error: LoginRequired) -> Response:
    return RedirectResponse(f"/connexion?suite={quote(error.back)}", status_code=303)


def _secured(response: Response) -> Response:
    response.headers.update(SECURITY_HEADERS)
    return response


def _render(request: Request, name: str, status_code: int = 200, **context) -> Response:
    return _secured(templates.TemplateResponse(request, name, context, status_code=status_code))


def _set_cookie(request: Request, response: Response, name: str, value: str) -> None:
    response.set_cookie(
        name, value, httponly=True, secure=request.app.state.secure_cookies, samesite="strict", path="/"
    )


def _back(request: Request) -> str:
    return request.url.path + (f"?{request.url.query}" if request.url.query else "")


def logged_in(request: Request) -> tuple[Session, User]:
    """The session and user of this request, or a redirection to the login page."""
    with request.app.state.engine.connect() as connection:
        session = sessions.find(connection, request.cookies.get(sessions.COOKIE))
        user = users.by_id(connection, session.user_id) if session and session.user_id else None
    if session is None or user is None:
        raise LoginRequired(_back(request))
    return session, user


LoggedIn = Annotated[tuple[Session, User], Depends(logged_in)]


def _safe_next(back: str | None) -> str:
    # Only a path of this site: never "//elsewhere" or "https://elsewhere".
    if back and back.startswith("/") and not back.startswith(("//", "/\\")):
        return back
    return "/statistiques"


@router.get("/")
def home() -> Response:
    return RedirectResponse("/statistiques", status_code=303)


@router.get("/static/hub.css")
def stylesheet() -> Response:
    css = (HERE / "static" / "hub.css").read_text(encoding="utf-8")
    return Response(css, media_type="text/css", headers={"Cache-Control": "max-age=3600"})


@router.get("/connexion")
def login_form(request: Request, suite: str | None = None) -> Response:
    with request.app.state.engine.begin() as connection:
        current = sessions.find(connection, request.cookies.get(sessions.COOKIE))
        if current is not None and current.user_id is not None:
            return RedirectResponse(_safe_next(suite), status_code=303)
        form = sessions.find(connection, request.cookies.get(LOGIN_COOKIE))
        fresh = form is None or form.user_id is not None
        if fresh:
            form = sessions.start(connection)
    response = _render(request, "login.html", csrf=form.csrf_token, suite=_safe_next(suite), user=None)
    if fresh:
        _set_cookie(request, response, LOGIN_COOKIE, form.token)
    return response


@router.post("/connexion")
def login(
    request: Request,
    email: Annotated[str, Form(max_length=254)] = "",
    password: Annotated[str, Form(max_length=1024)] = "",
    csrf: Annotated[str, Form(max_length=100)] = "",
    suite: Annotated[str, Form(max_length=2000)] = "",
) -> Response:
    with request.app.state.engine.begin() as connection:
        form = sessions.find(connection, request.cookies.get(LOGIN_COOKIE))
        if form is None or form.user_id is not None or not sessions.csrf_ok(form, csrf):
            return _expired(request)

        def again(message: str, status_code: int) -> Response:
            return _render(
                request,
                "login.html",
                status_code,
                csrf=form.csrf_token,
                suite=_safe_next(suite),
                email=email,
                error=message,
                user=None,
            )

        keys = lockout.subjects(email, request.client.host if request.client else None)
        until = lockout.locked_until(connection, list(keys.values()))
        if until is not None:
            return again(_locked_message(until), 429)
        user = users.authenticate(connection, email, password)
        if user is None:
            limits = request.app.state.login_limits
            lockout.record_failure(connection, keys["account"], limits.account)
            if "address" in keys:
                lockout.record_failure(connection, keys["address"], limits.address)
            return again("L'adresse e-mail ou le mot de passe ne va pas. Vérifiez-les et réessayez.", 400)
        lockout.forget(connection, keys["account"])
        sessions.end(connection, form.token)
        sessions.forget_expired(connection)
        session = sessions.start(connection, user.id)
    target = _safe_next(suite)
    if user.role in users.AT_TERMINALS and target == _safe_next(None):
        target = "/conseillers"  # an advisor's first page is the board
    response = RedirectResponse(target, status_code=303)
    _set_cookie(request, response, sessions.COOKIE, session.token)
    response.delete_cookie(LOGIN_COOKIE, path="/")
    return _secured(response)


def _locked_message(until: datetime) -> str:
    wait = fleet.duration(until - now_utc() + timedelta(seconds=59))  # rounded up
    if wait.startswith("moins"):
        wait = "une minute"
    return (
        "Trop d'essais de connexion. Pour protéger le compte, la connexion est bloquée un moment. "
        f"Réessayez dans {wait}."
    )


def _expired(request: Request) -> Response:
    return _render(request, "expired.html", 403, user=None)


@router.post("/deconnexion")
def logout(request: Request, who: LoggedIn, csrf: Annotated[str, Form(max_length=100)] = "") -> Response:
    session, _user = who
    if not sessions.csrf_ok(session, csrf):
        return _expired(request)
    with request.app.state.engine.begin() as connection:
        sessions.end(connection, session.token)
    response = RedirectResponse("/connexion", status_code=303)
    response.delete_cookie(sessions.COOKIE, path="/")
    return _secured(response)


def _scope(
    connection: Connection, user: User, site: str | None, borne: str | None
) -> tuple[stats.Scope, list[tuple[int, str, str]]]:
    visible = stats.visible_terminals(connection, user.sites)
    site = site or None
    if site is not None and not user.may_see(site):
        raise HTTPException(404)
    terminal = None
    if borne:
        if not borne.isdigit() or int(borne) not in {t[0] for t in visible}:
            raise HTTPException(404)
        terminal = int(borne)
    return stats.Scope(user.sites, site, terminal), visible


def _period(periode: str | None, jour: str | None) -> stats.Period:
    kind = periode if periode in stats.KINDS else "mois"
    try:
        day = date.fromisoformat(jour) if jour else None
    except ValueError:
        day = None
    if day is None:
        day = datetime.now(stats.PARIS).date()
    return stats.period_containing(kind, day)


def _report(request: Request, user: User, periode, jour, site, borne):
    period = _period(periode, jour)
    with request.app.state.engine.connect() as connection:
        scope, visible = _scope(connection, user, site, borne)
        built = report.build(
            period,
            stats.totals(connection, scope, period),
            stats.hourly(connection, scope, period, report.TIMED_METRICS),
            stats.by_terminal(connection, scope, period, report.TERMINAL_METRICS),
            stats.help_calls(connection, scope, period),
        )
    return built, scope, visible


@router.get("/statistiques")
def statistics(
    request: Request,
    who: LoggedIn,
    periode: str | None = None,
    jour: str | None = None,
    site: str | None = None,
    borne: str | None = None,
) -> Response:
    session, user = who
    built, scope, visible = _report(request, user, periode, jour, site, borne)
    filters = {"periode": built.period.kind, "site": scope.site or "", "borne": borne or ""}

    def link(day: date) -> str:
        return "/statistiques?" + _query(filters | {"jour": day.isoformat()})

    return _render(
        request,
        "stats.html",
        page="stats",
        user=user,
        csrf=session.csrf_token,
        report=built,
        charts={t.slug: charts.svg(t) for t in built.tables},
        query=_query(filters | {"jour": built.period.start.isoformat()}),
        previous=link(built.period.previous().start),
        following=link(built.period.next().start),
        sites=sorted({s for _, s, _ in visible}),
        terminals=visible,
        chosen=filters,
        day=built.period.start.isoformat(),
    )


def _query(params: dict[str, str]) -> str:
    return "&".join(f"{k}={quote(v)}" for k, v in params.items() if v)


@router.get("/statistiques/{slug}.csv")
def statistics_csv(
    request: Request,
    who: LoggedIn,
    slug: str,
    periode: str | None = None,
    jour: str | None = None,
    site: str | None = None,
    borne: str | None = None,
) -> Response:
    built, *_ = _report(request, who[1], periode, jour, site, borne)
    try:
        table = built.table(slug)
    except StopIteration:
        raise HTTPException(404) from None
    return _csv(table, f"ilot-{slug}-{built.period.kind}-{built.period.start.isoformat()}.csv")


def csv_text(table: Table) -> str:
    """The table as CSV, for a French spreadsheet (";" between cells), cell for cell as the page shows it."""
    out = io.StringIO()
    writer = csv.writer(out, delimiter=";", lineterminator="\r\n")
    writer.writerow(table.columns)
    for row in table.rows:
        writer.writerow([_csv_cell(cell) for cell in row])
    return out.getvalue()


def _csv_cell(cell: object) -> str:
    if cell is None:
        return HIDDEN
    text = str(cell)
    # A spreadsheet runs a cell that starts like a formula: a terminal's text must stay text.
    return "'" + text if text[:1] in ("=", "+", "-", "@", "\t", "\r") else text


def _csv(table: Table, filename: str) -> Response:
    return _secured(
        Response(
            "\ufeff" + csv_text(table),  # the BOM tells a spreadsheet the file is UTF-8
            media_type="text/csv; charset=utf-8",
            headers={"Content-Disposition": f'attachment; filename="{filename}"'},
        )
    )


def fleet_table(states: list[fleet.TerminalState]) -> Table:
    """The fleet as a table, for its CSV."""
    rows = []
    for s in states:
        b = s.beat
        rows.append(
            [
                s.site_id,
                s.terminal_id,
                "Retirée" if s.revoked else ("À voir" if s.needs_technician else "En ordre"),
                " ".join(s.problems),
                b.received_at.isoformat(sep=" ", timespec="minutes") if b else "",
                b.version if b else "",
                b.config_version if b else "",
                f"{device_words.printer_words(b.printer).text} ({b.printer})" if b else "",
                f"{device_words.scanner_words(b.scanner).text} ({b.scanner})" if b else "",
                b.free_disk_mb if b else "",
                b.backlog_rows if b else "",
                b.last_sync.isoformat(sep=" ", timespec="minutes") if b and b.last_sync else "",
            ]
        )
    columns = [
        "Site",
        "Borne",
        "État",
        "À faire",
        "Dernières nouvelles (UTC)",
        "Version",
        "Configuration",
        "Imprimante",
        "Scanner",
        "Disque libre (Mo)",
        "Comptes en attente",
        "Dernier envoi (UTC)",
    ]
    return Table("parc", "État des bornes", columns, rows, None, counts_from=len(columns))


@router.get("/parc")
def fleet_page(request: Request, who: LoggedIn) -> Response:
    session, user = who
    with request.app.state.engine.connect() as connection:
        states = fleet.states(connection, user.sites, now_utc())
    return _render(
        request,
        "fleet.html",
        page="fleet",
        user=user,
        csrf=session.csrf_token,
        states=states,
        to_see=sum(s.needs_technician for s in states),
    )


@router.get("/parc.csv")
def fleet_csv(request: Request, who: LoggedIn) -> Response:
    with request.app.state.engine.connect() as connection:
        states = fleet.states(connection, who[1].sites, now_utc())
    return _csv(fleet_table(states), "ilot-parc.csv")
