"""`kiosk run` must say in one line why there is no screen, before Qt aborts."""

import socket

from kiosk import display
from kiosk.display import display_problem


def test_no_display_variable():
    problem = display_problem({})
    assert "DISPLAY is not set" in problem
    assert "Fix:" in problem
    assert "\n" not in problem


def test_display_without_x_server(tmp_path, monkeypatch):
    monkeypatch.setattr(display, "X11_SOCKET_DIR", tmp_path)
    problem = display_problem({"DISPLAY": ":42"})
    assert "DISPLAY=:42" in problem
    assert "Fix:" in problem


def test_display_with_a_listening_x_socket(tmp_path, monkeypatch):
    monkeypatch.setattr(display, "X11_SOCKET_DIR", tmp_path)
    server = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    server.bind(str(tmp_path / "X7"))
    server.listen(1)
    try:
        assert display_problem({"DISPLAY": ":7.0"}) is None
    finally:
        server.close()


def test_offscreen_platform_needs_no_display():
    assert display_problem({"QT_QPA_PLATFORM": "offscreen"}) is None
    assert display_problem({"QT_QPA_PLATFORM": "xcb"}) is not None
