"""The command a restart runs again (kiosk.process.restart_command): the interpreter's own command line, or
a frozen bundle's program with its arguments. The restart itself: tests/e2e/test_restart_after_reload.py."""

import sys

from kiosk.process import restart_command


def test_an_interpreter_runs_its_own_command_line_again(monkeypatch):
    monkeypatch.setattr(sys, "orig_argv", ["/usr/bin/python3", "-m", "kiosk", "run", "--config", "/etc/ilot"])
    assert restart_command() == ["/usr/bin/python3", "-m", "kiosk", "run", "--config", "/etc/ilot"]


def test_a_bundle_runs_its_program_with_the_same_arguments(monkeypatch):
    monkeypatch.setattr(sys, "frozen", True, raising=False)
    monkeypatch.setattr(sys, "executable", "/opt/ilot/kiosk/kiosk")
    monkeypatch.setattr(sys, "argv", ["/opt/ilot/kiosk/kiosk", "run", "--data-dir", "/var/lib/ilot"])
    assert restart_command() == ["/opt/ilot/kiosk/kiosk", "run", "--data-dir", "/var/lib/ilot"]
