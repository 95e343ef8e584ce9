"""The printer part of `kiosk check`: printers and their state, the default one, and whether CUPS keeps what
visitors print (pure: no Qt). Lines are for the technician: plain English naming each cause and its fix.

    for line in printer_report():          # the local CUPS, as libcups finds it
        print(line.text)                    # line.problem: True for a line that needs the technician
"""

from __future__ import annotations

import os
import shutil
import subprocess
from dataclasses import dataclass
from pathlib import Path

from kiosk.devices.printer import backend, ipp
from kiosk.devices.printer.problems import PrinterState, Problem, severity
from kiosk.devices.printer.server_settings import preserve_warnings

FIXES = {
    Problem.STOPPED: "run `cupsenable {name}` once its cause is fixed",
    Problem.OFFLINE: "switch the printer on and check its cable or network; then `cupsenable {name}`",
    Problem.MEDIA_EMPTY: "load paper",
    Problem.MEDIA_JAM: "clear the paper jam",
    Problem.DOOR_OPEN: "close the printer's doors and covers",
    Problem.TONER_EMPTY: "replace the toner or ink cartridge",
    Problem.TONER_LOW: "have a toner or ink cartridge ready",
    Problem.MEDIA_LOW: "load paper soon",
    Problem.PRINTER_ERROR: "look at the printer's panel and at /var/log/cups/error_log",
    Problem.NOT_ACCEPTING: "run `cupsaccept {name}`",
}


@dataclass(frozen=True)
class ReportLine:
    text: str
    problem: bool = False  # the technician must act


def read_server_settings(server: ipp.Server) -> str:
    """The server's settings: its cupsd.conf when this machine can read it (in $CUPS_SERVERROOT, else
    /etc/cups), else `cupsctl`'s view of them (OSError if neither). The file comes first: cupsctl shows
    defaults instead of the real settings when the server will not hand its file to this user."""
    conf = Path(os.environ.get("CUPS_SERVERROOT", "/etc/cups")) / "cupsd.conf"
    try:
        return conf.read_text(encoding="utf-8", errors="replace")
    except OSError:
        if not shutil.which("cupsctl"):
            raise
    env = dict(os.environ, CUPS_SERVER=str(server), LC_ALL="C")
    try:
        done = subprocess.run(["cupsctl"], env=env, capture_output=True, text=True, timeout=15)
    except subprocess.TimeoutExpired as error:
        raise OSError(f"cupsctl did not answer: {error}") from error
    if done.returncode != 0 or not done.stdout.strip():
        raise OSError(f"cupsctl failed: {done.stderr.strip()}")
    return done.stdout


def printer_lines(printers: list[backend.PrinterInfo]) -> list[ReportLine]:
    if not printers:
        return [ReportLine("No printer is set up in CUPS. Fix: add one with lpadmin (see README).", True)]
    lines = []
    for printer in printers:
        label = (
            f"Printer {printer.name}{' (default)' if printer.is_default else ''}: {printer.condition.value}"
        )
        reasons = [r for r in printer.reasons if r != "none"]
        if reasons:
            label += f" [{', '.join(reasons)}]"
        lines.append(ReportLine(label, printer.blocking_problem is not None))
        for problem in printer.problems:
            fix = FIXES.get(problem, "see /var/log/cups/error_log").format(name=printer.name)
            lines.append(ReportLine(f"  {problem.value} ({severity(problem).value}). Fix: {fix}.", True))
    return lines


def printer_report(server: ipp.Server | None = None, settings_text: str | None = None) -> list[ReportLine]:
    """Report lines for `kiosk check`. `settings_text`: cupsctl output or cupsd.conf text (read when None)."""
    server = server or ipp.Server.from_environment()
    try:
        printers = backend.list_printers(server)
    except backend.PrintError as e:
        if e.problem is Problem.SERVER_DOWN:
            fix = "start CUPS (`systemctl start cups`) or check CUPS_SERVER"
        else:
            fix = "run `kiosk check` as root, or allow this user in /etc/cups/cupsd.conf"
        return [ReportLine(f"CUPS at {server}: {e.problem.value} ({e.detail}). Fix: {fix}.", True)]
    lines = [ReportLine(f"CUPS at {server}: {len(printers)} printer(s).")]
    lines += printer_lines(printers)
    default = next((p.name for p in printers if p.is_default), None)
    if default:
        lines.append(ReportLine(f"Default printer: {default}."))
    elif printers:
        lines.append(ReportLine(f"No default printer. Fix: `lpadmin -d {printers[0].name}`.", True))
    if settings_text is None:
        try:
            settings_text = read_server_settings(server)
        except OSError as e:
            lines.append(
                ReportLine(
                    f"Cannot read CUPS settings ({e}). Fix: run `kiosk check` as root to check them.", True
                )
            )
            return lines
    warnings = preserve_warnings(settings_text)
    lines += [ReportLine(w.message, True) for w in warnings]
    if not warnings:
        lines.append(ReportLine("CUPS keeps no printed documents nor job history."))
    return lines


def printer_state(name: str | None, server: ipp.Server | None = None) -> str:
    """The heartbeat's printer code for the queue `name` (None: the CUPS default): its first problem,
    blocking ones first (media-empty, offline, stopped…), else "printing" or "ok"; or what is wrong with
    the print system (server-down, no-printer, not-authorized). Blocking (IPP to CUPS): off the GUI thread."""
    server = server or ipp.Server.from_environment()
    try:
        name = name or backend.default_printer(server)
        if name is None:
            return Problem.NO_PRINTER.value
        printer = backend.printer_info(server, name)
    except backend.PrintError as error:
        return error.problem.value
    if printer.problems:  # blocking ones first
        return printer.problems[0].value
    return "printing" if printer.state == PrinterState.PROCESSING else "ok"
