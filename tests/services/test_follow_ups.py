"""Agreed follow-ups: a note's "follow up by" becomes the merchant's deadline, listed with the
platform's, alerted with its own lead times, settled when done, kept or not."""

from __future__ import annotations

from datetime import datetime, timedelta
from decimal import Decimal

import pytest

from app.bootstrap import AppContext
from app.models.enums import Action, CaseType, Platform, Reason
from app.services.alerts.plan import AlertSettings
from app.services.cases.service import ActionRequest, InvalidInput, NewCase
from app.services.clock import BEIJING, FixedClock
from app.services.service_desk.follow_ups import FollowUpStatus, status_of
from app.services.text.messages import say

H = timedelta(hours=1)
M = timedelta(minutes=1)


def add_case(ctx: AppContext, no: str = "KS1", handler: str = "") -> int:
    return ctx.cases.add_case(
        NewCase(
            platform=Platform.KUAISHOU,
            case_type=CaseType.RETURN_REFUND,
            reason=Reason.QUALITY,
            order_no="O" + no,
            aftersale_no=no,
            amount=Decimal("129.00"),
            requested_at=ctx.clock.now(),
            product_title="保温杯",
            handler=handler,
        )
    )


def agree(
    ctx: AppContext, case_id: int, by: datetime, text: str = "明天下午回电说明进度", handler: str = ""
) -> None:
    ctx.cases.act(
        case_id,
        ActionRequest(Action.NOTE, payload={"text": text, "follow_up_by": by.isoformat()}, handler=handler),
    )


def test_status_is_kept_only_when_done_by_its_instant() -> None:
    due = datetime(2026, 11, 3, 15, 0, tzinfo=BEIJING)
    assert status_of(due, None, due - M) is FollowUpStatus.OPEN
    assert status_of(due, None, due) is FollowUpStatus.OPEN
    assert status_of(due, None, due + M) is FollowUpStatus.OVERDUE
    assert status_of(due, due, due + H) is FollowUpStatus.KEPT
    assert status_of(due, due + M, due + H) is FollowUpStatus.LATE


def test_a_note_with_follow_up_by_is_listed_with_the_platform_clocks(
    ctx: AppContext, clock: FixedClock
) -> None:
    cid = add_case(ctx)
    by = clock.now() + 5 * H
    agree(ctx, cid, by, handler="小王")
    rows = ctx.due_list.due()
    assert [(r.kind, r.party, r.auto_action) for r in rows] == [
        ("follow_up", "merchant", None),
        ("platform", "merchant", "auto_approve"),
    ]
    assert rows[0].due_at == by and rows[0].text == "明天下午回电说明进度"
    assert ctx.queries.due() == rows  # the service's connection reads the same list
    (f,) = ctx.follow_ups.for_case(cid)
    assert (f.handler, f.event_seq, f.status) == ("小王", 2, FollowUpStatus.OPEN)
    assert ctx.queries.detail(cid).events[-1].handler == "小王"  # type: ignore[union-attr]


def test_done_settles_it_and_says_whether_it_was_kept(ctx: AppContext, clock: FixedClock) -> None:
    cid = add_case(ctx)
    agree(ctx, cid, clock.now() + 2 * H)
    agree(ctx, cid, clock.now() + 3 * H, text="补发配件")
    first, second = ctx.follow_ups.for_case(cid)
    clock.advance(H)
    assert ctx.follow_ups.settle(first.id, "小王").status is FollowUpStatus.KEPT
    clock.advance(3 * H)
    assert ctx.follow_ups.for_case(cid)[1].status is FollowUpStatus.OVERDUE
    late = ctx.follow_ups.settle(second.id, "老李")
    assert (late.status, late.done_by) == (FollowUpStatus.LATE, "老李")
    assert [r.kind for r in ctx.due_list.due()] == ["platform"]  # settled ones leave the list
    with pytest.raises(InvalidInput):
        ctx.follow_ups.settle(second.id)


def test_follow_up_must_come_after_the_note(ctx: AppContext, clock: FixedClock) -> None:
    cid = add_case(ctx)
    with pytest.raises(InvalidInput):
        agree(ctx, cid, clock.now() - M)
    with pytest.raises(InvalidInput):
        ctx.cases.act(cid, ActionRequest(Action.NOTE, payload={"text": "x", "follow_up_by": "tomorrow"}))
    assert ctx.follow_ups.for_case(cid) == []


def test_a_follow_up_alerts_at_its_own_lead_times_and_not_once_done(
    ctx: AppContext, clock: FixedClock
) -> None:
    ctx.alerts.settings = AlertSettings(merchant_leads=(), buyer_alerts=False)
    cid = add_case(ctx)
    by = clock.now() + 5 * H
    agree(ctx, cid, by, text="回电说明退款进度")
    shown = []
    while True:
        instant = ctx.alerts.next_wakeup().instant
        if instant is None or instant >= by:
            break
        clock.set(instant)
        shown += [(clock.now(), n) for n in ctx.alerts.wake().delivery.popups]
    assert [at for at, _ in shown] == [by - H, by - 15 * M]
    title, text = shown[0][1].title, shown[0][1].text
    assert say(title, "zh_CN") == "快手小店 KS1 · 约定跟进还剩 1小时"
    assert say(text, "zh_CN") == "约定 11-02 15:00 前：回电说明退款进度"
    assert title == "Kuaishou KS1 · follow up within 1 h"
    # Done before the last lead time: no more alerts for it.
    agree(ctx, cid, clock.now() + 2 * H, text="第二次约定")
    (_, second) = ctx.follow_ups.for_case(cid)
    ctx.follow_ups.settle(second.id)
    clock.advance(90 * M)
    assert [n.text for n in ctx.alerts.wake().delivery.popups] == []


def test_a_muted_case_does_not_alert_its_follow_ups(ctx: AppContext, clock: FixedClock) -> None:
    ctx.alerts.settings = AlertSettings(merchant_leads=(), buyer_alerts=False)
    cid = add_case(ctx)
    agree(ctx, cid, clock.now() + 30 * M)
    ctx.alerts.set_muted(cid, True)
    assert not ctx.alerts.wake().delivery
