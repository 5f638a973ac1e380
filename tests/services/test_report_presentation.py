"""How the workbook reads on screen and on paper (issue 16, items 7 and 8)."""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path

from openpyxl import load_workbook

from app.bootstrap import AppContext
from app.services.clock import FixedClock
from app.services.reports.metric_defs import DEF
from app.services.reports.metrics import Period
from app.services.reports.workbook import ReportRequest
from tests.services.report_fixtures import november_set

NOV = Period(date(2026, 11, 1), date(2026, 11, 30))


def export(ctx: AppContext, clock: FixedClock, tmp_path: Path) -> Path:
    november_set(ctx, clock)
    path = tmp_path / "r.xlsx"
    ctx.reports.export(ReportRequest(NOV), path)
    return path


def test_summary_shows_generated_time_whole_and_the_version(
    ctx: AppContext, clock: FixedClock, tmp_path: Path
) -> None:
    ws = load_workbook(export(ctx, clock, tmp_path))["汇总"]
    assert isinstance(ws["B4"].value, datetime)
    assert ws.column_dimensions["B"].width >= 19  # 'yyyy-mm-dd h:mm:ss' needs 19, else ###
    assert ws["A5"].value == "应用版本" and ws["B5"].value


def test_wrapped_definitions_get_the_rows_they_need(
    ctx: AppContext, clock: FixedClock, tmp_path: Path
) -> None:
    wb = load_workbook(export(ctx, clock, tmp_path))
    defs = wb["口径说明"]
    long = DEF["quality_applications"].zh
    row = next(c.row for c in defs["A"] if c.value == long)
    assert defs.row_dimensions[row].height and defs.row_dimensions[row].height >= 30
    summary = wb["汇总"]
    row = next(c.row for c in summary["A"] if c.value == long)
    assert summary.row_dimensions[row].height >= 30


def test_cases_and_events_print_landscape_one_page_wide_header_on_each_page(
    ctx: AppContext, clock: FixedClock, tmp_path: Path
) -> None:
    wb = load_workbook(export(ctx, clock, tmp_path))
    for name in ("明细", "时间线"):
        ws = wb[name]
        assert ws.page_setup.orientation == "landscape", name
        assert ws.sheet_properties.pageSetUpPr.fitToPage and ws.page_setup.fitToWidth == 1, name
        assert ws.print_title_rows == "$1:$1", name


def test_definitions_say_how_the_rates_differ_from_the_platform_dashboard(
    ctx: AppContext, clock: FixedClock, tmp_path: Path
) -> None:
    texts = [
        str(v)
        for r in load_workbook(export(ctx, clock, tmp_path))["口径说明"].iter_rows(values_only=True)
        for v in r
        if v
    ]
    assert any("近30天" in t and "子订单" in t and "自然月" in t for t in texts)
    assert any("收货前" in t for t in texts)  # 平均退款时长's split, as platform-rules.md has it
    assert not any("发货前(未发货仅退款)" in t for t in texts)


def test_a_one_month_line_chart_marks_its_point(ctx: AppContext, clock: FixedClock, tmp_path: Path) -> None:
    import zipfile

    with zipfile.ZipFile(export(ctx, clock, tmp_path)) as z:
        charts = [z.read(n).decode() for n in z.namelist() if n.startswith("xl/charts/chart")]
    line = next(c for c in charts if "lineChart" in c)
    assert 'symbol val="circle"' in line
