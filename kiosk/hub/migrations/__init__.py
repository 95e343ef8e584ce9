"""Alembic's migrations of the hub's database (`kiosk hub migrate`); `versions/` holds one file per step."""
