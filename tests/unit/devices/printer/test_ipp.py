"""The IPP encoder and decoder, server addresses (pure), and what the client gives a server that asks it to
authenticate."""

from __future__ import annotations

import struct
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from kiosk.devices.printer import ipp, ipp_codes, ipp_message


def test_request_round_trip_through_the_decoder():
    data = ipp_message.encode_request(
        ipp_codes.GET_JOBS,
        7,
        [
            (
                ipp_codes.OPERATION_GROUP,
                [
                    ipp_message.attr("attributes-charset", ipp_codes.CHARSET, "utf-8"),
                    ipp_message.attr("requested-attributes", ipp_codes.KEYWORD, "job-id", "job-state"),
                    ipp_message.attr("copies", ipp_codes.INTEGER, 3),
                    ipp_message.attr("page-ranges", ipp_codes.RANGE, (1, 2), (5, 9)),
                    ipp_message.attr("purge-job", ipp_codes.BOOLEAN, True),
                ],
            )
        ],
    )
    assert data[:2] == b"\x02\x00"
    assert struct.unpack(">h", data[2:4])[0] == ipp_codes.GET_JOBS
    response = ipp_message.decode_response(data)  # a request has the same layout as a response
    assert response.request_id == 7
    attrs = response.group(ipp_codes.OPERATION_GROUP)
    assert attrs["requested-attributes"] == ("job-id", "job-state")
    assert attrs["copies"] == 3
    assert attrs["page-ranges"] == ((1, 2), (5, 9))
    assert attrs["purge-job"] is True


def test_decodes_collections_and_several_groups():
    def item(tag: int, name: str, value: bytes) -> bytes:
        n = name.encode()
        return struct.pack(">bh", tag, len(n)) + n + struct.pack(">h", len(value)) + value

    body = (
        struct.pack(">bbhi", 2, 0, 0, 1)
        + bytes([ipp_codes.PRINTER_GROUP])
        + item(ipp_codes.NAME, "printer-name", b"A")
        + item(ipp_codes.BEGIN_COLLECTION, "media-col", b"")
        + item(ipp_codes.MEMBER_NAME, "", b"media-type")
        + item(ipp_codes.KEYWORD, "", b"stationery")
        + item(ipp_codes.END_COLLECTION, "", b"")
        + bytes([ipp_codes.PRINTER_GROUP])
        + item(ipp_codes.NAME, "printer-name", b"B")
        + bytes([ipp_codes.END_OF_ATTRIBUTES])
    )
    response = ipp_message.decode_response(body)
    printers = response.all_groups(ipp_codes.PRINTER_GROUP)
    assert [p["printer-name"] for p in printers] == ["A", "B"]
    assert printers[0]["media-col"] == {"media-type": "stationery"}


def test_truncated_answer_is_a_protocol_error():
    with pytest.raises(ipp_codes.IppError) as error:
        ipp_message.decode_response(b"\x02\x00\x00\x00\x00\x00\x00\x01\x04\x42\x00\x10abc")
    assert error.value.code == ipp_codes.PROTOCOL


@pytest.mark.parametrize(
    ("text", "address", "port", "socket"),
    [
        ("/run/cups/cups.sock", "/run/cups/cups.sock", 631, True),
        ("localhost", "localhost", 631, False),
        ("127.0.0.1:8631", "127.0.0.1", 8631, False),
        ("[::1]:632", "::1", 632, False),
    ],
)
def test_server_parse(text, address, port, socket):
    server = ipp.Server.parse(text)
    assert (server.address, server.port, server.is_socket) == (address, port, socket)


def test_server_from_environment_honours_cups_server(monkeypatch):
    monkeypatch.setenv("CUPS_SERVER", "10.0.0.9:700")
    server = ipp.Server.from_environment()
    assert (server.address, server.port) == ("10.0.0.9", 700)
    assert server.printer_uri("P") == "ipp://10.0.0.9:700/printers/P"


def test_nothing_listening_is_server_down(tmp_path):
    with pytest.raises(ipp_codes.IppError) as error:
        ipp.request(ipp.Server(str(tmp_path / "no.sock"), timeout=2), ipp_codes.CUPS_GET_DEFAULT, "/")
    assert error.value.code == ipp_codes.SERVER_DOWN


class _AsksForTheRootCertificate(BaseHTTPRequestHandler):
    """Answers every request 401 with the challenge a CUPS before 2.4.2-3+deb12u10 sent on loopback TCP."""

    heard: list[str | None]

    def do_POST(self) -> None:
        self.rfile.read(int(self.headers.get("Content-Length", 0)))
        self.heard.append(self.headers.get("Authorization"))
        self.send_response(401)
        self.send_header("WWW-Authenticate", 'Basic realm="CUPS", Local trc="y"')
        self.send_header("Content-Length", "0")
        self.end_headers()

    def log_message(self, *args: object) -> None:
        pass


def test_the_root_certificate_never_goes_over_tcp(tmp_path):
    """Whatever listens on a TCP port never gets the certificate (today's CUPS refuses it there anyway)."""
    (tmp_path / "certs").mkdir()
    (tmp_path / "certs" / "0").write_text("0123456789abcdef")
    handler = type("Handler", (_AsksForTheRootCertificate,), {"heard": []})
    listener = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=listener.serve_forever, daemon=True)
    thread.start()
    try:
        server = ipp.Server("127.0.0.1", listener.server_address[1], timeout=5, state_dir=tmp_path)
        with pytest.raises(ipp_codes.IppError) as error:
            ipp.request(server, ipp_codes.CANCEL_JOB, "/jobs/")
    finally:
        listener.shutdown()
        listener.server_close()
        thread.join(5)
    assert error.value.code == ipp_codes.NOT_AUTHORIZED
    assert handler.heard == [None]  # asked once, answered nothing more
