"""Advisors and technicians on the hub (a role, the name a terminal shows, a PIN hash), "Libérer la borne"
on help calls, and the changes log the board listeners poll on SQLite.

Revision ID: 0004
Revises: 0003
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None


def upgrade() -> None:
    # Plain ADD COLUMN on both databases: rebuilding `users` on SQLite would cascade-delete its sessions.
    op.add_column("users", sa.Column("role", sa.String(12), nullable=False, server_default="manager"))
    op.add_column("users", sa.Column("display_name", sa.String(40)))
    op.add_column("users", sa.Column("pin_hash", sa.String(200)))
    op.add_column("help_calls", sa.Column("release_asked_at", sa.DateTime))
    op.add_column("help_calls", sa.Column("released_at", sa.DateTime))
    op.create_index("ix_help_calls_state", "help_calls", ["state"])
    op.create_index("ix_help_calls_ended_at", "help_calls", ["ended_at"])
    op.create_table(
        "help_call_changes",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("call", sa.Integer, sa.ForeignKey("help_calls.id"), nullable=False),
        sa.Column("at", sa.DateTime, nullable=False),
        sqlite_autoincrement=True,
    )


def downgrade() -> None:
    op.drop_table("help_call_changes")
    op.drop_index("ix_help_calls_ended_at", "help_calls")
    op.drop_index("ix_help_calls_state", "help_calls")
    with op.batch_alter_table("help_calls") as calls:
        calls.drop_column("released_at")
        calls.drop_column("release_asked_at")
    with op.batch_alter_table("users") as users:
        users.drop_column("pin_hash")
        users.drop_column("display_name")
        users.drop_column("role")
