"""`kiosk hub migrate` run by several processes at once on one new database (hub workers starting together
after an upgrade, or two technicians): every one succeeds, and the schema is migrated once, as declared."""

from __future__ import annotations

import subprocess
import sys

from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext

from kiosk.hub import database
from kiosk.hub.tables import metadata


def test_migrations_started_together_wait_for_each_other(hub_db_url):
    command = [sys.executable, "-m", "kiosk", "hub", "migrate", "--db", hub_db_url]
    started = [subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE) for _ in range(4)]
    for process in started:
        out, err = process.communicate(timeout=120)
        assert process.returncode == 0, (out + err).decode()[-2000:]
    engine = database.engine_for(hub_db_url)
    try:
        with engine.connect() as connection:
            assert compare_metadata(MigrationContext.configure(connection), metadata) == []
    finally:
        engine.dispose()
