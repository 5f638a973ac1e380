"""The monthly auto-export: which month is due, its file name, and never replacing a file."""

from __future__ import annotations

from pathlib import Path

import pytest
from openpyxl import load_workbook

from app.services.clock import FixedClock
from app.services.reports.metrics import MetricsService
from app.services.reports.monthly_export import MonthlyExportService, file_name, plan_export
from app.services.reports.order_counts import OrderCountService
from app.services.reports.workbook import ReportError, ReportService
from tests.services.report_fixtures import bj, november_set


def _service(ctx, clock: FixedClock) -> MonthlyExportService:
    metrics = MetricsService(ctx.sessions, clock, OrderCountService(ctx.sessions, clock))
    return MonthlyExportService(ReportService(metrics, clock, "9.9.9"), clock)


def test_file_name_is_the_month() -> None:
    assert file_name("2026-10") == "售后报表-2026-10.xlsx"


@pytest.mark.parametrize(
    ("now", "month", "first", "last"),
    [
        (bj(11, 1, 0, 0), "2026-10", "2026-10-01", "2026-10-31"),  # midnight of the 1st, Beijing
        (bj(11, 30, 23, 59), "2026-10", "2026-10-01", "2026-10-31"),
        (bj(1, 1, 9, 0, year=2027), "2026-12", "2026-12-01", "2026-12-31"),  # across the year
        (bj(3, 2, year=2028), "2028-02", "2028-02-01", "2028-02-29"),  # leap year
    ],
)
def test_plan_is_last_month_in_beijing_time(tmp_path: Path, now, month, first, last) -> None:
    plan = plan_export(tmp_path, now)
    assert plan.month == month
    assert (plan.period.first_day.isoformat(), plan.period.last_day.isoformat()) == (first, last)
    assert plan.path == tmp_path / f"售后报表-{month}.xlsx"
    assert plan.due and not plan.already_there


def test_plan_31_october_16_utc_is_already_november_in_beijing(tmp_path: Path) -> None:
    # 2026-10-31 16:30 UTC = 2026-11-01 00:30 Beijing: October is complete and due
    assert plan_export(tmp_path, bj(11, 1, 0, 30)).month == "2026-10"
    assert plan_export(tmp_path, bj(10, 31, 23, 59)).month == "2026-09"


def test_plan_sees_an_existing_file(tmp_path: Path) -> None:
    (tmp_path / "售后报表-2026-10.xlsx").write_bytes(b"edited by the merchant")
    plan = plan_export(tmp_path, bj(11, 2))
    assert plan.already_there and not plan.due


def test_run_writes_last_months_report(ctx, clock: FixedClock, tmp_path: Path) -> None:
    november_set(ctx, clock)
    clock.set(bj(12, 1, 9))
    folder = tmp_path / "reports"
    folder.mkdir()
    outcome = _service(ctx, clock).run(folder)
    assert outcome.written and outcome.result is not None
    assert outcome.plan.path == folder / "售后报表-2026-11.xlsx"
    assert outcome.result.case_rows == 6
    wb = load_workbook(outcome.plan.path, read_only=True)
    assert wb.sheetnames[0] == "汇总"
    wb.close()
    assert [p.name for p in folder.iterdir()] == ["售后报表-2026-11.xlsx"]  # no temp file left


def test_run_never_replaces_an_existing_file(ctx, clock: FixedClock, tmp_path: Path) -> None:
    november_set(ctx, clock)
    clock.set(bj(12, 3))
    target = tmp_path / "售后报表-2026-11.xlsx"
    target.write_bytes(b"edited by the merchant")
    outcome = _service(ctx, clock).run(tmp_path)
    assert not outcome.written and outcome.plan.already_there
    assert target.read_bytes() == b"edited by the merchant"


def test_run_twice_writes_once(ctx, clock: FixedClock, tmp_path: Path) -> None:
    clock.set(bj(12, 1, 9))
    service = _service(ctx, clock)
    assert service.run(tmp_path).written
    assert not service.run(tmp_path).written


def test_missing_folder_is_a_clear_error(ctx, clock: FixedClock, tmp_path: Path) -> None:
    with pytest.raises(ReportError, match="folder does not exist"):
        _service(ctx, clock).run(tmp_path / "gone")
