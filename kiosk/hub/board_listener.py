"""Each hub process's one listener for help-call changes, whatever the number of boards it serves: on
PostgreSQL a connection of its own that LISTENs on kiosk/hub/help_calls.py's CHANNEL (psycopg 3's async
connection; each change's transaction NOTIFYs the call's id when it commits); on SQLite a poll of the
changes log every 0.3 s. It reads the changed calls once, then hands them to the process's BoardChanges
(kiosk/hub/board_changes.py), which gives each board stream and long poll its own.

`await live(app)` is the process's BoardChanges, its listener started on first use (in the event loop of the
request that needs it) and listening when it returns: a change committed after it returns is heard. So
subscribe first, then read the table, then wait. Database work runs on worker threads: the event loop never
waits on it."""

from __future__ import annotations

import asyncio
import contextlib
import logging

from fastapi import FastAPI
from sqlalchemy import Engine, func, select

from kiosk.hub import help_calls
from kiosk.hub.board_changes import BoardChanges
from kiosk.hub.tables import help_call_changes

log = logging.getLogger(__name__)

POLL = 0.3  # seconds between two reads of SQLite's changes log
RETRY = 1.0  # seconds before connecting again after PostgreSQL's listening connection failed


async def live(app: FastAPI) -> BoardChanges:
    changes = getattr(app.state, "board_changes", None)
    if changes is None:
        changes = app.state.board_changes = BoardChanges()
        app.state.board_listener = Listener(app.state.engine, changes).start()
    await app.state.board_listener.ready.wait()
    return changes


class Listener:
    def __init__(self, engine: Engine, changes: BoardChanges):
        self._engine = engine
        self._changes = changes
        self._task: asyncio.Task | None = None
        self.ready = asyncio.Event()  # set once listening (or once its first try failed: it tries on)

    def start(self) -> Listener:
        run = self._listen if self._engine.dialect.name == "postgresql" else self._poll
        self._task = asyncio.get_running_loop().create_task(run(), name="ilot-board-listener")
        return self

    async def stop(self) -> None:
        if self._task is not None:
            self._task.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await self._task

    async def _publish(self, ids: set[int]) -> None:
        calls = await asyncio.to_thread(self._read, ids)
        self._changes.publish(calls)

    def _read(self, ids: set[int]) -> list[help_calls.BoardCall]:
        with self._engine.connect() as connection:
            return help_calls.by_ids(connection, ids)

    # -- SQLite ----------------------------------------------------------------------------------------

    async def _poll(self) -> None:
        last = None
        while True:
            try:
                if last is None:
                    last = await asyncio.to_thread(self._latest)
                    self.ready.set()
                rows = await asyncio.to_thread(self._since, last)
                if rows:
                    last = rows[-1][0]
                    await self._publish({call for _id, call in rows})
            except Exception:  # a locked or moved file: say it, keep polling
                log.exception("board listener: reading the changes failed; polling on")
                self.ready.set()
                await asyncio.sleep(RETRY)
            await asyncio.sleep(POLL)

    def _latest(self) -> int:
        with self._engine.connect() as connection:
            return connection.execute(select(func.coalesce(func.max(help_call_changes.c.id), 0))).scalar_one()

    def _since(self, last: int) -> list[tuple[int, int]]:
        with self._engine.connect() as connection:
            return [
                tuple(row)
                for row in connection.execute(
                    select(help_call_changes.c.id, help_call_changes.c.call)
                    .where(help_call_changes.c.id > last)
                    .order_by(help_call_changes.c.id)
                )
            ]

    # -- PostgreSQL ------------------------------------------------------------------------------------

    async def _listen(self) -> None:
        import psycopg

        conninfo = self._engine.url.set(drivername="postgresql").render_as_string(hide_password=False)
        connected_before = False
        while True:
            try:
                async with await psycopg.AsyncConnection.connect(
                    conninfo, autocommit=True, application_name="ilot-hub board listener"
                ) as connection:
                    await connection.execute(f"LISTEN {help_calls.CHANNEL}")
                    self.ready.set()
                    if connected_before:
                        self._changes.reload()  # what changed while it was away is read from the table
                    connected_before = True
                    await self._relay(connection)
            except (psycopg.Error, OSError) as error:
                log.warning("board listener: PostgreSQL connection lost (%s); connecting again", error)
                self.ready.set()
                if connected_before:
                    self._changes.reload()
            await asyncio.sleep(RETRY)

    async def _relay(self, connection) -> None:
        """Hands the notified calls on, reading those that arrived together at once."""
        pending: set[int] = set()
        arrived = asyncio.Event()

        async def publish_pending() -> None:
            while True:
                await arrived.wait()
                arrived.clear()
                ids, pending_now = set(pending), pending
                pending_now.clear()
                try:
                    await self._publish(ids)
                except Exception:
                    log.exception("board listener: reading the changed calls failed")
                    self._changes.reload()

        publisher = asyncio.get_running_loop().create_task(publish_pending())
        try:
            async for notify in connection.notifies():
                with contextlib.suppress(ValueError):
                    pending.add(int(notify.payload))
                    arrived.set()
        finally:
            publisher.cancel()
