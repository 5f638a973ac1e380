"""Goods sent out, repair costs and freight by payer, recorded where the merchant enters them and
reported line by line (issue 16, item 6)."""

from __future__ import annotations

import json
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from openpyxl import load_workbook

from app.bootstrap import AppContext
from app.cli import main
from app.models.enums import Action, Actor, CaseType, Reason
from app.services.clock import FixedClock
from app.services.reports.metric_defs import DEF, MONEY_LINES
from app.services.reports.metrics import Period
from app.services.reports.workbook import ReportRequest
from tests.services.report_fixtures import act, add, bj, november_set
from tests.services.test_report_money_sheet import tables

NOW = "2026-11-02T10:00:00+08:00"
NOV = Period(date(2026, 11, 1), date(2026, 11, 30))


def run(capsys: pytest.CaptureFixture[str], data: Path, *args: str) -> tuple[int, str, str]:
    code = main(["--data-dir", str(data), "--now", NOW, *args])
    out, err = capsys.readouterr()
    return code, out, err


def add_cli(capsys: pytest.CaptureFixture[str], data: Path, case_type: str) -> str:
    code, out, err = run(
        capsys, data, "case", "add", "--platform", "kuaishou", "--type", case_type, "--reason", "missing_item",
        "--order-no", "O1", "--aftersale-no", f"KS-{case_type}", "--amount", "30.00", "--requested-at", NOW,
    )  # fmt: skip
    assert code == 0, err
    return out.strip()


def test_cli_records_the_goods_sent_out_and_the_repair_cost(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    cid = add_cli(capsys, tmp_path, "reship")
    assert run(capsys, tmp_path, "case", "act", cid, "approve")[0] == 0
    code, _, err = run(
        capsys, tmp_path, "case", "act", cid, "ship_replacement", "--tracking", "YT1",
        "--goods-value", "28.5", "--repair-cost", "0", "--freight", "6", "--freight-payer", "merchant",
    )  # fmt: skip
    assert code == 0, err
    code, out, err = run(capsys, tmp_path, "case", "show", cid, "--json")
    shipped = next(e for e in json.loads(out)["events"] if e["action"] == "ship_replacement")
    assert shipped["payload"]["goods_value"] == "28.50"


def test_cli_refuses_goods_value_where_nothing_is_sent_and_negative_amounts(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    cid = add_cli(capsys, tmp_path, "reship")
    code, _, err = run(capsys, tmp_path, "case", "act", cid, "approve", "--goods-value", "30")
    assert code == 1 and "ship_replacement" in err
    assert run(capsys, tmp_path, "case", "act", cid, "approve")[0] == 0
    code, _, err = run(
        capsys, tmp_path, "case", "act", cid, "ship_replacement", "--tracking", "YT1", "--goods-value", "-3"
    )
    assert code == 1, err


def money_rows(path: Path) -> dict[str, Any]:
    found = tables(load_workbook(path, data_only=True)["资金影响"])
    header, _rows, total = found["类型"]
    return dict(zip(header[1:], total[1:], strict=True))


def test_each_money_line_is_reported(ctx: AppContext, clock: FixedClock, tmp_path: Path) -> None:
    ids = november_set(ctx, clock)
    # c4 (reship) already shipped with freight 6.00: a second reship of goods worth 30, platform-paid freight
    c = add(ctx, "R2", CaseType.REPAIR, Reason.QUALITY, "50.00", bj(11, 11))
    act(ctx, c, Action.APPROVE, bj(11, 11, 11))
    act(
        ctx,
        c,
        Action.BUYER_SHIP,
        bj(11, 12),
        Actor.BUYER,
        tracking="SF9",
        freight="7.00",
        freight_payer="platform",
    )
    act(ctx, c, Action.CONFIRM_RECEIPT, bj(11, 14))
    act(ctx, c, Action.SHIP_REPLACEMENT, bj(11, 15), tracking="YT9", goods_value="30.00", repair_cost="15.00")
    r = ctx.reports.export(ReportRequest(NOV), tmp_path / "r.xlsx").report
    assert r.total("goods_sent") == Decimal("30.00")
    assert r.total("repair_cost") == Decimal("15.00")
    assert r.total("freight_platform") == Decimal("7.00")  # 运费险/退货宝 no longer disappears
    assert r.total("freight_buyer") == Decimal("10.00")  # c2, no-reason return by rule
    assert r.total("freight_unspecified") == Decimal("9.00")  # c6, logistics: nobody recorded, no rule
    # net cost: before 71.00 (40 not recovered + 26 merchant freight + 5 compensation) + 30 + 15
    assert r.total("net_cost") == Decimal("116.00")
    line = money_rows(tmp_path / "r.xlsx")
    for key in ("refund_amount", "goods_not_recovered", "goods_sent", "repair_cost", "freight_merchant",
                "freight_buyer", "freight_platform", "freight_unspecified", "compensation", "net_cost"):  # fmt: skip
        assert key in MONEY_LINES
        assert Decimal(str(line[DEF[key].zh])) == r.total(key), key
    assert "未注明" in DEF["freight_unspecified"].zh
    assert ids
