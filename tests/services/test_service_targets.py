"""The shop's own targets on cases (issue 18 items 3 and 4): first response in working hours,
refund within 48 h of the return arriving (wall-clock, seed 002), 回访 tasks and the 回访
target, kept in line with every write and listed by `due` beside the platform's clocks."""

from __future__ import annotations

import json
from dataclasses import replace
from datetime import datetime, timedelta
from decimal import Decimal
from pathlib import Path

import pytest

from app.bootstrap import AppContext
from app.models.enums import Action, CaseType, Platform, Reason
from app.services.alerts.plan import DEFAULT_TARGET_LEADS, AlertSettings
from app.services.cases.service import ActionRequest, InvalidInput, NewCase
from app.services.clock import BEIJING, FixedClock
from app.services.rules.actions import default_actor
from app.services.service_desk.callbacks import CallbackResult
from app.services.service_desk.target_plan import TargetKind, TargetStatus
from app.services.text.messages import say
from tests.services.test_cli import add, run

H = timedelta(hours=1)


def bj(d: int, h: int, mi: int = 0, month: int = 11) -> datetime:
    return datetime(2026, month, d, h, mi, tzinfo=BEIJING)


def new_case(ctx: AppContext, at: datetime, no: str = "KS1", kind: CaseType = CaseType.RETURN_REFUND) -> int:
    return ctx.cases.add_case(
        NewCase(
            platform=Platform.KUAISHOU,
            case_type=kind,
            reason=Reason.QUALITY,
            order_no="O" + no,
            aftersale_no=no,
            amount=Decimal("129.00"),
            requested_at=at,
            product_title="保温杯",
            sku="BW-500",
        )
    )


def act(ctx: AppContext, cid: int, action: Action, at: datetime, handler: str = "", **payload: str) -> None:
    request = ActionRequest(action, at=at, actor=default_actor(action), payload=payload, handler=handler)
    ctx.cases.act(cid, request)


def targets(ctx: AppContext, cid: int) -> dict[TargetKind, object]:
    return {t.kind: t for t in ctx.targets.for_case(cid)}


def test_first_response_counts_working_hours_and_is_met_by_the_first_step(
    ctx: AppContext, clock: FixedClock
) -> None:
    clock.set(bj(2, 21))  # Monday 21:00: one working hour left today
    cid = new_case(ctx, bj(2, 21))
    (t,) = ctx.targets.for_case(cid)
    assert t.kind is TargetKind.FIRST_RESPONSE and t.due_at == bj(3, 10)  # 2 working hours: 21–22, 09–10
    assert t.status is TargetStatus.OPEN and t.working_left == 2 * H
    clock.set(bj(3, 8))  # overnight the target does not run; the platform's clock does
    assert ctx.targets.for_case(cid)[0].working_left == H
    clock.set(bj(3, 9, 30))
    act(ctx, cid, Action.NOTE, bj(3, 9, 30), handler="小王", text="已联系买家")
    (t,) = ctx.targets.for_case(cid)
    assert (t.status, t.met_at, t.handler) == (TargetStatus.MET, bj(3, 9, 30), "小王")


def test_a_late_first_response_is_missed_and_an_auto_action_before_it_too(
    ctx: AppContext, clock: FixedClock
) -> None:
    clock.set(bj(2, 10))
    late = new_case(ctx, bj(2, 10), "A")
    clock.set(bj(2, 13))
    assert ctx.targets.for_case(late)[0].status is TargetStatus.OVERDUE
    act(ctx, late, Action.APPROVE, bj(2, 13))
    assert ctx.targets.for_case(late)[0].status is TargetStatus.MISSED
    withdrawn = new_case(ctx, bj(2, 13), "B")
    clock.set(bj(2, 13, 30))
    act(ctx, withdrawn, Action.WITHDRAW, bj(2, 13, 30))
    assert ctx.targets.for_case(withdrawn) == []  # the buyer withdrew before an answer was due


def test_refund_within_48_wall_clock_hours_of_the_return_arriving(ctx: AppContext, clock: FixedClock) -> None:
    cid = new_case(ctx, clock.now())
    act(ctx, cid, Action.APPROVE, clock.now())
    act(ctx, cid, Action.BUYER_SHIP, clock.now(), tracking="SF1")
    arrived = bj(6, 20)  # Friday evening: the promise runs over the weekend (seed 002: 48小时)
    clock.set(arrived)
    act(ctx, cid, Action.RETURN_DELIVERED, arrived)
    t = targets(ctx, cid)[TargetKind.REFUND]
    assert t.due_at == arrived + 48 * H  # type: ignore[attr-defined]
    clock.set(bj(8, 19))
    act(ctx, cid, Action.CONFIRM_RECEIPT, bj(8, 19))
    assert targets(ctx, cid)[TargetKind.REFUND].status is TargetStatus.MET  # type: ignore[attr-defined]
    # counted in working hours instead (13 a day), it would have been due on Thursday afternoon
    ctx.targets.save_settings(replace(ctx.targets.settings(), refund_working=True))
    assert targets(ctx, cid)[TargetKind.REFUND].due_at == bj(12, 16)  # type: ignore[attr-defined]


def test_a_refunded_case_gets_a_callback_task_and_a_callback_target(
    ctx: AppContext, clock: FixedClock
) -> None:
    clock.set(bj(6, 10))
    cid = new_case(ctx, clock.now(), kind=CaseType.REFUND_ONLY)
    ended = bj(6, 15)  # a Friday
    clock.set(ended)
    act(ctx, cid, Action.APPROVE, ended, handler="小王")
    cb = ctx.callbacks.for_case(cid)
    assert cb is not None and cb.is_open
    assert (cb.outcome, cb.ended_at, cb.due_at) == ("refunded", ended, bj(9, 15))  # 1 working day: Monday
    t = targets(ctx, cid)[TargetKind.CALLBACK]
    assert t.due_at == bj(10, 15) and t.status is TargetStatus.OPEN  # type: ignore[attr-defined]
    clock.set(bj(9, 16))
    done = ctx.callbacks.record(cid, CallbackResult.SATISFIED, "东西很好", handler="小李")
    assert (done.result, done.comment, done.handler, done.done_at) == (
        CallbackResult.SATISFIED,
        "东西很好",
        "小李",
        bj(9, 16),
    )
    t = targets(ctx, cid)[TargetKind.CALLBACK]
    assert (t.status, t.handler) == (TargetStatus.MET, "小李")  # type: ignore[attr-defined]
    with pytest.raises(InvalidInput):
        ctx.callbacks.record(cid, CallbackResult.NEUTRAL)


def test_callback_only_for_ended_cases_and_chosen_outcomes(ctx: AppContext, clock: FixedClock) -> None:
    cid = new_case(ctx, clock.now(), "A")
    with pytest.raises(InvalidInput):
        ctx.callbacks.record(cid, CallbackResult.SATISFIED)
    act(ctx, cid, Action.WITHDRAW, clock.now())  # closed: not among the default outcomes
    assert ctx.callbacks.for_case(cid) is None
    done = ctx.callbacks.record(cid, CallbackResult.UNSATISFIED, "不想要了")  # still recordable
    assert done.due_at is None and TargetKind.CALLBACK not in targets(ctx, cid)
    # the merchant adds 已关闭 to the outcomes: open tasks follow, recorded ones stay
    other = new_case(ctx, clock.now(), "B")
    act(ctx, other, Action.WITHDRAW, clock.now())
    ctx.targets.save_settings(
        replace(ctx.targets.settings(), callback_outcomes=("refunded", "completed", "closed"))
    )
    assert ctx.callbacks.for_case(other) is not None
    assert ctx.callbacks.for_case(cid).result is CallbackResult.UNSATISFIED  # type: ignore[union-attr]


def test_settings_are_kept_in_the_database_and_recount_every_case(ctx: AppContext, clock: FixedClock) -> None:
    cid = new_case(ctx, bj(2, 10))
    assert ctx.targets.for_case(cid)[0].due_at == bj(2, 12)
    ctx.targets.save_settings(replace(ctx.targets.settings(), first_response=4 * H))
    assert ctx.targets.for_case(cid)[0].due_at == bj(2, 14)
    ctx.targets.forget_cached()
    assert ctx.targets.settings().first_response == 4 * H


def test_the_due_list_holds_targets_and_callbacks_as_merchant_rows(
    ctx: AppContext, clock: FixedClock
) -> None:
    cid = new_case(ctx, clock.now(), kind=CaseType.REFUND_ONLY)
    kinds = {(r.kind, r.target, r.party, r.auto_action) for r in ctx.due_list.due()}
    assert ("target", "first_response", "merchant", None) in kinds
    act(ctx, cid, Action.APPROVE, clock.now())
    rows = ctx.due_list.due()
    assert {(r.kind, r.target) for r in rows} == {("target", "callback"), ("callback", None)}
    ctx.callbacks.record(cid, CallbackResult.NEUTRAL)
    assert ctx.due_list.due() == []


def test_cli_due_json_and_case_act_callback(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    cid = add(capsys, tmp_path, type="refund_only")
    code, out, err = run(capsys, tmp_path, "due", "--json")
    assert code == 0, err
    target = [r for r in json.loads(out) if r["kind"] == "target"]
    assert [(r["target"], r["party"], r["auto_action"], r["due_at"]) for r in target] == [
        ("first_response", "merchant", None, "2026-11-02T12:00:00+08:00")
    ]
    assert run(capsys, tmp_path, "case", "act", cid, "approve")[0] == 0
    rows = json.loads(run(capsys, tmp_path, "due", "--json")[1])
    assert sorted(r["kind"] for r in rows) == ["callback", "target"]
    code, out, err = run(
        capsys, tmp_path, "case", "act", cid, "callback", "--result", "满意", "--text", "很快", "--json"
    )
    assert code == 0, err
    assert {k: json.loads(out)[k] for k in ("result", "comment", "outcome")} == {
        "result": "satisfied",
        "comment": "很快",
        "outcome": "refunded",
    }
    shown = json.loads(run(capsys, tmp_path, "case", "show", cid, "--json")[1])
    assert shown["callback"]["result"] == "satisfied"
    assert {t["kind"]: t["status"] for t in shown["targets"]} == {"first_response": "met", "callback": "met"}
    assert run(capsys, tmp_path, "case", "act", cid, "callback")[0] == 1  # --result is needed
    assert json.loads(run(capsys, tmp_path, "due", "--json")[1]) == []


def _alerts_until(ctx: AppContext, clock: FixedClock, end: datetime) -> list[tuple[datetime, str]]:
    shown = []
    while True:
        instant = ctx.alerts.next_wakeup().instant
        if instant is None or instant >= end:
            return shown
        clock.set(max(instant, clock.now()))
        shown += [(clock.now(), say(n.title, "zh_CN")) for n in ctx.alerts.wake().delivery.notices]
        if clock.now() == instant and not shown:
            clock.advance(timedelta(seconds=1))


def test_a_target_alerts_only_in_working_hours(ctx: AppContext, clock: FixedClock) -> None:
    ctx.alerts.settings = AlertSettings(
        merchant_leads=(), buyer_alerts=False, follow_up_leads=(), target_leads=DEFAULT_TARGET_LEADS
    )
    clock.set(bj(2, 21, 30))  # Monday 21:30: the 2 working hours run to Tuesday 10:30
    cid = new_case(ctx, clock.now())
    assert ctx.targets.for_case(cid)[0].due_at == bj(3, 10, 30)
    shown = _alerts_until(ctx, clock, bj(3, 10, 30))
    # 1 h before is 09:30; 15 min before 10:15 — both inside hours. Nothing at night.
    assert shown == [
        (bj(3, 9, 30), "快手小店 KS1 · 我方目标「首次响应」还剩 1小时"),
        (bj(3, 10, 15), "快手小店 KS1 · 我方目标「首次响应」还剩 15分钟"),
    ]


def test_a_lead_time_crossed_at_night_is_shown_when_the_shop_opens(
    ctx: AppContext, clock: FixedClock
) -> None:
    ctx.alerts.settings = AlertSettings(
        merchant_leads=(), buyer_alerts=False, follow_up_leads=(), target_leads=(12 * H,)
    )
    clock.set(bj(2, 21))
    cid = new_case(ctx, clock.now())
    ctx.targets.save_settings(replace(ctx.targets.settings(), first_response=4 * H))  # due Tue 12:00
    assert ctx.targets.for_case(cid)[0].due_at == bj(3, 12)
    shown = _alerts_until(ctx, clock, bj(3, 12))
    assert [at for at, _ in shown] == [bj(3, 9)]  # crossed at 00:00, shown (in a summary) at the opening


def test_a_callback_task_alerts_like_a_follow_up(ctx: AppContext, clock: FixedClock) -> None:
    ctx.alerts.settings = AlertSettings(
        merchant_leads=(),
        buyer_alerts=False,
        follow_up_leads=(),
        callback_leads=(H, 15 * timedelta(minutes=1)),
    )
    cid = new_case(ctx, clock.now(), kind=CaseType.REFUND_ONLY)
    act(ctx, cid, Action.APPROVE, clock.now())
    cb = ctx.callbacks.for_case(cid)
    assert cb is not None and cb.due_at is not None
    shown = _alerts_until(ctx, clock, cb.due_at)
    assert [t for _, t in shown] == ["快手小店 KS1 · 回访还剩 1小时", "快手小店 KS1 · 回访还剩 15分钟"]
