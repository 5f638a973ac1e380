"""The pure alert planner: lead times, quiet hours, what pops and what is summarised."""

from __future__ import annotations

from datetime import UTC, datetime, time, timedelta
from decimal import Decimal

from app.services.alerts.plan import (
    AlertSettings,
    DeadlineKey,
    HeldAuto,
    PendingAlert,
    QuietHours,
    SummaryReason,
    WakeCandidates,
    current_lead,
    decide,
    next_wakeup,
    plan_deadline,
)
from app.services.alerts.text import lead_text, span_text, summary_headline
from app.services.clock import BEIJING
from app.services.text.messages import say

H = timedelta(hours=1)
NOW = datetime(2026, 11, 2, 10, 0, tzinfo=BEIJING).astimezone(UTC)
LEADS = (24 * H, 6 * H, H, timedelta(minutes=15))


def zh(message: object) -> str:
    return say(message, "zh_CN")


def pending(case_id: int, due_in: timedelta, lead: timedelta, now: datetime = NOW) -> PendingAlert:
    key = DeadlineKey(case_id, "merchant", "r", now + due_in)
    amount = Decimal("1.00")
    return PendingAlert(key, lead, "kuaishou", f"KS{case_id}", "耳机", "auto_refund", "refunded", amount)


def test_plan_is_the_configured_leads_longest_first() -> None:
    key = DeadlineKey(1, "merchant", "r", NOW + 48 * H)
    plan = plan_deadline(key, AlertSettings(merchant_leads=(H, 24 * H, 6 * H, timedelta(minutes=15))))
    assert [p.lead for p in plan] == list(LEADS)
    assert [p.at for p in plan] == [key.due_at - lead for lead in LEADS]


def test_buyer_deadlines_alert_once_and_can_be_off() -> None:
    key = DeadlineKey(1, "buyer", "r", NOW + 48 * H)
    assert [p.lead for p in plan_deadline(key, AlertSettings())] == [24 * H]
    assert plan_deadline(key, AlertSettings(buyer_alerts=False)) == []
    assert plan_deadline(DeadlineKey(1, "platform", "r", NOW), AlertSettings()) == []


def test_current_lead_is_the_tightest_crossed() -> None:
    due = NOW + 50 * timedelta(minutes=1)
    assert current_lead(due, NOW, LEADS) == H
    assert current_lead(NOW + 30 * H, NOW, LEADS) is None
    assert current_lead(NOW - H, NOW, LEADS) is None  # overdue: the auto-action's business


def test_quiet_hours_across_midnight() -> None:
    quiet = QuietHours(time(22, 0), time(8, 0))
    at = datetime(2026, 11, 2, 23, 30, tzinfo=BEIJING)
    assert quiet.contains(at, BEIJING)
    assert not quiet.contains(datetime(2026, 11, 2, 8, 0, tzinfo=BEIJING), BEIJING)
    assert quiet.contains(datetime(2026, 11, 3, 7, 59, tzinfo=BEIJING), BEIJING)
    assert quiet.next_end(at, BEIJING) == datetime(2026, 11, 3, 8, 0, tzinfo=BEIJING)
    assert not QuietHours(time(8, 0), time(8, 0)).contains(at, BEIJING)


def test_fresh_alerts_pop_one_by_one() -> None:
    alerts = [pending(1, H, H), pending(2, 6 * H, 6 * H)]
    d = decide(alerts, [], NOW, AlertSettings(), silenced=False)
    assert [a.key.case_id for a in d.popup_alerts] == [1, 2]
    assert d.summary_reason is None


def test_silenced_holds_everything() -> None:
    d = decide([pending(1, H, H)], [HeldAuto(9, 2, NOW, "auto_refund")], NOW, AlertSettings(), silenced=True)
    assert d.popup_alerts == () and d.summary_reason is None and d.held == 2


def test_anything_stale_makes_one_summary() -> None:
    stale = pending(1, 30 * timedelta(minutes=1), H)  # crossed 30 min ago
    d = decide([stale, pending(2, H, H)], [], NOW, AlertSettings(), silenced=False)
    assert d.popup_alerts == ()
    assert d.summary_reason is SummaryReason.HELD
    assert len(d.summary_alerts) == 2


def test_an_old_instant_of_a_case_changed_since_the_last_check_is_news() -> None:
    imported = pending(1, 3 * H, 6 * H)  # its 6 h instant was 3 h ago, before the last check
    d = decide([imported], [], NOW, AlertSettings(), silenced=False, since=NOW - timedelta(minutes=1))
    assert d.popup_alerts == (imported,) and d.summary_reason is None
    d = decide([imported], [], NOW, AlertSettings(), silenced=False, since=NOW - 4 * H)  # asleep since
    assert d.summary_reason is SummaryReason.HELD


def test_too_many_at_once_is_a_summary_not_a_burst() -> None:
    alerts = [pending(i, H, H) for i in range(4)]
    d = decide(alerts, [], NOW, AlertSettings(max_burst=3), silenced=False)
    assert d.summary_reason is SummaryReason.BURST and d.popup_alerts == ()


def test_away_summarises_even_one_item_and_muted_autos_are_never_shown() -> None:
    muted = HeldAuto(5, 3, NOW, "auto_refund", muted=True)
    d = decide([pending(1, H, H)], [muted], NOW, AlertSettings(), silenced=True, away=True)
    assert d.summary_reason is SummaryReason.AWAY
    assert d.muted_autos == (muted,) and d.summary_autos == ()


def test_next_wakeup_is_the_earliest_and_overdue_means_now() -> None:
    c = WakeCandidates(next_due=NOW + 5 * H, next_alerts={"merchant 1h": NOW + 2 * H})
    assert next_wakeup(c, NOW) == (NOW + 2 * H, "alert merchant 1h")
    assert next_wakeup(WakeCandidates(next_due=NOW - H), NOW) == (NOW, "due")
    assert next_wakeup(WakeCandidates(), NOW) == (None, "nothing pending")


def test_texts() -> None:
    assert zh(span_text(timedelta(minutes=59, seconds=59))) == "59分钟"
    assert zh(span_text(5 * H + timedelta(minutes=50))) == "5小时50分"
    assert zh(span_text(24 * H)) == "24小时"
    assert zh(span_text(27 * H)) == "1天3小时"
    assert zh(lead_text(24 * H)) == "24小时"
    headline = summary_headline(SummaryReason.AWAY, ["auto_refund"] * 3, [H, H])
    assert zh(headline) == "离开期间：3 笔自动退款，2 个期限不足 1小时"


def test_texts_in_english() -> None:
    assert span_text(timedelta(minutes=59, seconds=59)) == "59 min"
    assert span_text(5 * H + timedelta(minutes=50)) == "5 h 50 min"
    assert span_text(27 * H) == "1 d 3 h"
    headline = summary_headline(SummaryReason.AWAY, ["auto_refund"] * 3 + ["auto_close"], [H, H, 6 * H])
    assert (
        headline
        == "While you were away: 1 auto-close, 3 auto-refunds, 2 deadlines within 1 h, 1 deadline within 6 h"
    )
    assert zh(headline) == "离开期间：1 笔自动关闭，3 笔自动退款，2 个期限不足 1小时，1 个期限不足 6小时"


def test_a_late_summary_says_why_it_is_late() -> None:
    stale = pending(1, 30 * timedelta(minutes=1), H)  # crossed 30 min ago
    auto = HeldAuto(9, 2, NOW - 2 * H, "auto_refund")
    settings = AlertSettings()

    def reason(
        held_by: SummaryReason | None = None, created: dict[int, datetime] | None = None
    ) -> SummaryReason | None:
        d = decide([stale], [auto], NOW, settings, silenced=False, held_by=held_by, created=created)
        return d.summary_reason

    assert reason(held_by=SummaryReason.SNOOZED) is SummaryReason.SNOOZED
    assert reason(held_by=SummaryReason.QUIET) is SummaryReason.QUIET
    entered_now = {1: NOW - timedelta(minutes=1), 2: NOW - timedelta(minutes=1)}
    assert reason(created=entered_now) is SummaryReason.LATE  # an import of old cases
    assert reason(created={**entered_now, 2: NOW - 3 * H}) is SummaryReason.HELD  # case 2 was there
    assert reason() is SummaryReason.HELD
    assert zh(summary_headline(SummaryReason.QUIET, ["auto_refund"], [H])).startswith("免打扰期间：")
    assert zh(summary_headline(SummaryReason.HELD, ["auto_refund"], [])) == "延迟提醒：1 笔自动退款"
    assert summary_headline(SummaryReason.HELD, ["auto_refund"], []) == "Delayed alerts: 1 auto-refund"
