"""Working-day clocks end to end: China's holidays, a year the package does not know (marked as
an estimate, never an exception), and the merchant's own schedule for that year taking effect."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from app.cli import main
from app.services.rules import calendar as cal
from app.services.rules.calendar import YearSchedule
from app.services.rules.holidays import YearSource, calendar_of, estimate_notice, save_year, year_view

NOW = "--now"


@pytest.fixture(autouse=True)
def keep_default_calendar():  # type: ignore[no-untyped-def]
    before = cal.default_calendar()
    yield
    cal.set_default_calendar(before)


def first_unknown_year() -> int:
    year = 2026
    while cal.WorkCalendar().verified(year):
        year += 1
    return year


def cli(capsys: pytest.CaptureFixture[str], data: Path, now: str, *args: str) -> str:
    capsys.readouterr()
    assert main(["--data-dir", str(data), NOW, now, *args]) == 0
    return capsys.readouterr().out


def xhs_return_delivered(capsys: pytest.CaptureFixture[str], data: Path, at: str) -> None:
    """A 小红书 return whose goods were signed for at `at`: the 2-working-day refund clock runs."""
    cli(capsys, data, at, "case", "add", "--platform", "xiaohongshu", "--type", "return_refund",
        "--reason", "quality", "--order-no", "X1", "--aftersale-no", "XHS1", "--amount", "59.00",
        "--requested-at", at)  # fmt: skip
    for action, extra in (("approve", []), ("buyer_ship", ["--tracking", "SF1"]), ("return_delivered", [])):
        cli(capsys, data, at, "case", "act", "XHS1", action, *extra)


def merchant_clock(capsys: pytest.CaptureFixture[str], data: Path, now: str) -> dict[str, object]:
    shown = json.loads(cli(capsys, data, now, "case", "show", "XHS1", "--json"))
    return next(d for d in shown["deadlines"] if d["party"] == "merchant")


def test_national_day_is_not_counted(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    data = tmp_path / "data"
    xhs_return_delivered(capsys, data, "2026-09-30T10:00")
    clock = merchant_clock(capsys, data, "2026-09-30T10:00")
    assert clock["due_at"] == "2026-10-09T10:00:00+08:00"  # Oct 1–7 off (was 10-02 on Mon–Fri)
    assert clock["estimate"] is None


def test_a_year_without_a_schedule_is_estimated_and_says_so(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    year = first_unknown_year()
    data = tmp_path / "data"
    xhs_return_delivered(capsys, data, f"{year - 1}-12-31T10:00")
    clock = merchant_clock(capsys, data, f"{year - 1}-12-31T10:00")
    # Jan 1 is a fixed holiday even in an estimate; the weekend is off: the second working day after.
    assert str(clock["due_at"]).startswith(f"{year}-01-")
    assert f"the {year} holiday schedule is unknown" in str(clock["estimate"])
    assert year_view(cal.default_calendar(), year).source is YearSource.ESTIMATE


def test_the_merchants_schedule_takes_effect_and_recounts_open_clocks(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    year = first_unknown_year()
    data = tmp_path / "data"
    xhs_return_delivered(capsys, data, f"{year - 1}-12-31T10:00")
    before = merchant_clock(capsys, data, f"{year - 1}-12-31T10:00")
    estimated_due = str(before["due_at"])
    # The merchant enters the year: every day of the first full week of January is off.
    first_week = [f"{year}-01-{d:02d}" for d in range(1, 9)]
    from datetime import date

    days = [date.fromisoformat(d) for d in first_week]
    save_year(data, year, YearSchedule.of(days))
    after = merchant_clock(capsys, data, f"{year - 1}-12-31T10:00")  # a new command: recounted at open
    assert after["estimate"] is None
    assert str(after["due_at"]) > estimated_due
    assert year_view(calendar_of(data)[0], year).source is YearSource.MERCHANT


def test_a_bad_calendar_file_is_left_out_with_its_reason(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    data = tmp_path / "data"
    data.mkdir()
    (data / "calendar.toml").write_text('[2027]\nholidays = ["2027-13-01"]\n', encoding="utf-8")
    calendar, problem = calendar_of(data)
    assert problem is not None and "2027.holidays" in str(problem)
    assert calendar.overrides == {}


def test_wall_clock_rules_are_never_estimates() -> None:
    from datetime import UTC, datetime

    start, end = datetime(2030, 1, 1, tzinfo=UTC), datetime(2030, 1, 3, tzinfo=UTC)
    assert estimate_notice("48h", start, end) is None
    assert estimate_notice("2wd", start, end) is not None or cal.WorkCalendar().verified(2030)
