"""环比 on 汇总: the previous period beside this one (issue 16, item 7)."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from pathlib import Path

from openpyxl import load_workbook

from app.bootstrap import AppContext
from app.models.enums import CaseType, Reason
from app.services.clock import FixedClock
from app.services.reports.metric_defs import DEF
from app.services.reports.metrics import Period
from app.services.reports.workbook import ReportRequest
from tests.services.report_fixtures import add, bj, november_set

NOV = Period(date(2026, 11, 1), date(2026, 11, 30))


def test_previous_period_is_as_many_whole_months_or_as_many_days() -> None:
    assert NOV.previous() == Period(date(2026, 10, 1), date(2026, 10, 31))
    assert Period(date(2026, 1, 1), date(2026, 1, 31)).previous() == Period(
        date(2025, 12, 1), date(2025, 12, 31)
    )
    q = Period(date(2026, 9, 1), date(2026, 11, 30))
    assert q.previous() == Period(date(2026, 6, 1), date(2026, 8, 31))
    assert Period(date(2026, 3, 1), date(2026, 3, 31)).previous() == Period(
        date(2026, 2, 1), date(2026, 2, 28)
    )
    days = Period(date(2026, 11, 10), date(2026, 11, 19))
    assert days.previous() == Period(date(2026, 10, 31), date(2026, 11, 9))


def test_summary_shows_the_previous_period_and_the_change(
    ctx: AppContext, clock: FixedClock, tmp_path: Path
) -> None:
    november_set(ctx, clock)
    for i in range(3):  # October: three new cases
        add(ctx, f"OCT{i}", CaseType.REFUND_ONLY, Reason.QUALITY, "9.99", bj(10, 20 + i))
    path = tmp_path / "r.xlsx"
    ctx.reports.export(ReportRequest(NOV), path)
    ws = load_workbook(path)["汇总"]
    values = load_workbook(path, data_only=True)["汇总"]
    assert values["F7"].value == "上期 2026-10-01 – 2026-10-31"
    assert values["G7"].value.startswith("环比")
    row = next(c.row for c in ws["A"] if c.value == DEF["cases_new"].zh)
    assert values[f"B{row}"].value == 6 and values[f"F{row}"].value == 3
    assert ws[f"G{row}"].value == f'=IF(F{row}=0,"—",B{row}/F{row}-1)'
    assert Decimal(str(values[f"G{row}"].value)) == Decimal(1)  # 6 vs 3: +100%
    rate = next(c.row for c in ws["A"] if c.value == DEF["on_time_rate"].zh)
    assert ws[f"G{rate}"].value.startswith("=IF(AND(ISNUMBER(")
