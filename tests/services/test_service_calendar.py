"""The service calendar: the shop's weekly hours on China's working days (调休 included) less its
own days off, and the target calculator on it (issue 18 item 4).

Property tests: a target never falls outside working hours; adding working time is monotone;
it agrees with a brute-force minute-by-minute count."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from app.services.clock import BEIJING
from app.services.rules.calendar import WorkCalendar
from app.services.service_desk.service_calendar import DEFAULT_HOURS, ServiceCalendar, WeeklyHours

M = timedelta(minutes=1)
H = timedelta(hours=1)
CAL = WorkCalendar()


def bj(y: int, mo: int, d: int, h: int = 0, mi: int = 0) -> datetime:
    return datetime(y, mo, d, h, mi, tzinfo=BEIJING)


def default() -> ServiceCalendar:
    return ServiceCalendar(CAL)


def test_default_hours_are_nine_to_ten_on_working_days() -> None:
    cal = default()
    assert cal.hours_on(date(2026, 11, 4)) == (time(9), time(22))  # a Wednesday
    assert cal.hours_on(date(2026, 11, 7)) is None  # a Saturday
    assert cal.hours_on(date(2026, 10, 1)) is None  # National Day
    # 调休: Sunday 2026-09-20 and Saturday 2026-10-10 are worked (chinesecalendar), at weekday hours
    assert cal.hours_on(date(2026, 9, 20)) == (time(9), time(22))
    assert cal.hours_on(date(2026, 10, 10)) == (time(9), time(22))
    assert cal.hours_on(date(2026, 9, 25)) is None  # 中秋, a Friday


def test_merchant_days_off_and_weekly_hours() -> None:
    hours = WeeklyHours.of({0: (time(10), time(18)), 5: (time(10), time(16))})  # Mon and Sat only
    cal = ServiceCalendar(CAL, hours, days_off=frozenset({date(2026, 11, 9)}))
    assert cal.hours_on(date(2026, 11, 9)) is None  # a Monday the merchant took off
    assert cal.hours_on(date(2026, 11, 16)) == (time(10), time(18))
    assert cal.hours_on(date(2026, 11, 7)) == (time(10), time(16))  # the shop opens on Saturday
    assert cal.hours_on(date(2026, 11, 10)) is None  # Tuesday: closed
    # the statutory calendar can be left out (a shop that opens every day it has hours for)
    own = ServiceCalendar(CAL, DEFAULT_HOURS, statutory=False)
    assert own.hours_on(date(2026, 10, 1)) == (time(9), time(22))


def test_adding_working_hours_skips_nights_weekends_and_holidays() -> None:
    cal = default()
    assert cal.add(bj(2026, 11, 4, 10), 2 * H) == bj(2026, 11, 4, 12)
    assert cal.add(bj(2026, 11, 4, 21), 2 * H) == bj(2026, 11, 5, 10)  # one hour tonight, one tomorrow
    assert cal.add(bj(2026, 11, 4, 23, 30), 2 * H) == bj(2026, 11, 5, 11)  # asked at night: counts from 09:00
    assert cal.add(bj(2026, 11, 6, 21), 2 * H) == bj(2026, 11, 9, 10)  # Friday night → Monday
    assert cal.add(bj(2026, 9, 30, 21), 2 * H) == bj(2026, 10, 8, 10)  # National Day: Oct 1–7 off (2026)
    assert cal.add(bj(2026, 11, 4, 20), 2 * H) == bj(2026, 11, 4, 22)  # ends at closing, not next morning


def test_adding_zero_moves_an_instant_outside_hours_to_the_next_opening() -> None:
    cal = default()
    assert cal.add(bj(2026, 11, 4, 10), timedelta(0)) == bj(2026, 11, 4, 10)
    assert cal.add(bj(2026, 11, 7, 10), timedelta(0)) == bj(2026, 11, 9, 9)


def test_working_days_land_at_the_same_time_or_at_closing() -> None:
    cal = default()
    assert cal.add_days(bj(2026, 11, 4, 15), 1) == bj(2026, 11, 5, 15)
    assert cal.add_days(bj(2026, 11, 6, 15), 1) == bj(2026, 11, 9, 15)  # Friday → Monday
    # ended at night: the next working day counts whole, to its closing
    assert cal.add_days(bj(2026, 11, 4, 23), 1) == bj(2026, 11, 5, 22)
    assert cal.add_days(bj(2026, 11, 6, 23), 2) == bj(2026, 11, 10, 22)
    shorter = ServiceCalendar(CAL, WeeklyHours.of({0: (time(9), time(22)), 1: (time(9), time(12))}))
    assert shorter.add_days(bj(2026, 11, 9, 15), 1) == bj(2026, 11, 10, 12)  # Tuesday closes at 12:00


def test_elapsed_counts_only_working_time() -> None:
    cal = default()
    assert cal.elapsed(bj(2026, 11, 4, 21), bj(2026, 11, 5, 10)) == 2 * H
    assert cal.elapsed(bj(2026, 11, 6, 12), bj(2026, 11, 9, 12)) == 13 * H
    assert cal.elapsed(bj(2026, 11, 5, 10), bj(2026, 11, 4, 21)) == timedelta(0)  # reversed: nothing


def test_a_calendar_without_any_hours_is_refused() -> None:
    with pytest.raises(ValueError):
        ServiceCalendar(CAL, WeeklyHours.of({}))
    with pytest.raises(ValueError):
        WeeklyHours.of({0: (time(18), time(9))})


def test_naive_instants_are_refused() -> None:
    with pytest.raises(ValueError):
        default().add(datetime(2026, 11, 4, 10), H)


# ---- properties ------------------------------------------------------------------------------

_START = bj(2026, 9, 20)  # spans National Day, its 调休 Sundays and a few weekends

instants = st.integers(0, 40 * 24 * 60).map(lambda m: _START + m * M)
spans = st.integers(0, 3 * 13 * 60).map(lambda m: m * M)
weekly = st.dictionaries(
    st.integers(0, 6),
    st.tuples(st.integers(0, 22), st.integers(1, 23))
    .filter(lambda t: t[0] < t[1])
    .map(lambda t: (time(t[0]), time(t[1]))),
    min_size=1,
)
off_days = st.frozensets(st.integers(0, 40).map(lambda d: (_START + timedelta(days=d)).date()), max_size=6)
calendars = st.builds(
    lambda w, off, statutory: ServiceCalendar(CAL, WeeklyHours.of(w), off, statutory),
    weekly,
    off_days,
    st.booleans(),
)


def _working(cal: ServiceCalendar, minute_start: datetime) -> bool:
    """Is the minute [t, t+1m) inside the shop's hours? (the brute force's own reading)"""
    local = minute_start.astimezone(BEIJING)
    hours = cal.hours_on(local.date())
    if hours is None:
        return False
    return hours[0] <= local.time() and (local + M).time() <= hours[1] and (local + M).date() == local.date()


def _inside(cal: ServiceCalendar, at: datetime) -> bool:
    local = at.astimezone(BEIJING)
    hours = cal.hours_on(local.date())
    return hours is not None and hours[0] <= local.time() <= hours[1]


@settings(max_examples=150, deadline=None)
@given(calendars, instants, spans)
def test_a_target_never_falls_outside_working_hours(
    cal: ServiceCalendar, start: datetime, span: timedelta
) -> None:
    assert _inside(cal, cal.add(start, span))


@settings(max_examples=150, deadline=None)
@given(calendars, instants, spans, spans)
def test_adding_working_time_is_monotone(
    cal: ServiceCalendar, start: datetime, a: timedelta, b: timedelta
) -> None:
    lo, hi = sorted((a, b))
    assert cal.add(start, lo) <= cal.add(start, hi)
    later = start + (hi - lo)
    assert cal.add(start, lo) <= cal.add(later, lo)  # a later start never gives an earlier target


@settings(max_examples=60, deadline=None)
@given(calendars, instants, st.integers(1, 2 * 13 * 60))
def test_adding_agrees_with_a_minute_by_minute_count(
    cal: ServiceCalendar, start: datetime, minutes: int
) -> None:
    t = start
    left = minutes
    while left:
        if _working(cal, t):
            left -= 1
        t += M
    # t is the end of the minute that completed the count
    assert cal.add(start, minutes * M) == t
    assert cal.elapsed(start, t) == minutes * M


@settings(max_examples=60, deadline=None)
@given(calendars, instants, st.integers(0, 3 * 24 * 60))
def test_elapsed_agrees_with_a_minute_by_minute_count(
    cal: ServiceCalendar, start: datetime, minutes: int
) -> None:
    end = start + minutes * M
    brute = sum(1 for i in range(minutes) if _working(cal, start + i * M))
    assert cal.elapsed(start, end) == brute * M


@settings(max_examples=100, deadline=None)
@given(calendars, instants, st.integers(0, 5))
def test_working_days_land_inside_hours_and_never_earlier(
    cal: ServiceCalendar, start: datetime, n: int
) -> None:
    at = cal.add_days(start, n)
    assert _inside(cal, at)
    assert at >= start
    assert cal.add_days(start, n) <= cal.add_days(start, n + 1)
