"""品质退款率 counts orders, not cases: the first application of each order (platform-rules.md).

Issue 16, item 2.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest
from openpyxl import load_workbook

from app.bootstrap import AppContext
from app.cli import main
from app.models.enums import CaseType, Platform, Reason
from app.services.cases.service import NewCase
from app.services.clock import FixedClock
from app.services.reports.metric_defs import DEF
from app.services.reports.metrics import Period
from tests.services.report_fixtures import bj

NOW = "2026-12-01T10:00"
NOV = Period(date(2026, 11, 1), date(2026, 11, 30))


def run(data: Path, capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(["--data-dir", str(data), "--now", NOW, *args])
    out, err = capsys.readouterr()
    return code, out, err


def add(data: Path, capsys: pytest.CaptureFixture[str], no: str, order: str, reason: str, day: int) -> None:
    code, _, err = run(
        data, capsys, "case", "add", "--platform", "kuaishou", "--type", "refund_only", "--reason", reason,
        "--order-no", order, "--aftersale-no", no, "--amount", "40.00",
        "--requested-at", f"2026-11-{day:02d}T10:00", "--shop", "S1",
    )  # fmt: skip
    assert code == 0, err


def test_two_quality_applications_on_one_order_count_once(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    data = tmp_path / "data"
    add(data, capsys, "A1", "O1", "quality", 3)
    add(data, capsys, "A2", "O1", "not_as_described", 10)  # the same order again: not a new order
    add(data, capsys, "A3", "O2", "wrong_item", 4)
    add(data, capsys, "A4", "O3", "no_reason", 5)  # O3's first application is not a quality one …
    add(data, capsys, "A5", "O3", "quality", 6)  # … so the order is not counted by its second
    assert run(data, capsys, "orders", "set", "--shop", "S1", "--month", "2026-11", "--count", "100")[0] == 0
    out_file = tmp_path / "nov.xlsx"
    code, out, err = run(
        data, capsys, "report", "--from", "2026-11-01", "--to", "2026-11-30", "-o", str(out_file)
    )
    assert code == 0, err
    assert "  Quality refund rate: 2.00%" in out.splitlines()  # O1 and O2 of 100 orders
    # the detail sheet counts the same: one per order, on the order's first application
    ws = load_workbook(out_file)["明细"]
    header = [c.value for c in ws[1]]
    col = header.index(DEF["quality_applications"].zh)
    no_col = header.index("售后单号")
    by_no = {row[no_col]: row[col] for row in ws.iter_rows(min_row=2, values_only=True) if row[no_col]}
    assert {k: by_no[k] or 0 for k in ("A1", "A2", "A3", "A4", "A5")} == {
        "A1": 1,
        "A2": 0,
        "A3": 1,
        "A4": 0,
        "A5": 0,
    }


def test_an_order_first_applied_for_last_month_is_not_counted_again(
    ctx: AppContext, clock: FixedClock
) -> None:
    clock.set(bj(12, 1))
    for no, at in (("B1", bj(10, 28)), ("B2", bj(11, 2))):
        ctx.cases.add_case(
            NewCase(
                Platform.KUAISHOU,
                CaseType.REFUND_ONLY,
                Reason.QUALITY,
                "O9",
                no,
                Decimal("9.00"),
                at,
                shop="S1",
            )
        )
    assert ctx.metrics.compute(NOV).total("quality_applications") == 0
    oct_ = Period(date(2026, 10, 1), date(2026, 10, 31))
    assert ctx.metrics.compute(oct_).total("quality_applications") == 1


def test_both_definitions_say_per_order() -> None:
    d = DEF["quality_applications"]
    assert "每个订单" in d.formula_zh and "售后单数" not in d.formula_zh
    assert "per order" in d.formula_en and "per case" not in d.formula_en
    rate = DEF["quality_refund_rate"]
    assert "订单" in rate.formula_zh and "orders" in rate.formula_en
