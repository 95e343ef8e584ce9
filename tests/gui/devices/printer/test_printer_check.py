"""The printer lines of `kiosk check` against the private cupsd."""

from __future__ import annotations

from kiosk.devices.printer import ipp
from kiosk.devices.printer.check import printer_report, printer_state, read_server_settings


def texts(lines):
    return [line.text for line in lines]


def test_report_names_printers_state_default_and_preserve_warnings(cups, server, printer, monkeypatch):
    monkeypatch.setenv("CUPS_SERVERROOT", str(cups.root))  # its cupsd.conf, not this machine's own
    cups.tool("lpadmin", "-d", printer)
    cups.tool("cupsdisable", printer)
    lines = printer_report(server, settings_text=read_server_settings(server))
    text = "\n".join(texts(lines))
    assert f"Printer {printer} (default): stopped" in text
    assert f"cupsenable {printer}" in text
    assert f"Default printer: {printer}." in text
    # The private cupsd sets neither Preserve* setting: CUPS's defaults keep both.
    assert "PreserveJobFiles is not set" in text
    assert "PreserveJobHistory is not set" in text
    assert any(line.problem for line in lines)


def test_report_with_preserve_off(cups, server, printer):
    lines = printer_report(server, settings_text="PreserveJobFiles=No\nPreserveJobHistory=No\n")
    text = "\n".join(texts(lines))
    assert "CUPS keeps no printed documents nor job history." in text
    assert not any("Preserve" in line for line in texts(lines))
    assert f"Printer {printer}: idle" in text


def test_report_when_cups_is_down(tmp_path):
    lines = printer_report(ipp.Server(str(tmp_path / "no.sock"), timeout=2), settings_text="")
    assert len(lines) == 1
    assert lines[0].problem
    assert "server-down" in lines[0].text
    assert "Fix:" in lines[0].text


def test_the_heartbeats_printer_code(cups, server, printer, tmp_path):
    assert printer_state(printer, server) == "ok"
    assert printer_state("NoSuchQueue", server) == "no-printer"
    cups.tool("cupsdisable", printer)
    assert printer_state(printer, server) == "stopped"
    assert printer_state(None, ipp.Server(str(tmp_path / "no.sock"), timeout=2)) == "server-down"
