"""The numbers of IPP the kiosk uses (operations, group and value tags, status codes), and the one error the
IPP client raises, with its codes: what went wrong, for the problem mapping (never a free-text message).
Pure: no Qt, standard library only.
"""

from __future__ import annotations

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


class IppError(Exception):
    def __init__(self, code: str, detail: str = "", status: int | None = None) -> None:
        super().__init__(f"{code}: {detail}" if detail else code)
        self.code = code
        self.status = status
