"""The shop's service-desk settings: its hours and days off, its targets and its 回访 rule.

Kept in the database (`desk_settings`, JSON per key), not in the window's settings file: every
PC of a shop counts the same targets, and the command line (`due`) lists them. Declared once
here with their defaults; Settings edits them through `TargetService.save_settings`.

Refund within 48 h of the return arriving: seed 002 promises "在确认无误后的48小时内完成退款操作"
— 48 小时, hours on the clock as the buyer counts them, not 工作日 (the seed says 工作日 nowhere,
and the platforms' own receipt clocks are wall-clock too), so by default that target runs on
the wall clock; `refund_working` makes it count working hours instead.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass, replace
from datetime import date, time, timedelta
from typing import Any

from app.models.enums import Stage
from app.services.rules.calendar import WorkCalendar
from app.services.service_desk.service_calendar import DEFAULT_HOURS, ServiceCalendar, WeeklyHours

CALLBACK_OUTCOMES = (Stage.REFUNDED.value, Stage.COMPLETED.value, Stage.CLOSED.value)


@dataclass(frozen=True)
class DeskSettings:
    hours: WeeklyHours = DEFAULT_HOURS
    statutory: bool = True  # China's holidays off, 调休 days on
    days_off: frozenset[date] = frozenset()
    first_response: timedelta = timedelta(hours=2)  # working time, from the request
    refund: timedelta = timedelta(hours=48)  # from the return's arrival (seed 002)
    refund_working: bool = False  # False: wall-clock hours, as the seed promises them
    callback_within_days: int = 2  # 回访 target: working days after the case ended
    callback_after_days: int = 1  # the callback task is due this many working days after the end
    callback_outcomes: tuple[str, ...] = (Stage.REFUNDED.value, Stage.COMPLETED.value)

    def calendar(self, work: WorkCalendar) -> ServiceCalendar:
        return ServiceCalendar(work, self.hours, self.days_off, self.statutory)

    def to_store(self) -> dict[str, str]:
        hours = [
            None if s is None else [s[0].strftime("%H:%M"), s[1].strftime("%H:%M")] for s in self.hours.days
        ]
        values: dict[str, Any] = {
            "hours": hours,
            "statutory": self.statutory,
            "days_off": sorted(d.isoformat() for d in self.days_off),
            "first_response_minutes": int(self.first_response.total_seconds() // 60),
            "refund_minutes": int(self.refund.total_seconds() // 60),
            "refund_working": self.refund_working,
            "callback_within_days": self.callback_within_days,
            "callback_after_days": self.callback_after_days,
            "callback_outcomes": list(self.callback_outcomes),
        }
        return {k: json.dumps(v, ensure_ascii=False) for k, v in values.items()}

    @classmethod
    def from_store(cls, raw: Mapping[str, str]) -> DeskSettings:
        """The stored values over the defaults; a key that cannot be read keeps its default."""
        out = cls()
        for key, text in raw.items():
            try:
                out = _apply(out, key, json.loads(text))
            except (ValueError, TypeError, KeyError, IndexError):
                continue
        return out

    def checked(self) -> DeskSettings:
        """These settings if they hold, else ValueError naming what does not."""
        if not self.hours.any:
            raise ValueError("the shop has no working hours on any weekday")
        if self.first_response <= timedelta(0) or self.refund <= timedelta(0):
            raise ValueError("a target must be longer than zero")
        if not 0 <= self.callback_after_days <= 30 or not 1 <= self.callback_within_days <= 30:
            raise ValueError("回访: 0 to 30 working days after, within 1 to 30")
        if any(o not in CALLBACK_OUTCOMES for o in self.callback_outcomes):
            raise ValueError(f"回访 outcomes: {CALLBACK_OUTCOMES}")
        return self


def _clock(text: str) -> time:
    hh, _, mm = text.partition(":")
    return time(int(hh), int(mm or 0))


def _apply(s: DeskSettings, key: str, value: Any) -> DeskSettings:
    if key == "hours":
        spans = {i: (_clock(v[0]), _clock(v[1])) for i, v in enumerate(value) if v}
        return replace(s, hours=WeeklyHours.of(spans))
    if key == "statutory":
        return replace(s, statutory=bool(value))
    if key == "days_off":
        return replace(s, days_off=frozenset(date.fromisoformat(d) for d in value))
    if key == "first_response_minutes":
        return replace(s, first_response=timedelta(minutes=int(value)))
    if key == "refund_minutes":
        return replace(s, refund=timedelta(minutes=int(value)))
    if key == "refund_working":
        return replace(s, refund_working=bool(value))
    if key == "callback_within_days":
        return replace(s, callback_within_days=int(value))
    if key == "callback_after_days":
        return replace(s, callback_after_days=int(value))
    if key == "callback_outcomes":
        return replace(s, callback_outcomes=tuple(str(v) for v in value if str(v) in CALLBACK_OUTCOMES))
    return s


__all__ = ["CALLBACK_OUTCOMES", "DeskSettings"]
