"""Alembic's entry point: migrates the connection `kiosk.hub.database.migrate` hands it."""

from __future__ import annotations

from alembic import context

from kiosk.hub.tables import metadata

connection = context.config.attributes["connection"]
context.configure(
    connection=connection,
    target_metadata=metadata,
    render_as_batch=connection.dialect.name == "sqlite",  # SQLite alters a table by copying it
)
with context.begin_transaction():
    context.run_migrations()
