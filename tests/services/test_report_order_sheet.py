"""The 订单数 sheet and the rates that divide by it (issue 16, items 3 and 4)."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path
from typing import Any

from openpyxl import load_workbook

from app.bootstrap import AppContext
from app.services.clock import FixedClock
from app.services.reports.metric_defs import DEF, RATE_KEYS
from app.services.reports.metrics import MetricsReport, Rate
from app.services.reports.sheets import DATED_BY, MONTHLY_KEYS
from tests.services.test_report_formulas import ODD, ODD_SHOP, rich_export


def cached_rate(v: Any, rate: Rate) -> bool:
    if rate.value is None:
        return v == rate.text("zh")
    return abs(Decimal(str(v)) - rate.value) < Decimal("1e-12")


def test_order_counts_sheet_shop_by_month_missing_shown_as_such(
    ctx: AppContext, clock: FixedClock, tmp_path: Path
) -> None:
    path = tmp_path / "r.xlsx"
    rich_export(ctx, clock, path)
    ws = load_workbook(path, data_only=True)["订单数"]
    rows = [r for r in ws.iter_rows(min_row=5, values_only=True)]
    detail = {(r[0], r[2]): (r[3], r[4]) for r in rows[:4]}
    assert detail[("S1", "2026-10")][0] == 1500
    assert detail[("S1", "2026-11")][0] == 2800
    assert detail[(ODD_SHOP, "2026-11")][0] == 200
    assert detail[(ODD_SHOP, "2026-10")] == ("未录入", "未录入：用 orders set 或“订单数”窗口录入")  # not 0
    assert detail[("S1", "2026-11")][1].startswith("商家录入，最后修改 2026-12-01 10:00")
    totals = {r[0]: r[3] for r in rows[5:] if r[0]}
    assert totals["小计：S1"] == 4300
    assert totals[f"小计：{ODD_SHOP}"] == "未录入完整"
    assert totals["小计：2026-11"] == 3000
    assert totals["小计：2026-10"] == "未录入完整"
    assert totals["合计"] == "未录入完整"


def test_rates_are_a_cell_over_another_with_the_services_values(
    ctx: AppContext, clock: FixedClock, tmp_path: Path
) -> None:
    path = tmp_path / "r.xlsx"
    r: MetricsReport = rich_export(ctx, clock, path)
    formulas = {row[0].value: row[1].value for row in load_workbook(path)["汇总"].iter_rows(min_row=8)}
    cached = {
        row[0]: row[1]
        for row in load_workbook(path, data_only=True)["汇总"].iter_rows(min_row=8, values_only=True)
    }
    refunds_row = next(c.row for c in load_workbook(path)["汇总"]["A"] if c.value == DEF["refunds"].zh)
    assert formulas["退款率"] == (
        f"=IF(ISNUMBER('订单数'!$D$14),IF(('订单数'!$D$14)=0,\"无法计算：没有可比的基数\","
        f"(B{refunds_row})/('订单数'!$D$14)),\"无法计算：请先录入订单数\")"
    )
    for key in RATE_KEYS:
        assert cached_rate(cached[DEF[key].zh], r.rates[key]), key
    assert cached["退款率"] == "无法计算：请先录入订单数"  # 店*?~1 has no October count
    # by shop: S1 computes, the odd shop says why not; SUMIFS match its name literally
    shops = dict(r.shop_rates)
    ws = load_workbook(path)["汇总"]
    values = load_workbook(path, data_only=True)["汇总"]
    by_label = {row[0].value: row for row in ws.iter_rows() if row[0].value in shops}
    for label, row in by_label.items():
        for cell, key in zip(row[1:], RATE_KEYS, strict=True):
            assert cell.value.startswith("=IF("), (label, key)
            assert cached_rate(values[cell.coordinate].value, shops[label][key]), (label, key)
    odd = next(label for label in shops if label.startswith(ODD_SHOP))
    assert '"=店~*~?~~1"' in by_label[odd][1].value
    assert shops["S1"]["refund_rate"].value is not None


def test_monthly_figures_are_formulas_where_cases_date_them(
    ctx: AppContext, clock: FixedClock, tmp_path: Path
) -> None:
    path = tmp_path / "r.xlsx"
    r = rich_export(ctx, clock, path)
    ws, values = load_workbook(path)["月度趋势"], load_workbook(path, data_only=True)["月度趋势"]
    head = [c.value for c in ws[1]]
    for n, (month, figures, rates) in enumerate(r.monthly, 2):
        assert ws.cell(n, 1).value == month
        for key in MONTHLY_KEYS:
            cell = ws.cell(n, head.index(DEF[key].zh) + 1)
            assert Decimal(str(values[cell.coordinate].value)) == figures.get(key, Decimal(0)), (month, key)
            assert str(cell.value).startswith("=SUMIFS(") == (key in DATED_BY), (month, key)
        for key in RATE_KEYS:
            cell = ws.cell(n, head.index(DEF[key].zh) + 1)
            assert cell.value.startswith("=IF("), (month, key)
            assert cached_rate(values[cell.coordinate].value, rates[key]), (month, key)
    assert values.cell(3, head.index("退款率") + 1).value is not None


def test_money_rows_are_sumifs_over_cases_blank_handler_matched_as_empty(
    ctx: AppContext, clock: FixedClock, tmp_path: Path
) -> None:
    path = tmp_path / "r.xlsx"
    rich_export(ctx, clock, path)
    ws = load_workbook(path)["资金影响"]
    rows = {}
    table = None
    for row in ws.iter_rows():
        if row[0].value in ("处理人", "店铺"):
            table = row[0].value
        elif table and row[0].value is not None:
            rows[(table, row[0].value)] = row
    assert rows[("处理人", "-")][1].value.endswith(',"=")')  # shown "-", empty in 明细
    assert '"=王~~~*~?"' in rows[("处理人", ODD)][1].value
    assert rows[("处理人", "王")][2].value.startswith("=SUMIFS(")
    assert rows[("处理人", "合计")][1].value.startswith("=SUM(")
