"""Summary figures are live formulas over 明细 with cached values (issue 16, item 3).

LibreOffice recalculates a copy whose cached values were removed, so the values it finds are its
own: they must equal the cached ones and the service's figures.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import zipfile
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from openpyxl import load_workbook

from app.bootstrap import AppContext
from app.models.enums import CaseType, Reason
from app.services.clock import FixedClock
from app.services.reports.metric_defs import DEF, LEDGER_KEYS
from app.services.reports.metrics import MetricsReport, Period
from app.services.reports.workbook import ReportRequest
from tests.services.report_fixtures import add, bj, november_set

NOV = Period(date(2026, 11, 1), date(2026, 11, 30))
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


@pytest.mark.skipif(
    shutil.which("soffice") is None, reason="LibreOffice not installed; CI installs libreoffice-calc-nogui"
)
def test_libreoffice_recalculates_the_same_figures(ctx: AppContext, clock: FixedClock, tmp_path: Path) -> None:
    path = tmp_path / "r.xlsx"
    r = export(ctx, clock, path)
    bare = tmp_path / "bare" / "r.xlsx"
    bare.parent.mkdir()
    without_cached_values(path, bare)
    assert all(v is None for v in figures(bare, data_only=True).values())
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
    recalculated = as_decimals(figures(out / "r.xlsx", data_only=True))
    assert recalculated == as_decimals(figures(path, data_only=True)) == as_decimals(expected(r))
