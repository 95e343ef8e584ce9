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
"""

from __future__ import annotations

import contextlib
import getpass
import http.client
import os
import socket
import struct
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from itertools import count
from pathlib import Path
from typing import Any

# Operations (RFC 8011 and CUPS extensions).
PRINT_JOB = 0x0002
CANCEL_JOB = 0x0008
GET_JOB_ATTRIBUTES = 0x0009
GET_JOBS = 0x000A
GET_PRINTER_ATTRIBUTES = 0x000B
HOLD_JOB = 0x000C
RELEASE_JOB = 0x000D
PAUSE_PRINTER = 0x0010
RESUME_PRINTER = 0x0011
CUPS_GET_DEFAULT = 0x4001
CUPS_GET_PRINTERS = 0x4002

# Delimiter tags.
OPERATION_GROUP = 0x01
JOB_GROUP = 0x02
END_OF_ATTRIBUTES = 0x03
PRINTER_GROUP = 0x04
UNSUPPORTED_GROUP = 0x05

# Value tags.
UNSUPPORTED = 0x10
UNKNOWN = 0x12
NO_VALUE = 0x13
INTEGER = 0x21
BOOLEAN = 0x22
ENUM = 0x23
OCTET_STRING = 0x30
DATETIME = 0x31
RESOLUTION = 0x32
RANGE = 0x33
BEGIN_COLLECTION = 0x34
TEXT_WITH_LANGUAGE = 0x35
NAME_WITH_LANGUAGE = 0x36
END_COLLECTION = 0x37
TEXT = 0x41
NAME = 0x42
KEYWORD = 0x44
URI = 0x45
CHARSET = 0x47
LANGUAGE = 0x48
MIME_TYPE = 0x49
MEMBER_NAME = 0x4A

# Status codes worth naming.
OK = 0x0000
NOT_FOUND = 0x0406
NOT_POSSIBLE = 0x0404

# `IppError.code`: what went wrong, for the problem mapping (never a free-text message).
SERVER_DOWN = "server-down"  # nothing answers at the address, or the connection broke
TIMEOUT = "timeout"
NOT_AUTHORIZED = "not-authorized"
PRINTER_NOT_FOUND = "not-found"
REFUSED = "refused"  # CUPS answered with another IPP error status
PROTOCOL = "protocol"  # the answer is not IPP

DEFAULT_SOCKET = Path("/run/cups/cups.sock")
DEFAULT_TIMEOUT = 10.0  # seconds; CUPS answers a local request in milliseconds
_request_ids = count(1)


class IppError(Exception):
    def __init__(self, code: str, detail: str = "", status: int | None = None) -> None:
        super().__init__(f"{code}: {detail}" if detail else code)
        self.code = code
        self.status = status


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


@dataclass(frozen=True)
class Attribute:
    name: str
    tag: int
    values: tuple[Any, ...]


@dataclass
class Response:
    status: int
    request_id: int
    groups: list[tuple[int, dict[str, Any]]] = field(default_factory=list)  # (delimiter tag, name → value)

    def group(self, tag: int) -> dict[str, Any]:
        """The first group with this delimiter tag (empty if none)."""
        return next((attrs for t, attrs in self.groups if t == tag), {})

    def all_groups(self, tag: int) -> list[dict[str, Any]]:
        return [attrs for t, attrs in self.groups if t == tag]


# --- encoding -----------------------------------------------------------------------------------------------


def attr(name: str, tag: int, *values: Any) -> Attribute:
    return Attribute(name, tag, values)


def _encode_value(tag: int, value: Any) -> bytes:
    if tag in (INTEGER, ENUM):
        return struct.pack(">i", value)
    if tag == BOOLEAN:
        return b"\x01" if value else b"\x00"
    if tag == RANGE:
        low, high = value
        return struct.pack(">ii", low, high)
    if tag in (NO_VALUE, UNKNOWN, UNSUPPORTED):
        return b""
    if isinstance(value, bytes):
        return value
    return str(value).encode("utf-8")


def encode_request(
    operation: int, request_id: int, groups: Sequence[tuple[int, Sequence[Attribute]]]
) -> bytes:
    out = bytearray(struct.pack(">bbhi", 2, 0, operation, request_id))
    for delimiter, attributes in groups:
        out.append(delimiter)
        for attribute in attributes:
            for index, value in enumerate(attribute.values):
                name = attribute.name.encode("ascii") if index == 0 else b""
                data = _encode_value(attribute.tag, value)
                out += (
                    struct.pack(">bh", attribute.tag, len(name)) + name + struct.pack(">h", len(data)) + data
                )
    out.append(END_OF_ATTRIBUTES)
    return bytes(out)


# --- decoding -----------------------------------------------------------------------------------------------


def _decode_value(tag: int, data: bytes) -> Any:
    if tag in (INTEGER, ENUM):
        return struct.unpack(">i", data)[0] if len(data) == 4 else None
    if tag == BOOLEAN:
        return bool(data and data[0])
    if tag == RANGE:
        return struct.unpack(">ii", data) if len(data) == 8 else None
    if tag == RESOLUTION:
        return struct.unpack(">iib", data) if len(data) == 9 else None
    if tag in (NO_VALUE, UNKNOWN, UNSUPPORTED):
        return None
    if tag in (TEXT_WITH_LANGUAGE, NAME_WITH_LANGUAGE) and len(data) >= 2:
        skip = struct.unpack(">h", data[:2])[0] + 2  # language, then the text
        size = struct.unpack(">h", data[skip : skip + 2])[0]
        return data[skip + 2 : skip + 2 + size].decode("utf-8", "replace")
    if tag in (OCTET_STRING, DATETIME):
        return bytes(data)
    return data.decode("utf-8", "replace")


class _Reader:
    def __init__(self, data: bytes) -> None:
        self.data = data
        self.pos = 0

    def take(self, size: int) -> bytes:
        if self.pos + size > len(self.data):
            raise IppError(PROTOCOL, "truncated IPP message")
        chunk = self.data[self.pos : self.pos + size]
        self.pos += size
        return chunk

    def short(self) -> int:
        return struct.unpack(">h", self.take(2))[0]

    def item(self) -> tuple[int, str, bytes]:
        tag = self.take(1)[0]
        name = self.take(self.short()).decode("utf-8", "replace")
        return tag, name, self.take(self.short())


def _decode_collection(reader: _Reader) -> dict[str, Any]:
    members: dict[str, list[Any]] = {}
    current = None
    while True:
        tag, _, data = reader.item()
        if tag == END_COLLECTION:
            return {k: v[0] if len(v) == 1 else tuple(v) for k, v in members.items()}
        if tag == MEMBER_NAME:
            current = data.decode("utf-8", "replace")
            members.setdefault(current, [])
        elif current is not None:
            members[current].append(
                _decode_collection(reader) if tag == BEGIN_COLLECTION else _decode_value(tag, data)
            )


def decode_response(data: bytes) -> Response:
    """Attributes with one value map to that value; with several, to a tuple of them."""
    if len(data) < 8:
        raise IppError(PROTOCOL, "answer too short for IPP")
    reader = _Reader(data)
    _version, status, request_id = struct.unpack(">hhi", reader.take(8))
    response = Response(status & 0xFFFF, request_id)
    values: dict[str, list[Any]] | None = None
    last: str | None = None

    def close_group() -> None:
        if values is not None:
            response.groups[-1] = (
                response.groups[-1][0],
                {k: v[0] if len(v) == 1 else tuple(v) for k, v in values.items()},
            )

    while reader.pos < len(data):
        tag = reader.data[reader.pos]
        if tag <= 0x0F:  # a delimiter
            reader.pos += 1
            close_group()
            if tag == END_OF_ATTRIBUTES:
                values = None
                break
            response.groups.append((tag, {}))
            values, last = {}, None
            continue
        tag, name, raw = reader.item()
        value = _decode_collection(reader) if tag == BEGIN_COLLECTION else _decode_value(tag, raw)
        if values is None:
            raise IppError(PROTOCOL, "attribute outside a group")
        if name:
            last = name
            values[name] = [value]
        elif last is not None:
            values[last].append(value)
    close_group()
    return response


# --- transport ----------------------------------------------------------------------------------------------


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
