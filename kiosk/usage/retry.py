"""What the sync client does after each answer from the hub: DESIGN.md's retry rules as one table.

- network errors, timeouts, 408, 429 and 5xx: try again later, from 5 s doubling with jitter up to 1 h, or
  when the hub's Retry-After says;
- 413: the batch is too big for the hub, send it in two halves (a single row that is still too big is
  dropped and counted as lost);
- 400 and 422: the hub will never take this batch, drop it and count the loss;
- 401, 403, 404, 410 (and any answer the rules do not know): pause, keep everything, tell the technician.

Pure: the sync client asks `decide()` and carries it out; the clock and the randomness come in as arguments.
"""

from __future__ import annotations

import enum
import random
from dataclasses import dataclass
from datetime import UTC, datetime
from email.utils import parsedate_to_datetime

FIRST_DELAY = 5.0  # seconds before the first retry
LONGEST_DELAY = 3600.0  # the backoff never waits longer than an hour…
LONGEST_RETRY_AFTER = 24 * 3600.0  # …but a hub that asks for more is obeyed, up to a day
HOURLY_SPREAD = 15 * 60.0  # the first send of an hour waits up to this: a fleet does not arrive at once


class Outcome(enum.Enum):
    DELIVERED = "delivered"  # the hub answered for each row: apply its answers
    RETRY = "retry"  # send the same batch again after `delay`
    SPLIT = "split"  # send the batch as two halves, now
    DROP = "drop"  # the hub will never accept it: drop it, count the loss
    PAUSE = "pause"  # stop sending until the technician acts; keep everything


@dataclass(frozen=True)
class Decision:
    outcome: Outcome
    delay: float = 0.0  # seconds before the next attempt (RETRY only)
    reason: str = ""  # for `kiosk check` and the log: the status and what it means


RETRY_STATUSES = frozenset({408, 429})
DROP_STATUSES = frozenset({400, 422})
PAUSE_STATUSES = frozenset({401, 403, 404, 410})


def decide(
    status: int | None,
    *,
    attempt: int,
    rows: int,
    retry_after: str | None = None,
    now: datetime | None = None,
    rng: random.Random | None = None,
) -> Decision:
    """What to do after the answer `status` (None: no answer at all) to the `attempt`-th try (0-based) of a
    batch of `rows` rows."""
    if status is None:
        return Decision(Outcome.RETRY, backoff(attempt, rng), "no answer from the hub")
    if 200 <= status < 300:
        return Decision(Outcome.DELIVERED, reason=f"HTTP {status}")
    if status in RETRY_STATUSES or 500 <= status < 600:
        asked = retry_after_seconds(retry_after, now or datetime.now(UTC))
        delay = asked if asked is not None else backoff(attempt, rng)
        return Decision(Outcome.RETRY, delay, f"HTTP {status}: the hub asks to try again later")
    if status == 413:
        if rows > 1:
            return Decision(Outcome.SPLIT, reason="HTTP 413: batch too big for the hub, sending halves")
        return Decision(Outcome.DROP, reason="HTTP 413: a single row is too big for the hub")
    if status in DROP_STATUSES:
        return Decision(Outcome.DROP, reason=f"HTTP {status}: the hub refuses this batch for good")
    if status in PAUSE_STATUSES:
        return Decision(Outcome.PAUSE, reason=f"HTTP {status}: {_PAUSE_REASONS[status]}")
    return Decision(Outcome.PAUSE, reason=f"HTTP {status}: an answer the kiosk does not expect")


_PAUSE_REASONS = {
    401: "the hub does not accept this terminal's token",
    403: "the hub does not allow this terminal to send",
    404: "nothing answers at this address: check hub_url",
    410: "the hub no longer knows this terminal",
}


def backoff(attempt: int, rng: random.Random | None = None) -> float:
    """Seconds to wait before retry number `attempt` + 1: 5 s doubling up to 1 h, each drawn between half
    and all of it ("equal jitter"), so terminals that failed together do not retry together."""
    ceiling = min(LONGEST_DELAY, FIRST_DELAY * 2 ** min(attempt, 20))
    return ceiling / 2 + (rng or random).uniform(0, ceiling / 2)


def retry_after_seconds(value: str | None, now: datetime) -> float | None:
    """Seconds a Retry-After header asks for (delta-seconds or an HTTP date), at most a day; None when absent
    or unreadable."""
    if not value:
        return None
    value = value.strip()
    if value.isdigit():
        return min(float(value), LONGEST_RETRY_AFTER)
    try:
        when = parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    if when.tzinfo is None:
        when = when.replace(tzinfo=UTC)
    return min(max(0.0, (when - now).total_seconds()), LONGEST_RETRY_AFTER)


def first_send_delay(rng: random.Random | None = None) -> float:
    """Seconds the first send of a newly closed hour waits, drawn at random over `HOURLY_SPREAD`."""
    return (rng or random).uniform(0, HOURLY_SPREAD)
