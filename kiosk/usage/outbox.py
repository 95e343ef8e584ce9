"""The outbox: closed hours of usage counts, cut into batches that wait in SQLite until the hub has them.

An hour is closed 5 minutes after its end (every count of it has been flushed by then). Its rows leave
`usage_counters` for `outbox_rows` in the same transaction, in batches of at most 500 rows and 256 KB, each
with a uuid4 batch id fixed before its first send. A batch's body is made from its rows the same way every
time, so a resend is byte for byte the first send. What the hub answers is applied in one transaction too:
delivered rows leave, rows it refuses for good are dropped and counted, rows it asks to have again go into a
new batch that keeps its place in the queue. The outbox is capped (90 days, 50,000 rows): the oldest batches
go first, and what is lost is counted as the `usage_lost` metric, which the hub then receives like any count.

Every function takes the store's `Database` and runs on the store's thread (`StoreWorker.submit`), one
transaction each: a kill -9 at any point leaves either the state before or the state after.
"""

from __future__ import annotations

import json
import uuid
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from json.encoder import encode_basestring
from typing import TYPE_CHECKING

from kiosk.usage.counter import Row, add_rows, hour_start

if TYPE_CHECKING:
    from sqlite_utils import Database

GRACE = 5 * 60  # seconds after an hour's end before it is closed
MAX_ROWS = 500
MAX_BYTES = 256 * 1024
MAX_QUEUED_ROWS = 50_000
MAX_AGE = 90 * 24 * 3600  # seconds

_SOME_ID = str(uuid.UUID(int=0))  # as long as any batch id: for the size of a body's envelope
ANSWERS = frozenset({"ok", "duplicate", "drop", "retry"})  # what the hub says of each row


@dataclass(frozen=True)
class Batch:
    batch_id: str
    rows: tuple[Row, ...]
    attempts: int  # sends so far that got no usable answer

    def body(self) -> bytes:
        """The JSON the hub receives, the same bytes at every send."""
        return encode(self.batch_id, self.rows)


@dataclass(frozen=True)
class Applied:
    delivered: int
    dropped: int
    again: int  # rows the hub asked to have again, now in a new batch


@dataclass(frozen=True)
class Backlog:
    batches: int
    rows: int
    oldest_period: str | None  # the oldest hour still owed to the hub


def encode(batch_id: str, rows: Sequence[Row]) -> bytes:
    payload = {
        "batch_id": batch_id,
        "rows": [{"period_start": p, "metric": m, "key": k, "count": n} for p, m, k, n in rows],
    }
    return json.dumps(payload, ensure_ascii=False, separators=(",", ":"), sort_keys=True).encode()


_ROW_FRAME = len('{"count":,"key":,"metric":,"period_start":}')


def _row_bytes(row: Row) -> int:
    """What the row adds to its body (without its comma), as `encode` writes it: counted rather than encoded,
    as closing 30 days of hours sizes 36,000 rows (bench/sync_backlog.py) and a json.dumps each took most of
    that time. `encode_basestring` is how json writes a str when ensure_ascii is off."""
    period_start, metric, key, count = row
    texts = encode_basestring(period_start) + encode_basestring(metric) + encode_basestring(key)
    return _ROW_FRAME + len(repr(count)) + len(texts.encode())


def close_hours(
    db: Database,
    now: float,
    *,
    max_rows: int = MAX_ROWS,
    max_bytes: int = MAX_BYTES,
    new_id: Callable[[], str] = lambda: str(uuid.uuid4()),
) -> int:
    """Moves every closed hour's rows into new batches, oldest first; returns the number of batches made."""
    closed_before = hour_start(now - GRACE)  # every hour that began before this one ended GRACE ago or more
    with db.atomic():
        rows = [
            tuple(r)
            for r in db.execute(
                "SELECT period_start, metric, key, count FROM usage_counters WHERE period_start < ? "
                "ORDER BY period_start, metric, key",
                (closed_before,),
            )
        ]
        if not rows:
            return 0
        made = 0
        for chunk in _chunks(rows, max_rows, max_bytes - len(encode(_SOME_ID, []))):
            _insert_batch(db, new_id(), chunk, created=now, attempts=0)
            made += 1
        db.execute("DELETE FROM usage_counters WHERE period_start < ?", (closed_before,))
    return made


def _chunks(rows: list[Row], max_rows: int, max_bytes: int) -> list[list[Row]]:
    chunks: list[list[Row]] = [[]]
    size = 0
    for row in rows:
        row_size = _row_bytes(row) + 1  # and its comma
        if chunks[-1] and (len(chunks[-1]) >= max_rows or size + row_size > max_bytes):
            chunks.append([])
            size = 0
        chunks[-1].append(row)
        size += row_size
    return chunks


def _insert_batch(db: Database, batch_id: str, rows: Sequence[Row], *, created: float, attempts: int) -> None:
    db.execute(
        "INSERT INTO outbox_batches (batch_id, created_at, attempts) VALUES (?, ?, ?)",
        (batch_id, created, attempts),
    )
    db.conn.executemany(
        "INSERT INTO outbox_rows (batch_id, period_start, metric, key, count) VALUES (?, ?, ?, ?, ?)",
        [(batch_id, *row) for row in rows],
    )


def next_batch(db: Database) -> Batch | None:
    """The oldest batch still owed to the hub."""
    found = db.execute(
        "SELECT batch_id, attempts FROM outbox_batches ORDER BY created_at, rowid LIMIT 1"
    ).fetchone()
    if found is None:
        return None
    return _batch(db, found[0], found[1])


def _batch(db: Database, batch_id: str, attempts: int) -> Batch:
    rows = db.execute(
        "SELECT period_start, metric, key, count FROM outbox_rows WHERE batch_id = ? "
        "ORDER BY period_start, metric, key",
        (batch_id,),
    ).fetchall()
    return Batch(batch_id, tuple(tuple(r) for r in rows), attempts)


def note_failed_send(db: Database, batch_id: str) -> int:
    """One more send of this batch got no usable answer; returns how many have so far."""
    with db.atomic():
        db.execute("UPDATE outbox_batches SET attempts = attempts + 1 WHERE batch_id = ?", (batch_id,))
        found = db.execute("SELECT attempts FROM outbox_batches WHERE batch_id = ?", (batch_id,)).fetchone()
    return found[0] if found else 0


def apply_answers(db: Database, batch: Batch, answers: Sequence[str], now: float) -> Applied:
    """Carries out the hub's answer for each row of `batch`, in the batch's order."""
    if len(answers) != len(batch.rows) or not set(answers) <= ANSWERS:
        raise ValueError(
            f"the hub's answers do not match the batch: {len(answers)} for {len(batch.rows)} rows"
        )
    again = [row for row, answer in zip(batch.rows, answers, strict=True) if answer == "retry"]
    dropped = sum(1 for answer in answers if answer == "drop")
    with db.atomic():
        created = _created_at(db, batch.batch_id)
        if created is None:  # already applied: the answer came twice
            return Applied(0, 0, 0)
        _delete_batch(db, batch.batch_id)
        if again:
            _insert_batch(db, str(uuid.uuid4()), again, created=created, attempts=0)
        if dropped:
            add_rows(db, [(hour_start(now), "usage_lost", "refused", dropped)])
    return Applied(len(answers) - dropped - len(again), dropped, len(again))


def split(db: Database, batch: Batch) -> None:
    """The hub found `batch` too big: it becomes two batches of half its rows, in its place in the queue."""
    half = len(batch.rows) // 2
    if half == 0:
        raise ValueError("a batch of one row cannot be split")
    with db.atomic():
        created = _created_at(db, batch.batch_id)
        if created is None:
            return
        _delete_batch(db, batch.batch_id)
        _insert_batch(db, str(uuid.uuid4()), batch.rows[:half], created=created, attempts=0)
        _insert_batch(db, str(uuid.uuid4()), batch.rows[half:], created=created, attempts=0)


def drop(db: Database, batch: Batch, now: float) -> None:
    """The hub will never take `batch`: it leaves the outbox, its rows counted as lost."""
    with db.atomic():
        if _created_at(db, batch.batch_id) is None:
            return
        _delete_batch(db, batch.batch_id)
        add_rows(db, [(hour_start(now), "usage_lost", "refused", len(batch.rows))])


def enforce_cap(
    db: Database, now: float, *, max_rows: int = MAX_QUEUED_ROWS, max_age: float = MAX_AGE
) -> int:
    """Evicts the oldest batches while the outbox holds more than `max_rows` rows or rows older than
    `max_age` seconds; returns the rows evicted (counted as `usage_lost`/`evicted`)."""
    oldest_kept = hour_start(now - max_age)
    evicted = 0
    with db.atomic():
        total = db.execute("SELECT count(*) FROM outbox_rows").fetchone()[0]
        batches = db.execute(
            "SELECT b.batch_id, count(r.batch_id), max(r.period_start) FROM outbox_batches b "
            "LEFT JOIN outbox_rows r ON r.batch_id = b.batch_id GROUP BY b.batch_id "
            "ORDER BY b.created_at, b.rowid"
        ).fetchall()
        for batch_id, rows, newest in batches:
            if total <= max_rows and (newest is None or newest >= oldest_kept):
                break
            _delete_batch(db, batch_id)
            total -= rows
            evicted += rows
        if evicted:
            add_rows(db, [(hour_start(now), "usage_lost", "evicted", evicted)])
    return evicted


def backlog(db: Database) -> Backlog:
    batches = db.execute("SELECT count(*) FROM outbox_batches").fetchone()[0]
    rows, oldest = db.execute("SELECT count(*), min(period_start) FROM outbox_rows").fetchone()
    return Backlog(batches, rows, oldest)


def _created_at(db: Database, batch_id: str) -> float | None:
    """When the batch was made (its place in the queue), or None once it has left the outbox."""
    found = db.execute("SELECT created_at FROM outbox_batches WHERE batch_id = ?", (batch_id,)).fetchone()
    return found[0] if found else None


def _delete_batch(db: Database, batch_id: str) -> None:
    db.execute("DELETE FROM outbox_rows WHERE batch_id = ?", (batch_id,))
    db.execute("DELETE FROM outbox_batches WHERE batch_id = ?", (batch_id,))
