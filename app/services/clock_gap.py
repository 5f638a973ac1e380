"""The wall-clock gap rule (DESIGN.md, "Time and alerts"), pure and without Qt.

Something reads the injected clock once a tick (every second in the window). When two
readings are further apart than one tick by more than `JUMP`, the computer slept or the
clock was moved: every countdown is stale and the plan of alerts and auto-actions must
be re-derived from the database at once. A reading never counts ticks; it only compares
two instants of the clock, so a late or a skipped timer is no gap unless the clock says so.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from app.services.clock import Clock

TICK = timedelta(seconds=1)
JUMP = timedelta(seconds=10)  # beyond the tick: the computer slept or the clock was moved


def clock_gap(last: datetime, now: datetime, tick: timedelta = TICK) -> timedelta:
    """How far this reading strayed from 'one tick after the last one' (negative: the clock went back)."""
    return now - last - tick


def is_jump(gap: timedelta) -> bool:
    return abs(gap) > JUMP


@dataclass(frozen=True)
class TickReading:
    now: datetime
    gap: timedelta | None  # None on the first reading (nothing to compare with)

    @property
    def jumped(self) -> bool:
        return self.gap is not None and is_jump(self.gap)


class GapWatch:
    """Remembers the last reading of the clock and tells each tick how far it strayed."""

    def __init__(self, clock: Clock, tick: timedelta = TICK) -> None:
        self._clock = clock
        self.tick = tick
        self._last: datetime | None = None

    def restart(self) -> None:
        """From now on (after a start or a pause): the next reading is compared with this instant."""
        self._last = self._clock.now()

    def forget(self) -> None:
        """The next reading is a first one (no gap)."""
        self._last = None

    def read(self) -> TickReading:
        now = self._clock.now()
        last, self._last = self._last, now
        return TickReading(now, None if last is None else clock_gap(last, now, self.tick))
