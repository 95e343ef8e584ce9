"""The advisors' PIN policy and hashing, and the lockout after wrong tries, with the clock given."""

from __future__ import annotations

import pytest

from kiosk.advisor import lockout, pins
from kiosk.advisor.lockout import LockState, after_right_pin, after_wrong_pin, locked_for


@pytest.mark.parametrize(
    "pin", ["12345", "abcdef", "48 2915", "٤٨٢٩١٥", "000000", "123456", "987654", "890123"]
)
def test_a_pin_that_is_short_not_digits_repeated_or_a_run_is_refused(pin):
    with pytest.raises(pins.PinRefused):
        pins.check_policy(pin)


def test_a_pin_is_kept_only_as_its_argon2id_hash():
    pin_hash = pins.hash_pin("482915")
    assert pin_hash.startswith("$argon2id$") and "482915" not in pin_hash
    assert pins.hash_pin("482915") != pin_hash  # salted
    assert pins.pin_matches(pin_hash, "482915")
    assert not pins.pin_matches(pin_hash, "482916") and not pins.pin_matches("not a hash", "482915")


def test_five_wrong_pins_lock_for_five_minutes_then_each_lockout_doubles():
    state, now = LockState(), 1_000_000.0
    for _ in range(lockout.TRIES - 1):
        state = after_wrong_pin(state, now)
        assert locked_for(state, now) == 0
    state = after_wrong_pin(state, now)
    assert (
        locked_for(state, now) == 300
        and locked_for(state, now + 299) == 1
        and locked_for(state, now + 300) == 0
    )
    now += 300
    for _ in range(lockout.TRIES):
        state = after_wrong_pin(state, now)
    assert locked_for(state, now) == 600  # the second lockout in a row
    for _ in range(10):  # and so on, never longer than a day
        now += locked_for(state, now)
        for _ in range(lockout.TRIES):
            state = after_wrong_pin(state, now)
    assert locked_for(state, now) == lockout.LONGEST_LOCK
    assert after_right_pin() == LockState()
