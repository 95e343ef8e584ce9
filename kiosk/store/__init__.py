"""The kiosk's SQLite database: open with integrity check and migrations (`kiosk.store.database`), and a
worker thread that owns it. sqlite-utils is imported only by `database`, which the worker loads on its own
thread: importing this package costs the kiosk's start-up nothing."""

from kiosk.store.migrations import MIGRATIONS, Migration
from kiosk.store.worker import StoreWorker

__all__ = ["MIGRATIONS", "Migration", "StoreWorker"]
