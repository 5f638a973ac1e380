"""The merchant's side of the working-day calendar: what each year's schedule is and where it
comes from, entering a year the package does not know, and marking estimated deadlines.

`calendar.py` counts working days; this module is what the Rules screen's 节假日安排 dialog,
the CLI and the case detail ask: which years are the State Council's, which the merchant
typed, which are estimates; and "is this deadline an estimate?".
"""

from __future__ import annotations

import os
import re
import tempfile
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from enum import StrEnum
from pathlib import Path

from app.services.clock import BEIJING
from app.services.errors import InvalidInput
from app.services.rules.calendar import (
    CALENDAR_FILE,
    ESTIMATED,
    CalendarFileError,
    WorkCalendar,
    YearSchedule,
    default_calendar,
    load_calendar_file,
    parse_calendar,
    set_default_calendar,
)
from app.services.text.messages import Template, Text


class YearSource(StrEnum):
    STATE_COUNCIL = "state_council"  # the chinesecalendar package's data
    MERCHANT = "merchant"  # the merchant's calendar.toml
    ESTIMATE = "estimate"  # neither: Mon–Fri less the fixed-date holidays


# Short, for the dialog's list of years.
SOURCE_SHORT = {
    YearSource.STATE_COUNCIL: Template(en="State Council", zh="国务院安排"),
    YearSource.MERCHANT: Template(en="entered by you", zh="您录入的"),
    YearSource.ESTIMATE: Template(en="not known: estimate", zh="未知·估算"),
}
SOURCE_TEXT = {
    YearSource.STATE_COUNCIL: Template(en="State Council schedule", zh="国务院节假日安排"),
    YearSource.MERCHANT: Template(en="entered by you", zh="您录入的安排"),
    YearSource.ESTIMATE: Template(en="unknown: estimated as Monday to Friday", zh="未知：按周一至周五估算"),
}


@dataclass(frozen=True)
class YearView:
    year: int
    source: YearSource
    holidays: tuple[date, ...]  # Monday–Friday days off
    workdays: tuple[date, ...]  # weekend days worked in exchange (调休)


def year_view(calendar: WorkCalendar, year: int) -> YearView:
    """One year as the merchant checks it against the State Council's notice."""
    if year in calendar.overrides:
        source = YearSource.MERCHANT
    elif calendar.verified(year):
        source = YearSource.STATE_COUNCIL
    else:
        source = YearSource.ESTIMATE
    first = date(year, 1, 1)
    days = [first + timedelta(days=i) for i in range((date(year + 1, 1, 1) - first).days)]
    holidays = tuple(d for d in days if d.weekday() < 5 and not calendar.is_workday(d))
    workdays = tuple(d for d in days if d.weekday() >= 5 and calendar.is_workday(d))
    return YearView(year, source, holidays, workdays)


def estimate_notice(
    duration: str, starts_at: datetime | None, due_at: datetime | None, calendar: WorkCalendar | None = None
) -> Text | None:
    """For a working-day clock (`2wd`) that crosses a year whose schedule is unknown: the notice
    "2027 年节假日安排未知，按周一至周五估算". None for wall-clock durations and verified years."""
    if not duration.strip().endswith("wd") or starts_at is None or due_at is None:
        return None
    cal = calendar or default_calendar()
    first, last = starts_at.astimezone(BEIJING).year, due_at.astimezone(BEIJING).year
    unknown = tuple(str(y) for y in range(first, last + 1) if not cal.verified(y))
    return ESTIMATED(years=unknown) if unknown else None


def calendar_of(data_dir: Path) -> tuple[WorkCalendar, CalendarFileError | None]:
    """The package's calendar with the data folder's `calendar.toml` on top. A file with a mistake
    is reported and left out (the package's schedule and estimates stay in force)."""
    try:
        return WorkCalendar.from_file(data_dir / CALENDAR_FILE), None
    except CalendarFileError as e:
        return WorkCalendar(), e


def _format(years: Mapping[int, YearSchedule]) -> str:
    lines = [
        "# Working-day calendar entered in 售后哨兵 (the State Council's notice for each year).",
        "# holidays: days off; workdays: weekend days worked in exchange (调休).",
    ]
    for year in sorted(years):
        s = years[year]
        lines.append("")
        lines.append(f"[{year}]")
        lines.append("holidays = [" + ", ".join(f'"{d.isoformat()}"' for d in sorted(s.holidays)) + "]")
        lines.append("workdays = [" + ", ".join(f'"{d.isoformat()}"' for d in sorted(s.workdays)) + "]")
    return "\n".join(lines) + "\n"


def save_year(data_dir: Path, year: int, schedule: YearSchedule | None) -> WorkCalendar:
    """Enter (or, with None, drop) the merchant's schedule for `year` in `calendar.toml`, written
    whole under a temporary name first; the new calendar becomes the default and is returned.
    Raises CalendarFileError if the schedule does not hold (checked as the file is read back)."""
    path = data_dir / CALENDAR_FILE
    years = dict(load_calendar_file(path))
    if schedule is None:
        years.pop(year, None)
    else:
        years[year] = schedule
    text = _format(years)
    parse_calendar(text, str(path))  # the same checks as on reading: never write a file we refuse
    fd, tmp = tempfile.mkstemp(prefix=".calendar-", suffix=".toml", dir=data_dir)
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as f:
            f.write(text)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    calendar = WorkCalendar(years)
    set_default_calendar(calendar)
    return calendar


def import_file(data_dir: Path, source: Path) -> tuple[int, ...]:
    """Take the years of another calendar file (e.g. from a second shop) into ours; returns them."""
    incoming = load_calendar_file(source)
    for year, schedule in sorted(incoming.items()):
        save_year(data_dir, year, schedule)
    return tuple(sorted(incoming))


# ---- typing a year's schedule in ---------------------------------------------------------------

BAD_DAY = Template(
    en="{value!r} is not a date of {year}: write 2027-02-06, or a range 2027-02-06~2027-02-12",
    zh="「{value}」不是 {year} 年的日期：请写成 2027-02-06，或范围 2027-02-06~2027-02-12",
)
NO_DAYS_OFF = Template(en="list at least one day off", zh="请至少填写一个放假日期")
_SEPARATORS = re.compile(r"[\s,，、;；]+")
_RANGE = re.compile(r"^(\d{4}-\d{1,2}-\d{1,2})\s*[~～至到]\s*(\d{4}-\d{1,2}-\d{1,2})$")


def _day(text: str) -> date:
    y, m, d = (int(part) for part in text.split("-"))
    return date(y, m, d)


def parse_days(text: str, year: int) -> frozenset[date]:
    """Dates as a merchant types them from the State Council's notice: one per line or separated
    by commas, and ranges `2027-02-06~2027-02-12` (至, 到 and ～ too). InvalidInput names the bad one."""
    out: set[date] = set()
    normalised = re.sub(r"\s*([~～至到])\s*", r"\1", text.strip())
    for item in (part for part in _SEPARATORS.split(normalised) if part):
        try:
            ranged = _RANGE.match(item)
            if ranged:
                first, last = _day(ranged.group(1)), _day(ranged.group(2))
                days = [first + timedelta(days=i) for i in range((last - first).days + 1)]
            else:
                days = [_day(item)]
        except ValueError:
            days = []
        if not days or any(d.year != year for d in days):
            raise InvalidInput(BAD_DAY(value=item, year=year))
        out.update(days)
    return frozenset(out)


def schedule_from_text(year: int, holidays: str, workdays: str) -> YearSchedule:
    """A year as typed in the 节假日安排 dialog; InvalidInput (in both languages) when it does not hold."""
    off = parse_days(holidays, year)
    if not off:
        raise InvalidInput(NO_DAYS_OFF())
    worked = parse_days(workdays, year)
    schedule = YearSchedule(off, worked)
    try:
        parse_calendar(_format({year: schedule}), CALENDAR_FILE)  # the file's own checks
    except CalendarFileError as e:
        raise InvalidInput(e.problem) from None
    return schedule
