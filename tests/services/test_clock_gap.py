"""The wall-clock gap rule: more than 10 s beyond the tick means sleep or a moved clock."""

from __future__ import annotations

from datetime import timedelta

from hypothesis import given
from hypothesis import strategies as st

from app.services.clock import FixedClock
from app.services.clock_gap import JUMP, TICK, GapWatch, clock_gap, is_jump
from tests.conftest import T0

S = timedelta(seconds=1)


def test_the_first_reading_has_no_gap_and_one_tick_later_none_either() -> None:
    clock = FixedClock(T0)
    watch = GapWatch(clock)
    first = watch.read()
    assert first.gap is None and not first.jumped and first.now == clock.now()
    clock.advance(S)
    assert watch.read().gap == timedelta(0)


def test_sleep_and_a_clock_moved_back_are_jumps_a_late_timer_is_not() -> None:
    clock = FixedClock(T0)
    watch = GapWatch(clock)
    watch.restart()
    clock.advance(11 * S)  # a timer 10 s late: exactly at the threshold, no jump
    assert watch.read().gap == JUMP and not is_jump(JUMP)
    clock.advance(3 * 24 * timedelta(hours=1))  # the laptop slept
    reading = watch.read()
    assert reading.jumped and reading.gap == timedelta(days=3) - TICK
    clock.advance(-timedelta(minutes=5))  # the clock was set back
    assert watch.read().jumped
    clock.advance(S)
    assert not watch.read().jumped  # and from there on it ticks normally


def test_forget_makes_the_next_reading_a_first_one() -> None:
    clock = FixedClock(T0)
    watch = GapWatch(clock)
    watch.restart()
    watch.forget()
    clock.advance(timedelta(hours=1))
    assert watch.read().gap is None


@given(st.integers(-(10**6), 10**6))
def test_a_jump_is_a_gap_beyond_ten_seconds_either_way(ms: int) -> None:
    last = T0
    now = last + TICK + timedelta(milliseconds=ms)
    assert clock_gap(last, now) == timedelta(milliseconds=ms)
    assert is_jump(clock_gap(last, now)) == (abs(ms) > 10_000)
