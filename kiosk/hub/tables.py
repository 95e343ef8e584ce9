"""The hub's tables, declared once with SQLAlchemy Core; Alembic's migrations (migrations/versions/) create
them, and the queries use these objects. Times are UTC, stored without a zone (SQLite has none)."""

from __future__ import annotations

from sqlalchemy import (
    BigInteger,
    Column,
    DateTime,
    ForeignKey,
    Integer,
    MetaData,
    String,
    Table,
    UniqueConstraint,
)

metadata = MetaData()

SLUG_LENGTH = 64

terminals = Table(
    "terminals",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("site_id", String(SLUG_LENGTH), nullable=False, index=True),
    Column("terminal_id", String(SLUG_LENGTH), nullable=False),  # unique within its site
    Column("token_hash", String(64), nullable=False, unique=True),  # sha256 of the token, hex
    Column("created_at", DateTime, nullable=False),
    Column("revoked_at", DateTime),
    UniqueConstraint("site_id", "terminal_id"),
)

# One row per (terminal, hour, metric, key): the natural key makes a resend a no-op.
usage_counts = Table(
    "usage_counts",
    metadata,
    Column("terminal", Integer, ForeignKey("terminals.id"), primary_key=True),
    Column("period_start", DateTime, primary_key=True),
    Column("metric", String(40), primary_key=True),
    Column("key", String(SLUG_LENGTH), primary_key=True),
    Column("count", BigInteger, nullable=False),
    Column("received_at", DateTime, nullable=False),
)

# Each batch a terminal delivered, for the fleet page's "last sync".
batches = Table(
    "batches",
    metadata,
    Column("terminal", Integer, ForeignKey("terminals.id"), primary_key=True),
    Column("batch_id", String(36), primary_key=True),
    Column("received_at", DateTime, nullable=False),
    Column("rows", Integer, nullable=False),
    Column("new_rows", Integer, nullable=False),
)

# A terminal's last heartbeat (what the fleet page shows).
heartbeats = Table(
    "heartbeats",
    metadata,
    Column("terminal", Integer, ForeignKey("terminals.id"), primary_key=True),
    Column("received_at", DateTime, nullable=False),
    Column("version", String(40), nullable=False),
    Column("config_version", String(80), nullable=False),
    Column("printer", String(40), nullable=False),
    Column("scanner", String(40), nullable=False),
    Column("free_disk_mb", BigInteger, nullable=False),
    Column("backlog_rows", Integer, nullable=False),
    Column("last_sync", DateTime),
    Column("last_frame", DateTime),
)

# Requests per terminal and minute: the rate limit, shared by every hub process through the database.
request_counts = Table(
    "request_counts",
    metadata,
    Column("terminal", Integer, ForeignKey("terminals.id"), primary_key=True),
    Column("minute", BigInteger, primary_key=True),  # minutes since the epoch
    Column("requests", Integer, nullable=False),
)

# The people who log in to the pages: network managers, advisors and technicians (kiosk/hub/users.py
# ROLES). The password is kept as its argon2id hash only. Advisors and technicians also have the name the
# terminal's banner shows and their PIN's argon2id hash, which reach their sites' terminals.
users = Table(
    "users",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("email", String(254), nullable=False, unique=True),  # lower case
    Column("password_hash", String(200), nullable=False),
    Column("created_at", DateTime, nullable=False),
    Column("role", String(12), nullable=False, server_default="manager"),
    Column("display_name", String(40)),
    Column("pin_hash", String(200)),
)

# The sites a user may see. A user without any row here sees every site.
user_sites = Table(
    "user_sites",
    metadata,
    Column("user", Integer, ForeignKey("users.id", ondelete="CASCADE"), primary_key=True),
    Column("site_id", String(SLUG_LENGTH), primary_key=True),
)

# Browser sessions, shared by every hub process. The cookie holds a random token; only its hash is kept.
# `user` is empty before login: the login form's CSRF token needs a session too.
sessions = Table(
    "sessions",
    metadata,
    Column("token_hash", String(64), primary_key=True),
    Column("user", Integer, ForeignKey("users.id", ondelete="CASCADE")),
    Column("csrf_token", String(64), nullable=False),
    Column("created_at", DateTime, nullable=False),
    Column("expires_at", DateTime, nullable=False, index=True),
)

# Failed logins per account ("account:EMAIL") and per address ("address:IP"), for the lockout.
login_failures = Table(
    "login_failures",
    metadata,
    Column("subject", String(300), primary_key=True),
    Column("failures", Integer, nullable=False),
    Column("window_start", DateTime, nullable=False),
    Column("locked_until", DateTime),
)

# Help calls from the terminals (issue 13): a call is the terminal's (`call_id`, a uuid it chose, makes a
# resend a no-op); its state moves forward only (kiosk/advisor/call_states.py). No person in it: a ticket for
# the day, a topic chip, times.
help_calls = Table(
    "help_calls",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("terminal", Integer, ForeignKey("terminals.id"), nullable=False, index=True),
    Column("call_id", String(36), nullable=False),
    Column("ticket", String(8), nullable=False),
    Column("topic", String(20)),
    Column("state", String(12), nullable=False, index=True),  # the board reads the open ones
    Column("created_at", DateTime, nullable=False),
    Column("seen_at", DateTime),
    Column("coming_at", DateTime),
    Column("ended_at", DateTime, index=True),  # and those ended in the last minutes
    # "Libérer la borne": when an advisor asked the terminal to end the visitor's session, and when the
    # terminal said it had.
    Column("release_asked_at", DateTime),
    Column("released_at", DateTime),
    UniqueConstraint("terminal", "call_id"),
)

# Each change of a help call, in the order they were committed, on SQLite only: the hub processes' board
# listeners poll it (kiosk/hub/board_listener.py); PostgreSQL carries the same news by NOTIFY. Old rows are
# pruned. AUTOINCREMENT: an id is never used twice, even once the table is emptied.
help_call_changes = Table(
    "help_call_changes",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("call", Integer, ForeignKey("help_calls.id"), nullable=False),
    Column("at", DateTime, nullable=False),
    sqlite_autoincrement=True,
)
