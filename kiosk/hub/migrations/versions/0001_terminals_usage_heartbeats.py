"""Terminals and their tokens, usage counts, delivered batches, heartbeats, the per-terminal rate limit.

Revision ID: 0001
Revises:
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "terminals",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("site_id", sa.String(64), nullable=False, index=True),
        sa.Column("terminal_id", sa.String(64), nullable=False),
        sa.Column("token_hash", sa.String(64), nullable=False, unique=True),
        sa.Column("created_at", sa.DateTime, nullable=False),
        sa.Column("revoked_at", sa.DateTime),
        sa.UniqueConstraint("site_id", "terminal_id"),
    )
    op.create_table(
        "usage_counts",
        sa.Column("terminal", sa.Integer, sa.ForeignKey("terminals.id"), primary_key=True),
        sa.Column("period_start", sa.DateTime, primary_key=True),
        sa.Column("metric", sa.String(40), primary_key=True),
        sa.Column("key", sa.String(64), primary_key=True),
        sa.Column("count", sa.BigInteger, nullable=False),
        sa.Column("received_at", sa.DateTime, nullable=False),
    )
    op.create_table(
        "batches",
        sa.Column("terminal", sa.Integer, sa.ForeignKey("terminals.id"), primary_key=True),
        sa.Column("batch_id", sa.String(36), primary_key=True),
        sa.Column("received_at", sa.DateTime, nullable=False),
        sa.Column("rows", sa.Integer, nullable=False),
        sa.Column("new_rows", sa.Integer, nullable=False),
    )
    op.create_table(
        "heartbeats",
        sa.Column("terminal", sa.Integer, sa.ForeignKey("terminals.id"), primary_key=True),
        sa.Column("received_at", sa.DateTime, nullable=False),
        sa.Column("version", sa.String(40), nullable=False),
        sa.Column("config_version", sa.String(80), nullable=False),
        sa.Column("printer", sa.String(40), nullable=False),
        sa.Column("scanner", sa.String(40), nullable=False),
        sa.Column("free_disk_mb", sa.BigInteger, nullable=False),
        sa.Column("backlog_rows", sa.Integer, nullable=False),
        sa.Column("last_sync", sa.DateTime),
        sa.Column("last_frame", sa.DateTime),
    )
    op.create_table(
        "request_counts",
        sa.Column("terminal", sa.Integer, sa.ForeignKey("terminals.id"), primary_key=True),
        sa.Column("minute", sa.BigInteger, primary_key=True),
        sa.Column("requests", sa.Integer, nullable=False),
    )


def downgrade() -> None:
    for table in ("request_counts", "heartbeats", "batches", "usage_counts", "terminals"):
        op.drop_table(table)
