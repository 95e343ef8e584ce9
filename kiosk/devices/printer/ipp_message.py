"""IPP messages as bytes (RFC 8010): a request encoded from its attribute groups, a response decoded into
typed values (integers, booleans, ranges, resolutions, texts, collections as dicts).
Pure: no Qt, standard library only.
"""

from __future__ import annotations

import struct
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from kiosk.devices.printer.ipp_codes import (
    BEGIN_COLLECTION,
    BOOLEAN,
    DATETIME,
    END_COLLECTION,
    END_OF_ATTRIBUTES,
    ENUM,
    INTEGER,
    MEMBER_NAME,
    NAME_WITH_LANGUAGE,
    NO_VALUE,
    OCTET_STRING,
    PROTOCOL,
    RANGE,
    RESOLUTION,
    TEXT_WITH_LANGUAGE,
    UNKNOWN,
    UNSUPPORTED,
    IppError,
)


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
