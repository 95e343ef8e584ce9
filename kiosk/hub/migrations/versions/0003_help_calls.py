"""Help calls from the terminals.

Revision ID: 0003
Revises: 0002
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "help_calls",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("terminal", sa.Integer, sa.ForeignKey("terminals.id"), nullable=False, index=True),
        sa.Column("call_id", sa.String(36), nullable=False),
        sa.Column("ticket", sa.String(8), nullable=False),
        sa.Column("topic", sa.String(20)),
        sa.Column("state", sa.String(12), nullable=False),
        sa.Column("created_at", sa.DateTime, nullable=False),
        sa.Column("seen_at", sa.DateTime),
        sa.Column("coming_at", sa.DateTime),
        sa.Column("ended_at", sa.DateTime),
        sa.UniqueConstraint("terminal", "call_id"),
    )


def downgrade() -> None:
    op.drop_table("help_calls")
