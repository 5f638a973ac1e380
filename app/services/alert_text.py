"""The words of alerts, auto-action notices and summaries (Chinese, as the merchant reads them)."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from datetime import datetime, timedelta, tzinfo
from decimal import Decimal

from app.models.enums import AutoAction, Party, Stage
from app.services.alert_plan import PendingAlert, SummaryReason
from app.services.clock import BEIJING
from app.services.labels import AUTO_ZH, PLATFORM_ZH

AUTO_DONE_ZH = {
    AutoAction.AUTO_REFUND: "已自动退款",
    AutoAction.AUTO_APPROVE: "已自动同意",
    AutoAction.AUTO_CLOSE: "已自动关闭",
    AutoAction.AUTO_COMPLETE: "已自动完成",
    AutoAction.PENALTY: "已判罚",
}
AUTO_COUNT_ZH = {
    AutoAction.AUTO_REFUND: "笔自动退款",
    AutoAction.AUTO_APPROVE: "笔自动同意",
    AutoAction.AUTO_CLOSE: "笔自动关闭",
    AutoAction.AUTO_COMPLETE: "笔自动完成",
    AutoAction.PENALTY: "笔超时判罚",
}
SUMMARY_PREFIX_ZH = {
    SummaryReason.AWAY: "离开期间",
    SummaryReason.SNOOZED: "暂停提醒期间",
    SummaryReason.QUIET: "免打扰期间",
    SummaryReason.LATE: "新录入的售后单",
    SummaryReason.HELD: "延迟提醒",
    SummaryReason.BURST: "同时到期",
}
# Auto-actions that move money: the amount is named with them.
MONEY_ACTIONS = {AutoAction.AUTO_REFUND.value, AutoAction.AUTO_APPROVE.value}


def money(amount: Decimal) -> str:
    return f"¥{amount:,.2f}"


def span_text(delta: timedelta) -> str:
    """'15分钟', '1小时', '5小时50分', '24小时', '1天3小时' — rounded down to the minute."""
    minutes = max(0, int(delta.total_seconds()) // 60)
    days, rest = divmod(minutes, 1440) if minutes > 1440 else (0, minutes)
    hours, mins = divmod(rest, 60)
    if days:
        return f"{days}天{hours}小时" if hours else f"{days}天"
    if hours:
        return f"{hours}小时{mins}分" if mins else f"{hours}小时"
    return f"{mins}分钟"


def lead_text(lead: timedelta) -> str:
    """A lead time as configured: '24小时', '6小时', '15分钟' (hours, never days)."""
    minutes = int(lead.total_seconds()) // 60
    hours, mins = divmod(minutes, 60)
    if hours and mins:
        return f"{hours}小时{mins}分"
    return f"{hours}小时" if hours else f"{mins}分钟"


def local_time(at: datetime, zone: tzinfo = BEIJING) -> str:
    return at.astimezone(zone).strftime("%m-%d %H:%M")


def what_fires(auto_action: str, amount: Decimal) -> str:
    """'自动退款 ¥129.00' — the amount only with actions that move money."""
    label = AUTO_ZH.get(auto_action, auto_action)
    return f"{label} {money(amount)}" if auto_action in MONEY_ACTIONS else label


def alert_title(a: PendingAlert, now: datetime) -> str:
    who = "买家" if a.key.party == Party.BUYER else ""
    left = span_text(a.key.due_at - now)
    return f"{PLATFORM_ZH.get(a.platform, a.platform)} {a.aftersale_no} · {who}还剩 {left}"


def alert_text(a: PendingAlert, zone: tzinfo = BEIJING) -> str:
    product = a.product_title or "(未填商品)"
    return f"{product}\n{local_time(a.key.due_at, zone)} 到期将{what_fires(a.auto_action, a.amount)}"


def auto_reason(auto_action: str, from_stage: str) -> str:
    """Why the platform acted, in the merchant's words ('未验货': refunded before inspection)."""
    if auto_action == AutoAction.AUTO_REFUND and from_stage == Stage.AWAITING_MERCHANT_RECEIPT:
        return "未验货"
    if auto_action in (AutoAction.AUTO_REFUND, AutoAction.AUTO_APPROVE):
        return "商家超时未处理"
    if auto_action == AutoAction.AUTO_CLOSE:
        return "买家超时未寄回" if from_stage == Stage.AWAITING_BUYER_RETURN else "买家超时未操作"
    if auto_action == AutoAction.AUTO_COMPLETE:
        return "买家超时未确认"
    if auto_action == AutoAction.PENALTY:
        return "超时未发货"
    return "平台规则到期"


def auto_title(
    platform: str, aftersale_no: str, auto_action: str, from_stage: str, amount: Decimal | None
) -> str:
    """'已自动退款: 快手小店 KS20261100000 ¥129.00 — 未验货'."""
    done = AUTO_DONE_ZH.get(AutoAction(auto_action), auto_action)
    money_part = f" {money(amount)}" if amount is not None and auto_action in MONEY_ACTIONS else ""
    where = f"{PLATFORM_ZH.get(platform, platform)} {aftersale_no}"
    return f"{done}: {where}{money_part} — {auto_reason(auto_action, from_stage)}"


def auto_text(product_title: str, at: datetime, zone: tzinfo = BEIJING) -> str:
    return f"{product_title or '(未填商品)'}\n平台于 {local_time(at, zone)} 执行"


def summary_headline(
    reason: SummaryReason, auto_actions: Sequence[str], alert_leads: Sequence[timedelta]
) -> str:
    """'离开期间：3 笔自动退款，2 个期限不足 1小时'."""
    parts: list[str] = []
    for action, n in sorted(Counter(auto_actions).items()):
        parts.append(f"{n} {AUTO_COUNT_ZH.get(AutoAction(action), action)}")
    for lead, n in sorted(Counter(alert_leads).items()):
        parts.append(f"{n} 个期限不足 {lead_text(lead)}")
    return f"{SUMMARY_PREFIX_ZH[reason]}：" + "，".join(parts)
