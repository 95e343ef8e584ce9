"""The `kiosk` command: `kiosk run` starts the kiosk, `kiosk check` validates the configuration, `kiosk
diagnostic decode CODE` reads a visitor's diagnostic result from its code, `kiosk advisor …` manages the
advisors' accounts on this terminal, `kiosk hub …` runs the hub.

Only argument parsing and exit codes live here; the work is done by the modules it calls. Qt is imported only
by `run`, so `check` works on a machine without a screen.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from kiosk.paths import default_paths
from kiosk.resources import bundled_shortcuts, icon_path


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="kiosk", description="Îlot, the kiosk of the îlots numériques.")
    commands = parser.add_subparsers(dest="command", required=True)

    run = commands.add_parser("run", help="start the kiosk (full screen unless --windowed)")
    run.add_argument("--config", type=Path, help="site configuration folder (default /etc/ilot)")
    run.add_argument("--data-dir", type=Path, help="data folder (default /var/lib/ilot)")
    run.add_argument("--windowed", action="store_true", help="a normal window you can close (development)")
    run.add_argument("--demo", action="store_true", help="bundled shortcuts and defaults, no site file")
    run.add_argument("--quit-after-first-paint", action="store_true", help=argparse.SUPPRESS)

    check = commands.add_parser(
        "check",
        help="check the configuration, the printers and the scanners",
        description="Exit status: 0 all is well; 1 the configuration has problems; 3 the configuration is "
        "fine but a printer, a scanner or the link to the hub needs a technician.",
    )
    check.add_argument("--config", type=Path, help="site configuration folder (default /etc/ilot)")
    check.add_argument("--data-dir", type=Path, help="data folder (default /var/lib/ilot)")
    check.add_argument("--config-only", action="store_true", help="check the configuration files only")

    sync = commands.add_parser(
        "sync",
        help="send the usage counts that are due to the hub",
        description="Exit status: 0 nothing is left to send; 1 some is left for later (the hub or the "
        "network said to wait); 2 sending is paused until a technician acts (the message says why).",
    )
    sync.add_argument("--once", action="store_true", required=True, help="one pass, then exit")
    sync.add_argument("--config", type=Path, help="site configuration folder (default /etc/ilot)")
    sync.add_argument("--data-dir", type=Path, help="data folder (default /var/lib/ilot)")

    diagnostic = commands.add_parser("diagnostic", help="the digital-skills diagnostic")
    diagnostic_commands = diagnostic.add_subparsers(dest="diagnostic_command", required=True)
    decode = diagnostic_commands.add_parser("decode", help="print the result a visitor's code stands for")
    decode.add_argument("code", help='the code on the visitor\'s sheet, like "7K2M-Q9XA"')

    from kiosk.advisor import cli as advisor_cli
    from kiosk.hub import cli as hub_cli

    advisor_cli.add_commands(commands)
    hub_cli.add_commands(commands)
    return parser


def _decode(args: argparse.Namespace) -> int:
    from kiosk.diagnostic.sheet import decode_command

    status, text = decode_command(args.code)
    print(text, file=sys.stdout if status == 0 else sys.stderr)
    return status


def _check(args: argparse.Namespace) -> int:
    status, lines = check_report(args.config, args.data_dir, config_only=args.config_only)
    for line in lines:
        print(line)
    return status


def check_report(
    config: Path | None, data_dir: Path | None, config_only: bool = False
) -> tuple[int, list[str]]:
    """`kiosk check`'s report, line by line, and its exit status: for the command, and for the assisted
    mode's "Rapport de la borne" (it asks CUPS, SANE and the hub: off the GUI thread)."""
    from kiosk.config import check_config

    config_dir = default_paths(config, None, demo=False).config_dir
    problems = check_config(
        config_dir, bundled_shortcuts(), icon_exists=lambda name: icon_path(name).is_file()
    )
    lines = [str(problem) for problem in problems]
    if problems:
        lines.append(f"{len(problems)} problem(s) in the configuration in {config_dir}.")
    else:
        lines.append(f"Configuration OK ({config_dir}).")
    if config_only:
        return (1 if problems else 0), lines
    devices_ok = _check_devices(lines)
    hub_ok = _check_hub(default_paths(config, data_dir, demo=False), lines)
    if problems:
        return 1, lines
    return (0 if devices_ok and hub_ok else 3), lines


def _check_hub(paths, lines: list[str]) -> bool:
    """Adds the state of the link to the hub; False when it needs a technician."""
    from kiosk.config import load_config
    from kiosk.usage.hub_check import hub_report

    site = load_config(paths.config_dir, bundled_shortcuts(), paths.last_good_config).config.site
    lines += ["", "Hub:"]
    found = hub_report(site, paths.database)
    lines += [f"  {'! ' if line.problem else ''}{line.text}" for line in found]
    return not any(line.problem for line in found)


def _check_devices(lines: list[str]) -> bool:
    """Adds the printers' and scanners' state; False when one needs a technician."""
    from kiosk.devices.printer.check import printer_report
    from kiosk.devices.scanner.check import check_scanners

    lines += ["", "Printing:"]
    printer_lines = printer_report()
    lines += [f"  {'! ' if line.problem else ''}{line.text}" for line in printer_lines]
    lines += ["", "Scanning:"]
    scanners = check_scanners()
    lines += [f"  {text}" for text in scanners.lines]
    return scanners.ok and not any(line.problem for line in printer_lines)


def _sync(args: argparse.Namespace) -> int:
    from kiosk.config import load_config
    from kiosk.store import StoreWorker
    from kiosk.usage.retry import Outcome
    from kiosk.usage.sync import HubClient, SyncClient

    paths = default_paths(args.config, args.data_dir, demo=False)
    loaded = load_config(paths.config_dir, bundled_shortcuts(), paths.last_good_config)
    site = loaded.config.site
    if not site.hub_url:
        print(f"No hub_url in {paths.config_dir}/site.yaml: the counts stay on this terminal.")
        return 0
    store = StoreWorker(paths.database)
    store.start()
    hub = HubClient(site.hub_url, site.hub_token)
    try:
        report = SyncClient(hub, store.call).send_due()
    finally:
        hub.close()
        store.close(timeout=30)
    print(f"Hub {site.hub_url}: {report.batches_sent} batch(es) sent, {report.rows_delivered} row(s) taken.")
    if report.rows_dropped or report.evicted:
        print(f"Lost and counted as usage_lost: {report.rows_dropped} refused, {report.evicted} evicted.")
    print(f"Waiting: {report.backlog.rows} row(s) in {report.backlog.batches} batch(es).")
    if report.done:
        return 0
    decision = report.decision
    print(f"Stopped: {decision.reason}." if decision else "Stopped.")
    if decision and decision.outcome is Outcome.PAUSE:
        print("Sending is paused; nothing is lost. Fix the cause, then run kiosk sync --once again.")
        return 2
    print(f"The kiosk tries again in {report.retry_in:.0f} s by itself.")
    return 1


def _run(args: argparse.Namespace) -> int:
    from kiosk.app import run

    paths = default_paths(args.config, args.data_dir, demo=args.demo)
    return run(paths, windowed=args.windowed, quit_after_first_paint=args.quit_after_first_paint)


def main(argv: list[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    if args.command == "check":
        return _check(args)
    if args.command == "diagnostic":
        return _decode(args)
    if args.command == "sync":
        return _sync(args)
    if args.command == "advisor":
        from kiosk.advisor.cli import run

        return run(args)
    if args.command == "hub":
        from kiosk.hub.cli import run

        return run(args)
    return _run(args)


if __name__ == "__main__":
    sys.exit(main())
