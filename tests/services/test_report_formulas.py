"""Summary figures are live formulas over 明细 with cached values (issue 16, item 3).

LibreOffice recalculates a copy whose cached values were removed, so the values it finds are its
own: they must equal the cached ones and the service's figures.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import zipfile
from collections.abc import Iterable
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from openpyxl import load_workbook

from app.bootstrap import AppContext
from app.models.enums import Action, CaseType, Reason
from app.services.clock import FixedClock
from app.services.reports.metric_defs import DEF, LEDGER_KEYS
from app.services.reports.metrics import MetricsReport, Period
from app.services.reports.workbook import ReportRequest
from tests.services.report_fixtures import act, add, bj, november_set

NOV = Period(date(2026, 11, 1), date(2026, 11, 30))
OCT_NOV = Period(date(2026, 10, 1), date(2026, 11, 30))
ODD_SHOP = "店*?~1"  # criteria wildcards: a SUMIFS must match them literally
ODD = "王~*?"
FIGURES = ("cases_in_report", *LEDGER_KEYS)


def export(ctx: AppContext, clock: FixedClock, path: Path) -> MetricsReport:
    november_set(ctx, clock)
    add(ctx, "OLD", CaseType.REFUND_ONLY, Reason.QUALITY, "9.99", bj(10, 30))  # auto-refunds on 11-01
    ctx.cases.tick()
    return ctx.reports.export(ReportRequest(NOV), path).report


def figures(path: Path, data_only: bool) -> dict[str, Any]:
    names = {DEF[k].zh: k for k in FIGURES}
    ws = load_workbook(path, data_only=data_only)["汇总"]
    return {names[r[0]]: r[1] for r in ws.iter_rows(min_row=7, values_only=True) if r[0] in names}


def expected(r: MetricsReport) -> dict[str, Decimal]:
    return {"cases_in_report": Decimal(r.cases_in_report), **{k: r.total(k) for k in LEDGER_KEYS}}


def as_decimals(values: dict[str, Any]) -> dict[str, Decimal]:
    return {k: Decimal(str(v)).quantize(Decimal("0.01")) for k, v in values.items()}


def test_summary_figures_are_formulas_over_the_cases_sheet_with_cached_values(
    ctx: AppContext, clock: FixedClock, tmp_path: Path
) -> None:
    path = tmp_path / "r.xlsx"
    r = export(ctx, clock, path)
    formulas = figures(path, data_only=False)
    assert set(formulas) == set(FIGURES)
    assert formulas["cases_in_report"] == "=COUNT('明细'!A2:A8)"  # 7 cases
    for key in LEDGER_KEYS:
        assert re.fullmatch(r"=SUM\('明细'!([A-Z]+)2:\1(8)\)", formulas[key]), (key, formulas[key])
    assert as_decimals(figures(path, data_only=True)) == as_decimals(expected(r))


def without_cached_values(src: Path, dst: Path) -> None:
    """A copy of the workbook whose formulas carry no value: whoever shows a number computed it."""
    with zipfile.ZipFile(src) as zin, zipfile.ZipFile(dst, "w", zipfile.ZIP_DEFLATED) as zout:
        for item in zin.infolist():
            data = zin.read(item)
            if item.filename.startswith("xl/worksheets/"):
                data = re.sub(rb"(</f>)<v>[^<]*</v>", rb"\1", data)
            zout.writestr(item, data)


def rich_export(ctx: AppContext, clock: FixedClock, path: Path) -> MetricsReport:
    """Two months, a shop and a handler whose names hold the criteria wildcards, cases without a
    handler, and one order count missing (so some rates compute and some say why not)."""
    november_set(ctx, clock)
    add(ctx, "OLD", CaseType.REFUND_ONLY, Reason.QUALITY, "9.99", bj(10, 30))  # auto-refunds on 11-01
    c = add(ctx, "T1", CaseType.REFUND_ONLY, Reason.QUALITY, "12.34", bj(11, 12), shop=ODD_SHOP, handler=ODD)
    act(ctx, c, Action.APPROVE, bj(11, 12, 11))
    add(ctx, "T2", CaseType.RETURN_REFUND, Reason.NO_REASON, "5.00", bj(11, 13), shop=ODD_SHOP, handler="王")
    ctx.cases.tick()
    orders = ctx.order_counts
    orders.set(orders.resolve_shop("S1"), "2026-10", 1500)
    orders.set(orders.resolve_shop("S1"), "2026-11", 2800)
    orders.set(orders.resolve_shop(ODD_SHOP), "2026-11", 200)  # its October is missing
    return ctx.reports.export(ReportRequest(OCT_NOV), path).report


def formula_cells(path: Path) -> dict[tuple[str, str], str]:
    wb = load_workbook(path)
    return {
        (ws.title, c.coordinate): c.value
        for ws in wb.worksheets
        for row in ws.iter_rows()
        for c in row
        if isinstance(c.value, str) and c.data_type == "f"
    }


def values_at(path: Path, cells: Iterable[tuple[str, str]]) -> dict[tuple[str, str], Any]:
    wb = load_workbook(path, data_only=True)
    return {(s, a): comparable(wb[s][a].value) for s, a in cells}


def comparable(v: Any) -> Any:
    if isinstance(v, bool) or v is None or isinstance(v, str):
        return v
    return Decimal(str(v)).quantize(Decimal("0.000001"))


def recalculated(tmp_path: Path, path: Path) -> Path:
    """LibreOffice's own values for the formulas of `path` (a copy without cached values)."""
    bare = tmp_path / "bare" / path.name
    bare.parent.mkdir()
    without_cached_values(path, bare)
    out = tmp_path / "lo"
    done = subprocess.run(
        [
            "soffice",
            f"-env:UserInstallation=file://{tmp_path / 'lo-profile'}",
            "--headless",
            "--convert-to",
            "xlsx",
            "--outdir",
            str(out),
            str(bare),
        ],
        capture_output=True,
        text=True,
        timeout=180,
    )
    assert done.returncode == 0, done.stderr
    return out / path.name


@pytest.mark.skipif(
    shutil.which("soffice") is None, reason="LibreOffice not installed; CI installs libreoffice-calc-nogui"
)
def test_libreoffice_recalculates_the_same_figures(
    ctx: AppContext, clock: FixedClock, tmp_path: Path
) -> None:
    path = tmp_path / "r.xlsx"
    r = export(ctx, clock, path)
    lo = recalculated(tmp_path, path)
    recalculated_figures = as_decimals(figures(lo, data_only=True))
    assert recalculated_figures == as_decimals(figures(path, data_only=True)) == as_decimals(expected(r))


@pytest.mark.skipif(
    shutil.which("soffice") is None, reason="LibreOffice not installed; CI installs libreoffice-calc-nogui"
)
def test_libreoffice_recalculates_every_formula_to_its_cached_value(
    ctx: AppContext, clock: FixedClock, tmp_path: Path
) -> None:
    path = tmp_path / "r.xlsx"
    rich_export(ctx, clock, path)
    cells = formula_cells(path)
    sheets = {s for s, _ in cells}
    assert {"汇总", "资金影响", "月度趋势", "订单数"} <= sheets, sheets
    cached = values_at(path, cells)
    assert all(v is not None for v in cached.values()), [k for k, v in cached.items() if v is None]
    lo = recalculated(tmp_path, path)
    again = values_at(lo, cells)
    wrong = {k: (cells[k], cached[k], again[k]) for k in cells if again[k] != cached[k]}
    assert not wrong
