"""The kiosk's SQLite database: open with integrity check and migrations, and a worker thread that owns it."""

from kiosk.store.database import MigrationFailed, StoreError, StoreOpened, StoreTooNew, open_store
from kiosk.store.migrations import MIGRATIONS, Migration
from kiosk.store.worker import StoreWorker

__all__ = [
    "MIGRATIONS",
    "Migration",
    "MigrationFailed",
    "StoreError",
    "StoreOpened",
    "StoreTooNew",
    "StoreWorker",
    "open_store",
]
