"""资金影响: one table per dimension, each with its own 合计 equal to the summary (issue 16, item 5)."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import Any

from openpyxl import load_workbook

from app.bootstrap import AppContext
from app.models.enums import CaseType, Reason
from app.services.clock import FixedClock
from app.services.reports.labels import DIMENSION_NAMES
from app.services.reports.metric_defs import DEF, MONEY_LINES
from app.services.reports.metrics import Period
from app.services.reports.workbook import ReportRequest
from tests.services.report_fixtures import add, bj, november_set

NOV = Period(date(2026, 11, 1), date(2026, 11, 30))
KEYS = ("cases_in_report", *MONEY_LINES)


def tables(ws: Any) -> dict[str, tuple[list[Any], list[list[Any]], list[Any]]]:
    """dimension → (header, item rows, 合计 row), read in sheet order; a blank row ends a table."""
    out: dict[str, tuple[list[Any], list[list[Any]], list[Any]]] = {}
    header: list[Any] | None = None
    rows: list[list[Any]] = []
    for row in ws.iter_rows(values_only=True):
        cells = list(row)
        if not any(v is not None for v in cells):
            header, rows = None, []
        elif header is None:
            header = cells
        elif cells[0] == "合计":
            out[header[0]] = (header, rows, cells)
        else:
            rows.append(cells)
    return out


def num(v: Any) -> Decimal:
    return Decimal(str(v)) if v is not None else Decimal(0)


def test_one_table_per_dimension_each_with_its_own_total(
    ctx: AppContext, clock: FixedClock, tmp_path: Path
) -> None:
    november_set(ctx, clock)
    add(ctx, "OLD", CaseType.REFUND_ONLY, Reason.QUALITY, "9.99", bj(10, 30))  # auto-refunds on 11-01
    ctx.cases.tick()
    path = tmp_path / "r.xlsx"
    result = ctx.reports.export(ReportRequest(NOV), path)
    r = result.report
    found = tables(load_workbook(path, data_only=True)["资金影响"])
    assert list(found) == [zh for zh, _ in DIMENSION_NAMES.values()]
    for dim, (header, rows, total) in found.items():
        assert header[1:] == [DEF[k].zh for k in KEYS], dim
        assert rows, dim
        expected = [Decimal(r.cases_in_report)] + [r.total(k) for k in MONEY_LINES]
        assert [num(v) for v in total[1:]] == expected, dim  # 合计 equals the summary …
        sums = [sum((num(row[i]) for row in rows), Decimal(0)) for i in range(1, len(header))]
        assert sums == expected, dim  # … and the table's own rows
    assert any(num(v) for v in found["类型"][2][1:])


def test_english_tables_are_named_by_dimension(ctx: AppContext, clock: FixedClock, tmp_path: Path) -> None:
    november_set(ctx, clock)
    path = tmp_path / "en.xlsx"
    ctx.reports.export(ReportRequest(NOV, lang="en"), path)
    heads = [
        row[0]
        for row in load_workbook(path, data_only=True)["Money"].iter_rows(values_only=True)
        if row[0] in {en for _, en in DIMENSION_NAMES.values()}
    ]
    assert heads == [en for _, en in DIMENSION_NAMES.values()]
