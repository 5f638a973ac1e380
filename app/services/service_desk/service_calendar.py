"""The shop's service calendar, and working time on it: the clock of the merchant's own targets.

A platform clock never pauses (`rules/deadlines.py`); the shop's targets (answer within 2
working hours, call back within 2 working days) count only while the shop works:

- weekly hours, one span per weekday (default 09:00–22:00 Monday to Friday, none at weekends);
- China's statutory calendar (`rules/calendar.WorkCalendar`: the State Council's holidays off,
  its 调休 make-up weekend days on — at the weekend day's own hours if the shop has any, else
  at its first weekday's hours); an ordinary weekend day keeps the shop's weekend hours, so a
  shop that opens on Saturdays says so in its hours. `statutory=False`: the weekly hours alone;
- the merchant's own days off (a team outing, 年假), whole Beijing days.

Instants are aware; days and hours are Beijing's. A span's end may be the closing instant
itself (a target "by 22:00"); a start outside hours counts from the next opening.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from app.services.clock import BEIJING
from app.services.rules.calendar import WorkCalendar

Span = tuple[time, time]  # opening, closing (closing later the same day)
_ZERO = timedelta(0)
_MAX_DAYS = 3 * 366  # a calendar with hours somewhere finds them long before this


@dataclass(frozen=True)
class WeeklyHours:
    """The shop's hours, Monday (0) to Sunday (6); None: closed that weekday."""

    days: tuple[Span | None, ...]

    @classmethod
    def of(cls, spans: Mapping[int, Span]) -> WeeklyHours:
        for weekday, (opens, closes) in spans.items():
            if not 0 <= weekday <= 6:
                raise ValueError(f"weekday {weekday}: 0 (Monday) to 6 (Sunday)")
            if not opens < closes:
                raise ValueError(f"weekday {weekday}: opens at {opens}, closes at {closes}: must close later")
        return cls(tuple(spans.get(d) for d in range(7)))

    def on(self, weekday: int) -> Span | None:
        return self.days[weekday]

    @property
    def any(self) -> bool:
        return any(self.days)

    @property
    def first_weekday(self) -> Span | None:
        """The hours a 调休 make-up weekend day takes when the shop has none of its own that day."""
        return next((s for s in self.days[:5] if s is not None), None)


DEFAULT_HOURS = WeeklyHours.of({d: (time(9), time(22)) for d in range(5)})


class ServiceCalendar:
    """When the shop works, and working time between instants."""

    def __init__(
        self,
        calendar: WorkCalendar,
        hours: WeeklyHours = DEFAULT_HOURS,
        days_off: frozenset[date] = frozenset(),
        statutory: bool = True,
    ) -> None:
        if not hours.any:
            raise ValueError("the shop has no working hours on any weekday")
        self.calendar = calendar
        self.hours = hours
        self.days_off = frozenset(days_off)
        self.statutory = statutory

    def hours_on(self, day: date) -> Span | None:
        """The shop's hours on a Beijing day, None when it does not work that day."""
        if day in self.days_off:
            return None
        weekday = day.weekday()
        own = self.hours.on(weekday)
        if not self.statutory:
            return own
        working = self.calendar.is_workday(day)
        if weekday < 5:
            return own if working else None  # a statutory holiday is off
        if working:  # 调休: a weekend day worked in exchange
            return own or self.hours.first_weekday
        return own  # an ordinary weekend: the shop's weekend hours, if it has any

    def _span(self, day: date) -> tuple[datetime, datetime] | None:
        hours = self.hours_on(day)
        if hours is None:
            return None
        return datetime.combine(day, hours[0], BEIJING), datetime.combine(day, hours[1], BEIJING)

    def is_working(self, at: datetime) -> bool:
        """Is the shop open at this instant (opening included, closing not)?"""
        local = _local(at)
        span = self._span(local.date())
        return span is not None and span[0] <= local < span[1]

    def add(self, start: datetime, span: timedelta) -> datetime:
        """The instant `span` of working time after `start` (kept in `start`'s zone). Zero: `start`
        if the shop is open then (its closing instant included), else the next opening."""
        if span < _ZERO:
            raise ValueError(f"cannot add {span}: only zero or more")
        local = _local(start)
        day = local.date()
        left = span
        for _ in range(_MAX_DAYS):
            hours = self._span(day)
            if hours is not None:
                opens, closes = hours
                begin = max(opens, local)
                if begin <= closes:
                    room = closes - begin
                    if left <= room:
                        return (begin + left).astimezone(start.tzinfo)
                    left -= room
            day += timedelta(days=1)
        raise ValueError("no working hours found within three years")

    def add_days(self, start: datetime, n: int) -> datetime:
        """`n` working days after `start`: at the same time on the n-th next working day (the
        nearest instant of its hours when it opens later or closes earlier). A start outside
        hours counts the next working day whole: by its closing."""
        if n < 0:
            raise ValueError(f"cannot add {n} working days: only zero or more")
        local = _local(start)
        if n == 0:
            return self.add(start, _ZERO)
        if not self.is_working(start):
            day = local.date()
            today = self._span(day)
            if today is None or local >= today[1]:
                day = self._next_working_day(day)
            for _ in range(n - 1):
                day = self._next_working_day(day)
            span = self._span(day)
            assert span is not None
            return span[1].astimezone(start.tzinfo)
        day = local.date()
        for _ in range(n):
            day = self._next_working_day(day)
        span = self._span(day)
        assert span is not None
        at = datetime.combine(day, local.time(), BEIJING)
        return min(max(at, span[0]), span[1]).astimezone(start.tzinfo)

    def _next_working_day(self, day: date) -> date:
        for _ in range(_MAX_DAYS):
            day += timedelta(days=1)
            if self.hours_on(day) is not None:
                return day
        raise ValueError("no working day found within three years")

    def elapsed(self, start: datetime, end: datetime) -> timedelta:
        """Working time from `start` to `end` (zero when `end` is not later)."""
        a, b = _local(start), _local(end)
        if b <= a:
            return _ZERO
        total = _ZERO
        day = a.date()
        while day <= b.date():
            hours = self._span(day)
            if hours is not None:
                lo, hi = max(hours[0], a), min(hours[1], b)
                if hi > lo:
                    total += hi - lo
            day += timedelta(days=1)
        return total


def _local(at: datetime) -> datetime:
    if at.tzinfo is None:
        raise ValueError("the service calendar needs an aware datetime (a naive one has no Beijing day)")
    return at.astimezone(BEIJING)


__all__ = ["DEFAULT_HOURS", "ServiceCalendar", "Span", "WeeklyHours"]
