"""The workbook re-opened with openpyxl: sheets, formats, reconciliation, safe text, masking."""

from __future__ import annotations

import shutil
import subprocess
import zipfile
from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest
from openpyxl import load_workbook

from app.bootstrap import AppContext
from app.models.enums import CaseType, Reason
from app.services.reports.cells import DATE_FORMAT, MONEY_FORMAT, PERCENT_FORMAT
from app.services.reports.metric_defs import DEF, LEDGER_KEYS
from app.services.reports.metrics import MetricsService, Period
from app.services.reports.order_counts import OrderCountService
from app.services.reports.workbook import ReportError, ReportRequest, ReportService, case_headers
from app.services.text.pii import mask_address, mask_phone
from tests.services.report_fixtures import add, bj, november_set

NOV = Period(date(2026, 11, 1), date(2026, 11, 30))
ZH_SHEETS = ["汇总", "资金影响", "原因与商品", "月度趋势", "订单数", "明细", "时间线", "口径说明"]
EN_SHEETS = ["Summary", "Money", "By reason & SKU", "Monthly", "Orders", "Cases", "Events", "Definitions"]
INJECTED = {
    "buyer_nick": '=HYPERLINK("http://x")',
    "product_title": "+1+1",
    "reason_detail": "@SUM(A1)",
    "sku": "-2",
    "handler": "\t=1+1",
    "buyer_address": "\r=2+3",
    "buyer_phone": "=1+1",
}


@pytest.fixture
def service(ctx: AppContext) -> ReportService:
    orders = OrderCountService(ctx.sessions, ctx.clock)
    return ReportService(MetricsService(ctx.sessions, ctx.clock, orders), ctx.clock, "9.9.9")


def _export(service: ReportService, path: Path, **kw) -> Path:
    service.export(ReportRequest(NOV, **kw), path)
    return path


def _header_index(ws) -> dict[str, int]:
    return {c.value: i for i, c in enumerate(next(ws.iter_rows(min_row=1, max_row=1)))}


def test_sheets_formats_frozen_headers_and_filters(ctx, clock, service, tmp_path) -> None:
    november_set(ctx, clock)
    wb = load_workbook(_export(service, tmp_path / "r.xlsx"), data_only=True)
    assert wb.sheetnames == ZH_SHEETS
    cases = wb["明细"]
    assert cases.freeze_panes == "A2"
    assert cases.auto_filter.ref == f"A1:{cases.cell(1, cases.max_column).column_letter}7"
    col = _header_index(cases)
    assert [c.value for c in cases[1]] == case_headers("zh")
    row = {c.value: cases.cell(r, 1).row for r in range(2, 8) for c in [cases.cell(r, col["售后单号"] + 1)]}
    c1 = cases[row["C1"]]
    assert c1[col["退款金额"]].value == 80 and c1[col["退款金额"]].number_format == MONEY_FORMAT
    assert c1[col["申请时间"]].number_format == DATE_FORMAT
    assert c1[col["申请时间"]].value.isoformat() == "2026-11-03T10:00:00"  # Beijing wall time
    assert cases.column_dimensions["D"].width == 20
    events = wb["时间线"]
    assert events.max_row == 1 + 22  # 4 + 4 + 4 + 5 + 2 + 3 timeline events in the November set
    assert events.freeze_panes == "A2"
    summary = wb["汇总"]
    rates = {r[0].value: r[1] for r in summary.iter_rows(min_row=7) if r[0].value == DEF["on_time_rate"].zh}
    assert rates[DEF["on_time_rate"].zh].value == 1
    assert rates[DEF["on_time_rate"].zh].number_format == PERCENT_FORMAT
    with zipfile.ZipFile(tmp_path / "r.xlsx") as z:
        charts = [n for n in z.namelist() if n.startswith("xl/charts/chart")]
    assert len(charts) == 2


def test_every_summary_total_is_the_sum_of_its_cases_column(ctx, clock, service, tmp_path) -> None:
    november_set(ctx, clock)
    add(ctx, "OLD", CaseType.REFUND_ONLY, Reason.QUALITY, "9.99", bj(10, 30))  # auto-refunds on 11-01
    # c6's receipt clock (10 days from buyer_ship on 11-10) also runs out: auto_refund 90.00 on 11-20
    assert len(ctx.cases.tick()) == 2
    wb = load_workbook(_export(service, tmp_path / "r.xlsx"), data_only=True)
    cases = wb["明细"]
    col = _header_index(cases)
    checked = set()
    for row in wb["汇总"].iter_rows(min_row=7, values_only=True):
        name, value, _formula, source = row[:4]
        if source in col:
            column = [r[col[source]] for r in cases.iter_rows(min_row=2, values_only=True)]
            total = sum((Decimal(str(v)) for v in column if v is not None), Decimal(0))
            assert Decimal(str(value)) == total, name
            checked.add(source)
    assert checked == {DEF[k].zh for k in LEDGER_KEYS}
    summary = {r[0]: r[1] for r in wb["汇总"].iter_rows(min_row=7, values_only=True) if r[0]}
    assert Decimal(str(summary["净售后成本"])) == Decimal("170.99")  # 71.00 + 9.99 + 90.00 not recovered
    assert summary["超时损失金额"] == 99.99
    assert summary["报表内售后单"] == cases.max_row - 1


def test_text_from_buyers_round_trips_as_plain_text(ctx, clock, service, tmp_path) -> None:
    clock.set(bj(11, 20))
    add(ctx, "=1+2", CaseType.REFUND_ONLY, Reason.OTHER, "1.00", bj(11, 3), shop="@店", **INJECTED)
    wb = load_workbook(_export(service, tmp_path / "r.xlsx", show_pii=True))
    cases = wb["明细"]
    col = _header_index(cases)
    row = cases[2]
    expected = {
        "买家": INJECTED["buyer_nick"],
        "商品": "+1+1",
        "原因说明": "@SUM(A1)",
        "SKU": "-2",
        "处理人": "\t=1+1",
        "买家地址": "\n=2+3",  # XML keeps no bare CR: written as LF, still text
        "买家手机": "=1+1",
        "售后单号": "=1+2",
        "店铺": "@店",
    }
    for header, text in expected.items():
        cell = row[col[header]]
        assert (cell.value, cell.data_type) == (text, "s"), header
        assert cell.quotePrefix, header
    assert wb["时间线"]["B2"].value == "=1+2" and wb["时间线"]["B2"].data_type == "s"
    skus = wb["原因与商品"]
    assert skus["A1"].value == "商品售后排行（质量反馈给供应商）"  # the title is written
    assert [r[0].value for r in skus.iter_rows(min_row=3, max_row=3)] == ["-2"]


def test_contacts_are_masked_unless_asked(ctx, clock, service, tmp_path) -> None:
    clock.set(bj(11, 20))
    add(
        ctx,
        "P1",
        CaseType.REFUND_ONLY,
        Reason.OTHER,
        "1.00",
        bj(11, 3),
        buyer_phone="13812345678",
        buyer_address="浙江省杭州市西湖区文三路1号",
    )
    cases = load_workbook(_export(service, tmp_path / "m.xlsx"))["明细"]
    col = _header_index(cases)
    assert cases[2][col["买家手机"]].value == "138****5678"
    assert cases[2][col["买家地址"]].value == "浙江省杭州市****"
    shown = load_workbook(_export(service, tmp_path / "s.xlsx", show_pii=True))["明细"]
    assert shown[2][col["买家手机"]].value == "13812345678"
    assert mask_phone("5678") == "****78" and mask_address("杭州") == "杭州****"


def test_english_names_and_definitions(ctx, clock, service, tmp_path) -> None:
    november_set(ctx, clock)
    wb = load_workbook(_export(service, tmp_path / "en.xlsx", lang="en"), data_only=True)
    assert wb.sheetnames == EN_SHEETS
    defs = [r for r in wb["Definitions"].iter_rows(values_only=True) if r[0]]
    assert defs[4][:2] == ("App version", "9.9.9")
    assert any(r[0] == "Freight rule" and "no-reason return: buyer pays" in r[2] for r in defs)
    rates = {r[0]: r[1] for r in wb["Summary"].iter_rows(min_row=7, values_only=True)}
    assert rates["Refund rate"] == "n/a — enter order counts"


def test_progress_and_no_half_file_on_failure(ctx, clock, service, tmp_path, monkeypatch) -> None:
    november_set(ctx, clock)
    out = tmp_path / "out"
    out.mkdir()
    seen: list[tuple[int, int, str]] = []
    service.export(ReportRequest(NOV), out / "ok.xlsx", lambda d, t, m: seen.append((d, t, m)))
    assert seen[0] == (0, 6, "") and seen[-1] == (1, 1, "done")
    assert sorted(p.name for p in out.iterdir()) == ["ok.xlsx"]

    def boom(wb, filename) -> None:
        Path(filename).write_bytes(b"half")
        raise OSError(28, "No space left on device")

    monkeypatch.setattr("app.services.reports.workbook.save_workbook", boom)
    with pytest.raises(ReportError, match="No space left"):
        service.export(ReportRequest(NOV), out / "bad.xlsx")
    assert sorted(p.name for p in out.iterdir()) == ["ok.xlsx"]


def test_unwritable_folder_fails_before_the_work(service, tmp_path) -> None:
    with pytest.raises(ReportError, match="cannot write"):
        service.export(ReportRequest(NOV), tmp_path / "missing" / "r.xlsx")


@pytest.mark.skipif(
    shutil.which("soffice") is None, reason="LibreOffice not installed; CI installs libreoffice-calc-nogui"
)
def test_libreoffice_opens_the_workbook(ctx, clock, service, tmp_path) -> None:
    november_set(ctx, clock)
    path = _export(service, tmp_path / "report.xlsx")
    out = tmp_path / "pdf"
    done = subprocess.run(
        [
            "soffice",
            f"-env:UserInstallation=file://{tmp_path / 'lo-profile'}",
            "--headless",
            "--convert-to",
            "pdf",
            "--outdir",
            str(out),
            str(path),
        ],
        capture_output=True,
        text=True,
        timeout=180,
    )
    assert done.returncode == 0, done.stderr
    pdf = out / "report.pdf"
    assert pdf.exists() and pdf.read_bytes().startswith(b"%PDF")
