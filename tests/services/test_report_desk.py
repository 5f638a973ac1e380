"""The report's service-desk sheets (issue 18): 服务目标, 回访, 处理人 — numbers as numbers, every
count a live COUNTIFS over the sheet's own detail rows (evaluated here), and the figures
reconciled with the cases, computed independently from their timelines."""

from __future__ import annotations

import re
import statistics
from datetime import date, datetime, timedelta
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from openpyxl import load_workbook

from app.bootstrap import AppContext
from app.models.enums import Action, Actor, CaseType, Platform, Reason
from app.services.cases.service import ActionRequest, NewCase
from app.services.clock import BEIJING, FixedClock
from app.services.reports.metrics import Period
from app.services.reports.summary_sheet import na
from app.services.reports.workbook import ReportRequest
from app.services.service_desk.callbacks import CallbackResult

NOV = Period(date(2026, 11, 1), date(2026, 11, 30))
H = timedelta(hours=1)


def bj(day: int, hour: int, minute: int = 0) -> datetime:
    return datetime(2026, 11, day, hour, minute, tzinfo=BEIJING)


def add(
    ctx: AppContext, no: str, kind: CaseType, reason: Reason, at: datetime, handler: str, sku: str
) -> int:
    return ctx.cases.add_case(
        NewCase(
            Platform.KUAISHOU,
            kind,
            reason,
            f"O-{no}",
            no,
            Decimal("100.00"),
            at,
            shop="S1",
            handler=handler,
            sku=sku,
            product_title="保温杯" if sku == "BW-500" else "水杯",
        )
    )


def act(ctx: AppContext, cid: int, action: Action, at: datetime, handler: str = "", **payload: str) -> None:
    actor = Actor.BUYER if action in (Action.BUYER_SHIP,) else Actor.MERCHANT
    ctx.cases.act(cid, ActionRequest(action, at=at, actor=actor, payload=payload, handler=handler))


@pytest.fixture
def scenario(ctx: AppContext, clock: FixedClock) -> dict[str, int]:
    """c1 小王 answers in 1 working hour, refunds, 回访 satisfied in time.
    c2 小李 answers after 5 h (missed), the return arrives, refunded a day later (met), 回访
       unsatisfied after the 2 working days (missed) — a quality case on BW-500.
    c3 小王 never answers: the platform auto-approves (missed), 回访 never made (overdue).
    c4 nobody's, a quality case answered at once (met), still open at the period's end."""
    for name in ("小王", "小李"):
        ctx.handlers.add(name)
    ids: dict[str, int] = {}
    clock.set(bj(20, 12))
    ids["c1"] = c = add(ctx, "C1", CaseType.REFUND_ONLY, Reason.NO_REASON, bj(2, 10), "小王", "SB-1")
    act(ctx, c, Action.APPROVE, bj(2, 11), "小王")
    ctx.callbacks.record(c, CallbackResult.SATISFIED, "很满意", "小王", at=bj(3, 15))
    ids["c2"] = c = add(ctx, "C2", CaseType.RETURN_REFUND, Reason.QUALITY, bj(2, 10), "小李", "BW-500")
    act(ctx, c, Action.APPROVE, bj(2, 15), "小李")
    act(ctx, c, Action.BUYER_SHIP, bj(3, 10), tracking="SF1")
    act(ctx, c, Action.RETURN_DELIVERED, bj(4, 10), "小李")
    act(ctx, c, Action.CONFIRM_RECEIPT, bj(5, 10), "小李")
    ctx.callbacks.record(c, CallbackResult.UNSATISFIED, "杯盖漏水", "小李", at=bj(10, 10))
    ids["c3"] = add(ctx, "C3", CaseType.REFUND_ONLY, Reason.NO_REASON, bj(3, 10), "小王", "SB-1")
    ctx.cases.tick()  # the platform approves c3 at 48 h
    ids["c4"] = c = add(ctx, "C4", CaseType.RETURN_REFUND, Reason.QUALITY, bj(20, 10), "", "BW-500")
    act(ctx, c, Action.NOTE, bj(20, 10, 30), text="已联系")
    clock.set(datetime(2026, 12, 1, 10, tzinfo=BEIJING))
    return ids


def export(ctx: AppContext, tmp_path: Path) -> Path:
    out = tmp_path / "r.xlsx"
    ctx.reports.export(ReportRequest(NOV), out)
    return out


def rows(ws: Any) -> list[tuple[Any, ...]]:
    return [tuple(r) for r in ws.iter_rows(values_only=True)]


_COUNTIFS = re.compile(r"COUNTIFS\(([^()]*)\)")


def evaluate(formula: str, ws: Any) -> float:
    """Our formulas: sums of COUNTIFS over ranges of the same sheet with "=text" criteria (or
    "<>"), and IF(den=0,"…",num/den) over cells of the row. Evaluated against the sheet."""
    grid = {(c.row, c.column_letter): c.value for r in ws.iter_rows() for c in r}

    def countifs(args: str) -> str:
        parts = re.findall(r'(\$[A-Z]+\$\d+:\$[A-Z]+\$\d+),"((?:[^"]|"")*)"', args)
        assert parts, args
        matched = None
        for rng, crit in parts:
            col, first, last = re.match(r"\$([A-Z]+)\$(\d+):\$[A-Z]+\$(\d+)", rng).groups()  # type: ignore[union-attr]
            crit = crit.replace('""', '"')
            hits = set()
            for n in range(int(first), int(last) + 1):
                v = grid.get((n, col))
                text = "" if v is None else str(v)
                if (crit == "<>" and text) or (crit.startswith("=") and text == crit[1:].replace("~*", "*")):
                    hits.add(n)
            matched = hits if matched is None else matched & hits
        return str(len(matched or ()))

    expr = _COUNTIFS.sub(lambda m: countifs(m.group(1)), formula.lstrip("="))
    return float(eval(expr, {"__builtins__": {}}))  # only digits and + are left


def test_service_targets_sheet(ctx: AppContext, scenario: dict[str, int], tmp_path: Path) -> None:
    path = export(ctx, tmp_path)
    wb, cached = load_workbook(path), load_workbook(path, data_only=True)
    assert "服务目标" in wb.sheetnames and "回访" in wb.sheetnames and "处理人" in wb.sheetnames
    ws, vs = wb["服务目标"], cached["服务目标"]
    summary = {r[0]: r for r in rows(vs)[2:6]}
    # (met, missed, open) by hand from the scenario
    assert summary["首次响应"][1] == "2 工作小时"
    assert summary["首次响应"][2:5] == (2, 2, 0)  # c1, c4 met; c2 late, c3 auto-approved
    assert summary["收货后退款"][1] == "48 小时" and summary["收货后退款"][2:5] == (1, 0, 0)
    assert summary["回访"][2:5] == (1, 2, 0)  # c1 in time; c2 late; c3 never made
    assert summary["合计"][2:5] == (4, 4, 0)
    assert summary["合计"][5] == pytest.approx(0.5)
    for n in range(3, 7):  # each cached value is what its formula gives over the detail rows
        for col in "CDE":
            cell = ws[f"{col}{n}"]
            assert isinstance(cell.value, str) and cell.value.startswith("=COUNTIFS(")
            assert evaluate(cell.value, ws) == vs[f"{col}{n}"].value
    detail = [r for r in rows(vs)[9:] if r[0] is not None]
    assert len(detail) == 8 and all(isinstance(r[0], int) for r in detail)
    assert {(r[1], r[2], r[7]) for r in detail} >= {("C2", "首次响应", "未达成"), ("C3", "回访", "已超时")}
    c1 = next(r for r in detail if r[1] == "C1" and r[2] == "首次响应")
    assert c1[8] == pytest.approx(1.0) and isinstance(c1[8], int | float)  # working hours, a number


def test_callbacks_sheet_per_sku_reason_and_quality_feedback(
    ctx: AppContext, scenario: dict[str, int], tmp_path: Path
) -> None:
    path = export(ctx, tmp_path)
    wb, cached = load_workbook(path), load_workbook(path, data_only=True)
    ws, vs = wb["回访"], cached["回访"]
    table = rows(vs)
    assert table[2][:5] == ("全部", 2, 1, 0, 1) and table[2][5] == pytest.approx(0.5)
    by_label = {r[0]: r for r in table if r[0]}
    assert by_label["BW-500"][1:5] == (1, 0, 0, 1) and by_label["SB-1"][1:5] == (1, 1, 0, 0)
    assert by_label["质量问题"][1:5] == (1, 0, 0, 1)
    quality = [r for r in table if r[0] == "BW-500" and r[6] is not None]
    assert quality and quality[0][6] == "杯盖漏水"
    for row in ws.iter_rows():
        for cell in row:
            if isinstance(cell.value, str) and "COUNTIFS" in cell.value:
                assert evaluate(cell.value, ws) == vs[cell.coordinate].value, cell.coordinate


def test_handlers_sheet_reconciles_with_the_cases(
    ctx: AppContext, scenario: dict[str, int], tmp_path: Path
) -> None:
    """Per handler, from the cases' own timelines (not the report's code): cases, median working
    time to the first answer, the platform's auto-actions, 回访 satisfaction."""
    path = export(ctx, tmp_path)
    vs = load_workbook(path, data_only=True)["处理人"]
    got = {r[0]: r for r in rows(vs)[2:] if r[0]}
    cal = ctx.targets.calendar()
    expected: dict[str, dict[str, Any]] = {}
    for cid in scenario.values():
        detail = ctx.queries.detail(cid)
        assert detail is not None
        name = detail.fields["handler"] or "（未指定）"
        e = expected.setdefault(
            name, {"cases": 0, "responses": [], "autos": 0, "callbacks": 0, "satisfied": 0}
        )
        e["cases"] += 1
        requested = detail.fields["requested_at"]
        answers = [ev.at for ev in detail.events if ev.actor == "merchant" and ev.action != "open"]
        if answers:
            e["responses"].append(cal.elapsed(requested, answers[0]).total_seconds() / 3600)
        e["autos"] += sum(1 for ev in detail.events if ev.action.startswith("auto_"))
        cb = ctx.callbacks.for_case(cid)
        if cb is not None and cb.done_at is not None:
            e["callbacks"] += 1
            e["satisfied"] += cb.result is CallbackResult.SATISFIED
    assert set(got) == set(expected)
    for name, e in expected.items():
        row = got[name]
        assert row[1] == e["cases"], name
        assert row[2] == (pytest.approx(statistics.median(e["responses"])) if e["responses"] else None)
        assert (row[6], row[7], row[8]) == (e["autos"], e["callbacks"], e["satisfied"]), name
        for v in row[1:]:
            assert v is None or isinstance(v, int | float) or v == na("zh")[0], (name, v)
    assert got["小王"][3:5] == (2, 4) and got["小王"][5] == pytest.approx(0.5)  # FR c1, 回访 c1 of four
    assert got["小李"][3:5] == (1, 3)  # the refund only


def test_the_dashboard_gives_this_months_handler_figures(
    ctx: AppContext, scenario: dict[str, int], clock: FixedClock
) -> None:
    clock.set(datetime(2026, 11, 30, 12, tzinfo=BEIJING))
    total, *lines = ctx.dashboard.figures().handlers
    by_name = {h.handler: h for h in lines}
    assert (total.targets_met, total.targets_ended, total.callbacks, total.satisfied) == (4, 8, 2, 1)
    assert total.cases == sum(h.cases for h in lines) == 4
    assert (by_name["小王"].targets_met, by_name["小王"].targets_ended, by_name["小王"].auto_actions) == (
        2,
        4,
        1,
    )
    assert by_name["小李"].first_response_median == pytest.approx(5.0)
