"""`kiosk hub …`: serve the hub, migrate its database, add, revoke and re-key terminals, add and remove
the network managers who log in to its pages and the advisors and technicians who log in to the board and
unlock their sites' terminals with a PIN, list them all. Every command takes
`--db URL` (default: a SQLite file in the hub's data folder). Only parsing and messages live here; the hub's
libraries are imported by `run` only, so that a terminal without them parses its own commands."""

from __future__ import annotations

import argparse
import os
import sys


def add_commands(commands: argparse._SubParsersAction) -> None:
    hub = commands.add_parser("hub", help="the central hub: serve it, migrate it, add terminals")
    verbs = hub.add_subparsers(dest="hub_command", required=True)

    def verb(name: str, text: str) -> argparse.ArgumentParser:
        parser = verbs.add_parser(name, help=text, description=text)
        parser.add_argument("--db", default=None, help="database URL (default: sqlite in $ILOT_HUB_DATA_DIR)")
        return parser

    serve = verb("serve", "run the hub's web service (migrates the database first)")
    serve.add_argument("--host", default="127.0.0.1")
    serve.add_argument("--port", type=int, default=8470)
    serve.add_argument("--workers", type=int, default=1, help="worker processes (uvicorn)")
    serve.add_argument(
        "--insecure-cookies",
        action="store_true",
        help="session cookies without Secure, for plain HTTP on loopback (a demo); never behind TLS",
    )
    verb("migrate", "bring the database to the latest schema")
    for name, text in (
        ("add-terminal", "register a terminal and print its token (shown once)"),
        ("rotate-token", "give a terminal a new token; the old one stops working"),
        ("revoke-terminal", "stop accepting a terminal's token; its counts stay"),
    ):
        parser = verb(name, text)
        parser.add_argument("terminal_id")
        parser.add_argument("--site", required=True, help="the site's id, as in its site.yaml")
    add_user = verb("add-user", "give a network manager a login to the statistics and fleet pages")
    add_user.add_argument("email")
    add_user.add_argument("--sites", default="", help="comma-separated site ids they may see (default: all)")
    add_user.add_argument(
        "--password-file", default=None, help="read the password from this file's first line (for scripts)"
    )
    remove_user = verb(
        "remove-user", "take away a login (their sessions end; an advisor's PIN leaves their terminals)"
    )
    remove_user.add_argument("email")
    add_advisor = verb(
        "add-advisor",
        "give an advisor or technician a login to the board and a PIN for their sites' terminals "
        "(the password, then the PIN, each asked twice, or one line each from stdin)",
    )
    add_advisor.add_argument("email")
    add_advisor.add_argument("--name", required=True, help="as the terminal's banner shows it: a first name")
    add_advisor.add_argument("--role", choices=("advisor", "technician"), required=True)
    add_advisor.add_argument(
        "--site", action="append", required=True, help="a site they serve (give --site again for more)"
    )
    set_pin = verb("set-pin", "give an advisor or technician a new PIN (asked twice, or a line from stdin)")
    set_pin.add_argument("email")
    verb("list-users", "every login: its role, name and sites")


def run(args: argparse.Namespace) -> int:
    try:
        from kiosk.hub import database, serve, terminals
    except ImportError as error:
        print(f"The hub's libraries are missing ({error.name}). Fix: pip install '.[hub]'", file=sys.stderr)
        return 2
    url = args.db or database.default_url()
    try:
        engine = database.engine_for(url)
        database.migrate(engine)
    except Exception as error:  # any driver's error: say which database and why
        print(f"Cannot open the hub's database {_shown(url)}: {error}", file=sys.stderr)
        return 1
    if args.hub_command == "migrate":
        print(f"Database {_shown(url)} is at the latest schema.")
        return 0
    if args.hub_command == "serve":
        if args.insecure_cookies:
            os.environ["ILOT_HUB_INSECURE_COOKIES"] = "1"
        return serve.serve(url, host=args.host, port=args.port, workers=args.workers)
    if args.hub_command in ("add-user", "remove-user", "add-advisor", "set-pin", "list-users"):
        return _user_command(engine, args)
    action = {
        "add-terminal": terminals.add,
        "rotate-token": terminals.rotate,
        "revoke-terminal": terminals.revoke,
    }[args.hub_command]
    try:
        with engine.begin() as connection:
            token = action(connection, args.site, args.terminal_id)
    except terminals.TerminalError as error:
        print(error, file=sys.stderr)
        return 1
    if token is None:
        print(f"{args.site}/{args.terminal_id} is revoked: its token no longer opens anything.")
    else:
        print(token)
        print(
            f"The token of {args.site}/{args.terminal_id}, shown this once. Put it in that terminal's "
            "site.yaml as hub_token.",
            file=sys.stderr,
        )
    return 0


def _user_command(engine, args: argparse.Namespace) -> int:
    from kiosk.advisor.pins import PinRefused
    from kiosk.hub import users
    from kiosk.secret_input import secret_from_person

    try:
        if args.hub_command == "list-users":
            with engine.connect() as connection:
                found = users.everyone(connection)
            for user in found:
                print("\t".join(_user_line(user)))
            if not found:
                print("No login yet. Add one: kiosk hub add-user EMAIL, or kiosk hub add-advisor EMAIL …")
            return 0
        if args.hub_command == "remove-user":
            with engine.begin() as connection:
                users.remove(connection, args.email)
            print(f"{users.normalised_email(args.email)} can no longer log in.")
            return 0
        if args.hub_command == "set-pin":
            with engine.begin() as connection:
                user = users.set_pin(connection, args.email, secret_from_person("PIN", "6 digits or more"))
            print(f"{user.email}'s new PIN reaches their terminals with each one's next heartbeat.")
            return 0
        if args.hub_command == "add-advisor":
            password = secret_from_person("Board password", f"{users.MIN_PASSWORD_LENGTH} characters or more")
            pin = secret_from_person("PIN", "6 digits or more")
            with engine.begin() as connection:
                user = users.add_advisor(
                    connection, args.email, password, args.name, args.role, args.site, pin
                )
            print(
                f"{user.email} ({user.role}, shown as {user.display_name}) can now log in to the board, and "
                f"unlock the terminals of {', '.join(sorted(user.sites))} after their next heartbeat."
            )
            return 0
        password = _password(args.password_file)
        with engine.begin() as connection:
            user = users.add(connection, args.email, password, args.sites.split(","))
    except (users.UserError, PinRefused, OSError) as error:
        print(f"{error} Nothing was changed.", file=sys.stderr)
        return 1
    sites = ", ".join(sorted(user.sites)) if user.sites else "every site"
    print(f"{user.email} can now log in to the hub's pages and see {sites}.")
    return 0


def _user_line(user) -> list[str]:
    sites = ", ".join(sorted(user.sites)) if user.sites else "every site"
    if user.role == "manager":
        return [user.email, "manager", sites]
    return [user.email, user.role, user.display_name or "", sites, "PIN set" if user.has_pin else "no PIN"]


def _password(password_file: str | None) -> str:
    """From the file's first line, else as kiosk.secret_input asks it."""
    from pathlib import Path

    from kiosk.secret_input import secret_from_person

    if password_file:
        lines = Path(password_file).read_text(encoding="utf-8").splitlines()
        return lines[0] if lines else ""
    return secret_from_person("Password")


def _shown(url: str) -> str:
    from sqlalchemy.engine import make_url

    return make_url(url).render_as_string(hide_password=True)
