"""The one 1 s wall-clock ticker of the window: the countdowns and the scheduler listen to it.

A QTimer reads the injected clock once a second and emits `tick` with that reading; when
the gap rule (`app.services.clock_gap`) says the computer slept or the clock moved, it
emits `jumped` right after. The cases view repaints its countdowns on `tick`; the alert
scheduler re-plans on `jumped`. Tests call `step()` after moving a FixedClock: no sleeping.
"""

from __future__ import annotations

import logging
from datetime import timedelta

from PySide6.QtCore import QObject, QTimer, Signal

from app.services.clock import Clock
from app.services.clock_gap import TICK, GapWatch, TickReading

log = logging.getLogger(__name__)


class WallClockTicker(QObject):
    tick = Signal(int)  # the clock's reading of this tick (Unix seconds)
    jumped = Signal(float)  # seconds beyond one tick (negative: the clock went back)

    def __init__(self, clock: Clock, interval: timedelta = TICK, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._watch = GapWatch(clock, interval)
        self._timer = QTimer(self)
        self._timer.setInterval(int(interval.total_seconds() * 1000))
        self._timer.timeout.connect(self.step)

    @property
    def running(self) -> bool:
        return self._timer.isActive()

    def start(self) -> None:
        """Tick every interval from now on (a second call while running changes nothing)."""
        if not self.running:
            self._watch.restart()
            self._timer.start()

    def stop(self) -> None:
        self._timer.stop()

    def step(self) -> TickReading:
        """One tick: read the clock, emit `tick`, and `jumped` when the gap rule says so."""
        reading = self._watch.read()
        self.tick.emit(int(reading.now.timestamp()))
        if reading.jumped:
            assert reading.gap is not None
            log.info("clock gap of %s beyond the tick: re-planning", reading.gap)
            self.jumped.emit(reading.gap.total_seconds())
        return reading
