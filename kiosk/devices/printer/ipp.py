"""A small IPP/1.1-2.0 client for the local CUPS server (pure: no Qt, standard library only).

Why not the `lp`/`lpstat`/`cancel` tools or pycups: the tools print localised text (French on a French
terminal) that must be parsed, cannot report `job-impressions-completed`, and cost a process per poll; pycups
must be compiled from source (libcups2-dev and a compiler on every build machine). CUPS speaks IPP over HTTP,
the very protocol those tools use, so this client asks for exactly the attributes the kiosk needs and gets
typed values back.

    server = Server.from_environment()         # $CUPS_SERVER, else /run/cups/cups.sock, else localhost:631
    response = request(server, GET_PRINTER_ATTRIBUTES, "/printers/KioskPDF", [...])

Like libcups, it connects to the local domain socket when it can and, when CUPS answers 401 (cancelling one's
own job needs it under the default policy), authenticates on that socket with `PeerCred`, or with the root
certificate (`Local`) when CUPS offers it. Never over TCP: since cups 2.4.2-3+deb12u10 (CVE-2026-34990) CUPS
offers and accepts `Local` on its domain socket only, so sending the certificate to a TCP port could only hand
it to whatever listens there. Every failure is an `IppError` with a code; nothing hangs: each connection has a
timeout.

This module is the transport (where CUPS listens, one request over HTTP, the local authentication); the
messages' bytes are in `ipp_message.py`, the numbers of IPP and the error codes in `ipp_codes.py`.
"""

from __future__ import annotations

import contextlib
import getpass
import http.client
import os
import socket
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from itertools import count
from pathlib import Path

from kiosk.devices.printer.ipp_codes import (
    CHARSET,
    JOB_GROUP,
    LANGUAGE,
    NOT_AUTHORIZED,
    NOT_FOUND,
    OPERATION_GROUP,
    PRINTER_NOT_FOUND,
    PROTOCOL,
    REFUSED,
    SERVER_DOWN,
    TIMEOUT,
    IppError,
)
from kiosk.devices.printer.ipp_message import Attribute, Response, attr, decode_response, encode_request

DEFAULT_SOCKET = Path("/run/cups/cups.sock")
DEFAULT_TIMEOUT = 10.0  # seconds; CUPS answers a local request in milliseconds
_request_ids = count(1)


@dataclass(frozen=True)
class Server:
    """Where CUPS listens: a domain socket path (starts with "/") or a host and a port."""

    address: str  # "/run/cups/cups.sock" or "127.0.0.1"
    port: int = 631
    timeout: float = DEFAULT_TIMEOUT
    state_dir: Path = Path("/run/cups")  # where cupsd keeps its root certificate (certs/0)

    @classmethod
    def parse(cls, text: str, timeout: float = DEFAULT_TIMEOUT) -> Server:
        """`"/run/cups/cups.sock"`, `"localhost"`, `"127.0.0.1:8631"` or `"[::1]:631"` (as $CUPS_SERVER)."""
        text = text.strip()
        if text.startswith("/"):
            return cls(text, timeout=timeout)
        host, port = text, 631
        if text.startswith("["):
            host, _, rest = text[1:].partition("]")
            if rest.startswith(":"):
                port = int(rest[1:])
        elif text.count(":") == 1:
            host, _, port_text = text.partition(":")
            port = int(port_text)
        return cls(host, port, timeout=timeout)

    @classmethod
    def from_environment(cls, timeout: float = DEFAULT_TIMEOUT) -> Server:
        """As libcups: $CUPS_SERVER, else the local domain socket if it exists, else localhost:631."""
        if configured := os.environ.get("CUPS_SERVER", "").strip():
            return cls.parse(configured, timeout)
        if DEFAULT_SOCKET.exists():
            return cls(str(DEFAULT_SOCKET), timeout=timeout)
        return cls("localhost", 631, timeout=timeout)

    @property
    def is_socket(self) -> bool:
        return self.address.startswith("/")

    @property
    def host_header(self) -> str:
        return "localhost" if self.is_socket else self.address

    def printer_uri(self, printer: str) -> str:
        return f"ipp://localhost/printers/{printer}" if self.is_socket else self.uri(f"/printers/{printer}")

    def job_uri(self, job_id: int) -> str:
        return f"ipp://localhost/jobs/{job_id}" if self.is_socket else self.uri(f"/jobs/{job_id}")

    def uri(self, path: str) -> str:
        host = f"[{self.address}]" if ":" in self.address else self.address
        return f"ipp://{host}:{self.port}{path}"

    def __str__(self) -> str:
        return self.address if self.is_socket else f"{self.address}:{self.port}"


class _SocketConnection(http.client.HTTPConnection):
    def __init__(self, path: str, timeout: float) -> None:
        super().__init__("localhost", timeout=timeout)
        self._path = path

    def connect(self) -> None:
        self.sock = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
        self.sock.settimeout(self.timeout)
        self.sock.connect(self._path)


def _connection(server: Server) -> http.client.HTTPConnection:
    if server.is_socket:
        return _SocketConnection(server.address, server.timeout)
    return http.client.HTTPConnection(server.address, server.port, timeout=server.timeout)


def _post(server: Server, path: str, body: bytes, authorization: str | None) -> tuple[int, str, bytes]:
    connection = _connection(server)
    headers = {"Content-Type": "application/ipp", "Host": server.host_header}
    if authorization:
        headers["Authorization"] = authorization
    try:
        connection.request("POST", path, body=body, headers=headers)
        answer = connection.getresponse()
        return answer.status, answer.getheader("WWW-Authenticate", ""), answer.read()
    except TimeoutError as e:
        raise IppError(TIMEOUT, f"CUPS at {server} did not answer within {server.timeout:g} s") from e
    except (OSError, http.client.HTTPException) as e:
        raise IppError(SERVER_DOWN, f"cannot reach CUPS at {server}: {e}") from e
    finally:
        connection.close()


def _local_authorizations(server: Server, challenge: str, user: str) -> Iterable[str]:
    """What libcups tries for a 401 on the domain socket: PeerCred, then root's certificate; none on TCP."""
    if not server.is_socket:
        return
    schemes = challenge.lower()
    if "peercred" in schemes or not schemes:
        yield f"PeerCred {user}"
    if "local" in schemes or not schemes:
        with contextlib.suppress(OSError):
            certificate = (server.state_dir / "certs" / "0").read_text().strip()
            if certificate:
                yield f"Local {certificate}"


def request(
    server: Server,
    operation: int,
    path: str,
    operation_attributes: Sequence[Attribute] = (),
    *,
    job_attributes: Sequence[Attribute] = (),
    document: bytes | None = None,
    user: str | None = None,
) -> Response:
    """Send one IPP request to `path` ("/", "/printers/NAME", "/jobs/"); return the answer.

    Raises IppError: SERVER_DOWN, TIMEOUT, NOT_AUTHORIZED, PRINTER_NOT_FOUND (404 status) or REFUSED (any
    other error status, with `.status`), PROTOCOL.
    """
    user = user or user_name()
    request_id = next(_request_ids)
    head = [attr("attributes-charset", CHARSET, "utf-8"), attr("attributes-natural-language", LANGUAGE, "fr")]
    groups: list[tuple[int, Sequence[Attribute]]] = [(OPERATION_GROUP, [*head, *operation_attributes])]
    if job_attributes:
        groups.append((JOB_GROUP, job_attributes))
    body = encode_request(operation, request_id, groups) + (document or b"")
    status, challenge, data = _post(server, path, body, None)
    if status == 401:
        for authorization in _local_authorizations(server, challenge, user):
            status, _, data = _post(server, path, body, authorization)
            if status != 401:
                break
    if status in (401, 403):
        raise IppError(
            NOT_AUTHORIZED, f"CUPS at {server} refused operation 0x{operation:04x} (HTTP {status})"
        )
    if status != 200:
        raise IppError(
            PROTOCOL if status != 404 else PRINTER_NOT_FOUND, f"HTTP {status} from CUPS at {server}"
        )
    response = decode_response(data)
    if response.status == NOT_FOUND:
        raise IppError(PRINTER_NOT_FOUND, f"no such printer or job ({path})", response.status)
    if response.status >= 0x0400:
        message = response.group(OPERATION_GROUP).get("status-message", "")
        raise IppError(REFUSED, f"IPP status 0x{response.status:04x} {message}".strip(), response.status)
    return response


def user_name() -> str:
    try:
        return getpass.getuser()
    except (KeyError, OSError):
        return "ilot"
