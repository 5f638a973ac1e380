"""China's working days for `wd` durations (app/services/rules/calendar.py).

What chinesecalendar says is checked here before it is relied on (2026's Spring Festival and
National Day), the holidays package is a second opinion on every day of 2025–2026, and the
year chinesecalendar lacks is found, not assumed, so a newer package moves the test with it.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, date, datetime, time, timedelta
from pathlib import Path

import chinese_calendar
import holidays
import pytest
from hypothesis import given
from hypothesis import strategies as st

from app.services.clock import BEIJING
from app.services.rules.calendar import (
    FIXED_HOLIDAYS,
    CalendarFileError,
    WorkCalendar,
    YearSchedule,
    default_calendar,
    load_calendar_file,
    parse_calendar,
    set_default_calendar,
)
from app.services.rules.presets import Duration

CAL = WorkCalendar()


def _first_missing_year() -> int:
    """The first year after 2024 chinesecalendar has no data for (2027 with 1.11.0)."""
    year = 2025
    while True:
        try:
            chinese_calendar.is_workday(date(year, 1, 1))
        except NotImplementedError:
            return year
        year += 1


MISSING = _first_missing_year()
FIRST_KNOWN = 2004


def bj(y: int, m: int, d: int, hour: int = 10, minute: int = 0) -> datetime:
    return datetime(y, m, d, hour, minute, tzinfo=BEIJING)


def days(start: date, end: date) -> Iterator[date]:
    day = start
    while day <= end:
        yield day
        day += timedelta(days=1)


def estimate(day: date) -> bool:
    """The fallback, written out independently: Mon–Fri less Jan 1, May 1, Oct 1–3."""
    return day.weekday() < 5 and (day.month, day.day) not in {(1, 1), (5, 1), (10, 1), (10, 2), (10, 3)}


def reference_is_workday(day: date) -> bool:
    if day.year >= MISSING or day.year < FIRST_KNOWN:
        return estimate(day)
    return bool(chinese_calendar.is_workday(day))


# ---- what the package says, and the examples built on it ---------------------------------------


def test_package_data_for_2026_national_day() -> None:
    assert all(not chinese_calendar.is_workday(d) for d in days(date(2026, 10, 1), date(2026, 10, 7)))
    assert chinese_calendar.is_workday(date(2026, 10, 10))  # Saturday, worked in exchange
    assert chinese_calendar.is_workday(date(2026, 9, 20))  # Sunday, worked in exchange


def test_national_day_2026_is_skipped() -> None:
    assert CAL.add_workdays(bj(2026, 9, 30), 2) == bj(2026, 10, 9)


def test_make_up_saturday_after_national_day_counts() -> None:
    assert CAL.add_workdays(bj(2026, 10, 9), 1) == bj(2026, 10, 10)  # Sat 10-10
    assert CAL.add_workdays(bj(2026, 10, 9), 2) == bj(2026, 10, 12)  # Sun 10-11 off
    assert CAL.is_workday(date(2026, 10, 10)) and not CAL.is_workday(date(2026, 10, 11))


def test_spring_festival_2026() -> None:
    # the package agrees with the State Council's notice: Feb 15–23 off, Sat Feb 14 and Feb 28 worked
    assert all(not chinese_calendar.is_workday(d) for d in days(date(2026, 2, 15), date(2026, 2, 23)))
    assert chinese_calendar.is_workday(date(2026, 2, 14)) and chinese_calendar.is_workday(date(2026, 2, 28))
    assert not any(CAL.is_workday(d) for d in days(date(2026, 2, 15), date(2026, 2, 23)))
    assert CAL.add_workdays(bj(2026, 2, 13, 18), 1) == bj(2026, 2, 14, 18)
    assert CAL.add_workdays(bj(2026, 2, 13, 18), 2) == bj(2026, 2, 24, 18)
    assert CAL.add_workdays(bj(2026, 2, 27, 18), 1) == bj(2026, 2, 28, 18)


def test_duration_wd_uses_the_default_calendar() -> None:
    assert Duration.parse("2wd").add_to(bj(2026, 9, 30)) == bj(2026, 10, 9)
    assert Duration.parse("2wd").add_to(bj(2026, 11, 6, 15)) == bj(2026, 11, 10, 15)  # plain weekend


def test_counts_beijing_dates_and_keeps_the_time_zone() -> None:
    start = datetime(2026, 9, 30, 17, 0, tzinfo=UTC)  # already Oct 1, 01:00 in Beijing
    got = CAL.add_workdays(start, 1)
    assert got == bj(2026, 10, 8, 1) and got.tzinfo is UTC


def test_zero_negative_and_naive() -> None:
    assert CAL.add_workdays(bj(2026, 10, 3), 0) == bj(2026, 10, 3)
    with pytest.raises(ValueError, match="zero or more"):
        CAL.add_workdays(bj(2026, 10, 3), -1)
    with pytest.raises(ValueError, match="aware"):
        CAL.add_workdays(datetime(2026, 10, 3, 10), 1)


# ---- properties --------------------------------------------------------------------------------

starts = st.datetimes(
    min_value=datetime(FIRST_KNOWN, 1, 1), max_value=datetime(MISSING + 1, 12, 1), timezones=st.just(BEIJING)
)
counts = st.integers(min_value=0, max_value=40)


@given(starts, st.integers(min_value=1, max_value=40))
def test_never_lands_on_a_day_off(start: datetime, n: int) -> None:
    got = CAL.add_workdays(start, n)
    assert CAL.is_workday(got) and reference_is_workday(got.date())
    assert got.timetz() == start.timetz() and got > start


@given(starts, counts)
def test_counts_exactly_n_working_days(start: datetime, n: int) -> None:
    got = CAL.add_workdays(start, n).date()
    crossed = list(days(start.date() + timedelta(days=1), got))
    assert sum(reference_is_workday(d) for d in crossed) == n


@given(starts, counts, counts)
def test_monotonic_and_additive(start: datetime, n: int, k: int) -> None:
    once = CAL.add_workdays(start, n)
    assert CAL.add_workdays(start, n + 1) > once
    assert CAL.add_workdays(once, k) == CAL.add_workdays(start, n + k)


MAKE_UP_DAYS = [
    d
    for d in days(date(FIRST_KNOWN, 1, 1), date(MISSING - 1, 12, 31))
    if d.weekday() >= 5 and chinese_calendar.is_workday(d)
]


@given(st.sampled_from(MAKE_UP_DAYS), st.times())
def test_lands_on_a_make_up_weekend_day(day: date, at: time) -> None:
    before = day - timedelta(days=1)
    while not chinese_calendar.is_workday(before):
        before -= timedelta(days=1)
    start = datetime.combine(before, at, tzinfo=BEIJING)
    assert CAL.add_workdays(start, 1) == datetime.combine(day, at, tzinfo=BEIJING)


def test_make_up_days_are_sampled_from_every_year() -> None:
    assert len(MAKE_UP_DAYS) > 50 and date(2026, 10, 10) in MAKE_UP_DAYS


def test_agrees_with_the_holidays_package_on_2025_and_2026() -> None:
    cn = holidays.country_holidays("CN", years=[2025, 2026])

    def second_opinion(day: date) -> bool:
        if hasattr(cn, "is_working_day"):
            return bool(cn.is_working_day(day))
        return day in cn.weekend_workdays if day.weekday() >= 5 else day not in cn

    every = list(days(date(2025, 1, 1), date(2026, 12, 31)))
    assert [d for d in every if CAL.is_workday(d) != second_opinion(d)] == []
    assert date(2026, 2, 28) in cn.weekend_workdays  # its 调休 days are really in the comparison


# ---- a year the package lacks --------------------------------------------------------------------


def test_missing_year_is_estimated_never_raised() -> None:
    with pytest.raises(NotImplementedError):
        chinese_calendar.is_workday(date(MISSING, 3, 1))  # the pitfall this module exists for
    assert not CAL.verified(MISSING) and CAL.verified(MISSING - 1) and not CAL.verified(2100)
    every = list(days(date(MISSING, 1, 1), date(MISSING, 12, 31)))
    assert [d for d in every if CAL.is_workday(d) != estimate(d)] == []
    for month, day in FIXED_HOLIDAYS:
        assert not CAL.is_workday(date(MISSING, month, day))
    assert CAL.add_workdays(bj(2100, 1, 1), 3) > bj(2100, 1, 1)


def test_crossing_into_a_missing_year_is_flagged() -> None:
    start = bj(MISSING - 1, 12, 31)
    result = CAL.add_workdays_checked(start, 1)
    first = next(d for d in days(date(MISSING, 1, 2), date(MISSING, 1, 9)) if d.weekday() < 5)
    assert result.at == datetime.combine(first, time(10), tzinfo=BEIJING)
    assert not result.verified and result.unverified_years == (MISSING,)
    notice = result.notice()
    assert notice is not None and notice.render("zh_CN") == f"{MISSING} 年节假日安排未知，按周一至周五估算"
    assert str(MISSING) in str(notice)


def test_missing_year_skips_national_day_estimate() -> None:
    got = CAL.add_workdays_checked(bj(MISSING, 9, 30), 1)
    first = next(d for d in days(date(MISSING, 10, 4), date(MISSING, 10, 9)) if d.weekday() < 5)
    assert got.at.date() == first and not got.verified


def test_known_years_are_verified() -> None:
    result = CAL.add_workdays_checked(bj(MISSING - 1, 9, 30), 10)
    assert result.verified and result.notice() is None


# ---- the merchant's own schedule -------------------------------------------------------------------


def _schedule_for(year: int) -> tuple[YearSchedule, date, date]:
    """A made-up notice: a weekday off in March and a Saturday in March worked in exchange."""
    march = list(days(date(year, 3, 1), date(year, 3, 31)))
    weekday_off = next(d for d in march if d.weekday() == 2)
    saturday_on = next(d for d in march if d.weekday() == 5)
    return YearSchedule.of([date(year, 1, 1), weekday_off], [saturday_on]), weekday_off, saturday_on


def test_merchant_schedule_takes_effect_and_verifies_the_year() -> None:
    schedule, off, on = _schedule_for(MISSING)
    cal = CAL.with_overrides({MISSING: schedule})
    assert cal.verified(MISSING) and not CAL.verified(MISSING)  # the original is unchanged
    assert not cal.is_workday(off) and cal.is_workday(on) and not cal.is_workday(date(MISSING, 1, 1))
    may_day = date(MISSING, 5, 1)
    assert cal.is_workday(may_day) == (may_day.weekday() < 5)  # the merchant's year replaces the estimate
    start = datetime.combine(on - timedelta(days=1), time(9), tzinfo=BEIJING)  # the Friday
    result = cal.add_workdays_checked(start, 1)
    assert result.at == datetime.combine(on, time(9), tzinfo=BEIJING) and result.verified


def test_merchant_schedule_replaces_the_package_for_that_year() -> None:
    cal = WorkCalendar({2026: YearSchedule.of([date(2026, 1, 1)])})
    assert cal.is_workday(date(2026, 2, 16)) and not cal.is_workday(date(2026, 2, 14))
    assert cal.is_workday(date(2025, 2, 8)) == CAL.is_workday(date(2025, 2, 8))  # other years untouched


def test_default_calendar_can_be_replaced() -> None:
    schedule, off, _on = _schedule_for(MISSING)
    previous = set_default_calendar(WorkCalendar({MISSING: schedule}))
    try:
        start = datetime.combine(off - timedelta(days=1), time(10), tzinfo=BEIJING)
        assert Duration.parse("1wd").add_to(start) == datetime.combine(
            off + timedelta(days=1), time(10), tzinfo=BEIJING
        )
    finally:
        set_default_calendar(previous)
    assert default_calendar() is previous


# ---- calendar.toml -----------------------------------------------------------------------------------


def test_loads_the_merchants_file(tmp_path: Path) -> None:
    path = tmp_path / "calendar.toml"
    path.write_text(
        f'[{MISSING}]\nholidays = ["{MISSING}-01-01", {MISSING}-10-01]\nworkdays = []\n\n'
        '[2026]\nholidays = ["2026-01-01"]\n',
        encoding="utf-8",
    )
    years = load_calendar_file(path)
    assert years[MISSING] == YearSchedule.of([date(MISSING, 1, 1), date(MISSING, 10, 1)])
    assert years[2026].holidays == {date(2026, 1, 1)}
    assert WorkCalendar.from_file(path).verified(MISSING)
    assert load_calendar_file(tmp_path / "absent.toml") == {}
    assert WorkCalendar.from_file(tmp_path / "absent.toml").verified(MISSING) is False


BAD_FILES = [
    ("[2027\nholidays = 1", "-", "not valid TOML", "不是有效的 TOML"),
    ('[next]\nholidays = ["2027-01-01"]', "next", "is not a year", "不是年份"),
    ("2027 = 5", "2027", "must be a table", "应写成一个表"),
    ('[2027]\nholiday = ["2027-01-01"]', "2027.holiday", "unknown key 'holiday'", "未知的键"),
    ('[2027]\nworkdays = ["2027-02-06"]', "2027.holidays", "missing or empty", "缺少或为空"),
    ('[2027]\nholidays = "2027-01-01"', "2027.holidays", "must be a list", "应为日期列表"),
    ('[2027]\nholidays = ["2027-13-01"]', "2027.holidays", "'2027-13-01' is not a date", "不是日期"),
    ('[2027]\nholidays = ["2026-10-01"]', "2027.holidays", "2026-10-01 is not in 2027", "不在 2027 年内"),
    ('[2027]\nholidays = ["2027-02-06"]\nworkdays = ["2027-02-06"]', "2027", "both", "同时写在了"),
    (
        '[2027]\nholidays = ["2027-01-01"]\nworkdays = ["2027-02-08"]',
        "2027.workdays",
        "Monday to Friday",
        "调休",
    ),
]


@pytest.mark.parametrize(("text", "key", "english", "chinese"), BAD_FILES)
def test_file_errors_name_the_file_and_key(text: str, key: str, english: str, chinese: str) -> None:
    with pytest.raises(CalendarFileError) as caught:
        parse_calendar(text, "/data/calendar.toml")
    err = caught.value
    assert err.path == "/data/calendar.toml" and err.key == key
    assert str(err).startswith(f"/data/calendar.toml [{key}]: ") and english in str(err)
    zh = err.message.render("zh_CN")
    assert zh.startswith(f"/data/calendar.toml［{key}］：") and chinese in zh


def test_unreadable_file(tmp_path: Path) -> None:
    path = tmp_path / "calendar.toml"
    path.write_bytes(b'[2027]\nholidays = ["\xff"]\n')
    with pytest.raises(CalendarFileError, match="cannot read the file") as caught:
        load_calendar_file(path)
    assert str(path) in str(caught.value) and "无法读取文件" in caught.value.message.render("zh_CN")
