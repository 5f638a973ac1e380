"""AlertService on a real database with a fake clock: plans, re-plans, holds, logs, never twice."""

from __future__ import annotations

from datetime import datetime, time, timedelta
from decimal import Decimal
from pathlib import Path

from app.bootstrap import AppContext
from app.models.enums import Action, CaseType, Platform, Reason
from app.services.alerts.plan import AlertSettings, QuietHours, SummaryReason
from app.services.alerts.service import Delivery
from app.services.cases.service import ActionRequest, NewCase
from app.services.clock import BEIJING, FixedClock
from app.services.text.messages import say

H = timedelta(hours=1)
M = timedelta(minutes=1)
LEADS = [24 * H, 6 * H, H, 15 * M]


def zh(message: object) -> str:
    """What the Chinese window shows."""
    return say(message, "zh_CN")


def add_case(
    ctx: AppContext,
    no: str = "KS1001",
    case_type: CaseType = CaseType.REFUND_ONLY,
    requested_at: datetime | None = None,
    amount: str = "129.00",
) -> int:
    return ctx.cases.add_case(
        NewCase(
            platform=Platform.KUAISHOU,
            case_type=case_type,
            reason=Reason.QUALITY,
            order_no="O" + no,
            aftersale_no=no,
            amount=Decimal(amount),
            requested_at=requested_at or ctx.clock.now(),
            product_title="无线蓝牙耳机降噪运动款",
        )
    )


def merchant_due(ctx: AppContext, case_id: int) -> datetime:
    detail = ctx.queries.detail(case_id)
    assert detail is not None
    (d,) = [d for d in detail.row.deadlines if d.party == "merchant"]
    assert d.due_at is not None
    return d.due_at


def test_plan_for_a_case_is_exactly_the_configured_leads(ctx: AppContext, clock: FixedClock) -> None:
    cid = add_case(ctx)
    due = clock.now() + 48 * H  # 快手 仅退款: 48 h → auto_refund
    plan = ctx.alerts.plan_for_case(cid)
    assert [(p.key.party, p.lead, p.at) for p in plan] == [("merchant", lead, due - lead) for lead in LEADS]
    ctx.alerts.settings = AlertSettings(merchant_leads=(2 * H, 30 * M))
    assert [p.lead for p in ctx.alerts.plan_for_case(cid)] == [2 * H, 30 * M]


def test_an_action_replans(ctx: AppContext, clock: FixedClock) -> None:
    cid = add_case(ctx, case_type=CaseType.RETURN_REFUND)
    clock.advance(H)
    ctx.cases.act(cid, ActionRequest(Action.APPROVE))
    plan = ctx.alerts.plan_for_case(cid)
    # now the buyer has 10 days to ship the return: one alert, 24 h before
    assert [(p.key.party, p.lead) for p in plan] == [("buyer", 24 * H)]
    assert plan[0].key.due_at == clock.now() + timedelta(days=10)
    ctx.alerts.settings = AlertSettings(buyer_alerts=False)
    assert ctx.alerts.plan_for_case(cid) == []


def test_extended_deadline_gets_fresh_alerts(ctx: AppContext, clock: FixedClock) -> None:
    cid = add_case(ctx)
    due = merchant_due(ctx, cid)
    clock.set(due - H)
    first = ctx.alerts.wake().delivery
    assert [n.case_id for n in first.popups] == [cid]
    assert not ctx.alerts.wake().delivery  # the same alert is not shown twice
    new_due = due + 2 * H
    payload = {"due_at": new_due.isoformat(), "reason": "平台同意延期"}
    ctx.cases.act(cid, ActionRequest(Action.EXTEND_DEADLINE, payload=payload))
    assert [p.at for p in ctx.alerts.plan_for_case(cid)] == [new_due - lead for lead in LEADS]
    assert ctx.alerts.next_wakeup().instant == new_due - H
    clock.set(new_due - H)
    again = ctx.alerts.wake().delivery
    assert [n.case_id for n in again.popups] == [cid]  # a new identity: alerted afresh
    assert "还剩 1小时" in zh(again.popups[0].title)


def test_mute_silences_a_case_and_replans(ctx: AppContext, clock: FixedClock) -> None:
    cid = add_case(ctx)
    other = add_case(ctx, "KS2002", requested_at=clock.now() - 10 * H)
    due = merchant_due(ctx, cid)
    ctx.alerts.set_muted(cid, True)
    assert ctx.alerts.plan_for_case(cid) == []
    plan = ctx.alerts.next_wakeup()
    assert plan.instant == merchant_due(ctx, other) - 24 * H  # only the other case plans alerts
    clock.set(due - H)
    delivery = ctx.alerts.wake().delivery
    assert cid not in [n.case_id for n in delivery.notices]
    ctx.alerts.set_muted(cid, False)
    assert len(ctx.alerts.plan_for_case(cid)) == 4


def test_alerts_fire_at_the_planned_instants_with_the_words(ctx: AppContext, clock: FixedClock) -> None:
    cid = add_case(ctx)
    due = merchant_due(ctx, cid)
    shown: list[tuple[datetime, str, str]] = []
    while True:
        instant = ctx.alerts.next_wakeup().instant
        if instant is None:
            break
        clock.set(instant)
        for n in ctx.alerts.wake().delivery.popups:
            shown.append((clock.now(), n.title, n.text))
    assert [at for at, _, _ in shown] == [due - lead for lead in LEADS] + [due]
    _, title, text = shown[2]
    assert zh(title) == "快手小店 KS1001 · 还剩 1小时"
    assert zh(text) == "无线蓝牙耳机降噪运动款\n11-04 10:00 到期将自动退款 ¥129.00"
    assert zh(shown[-1][1]) == "已自动退款: 快手小店 KS1001 ¥129.00 — 商家超时未处理"
    assert title == "Kuaishou KS1001 · 1 h left"  # the English, for the CLI and an English window
    assert text == "无线蓝牙耳机降噪运动款\nDue 11-04 10:00: auto-refund of ¥129.00"
    assert shown[-1][1] == "Auto-refunded: Kuaishou KS1001 ¥129.00 — the merchant did not act in time"


def test_auto_refund_before_inspection_says_so(ctx: AppContext, clock: FixedClock) -> None:
    cid = add_case(ctx, case_type=CaseType.RETURN_REFUND)
    ctx.cases.act(cid, ActionRequest(Action.APPROVE))
    ctx.cases.act(cid, ActionRequest(Action.BUYER_SHIP, payload={"tracking": "SF1"}))
    clock.set(merchant_due(ctx, cid))
    (notice,) = ctx.alerts.wake().delivery.popups
    assert zh(notice.title) == "已自动退款: 快手小店 KS1001 ¥129.00 — 未验货"


def test_quiet_hours_hold_then_one_summary(ctx: AppContext, clock: FixedClock) -> None:
    ctx.alerts.settings = AlertSettings(quiet=QuietHours(time(22, 0), time(8, 0)))
    cid = add_case(ctx)  # due 11-04 10:00 Beijing: the 6 h alert falls at 04:00, in quiet hours
    night = add_case(ctx, "KS2002", requested_at=clock.now() - 7 * H)  # auto-refund 11-04 03:00
    due = merchant_due(ctx, cid)
    clock.set(datetime(2026, 11, 3, 21, 0, tzinfo=BEIJING))
    ctx.alerts.wake()  # evening: 24 h alerts, shown
    popups: list[str] = []
    summaries = []
    while True:
        plan = ctx.alerts.next_wakeup()
        assert plan.instant is not None
        if plan.instant > datetime(2026, 11, 4, 8, 30, tzinfo=BEIJING):
            break
        clock.set(plan.instant)
        delivery = ctx.alerts.wake().delivery
        popups += [n.title for n in delivery.popups]
        if delivery.summary:
            summaries.append((clock.now(), delivery.summary))
    assert popups == []  # nothing popped at night
    [(at, summary)] = summaries
    assert at == datetime(2026, 11, 4, 8, 0, tzinfo=BEIJING)
    assert summary.reason is SummaryReason.QUIET  # said as quiet hours, not as a snooze
    assert zh(summary.headline) == "免打扰期间：1 笔自动退款，1 个期限不足 6小时"
    assert {n.case_id for n in summary.notices} == {cid, night}
    clock.set(due - H)
    assert [n.case_id for n in ctx.alerts.wake().delivery.popups] == [cid]  # daytime: pops again


def test_snooze_holds_until_it_ends(ctx: AppContext, clock: FixedClock) -> None:
    cid = add_case(ctx)
    due = merchant_due(ctx, cid)
    clock.set(due - H - 10 * M)
    ctx.alerts.snooze_for(30 * M)
    clock.set(due - H)
    assert ctx.alerts.wake().delivery.held == 1
    assert ctx.alerts.next_wakeup().instant == due - 40 * M  # the snooze end
    clock.set(due - 40 * M)
    delivery = ctx.alerts.wake().delivery
    assert delivery.popups == ()
    assert (
        delivery.summary is not None and zh(delivery.summary.headline) == "暂停提醒期间：1 个期限不足 1小时"
    )


def test_nothing_is_shown_twice_across_a_restart(tmp_path: Path, clock: FixedClock) -> None:
    data = tmp_path / "data"
    ctx = AppContext.open(data, clock)
    cid = add_case(ctx)
    clock.set(merchant_due(ctx, cid) - 6 * H)
    assert len(ctx.alerts.wake().delivery.popups) == 1
    ctx.close()
    restarted = AppContext.open(data, clock)
    try:
        assert not restarted.alerts.catch_up().delivery
        assert not restarted.alerts.wake().delivery
        sent = restarted.alerts.log.sent_for_case(cid)
        assert [(s.kind, s.lead_seconds, s.delivery) for s in sent] == [("alert", 6 * 3600, "message")]
    finally:
        restarted.close()


def test_overdue_deadline_wakes_now_and_next_wakeup_reads_a_handful_of_rows(
    ctx: AppContext, clock: FixedClock
) -> None:
    for i in range(30):
        add_case(ctx, f"KS{3000 + i}", requested_at=clock.now() - i * H)
    plan = ctx.alerts.next_wakeup()
    assert plan.rows_read <= 6  # one per lead time and one for the next due_at, not one per case
    clock.advance(48 * H)
    assert ctx.alerts.next_wakeup().instant == clock.now()


def test_a_burst_becomes_one_summary(ctx: AppContext, clock: FixedClock) -> None:
    for i in range(5):
        add_case(ctx, f"KS{4000 + i}")
    clock.advance(24 * H)  # all five cross 24 h at this instant
    delivery = ctx.alerts.wake().delivery
    assert delivery.popups == ()
    assert delivery.summary is not None and delivery.summary.reason is SummaryReason.BURST
    assert len(delivery.summary.notices) == 5


def test_tray_status_counts_merchant_deadlines(ctx: AppContext, clock: FixedClock) -> None:
    add_case(ctx, "KS1", requested_at=clock.now() - 30 * H)  # due in 18 h
    add_case(ctx, "KS2", requested_at=clock.now() - 47 * H)  # due in 1 h
    add_case(ctx, "KS3")  # due in 48 h
    status = ctx.alerts.tray_status()
    assert (status.due_within_24h, status.overdue) == (2, 0)
    assert [u.aftersale_no for u in status.upcoming] == ["KS2", "KS1", "KS3"]
    clock.advance(2 * H)
    assert ctx.alerts.tray_status().overdue == 1


def test_delivery_is_falsy_when_empty() -> None:
    assert not Delivery()


def test_a_case_added_close_to_its_deadline_alerts_at_once(ctx: AppContext, clock: FixedClock) -> None:
    ctx.alerts.wake()  # the app has been checking alerts
    clock.advance(M)
    cid = add_case(ctx, "KS9", requested_at=clock.now() - 45 * H)  # imported: 3 h left
    plan = ctx.alerts.next_wakeup()
    assert (plan.instant, plan.reason) == (clock.now(), "cases changed")
    (notice,) = ctx.alerts.wake().delivery.popups
    assert notice.case_id == cid and zh(notice.title).endswith("还剩 3小时")
    assert ctx.alerts.next_wakeup().instant == merchant_due(ctx, cid) - H
