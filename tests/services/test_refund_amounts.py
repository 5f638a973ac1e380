"""The amount a case refunds: what the merchant agreed on approval, never more than the buyer asked.

Issue 16, item 1. Typed as a merchant would type it (`app.cli.main`), then at the service for the
paths the CLI does not reach (bulk, import, auto-action).
"""

from __future__ import annotations

import json
from datetime import timedelta
from decimal import Decimal
from pathlib import Path

import pytest

from app.bootstrap import AppContext
from app.cli import main
from app.models.enums import Action, Actor, CaseType, Platform, Reason, Stage
from app.services.cases.bulk import apply_bulk
from app.services.cases.service import ActionRequest, InvalidInput
from app.services.clock import FixedClock
from app.services.text.messages import Text, message_of
from tests.conftest import T0
from tests.services.scenario import open_case

NOW = "2026-11-02T10:00:00+08:00"


def run(capsys: pytest.CaptureFixture[str], data: Path, *args: str, now: str = NOW) -> tuple[int, str, str]:
    code = main(["--data-dir", str(data), "--now", now, *args])
    out, err = capsys.readouterr()
    return code, out, err


def add(
    capsys: pytest.CaptureFixture[str], data: Path, case_type: str = "return_refund", no: str = "KS1"
) -> str:
    code, out, err = run(
        capsys, data, "case", "add", "--platform", "kuaishou", "--type", case_type, "--reason", "quality",
        "--order-no", "O1", "--aftersale-no", no, "--amount", "100.00", "--requested-at", NOW,
    )  # fmt: skip
    assert code == 0, err
    return out.strip()


def show(capsys: pytest.CaptureFixture[str], data: Path, cid: str, now: str) -> dict:  # type: ignore[type-arg]
    code, out, err = run(capsys, data, "case", "show", cid, "--json", now=now)
    assert code == 0, err
    return json.loads(out)  # type: ignore[no-any-return]


def test_cli_approve_amount_is_what_confirm_receipt_refunds(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    cid = add(capsys, tmp_path)
    steps = [
        ("2026-11-02T11:00:00+08:00", ["approve", "--amount", "60"]),
        ("2026-11-03T11:00:00+08:00", ["buyer_ship", "--tracking", "SF1"]),
        ("2026-11-05T11:00:00+08:00", ["confirm_receipt"]),
    ]
    for now, act in steps:
        code, _, err = run(capsys, tmp_path, "case", "act", cid, *act, now=now)
        assert code == 0, err
    case = show(capsys, tmp_path, cid, steps[-1][0])
    assert case["stage"] == "refunded"
    assert case["refund_granted"] == "60.00"
    assert case["events"][-1]["payload"]["amount"] == "60.00"  # the timeline says what was refunded


def test_cli_approve_amount_is_what_the_auto_refund_books(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    cid = add(capsys, tmp_path)
    run(capsys, tmp_path, "case", "act", cid, "approve", "--amount", "60", now="2026-11-02T11:00:00+08:00")
    run(
        capsys,
        tmp_path,
        "case",
        "act",
        cid,
        "buyer_ship",
        "--tracking",
        "SF1",
        now="2026-11-03T11:00:00+08:00",
    )
    # kuaishou: 10 days from buyer_ship, then the platform refunds on its own
    code, out, err = run(capsys, tmp_path, "tick", "--json", now="2026-11-13T12:00:00+08:00")
    assert code == 0, err
    (auto,) = json.loads(out)
    assert (auto["auto_action"], auto["amount"]) == ("auto_refund", "60.00")
    case = show(capsys, tmp_path, cid, "2026-11-13T12:00:00+08:00")
    assert (case["stage"], case["refund_granted"]) == ("refunded", "60.00")


@pytest.mark.parametrize(
    ("case_type", "act"),
    [
        ("return_refund", ["refund", "--amount", "150"]),
        ("return_refund", ["approve", "--amount", "500"]),
        ("refund_only", ["approve", "--amount", "100.01"]),
    ],
)
def test_cli_refuses_a_refund_above_the_request(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], case_type: str, act: list[str]
) -> None:
    cid = add(capsys, tmp_path, case_type)
    code, _, err = run(capsys, tmp_path, "case", "act", cid, *act, now="2026-11-02T11:00:00+08:00")
    assert code == 1
    assert err.count("\n") == 1 and "more than the buyer asked for (100.00)" in err
    case = show(capsys, tmp_path, cid, "2026-11-02T11:00:00+08:00")
    assert case["stage"] == "awaiting_merchant" and [e["action"] for e in case["events"]] == ["open"]


def test_cli_refuses_confirm_receipt_above_the_request(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    cid = add(capsys, tmp_path)
    run(capsys, tmp_path, "case", "act", cid, "approve", now="2026-11-02T11:00:00+08:00")
    run(
        capsys,
        tmp_path,
        "case",
        "act",
        cid,
        "buyer_ship",
        "--tracking",
        "SF1",
        now="2026-11-03T11:00:00+08:00",
    )
    code, _, err = run(
        capsys,
        tmp_path,
        "case",
        "act",
        cid,
        "confirm_receipt",
        "--amount",
        "120",
        now="2026-11-04T11:00:00+08:00",
    )
    assert code == 1 and "more than the buyer asked for" in err


def test_the_refusal_speaks_chinese_too(ctx: AppContext, clock: FixedClock) -> None:
    cid = open_case(ctx, clock, Platform.KUAISHOU, CaseType.RETURN_REFUND, True, Reason.QUALITY, T0, "100.00")
    clock.set(T0 + timedelta(hours=1))
    with pytest.raises(InvalidInput) as exc:
        ctx.cases.act(cid, ActionRequest(Action.REFUND, payload={"amount": "150"}))
    message = message_of(exc.value)
    assert isinstance(message, Text)
    assert message.render("zh_CN") == "退款金额 ¥150.00 超过买家申请的 ¥100.00"


def test_a_partial_approval_stands_until_the_buyer_applies_again(ctx: AppContext, clock: FixedClock) -> None:
    """Refused receipt → the buyer re-applies → a plain approve agrees the full request again."""
    cid = open_case(ctx, clock, Platform.KUAISHOU, CaseType.RETURN_REFUND, True, Reason.QUALITY, T0, "100.00")
    steps = [
        (Action.APPROVE, {"amount": "60"}),
        (Action.BUYER_SHIP, {"tracking": "SF1"}),
        (Action.REFUSE_RECEIPT, {"reason": "退回商品不符"}),
        (Action.REAPPLY, {}),
        (Action.APPROVE, {}),
        (Action.BUYER_SHIP, {"tracking": "SF2"}),
        (Action.CONFIRM_RECEIPT, {}),
    ]
    for i, (action, payload) in enumerate(steps, 1):
        clock.set(T0 + timedelta(hours=i))
        ctx.cases.act(cid, ActionRequest(action, payload=payload))
    detail = ctx.queries.detail(cid)
    assert detail is not None and detail.fields["refund_granted"] == Decimal("100.00")


def test_confirm_receipt_amount_overrides_the_approval(ctx: AppContext, clock: FixedClock) -> None:
    cid = open_case(ctx, clock, Platform.KUAISHOU, CaseType.RETURN_REFUND, True, Reason.QUALITY, T0, "100.00")
    for i, (action, payload) in enumerate(
        [
            (Action.APPROVE, {"amount": "60"}),
            (Action.BUYER_SHIP, {"tracking": "SF1"}),
            (Action.CONFIRM_RECEIPT, {"amount": "55.50"}),
        ],
        1,
    ):
        clock.set(T0 + timedelta(hours=i))
        ctx.cases.act(cid, ActionRequest(action, payload=payload))
    detail = ctx.queries.detail(cid)
    assert detail is not None and detail.fields["refund_granted"] == Decimal("55.50")


def test_bulk_refuses_each_case_above_its_request(ctx: AppContext, clock: FixedClock) -> None:
    small = open_case(ctx, clock, Platform.TAOBAO, CaseType.REFUND_ONLY, False, Reason.QUALITY, T0, "50.00")
    big = open_case(ctx, clock, Platform.TAOBAO, CaseType.REFUND_ONLY, False, Reason.QUALITY, T0, "100.00")
    clock.set(T0 + timedelta(hours=1))
    result = apply_bulk(ctx.cases, [small, big], ActionRequest(Action.REFUND, payload={"amount": "80"}))
    assert result.done == (big,)
    (failure,) = result.failed
    assert failure.case_id == small and "more than the buyer asked for (50.00)" in failure.message


def test_import_refuses_a_refund_above_the_request(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    header = "售后单号,订单号,售后类型,售后原因,售后状态,申请时间,审核时间,更新时间,退款金额,实退金额"
    rows = [
        "KS1,1001,仅退款,质量问题,退款成功,2026-11-01 09:00,2026-11-01 12:30,2026-11-01 12:30,100.00,150.00",
        "KS2,1002,仅退款,质量问题,退款成功,2026-11-01 09:00,2026-11-01 12:30,2026-11-01 12:30,100.00,80.00",
    ]
    f = tmp_path / "export.csv"
    f.write_bytes(("\r\n".join([header, *rows]) + "\r\n").encode("utf-8-sig"))
    data = tmp_path / "data"
    code, out, err = run(capsys, data, "import", str(f), "--platform", "kuaishou", "--json")
    assert code == 0, err
    report = json.loads(out)
    assert report["counts"]["error"] == 1 and report["counts"]["new"] == 1, report
    assert "more than the buyer asked for" in json.dumps(report, ensure_ascii=False)
    _, out, _ = run(capsys, data, "case", "list", "--json")
    assert [c["aftersale_no"] for c in json.loads(out)] == ["KS2"]


def test_the_auto_refund_never_books_more_than_the_request(ctx: AppContext, clock: FixedClock) -> None:
    """The request lowered after a partial approval (a correction): the platform refunds the lower."""
    cid = open_case(ctx, clock, Platform.KUAISHOU, CaseType.RETURN_REFUND, True, Reason.QUALITY, T0, "100.00")
    clock.set(T0 + timedelta(hours=1))
    ctx.cases.act(cid, ActionRequest(Action.APPROVE, payload={"amount": "60"}))
    ctx.edits.edit(cid, {"refund_requested": "40.00"})
    clock.set(T0 + timedelta(hours=2))
    ctx.cases.act(cid, ActionRequest(Action.BUYER_SHIP, actor=Actor.BUYER, payload={"tracking": "SF1"}))
    clock.set(T0 + timedelta(days=12))
    (auto,) = ctx.cases.tick()
    assert auto.to_stage is Stage.REFUNDED and auto.amount == Decimal("40.00")
