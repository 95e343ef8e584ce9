"""`kiosk advisor …`: the local advisors' accounts of a terminal without a hub (or before it has any), in the
kiosk database of `--data-dir`: add one (its PIN asked twice, never echoed, or read from a pipe for
scripts), list them, remove one, lift a lockout. Only parsing and messages live here."""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path


def add_commands(commands: argparse._SubParsersAction) -> None:
    advisor = commands.add_parser("advisor", help="advisors' accounts on this terminal (assisted mode)")
    verbs = advisor.add_subparsers(dest="advisor_command", required=True)

    def verb(name: str, text: str) -> argparse.ArgumentParser:
        parser = verbs.add_parser(name, help=text, description=text)
        parser.add_argument("--data-dir", type=Path, help="data folder (default /var/lib/ilot)")
        return parser

    add = verb("add", "give an advisor or a technician a PIN that opens the assisted mode")
    add.add_argument("name", help="as the banner shows it: a first name, say")
    add.add_argument("--role", choices=("advisor", "technician"), required=True)
    verb("list", "the accounts, their roles, and any lockout")
    for name, text in (
        ("remove", "take an account away"),
        ("reset-lockout", "let an account try its PIN again at once (after 5 wrong tries)"),
    ):
        verb(name, text).add_argument("name")


def run(args: argparse.Namespace) -> int:
    from kiosk.advisor import accounts
    from kiosk.advisor.pins import PinRefused
    from kiosk.paths import default_paths
    from kiosk.secret_input import secret_from_person
    from kiosk.store.database import StoreError, open_store

    paths = default_paths(None, args.data_dir, demo=False)
    try:
        db = open_store(paths.database).db
    except (OSError, StoreError) as error:
        print(
            f"Cannot open the kiosk database {paths.database}: {error}. Fix: see --data-dir and its rights.",
            file=sys.stderr,
        )
        return 1
    now = time.time()
    try:
        if args.advisor_command == "add":
            accounts.add(db, args.name, args.role, secret_from_person("PIN", "6 digits or more"), now)
            print(f"{args.name} ({args.role}) can now open the assisted mode on this terminal.")
        elif args.advisor_command == "list":
            found = accounts.accounts(db, now)
            for account in found:
                locked = f", locked for {account.locked_for / 60:.0f} min" if account.locked_for else ""
                origin = ", from the hub" if account.source == "hub" else ""
                print(f"{account.name}\t{account.role}{origin}{locked}")
            if not found:
                print("No account yet. Add one: kiosk advisor add NAME --role advisor")
        elif args.advisor_command == "remove":
            accounts.remove(db, args.name, now)
            print(f"{args.name}'s account is removed.")
        else:
            accounts.reset_lockout(db, args.name, now)
            print(f"{args.name} may try a PIN again.")
    except (accounts.AccountError, PinRefused, OSError) as error:
        print(f"{error} Nothing was changed.", file=sys.stderr)
        return 1
    finally:
        db.close()
    return 0
