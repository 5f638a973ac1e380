"""The window's one wall-clock ticker: `tick` every step, `jumped` on a gap (no sleeping: a moved clock)."""

from __future__ import annotations

from datetime import timedelta

from pytestqt.qtbot import QtBot

from app.services.clock import FixedClock
from app.ui.common.wall_clock import WallClockTicker


def test_tick_every_step_and_jumped_only_on_a_gap(clock: FixedClock, qtbot: QtBot) -> None:
    ticker = WallClockTicker(clock)
    ticks: list[int] = []
    jumps: list[float] = []
    ticker.tick.connect(ticks.append)
    ticker.jumped.connect(jumps.append)
    readings: list[int] = []
    ticker.start()
    try:
        assert ticker.running
        for step in (timedelta(seconds=1), timedelta(hours=2), timedelta(seconds=-30)):  # suspended, set back
            clock.advance(step)
            ticker.step()
            readings.append(int(clock.now().timestamp()))
    finally:
        ticker.stop()
    assert not ticker.running
    assert ticks == readings
    assert jumps == [7199.0, -31.0]  # beyond the one-second tick


def test_a_second_start_keeps_the_last_reading(clock: FixedClock) -> None:
    ticker = WallClockTicker(clock)
    ticker.start()
    try:
        clock.advance(timedelta(minutes=10))
        ticker.start()  # the scheduler starts the window's running ticker: no reset
        assert ticker.step().jumped
    finally:
        ticker.stop()
