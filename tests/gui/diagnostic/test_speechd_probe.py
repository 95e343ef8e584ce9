"""The read-aloud engine is not made on a speech-dispatcher that does not answer (making it would hang the
kiosk): a listening socket that never greets is refused, one that greets is used, none at all is fine."""

from __future__ import annotations

import socket
import threading

from kiosk.diagnostic.speech import speechd_answers


def serve(folder, greeting: bytes | None) -> socket.socket:
    (folder / "speech-dispatcher").mkdir()
    server = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    server.bind(str(folder / "speech-dispatcher" / "speechd.sock"))
    server.listen()

    def answer() -> None:
        client, _ = server.accept()
        client.recv(64)
        if greeting is not None:
            client.sendall(greeting)
        threading.Event().wait(3)  # a hung daemon keeps the connection open, silent
        client.close()

    threading.Thread(target=answer, daemon=True).start()
    return server


def test_a_daemon_that_greets_is_used(tmp_path, monkeypatch):
    monkeypatch.delenv("SPEECHD_SOCK", raising=False)
    with serve(tmp_path, b"208 OK CLIENT NAME SET\r\n"):
        assert speechd_answers(str(tmp_path)) is True


def test_a_silent_daemon_is_refused(tmp_path, monkeypatch):
    monkeypatch.delenv("SPEECHD_SOCK", raising=False)
    with serve(tmp_path, None):
        assert speechd_answers(str(tmp_path)) is False


def test_no_daemon_yet_lets_the_engine_start_one(tmp_path, monkeypatch):
    monkeypatch.delenv("SPEECHD_SOCK", raising=False)
    assert speechd_answers(str(tmp_path)) is True
