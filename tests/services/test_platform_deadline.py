"""The platform's clock is the truth: an export's deadline (抖店 自动处理截止时间) becomes the case's
deadline, shown as the platform's with our preset's beside it; when several cases agree that the
preset is off by the same amount, that is rule drift."""

from __future__ import annotations

import json
from datetime import timedelta
from pathlib import Path

import openpyxl
import pytest

from app.bootstrap import AppContext
from app.cli import main
from app.models.enums import Platform
from app.services.rules.drift import suggest
from app.services.rules.presets import Duration

HEADERS = ["售后单号", "订单号", "商品名称", "售后类型", "退商品金额（元）", "售后状态", "售后申请时间", "自动处理截止时间"]


def douyin_export(path: Path, rows: int, deadline_after: timedelta) -> Path:
    """A 抖店 售后单 export: pending cases applied at 08:00 whose platform deadline is `deadline_after` later."""
    wb = openpyxl.Workbook()
    ws = wb.active
    assert ws is not None
    ws.append(HEADERS)
    for i in range(rows):
        applied = f"2026-11-02 08:0{i}:00"
        due = f"2026-11-0{2 + int(deadline_after.days)} {8 + int(deadline_after.seconds // 3600):02d}:0{i}:00"
        ws.append([f"74300000000000000{i:02d}", f"69300000000000000{i:02d}", "暖暖抱枕", "未发货仅退款",
                   "¥89.50", "待商家处理", applied, due])  # fmt: skip
    wb.save(path)
    return path


def test_the_files_deadline_becomes_the_countdown(ctx: AppContext, tmp_path: Path) -> None:
    export = douyin_export(tmp_path / "售后单.xlsx", 4, timedelta(hours=24))  # preset: 48 h
    result = ctx.importer.import_file(export, Platform.DOUYIN)
    assert result.plan.counts()["new"] == 4
    due = [r for r in ctx.queries.due() if r.kind == "platform"]
    # The file's 自动处理截止时间 (08:0i Beijing the next day), not our preset's 48 h.
    assert [d.due_at.isoformat() for d in due] == [f"2026-11-03T00:0{i}:00+00:00" for i in range(4)]
    detail = ctx.queries.detail(due[0].case_id)
    assert detail is not None
    clock = next(d for d in detail.row.deadlines if d.party == "merchant")
    assert clock.platform_deadline
    assert clock.preset_due is not None and clock.preset_due - clock.due_at == timedelta(hours=24)
    assert ctx.cases.recompute_check() == []
    again = ctx.importer.import_file(export, Platform.DOUYIN)  # the same file again changes nothing
    assert again.plan.counts()["new"] == 0 and again.plan.counts()["update"] == 0


def test_four_cases_agreeing_are_rule_drift(ctx: AppContext, tmp_path: Path) -> None:
    ctx.importer.import_file(douyin_export(tmp_path / "售后单.xlsx", 4, timedelta(hours=24)), Platform.DOUYIN)
    drifts = ctx.drift.find(Platform.DOUYIN)
    assert len(drifts) == 1
    d = drifts[0]
    assert (d.cases, d.agreeing, d.offset) == (4, 4, timedelta(hours=-24))
    assert d.suggested == Duration(24, "h")
    assert "4 of 4" in str(d.notice()) and "24 hour(s)" in str(d.notice())
    assert ctx.drift.find(Platform.KUAISHOU) == []


def test_two_cases_are_not_yet_a_rule(ctx: AppContext, tmp_path: Path) -> None:
    ctx.importer.import_file(douyin_export(tmp_path / "售后单.xlsx", 2, timedelta(hours=24)), Platform.DOUYIN)
    assert ctx.drift.find() == []


def test_case_show_says_the_deadline_is_the_platforms(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    data = tmp_path / "data"
    export = douyin_export(tmp_path / "售后单.xlsx", 1, timedelta(hours=24))
    assert main(["--data-dir", str(data), "--now", "2026-11-02T10:00", "import", str(export), "--platform", "douyin"]) == 0
    capsys.readouterr()
    assert main(["--data-dir", str(data), "--now", "2026-11-02T10:00", "case", "show", "1", "--json"]) == 0
    clock = next(d for d in json.loads(capsys.readouterr().out)["deadlines"] if d["party"] == "merchant")
    assert clock["due_at"] == "2026-11-03T08:00:00+08:00"
    assert clock["platform_deadline"] is True and clock["preset_due"] == "2026-11-04T08:00:00+08:00"


@pytest.mark.parametrize(
    ("duration", "offset", "suggested"),
    [("10d", timedelta(days=-3), Duration(7, "d")), ("48h", timedelta(hours=-24), Duration(24, "h")),
     ("48h", timedelta(hours=-60), None), ("2wd", timedelta(days=1), None), ("10d", timedelta(hours=12), Duration(252, "h"))],
)  # fmt: skip
def test_the_suggested_duration(duration: str, offset: timedelta, suggested: Duration | None) -> None:
    assert suggest(Duration.parse(duration), offset) == suggested


def test_a_time_left_counts_from_the_files_export_time(ctx: AppContext, tmp_path: Path) -> None:
    """剩余处理时间-style cells ("20小时", "1天2小时") count from the title row's 导出时间."""
    wb = openpyxl.Workbook()
    ws = wb.active
    assert ws is not None
    ws.append(["抖店售后单列表  导出时间：2026-11-02 09:30:00"])
    ws.append(HEADERS)
    ws.append(["7430000000000000099", "6930000000000000099", "暖暖抱枕", "未发货仅退款", "¥89.50",
               "待商家处理", "2026-11-02 08:00:00", "1天2小时"])  # fmt: skip
    path = tmp_path / "售后单-剩余时间.xlsx"
    wb.save(path)
    ctx.importer.import_file(path, Platform.DOUYIN)
    (row,) = [r for r in ctx.queries.due() if r.kind == "platform"]
    assert row.due_at.isoformat() == "2026-11-03T03:30:00+00:00"  # 09:30 Beijing + 1 day 2 hours
