"""China's statutory working days, for `wd` durations (DESIGN.md "Calendar").

A working day is what the State Council's yearly notice says: its holidays are off, its 调休
make-up weekend days are on, every other Monday–Friday is on. The schedule comes from, in order:

1. the merchant's own schedule for that year (`calendar.toml` in the data folder, see
   `load_calendar_file`), which replaces the package's data for that year;
2. the `chinesecalendar` package (1.11.0 knows 2004–2026);
3. for any other year an estimate: Monday–Friday less the fixed-date holidays (元旦 Jan 1,
   劳动节 May 1, 国庆 Oct 1–3). Such a year is *unverified*: `add_workdays_checked` says so,
   so the window can say "2027 年节假日安排未知，按周一至周五估算".

`chinesecalendar` raises NotImplementedError for a year it has no data for; that is caught
here, once per year, and never reaches a countdown. Each year's days are looked up once and
kept, so counting is a set lookup per day.
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from pathlib import Path

import chinese_calendar

from app.services.clock import BEIJING
from app.services.text.messages import Template, Text

# The holidays whose dates never move, kept when a year's schedule is unknown. Spring Festival,
# 清明, 端午 and 中秋 follow the lunar calendar or the solar terms, and the days around every
# holiday are set by each year's notice, so no estimate of those is attempted.
FIXED_HOLIDAYS: tuple[tuple[int, int], ...] = ((1, 1), (5, 1), (10, 1), (10, 2), (10, 3))

CALENDAR_FILE = "calendar.toml"


@dataclass(frozen=True)
class YearSchedule:
    """One year's schedule as the State Council's notice gives it."""

    holidays: frozenset[date]  # days off (a weekend day inside a holiday may be listed too)
    workdays: frozenset[date] = frozenset()  # weekend days worked in exchange (调休)

    @classmethod
    def of(cls, holidays: Iterable[date], workdays: Iterable[date] = ()) -> YearSchedule:
        return cls(frozenset(holidays), frozenset(workdays))


@dataclass(frozen=True)
class WorkdaySum:
    """Where adding working days lands, and which years on the way were only estimated."""

    at: datetime
    unverified_years: tuple[int, ...] = ()

    @property
    def verified(self) -> bool:
        return not self.unverified_years

    def notice(self) -> Text | None:
        """What to tell the merchant when the result rests on an estimate, else None."""
        if self.verified:
            return None
        return ESTIMATED(years=tuple(str(y) for y in self.unverified_years))


@dataclass(frozen=True)
class _Year:
    off: frozenset[date]  # every day of the year that is not a working day
    verified: bool


class WorkCalendar:
    """Answers "is this a working day in China?" and adds working days, in Beijing time."""

    def __init__(self, overrides: Mapping[int, YearSchedule] | None = None) -> None:
        self._overrides: dict[int, YearSchedule] = dict(overrides or {})
        self._years: dict[int, _Year] = {}  # filled lazily; a lost race only computes twice

    @classmethod
    def from_file(cls, path: Path) -> WorkCalendar:
        """The package's calendar with the merchant's file on top. Raises CalendarFileError."""
        return cls(load_calendar_file(path))

    def with_overrides(self, overrides: Mapping[int, YearSchedule]) -> WorkCalendar:
        """A calendar that also knows these years (they win over what this one had)."""
        return WorkCalendar({**self._overrides, **overrides})

    @property
    def overrides(self) -> Mapping[int, YearSchedule]:
        return dict(self._overrides)

    def verified(self, year: int) -> bool:
        """Is the real schedule of `year` known (from the merchant or the package)?"""
        return self._year(year).verified

    def is_workday(self, day: date) -> bool:
        if isinstance(day, datetime):
            day = day.date()
        return day not in self._year(day.year).off

    def add_workdays(self, start: datetime, n: int) -> datetime:
        """`start` plus `n` working days, at the same Beijing time of day (see `add_workdays_checked`)."""
        return self.add_workdays_checked(start, n).at

    def add_workdays_checked(self, start: datetime, n: int) -> WorkdaySum:
        """Step a day at a time from `start`'s Beijing date and time, counting each working day
        reached, until `n` are counted; the result keeps `start`'s time zone. Wed 2026-09-30
        10:00 + 2 → Fri 2026-10-09 10:00 (National Day Oct 1–7 off)."""
        if start.tzinfo is None:
            raise ValueError("add_workdays needs an aware datetime (a naive one has no Beijing date)")
        if n < 0:
            raise ValueError(f"cannot add {n} working days: only zero or more")
        local = start.astimezone(BEIJING)
        unverified: list[int] = []
        left = n
        while left:
            local += timedelta(days=1)
            year = self._year(local.year)
            if not year.verified and local.year not in unverified:
                unverified.append(local.year)
            if local.date() not in year.off:
                left -= 1
        return WorkdaySum(local.astimezone(start.tzinfo), tuple(unverified))

    def _year(self, year: int) -> _Year:
        known = self._years.get(year)
        if known is None:
            known = self._years[year] = self._build(year)
        return known

    def _build(self, year: int) -> _Year:
        days = _days_of(year)
        schedule = self._overrides.get(year)
        if schedule is not None:
            off = {
                d for d in days if d not in schedule.workdays and (d.weekday() >= 5 or d in schedule.holidays)
            }
            return _Year(frozenset(off), verified=True)
        try:
            off = {d for d in days if not chinese_calendar.is_workday(d)}
        except NotImplementedError:  # "no available data for year …": estimate, and say so
            fixed = {date(year, m, d) for m, d in FIXED_HOLIDAYS}
            return _Year(frozenset(d for d in days if d.weekday() >= 5 or d in fixed), verified=False)
        return _Year(frozenset(off), verified=True)


def _days_of(year: int) -> list[date]:
    first = date(year, 1, 1)
    return [first + timedelta(days=i) for i in range((date(year + 1, 1, 1) - first).days)]


_DEFAULT = [WorkCalendar()]


def default_calendar() -> WorkCalendar:
    """The calendar `Duration.add_to` counts `wd` with: the package's, unless replaced."""
    return _DEFAULT[0]


def set_default_calendar(calendar: WorkCalendar) -> WorkCalendar:
    """Make `calendar` (e.g. with the merchant's file) the default; returns the one it replaced."""
    previous, _DEFAULT[0] = _DEFAULT[0], calendar
    return previous


# ---- the merchant's schedule: <data folder>/calendar.toml ----------------------------------
#
#   [2027]
#   holidays = ["2027-01-01", "2027-02-06", ...]
#   workdays = ["2027-02-07", ...]      # weekend days worked in exchange; may be left out


ESTIMATED = Template(
    en="the {years} holiday schedule is unknown: working days estimated as Monday to Friday",
    zh="{years} 年节假日安排未知，按周一至周五估算",
)
FILE_PROBLEM = Template(en="{path} [{key}]: {problem}", zh="{path}［{key}］：{problem}")
CANT_READ = Template(en="cannot read the file: {error}", zh="无法读取文件：{error}")
NOT_TOML = Template(en="not valid TOML: {error}", zh="不是有效的 TOML 文件：{error}")
NOT_A_YEAR = Template(
    en="{name!r} is not a year: name each table after its year, e.g. [2027]",
    zh="「{name}」不是年份：每个表以年份为名，例如 [2027]",
)
NOT_A_TABLE = Template(
    en="must be a table with holidays = [...] and workdays = [...]",
    zh="应写成一个表，包含 holidays = [...] 和 workdays = [...]",
)
UNKNOWN_KEY = Template(
    en="unknown key {name!r}: a year has only holidays and workdays",
    zh="未知的键「{name}」：每年只能写 holidays 和 workdays",
)
NO_HOLIDAYS = Template(
    en='missing or empty: list the year\'s days off, e.g. holidays = ["{year}-01-01"]',
    zh='缺少或为空：请列出当年放假的日期，例如 holidays = ["{year}-01-01"]',
)
NOT_A_LIST = Template(
    en='must be a list of dates, e.g. ["{year}-01-01"]', zh='应为日期列表，例如 ["{year}-01-01"]'
)
NOT_A_DATE = Template(
    en="{value!r} is not a date like {year}-01-01", zh="「{value}」不是日期，应写成 {year}-01-01 这样"
)
WRONG_YEAR = Template(en="{day} is not in {year}", zh="{day} 不在 {year} 年内")
BOTH_LISTS = Template(
    en="{day} is listed both as a holiday and as a working day",
    zh="{day} 同时写在了 holidays 和 workdays 里",
)
WEEKDAY_WORKDAY = Template(
    en="{day} is a Monday to Friday: workdays lists only the weekend days worked in exchange (调休)",
    zh="{day} 本来就是周一至周五：workdays 只写调休上班的周六、周日",
)

_YEAR_RE = re.compile(r"^\d{4}$")


@dataclass
class CalendarFileError(Exception):
    """The merchant's calendar file cannot be used: which file, which key, and why."""

    path: str
    key: str
    problem: Text
    message: Text = field(init=False)

    def __post_init__(self) -> None:
        self.message = FILE_PROBLEM(path=self.path, key=self.key, problem=self.problem)
        super().__init__(self.message)

    def __str__(self) -> str:
        return str(self.message)


def load_calendar_file(path: Path) -> dict[int, YearSchedule]:
    """The years the merchant has written down; no file means none. Raises CalendarFileError."""
    if not path.exists():
        return {}
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as e:
        raise CalendarFileError(str(path), "-", CANT_READ(error=str(e))) from None
    return parse_calendar(text, str(path))


def parse_calendar(text: str, path: str) -> dict[int, YearSchedule]:
    """Parse and check calendar TOML text; `path` names it in the errors."""
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as e:
        raise CalendarFileError(path, "-", NOT_TOML(error=str(e))) from None
    years: dict[int, YearSchedule] = {}
    for name, table in data.items():
        if not _YEAR_RE.match(name):
            raise CalendarFileError(path, name, NOT_A_YEAR(name=name))
        if not isinstance(table, dict):
            raise CalendarFileError(path, name, NOT_A_TABLE())
        year = int(name)
        for key in table:
            if key not in ("holidays", "workdays"):
                raise CalendarFileError(path, f"{name}.{key}", UNKNOWN_KEY(name=key))
        if not table.get("holidays"):
            raise CalendarFileError(path, f"{name}.holidays", NO_HOLIDAYS(year=name))
        holidays = _dates(table["holidays"], year, path, f"{name}.holidays")
        workdays = _dates(table.get("workdays", []), year, path, f"{name}.workdays")
        both = sorted(holidays & workdays)
        if both:
            raise CalendarFileError(path, name, BOTH_LISTS(day=both[0]))
        weekdays = sorted(d for d in workdays if d.weekday() < 5)
        if weekdays:
            raise CalendarFileError(path, f"{name}.workdays", WEEKDAY_WORKDAY(day=weekdays[0]))
        years[year] = YearSchedule(holidays, workdays)
    return years


def _dates(raw: object, year: int, path: str, key: str) -> frozenset[date]:
    if not isinstance(raw, list):
        raise CalendarFileError(path, key, NOT_A_LIST(year=year))
    out: set[date] = set()
    for item in raw:
        day: date | None = None
        if isinstance(item, date) and not isinstance(item, datetime):  # an unquoted TOML date
            day = item
        elif isinstance(item, str):
            try:
                day = date.fromisoformat(item.strip())
            except ValueError:
                day = None
        if day is None:
            raise CalendarFileError(path, key, NOT_A_DATE(value=str(item), year=year))
        if day.year != year:
            raise CalendarFileError(path, key, WRONG_YEAR(day=day, year=year))
        out.add(day)
    return frozenset(out)


__all__ = [
    "CALENDAR_FILE",
    "FIXED_HOLIDAYS",
    "CalendarFileError",
    "WorkCalendar",
    "WorkdaySum",
    "YearSchedule",
    "default_calendar",
    "load_calendar_file",
    "parse_calendar",
    "set_default_calendar",
]
