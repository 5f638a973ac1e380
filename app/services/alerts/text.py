"""The words of alerts, auto-action notices and summaries, in English and in Chinese.

Each function gives a `messages.Text`: its str is the English (the CLI, the logs), and the
window renders it in the merchant's language. Titles and texts of alerts and notices are kept
in the alert log (`stored_text`), so every template here is named and takes only strings,
integers and nested texts: local times and amounts are formatted first (they read the same in
both languages).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from datetime import datetime, timedelta, tzinfo
from decimal import Decimal

from app.models.enums import AutoAction, Party, Platform, Stage
from app.services.alerts.plan import PendingAlert, SummaryReason
from app.services.clock import BEIJING
from app.services.text.labels import AUTO_ZH, PLATFORM_ZH
from app.services.text.messages import Text
from app.services.text.stored import named

PLATFORM_EN = {
    Platform.KUAISHOU: "Kuaishou",
    Platform.TAOBAO: "Taobao/Tmall",
    Platform.DOUYIN: "Douyin",
    Platform.WECHAT: "WeChat Shop",
    Platform.PINDUODUO: "Pinduoduo",
    Platform.JD: "JD",
    Platform.XIAOHONGSHU: "Xiaohongshu",
    Platform.CUSTOM: "Custom",
}
PLATFORM_NAME = {
    p.value: named(f"platform.{p.value}", en=en, zh=PLATFORM_ZH[p.value]) for p, en in PLATFORM_EN.items()
}

AUTO_EN = {
    AutoAction.AUTO_APPROVE: "auto-approve",
    AutoAction.AUTO_REFUND: "auto-refund",
    AutoAction.AUTO_CLOSE: "auto-close",
    AutoAction.AUTO_COMPLETE: "auto-complete",
    AutoAction.PENALTY: "penalty (late shipment)",
}
AUTO_NAME = {a.value: named(f"auto.{a.value}", en=en, zh=AUTO_ZH[a.value]) for a, en in AUTO_EN.items()}
WITH_MONEY = named("auto.with_money", en="{action} of {amount}", zh="{action} {amount}")

# 'Auto-refunded: Kuaishou KS1001 ¥129.00 — merchant did not respond in time'
_AUTO_TITLE = "{platform} {aftersale_no}{amount} — {reason}"
AUTO_TITLE = {
    AutoAction.AUTO_REFUND: named(
        "auto_title.auto_refund", en=f"Auto-refunded: {_AUTO_TITLE}", zh=f"已自动退款: {_AUTO_TITLE}"
    ),
    AutoAction.AUTO_APPROVE: named(
        "auto_title.auto_approve", en=f"Auto-approved: {_AUTO_TITLE}", zh=f"已自动同意: {_AUTO_TITLE}"
    ),
    AutoAction.AUTO_CLOSE: named(
        "auto_title.auto_close", en=f"Auto-closed: {_AUTO_TITLE}", zh=f"已自动关闭: {_AUTO_TITLE}"
    ),
    AutoAction.AUTO_COMPLETE: named(
        "auto_title.auto_complete", en=f"Auto-completed: {_AUTO_TITLE}", zh=f"已自动完成: {_AUTO_TITLE}"
    ),
    AutoAction.PENALTY: named(
        "auto_title.penalty", en=f"Penalised: {_AUTO_TITLE}", zh=f"已判罚: {_AUTO_TITLE}"
    ),
}
NOT_INSPECTED = named("auto_reason.not_inspected", en="refunded before inspection", zh="未验货")
MERCHANT_LATE = named("auto_reason.merchant_late", en="the merchant did not act in time", zh="商家超时未处理")
BUYER_NO_RETURN = named(
    "auto_reason.buyer_no_return", en="the buyer did not send the return in time", zh="买家超时未寄回"
)
BUYER_LATE = named("auto_reason.buyer_late", en="the buyer did not act in time", zh="买家超时未操作")
BUYER_NO_CONFIRM = named(
    "auto_reason.buyer_no_confirm", en="the buyer did not confirm in time", zh="买家超时未确认"
)
NOT_SHIPPED = named("auto_reason.not_shipped", en="not shipped in time", zh="超时未发货")
RULE_EXPIRED = named("auto_reason.rule_expired", en="the platform's deadline passed", zh="平台规则到期")

NO_PRODUCT = named("product.none", en="(no product)", zh="(未填商品)")
ALERT_TITLE = named(
    "alert.title", en="{platform} {aftersale_no} · {left} left", zh="{platform} {aftersale_no} · 还剩 {left}"
)
ALERT_TITLE_BUYER = named(
    "alert.title_buyer",
    en="{platform} {aftersale_no} · buyer has {left} left",
    zh="{platform} {aftersale_no} · 买家还剩 {left}",
)
ALERT_TEXT = named("alert.text", en="{product}\nDue {at}: {what}", zh="{product}\n{at} 到期将{what}")
FOLLOW_UP_TITLE = named(
    "alert.title_follow_up",
    en="{platform} {aftersale_no} · follow up within {left}",
    zh="{platform} {aftersale_no} · 约定跟进还剩 {left}",
)
FOLLOW_UP_TEXT = named("alert.text_follow_up", en="Agreed by {at}: {note}", zh="约定 {at} 前：{note}")
TARGET_TITLE = named(
    "alert.title_target",
    en="{platform} {aftersale_no} · our target ({target}): {left} left",
    zh="{platform} {aftersale_no} · 我方目标「{target}」还剩 {left}",
)
TARGET_TEXT = named(
    "alert.text_target", en="{product}\nOur {target} target: by {at}", zh="{product}\n{target}目标：{at} 前"
)
CALLBACK_TITLE = named(
    "alert.title_callback",
    en="{platform} {aftersale_no} · callback within {left}",
    zh="{platform} {aftersale_no} · 回访还剩 {left}",
)
CALLBACK_TEXT = named(
    "alert.text_callback", en="{product}\nCall the buyer back by {at}", zh="{product}\n请在 {at} 前回访买家"
)
TARGET_NAMES = {
    "first_response": named("target.first_response", en="first response", zh="首次响应"),
    "refund": named("target.refund", en="refund after the return arrived", zh="收货后退款"),
    "callback": named("target.callback", en="callback", zh="回访"),
}
AUTO_TEXT = named("auto.text", en="{product}\nDone by the platform at {at}", zh="{product}\n平台于 {at} 执行")

DAYS_HOURS = named("span.days_hours", en="{days} d {hours} h", zh="{days}天{hours}小时")
DAYS = named("span.days", en="{days} d", zh="{days}天")
HOURS_MINUTES = named("span.hours_minutes", en="{hours} h {minutes} min", zh="{hours}小时{minutes}分")
HOURS = named("span.hours", en="{hours} h", zh="{hours}小时")
MINUTES = named("span.minutes", en="{minutes} min", zh="{minutes}分钟")

SUMMARY_PREFIX = {
    SummaryReason.AWAY: named("summary.away", en="While you were away", zh="离开期间"),
    SummaryReason.SNOOZED: named("summary.snoozed", en="While alerts were snoozed", zh="暂停提醒期间"),
    SummaryReason.QUIET: named("summary.quiet", en="During quiet hours", zh="免打扰期间"),
    SummaryReason.LATE: named("summary.late", en="Newly entered cases", zh="新录入的售后单"),
    SummaryReason.HELD: named("summary.held", en="Delayed alerts", zh="延迟提醒"),
    SummaryReason.BURST: named("summary.burst", en="Due at the same time", zh="同时到期"),
}
HEADLINE = named("summary.headline", en="{reason}: {parts}", zh="{reason}：{parts}")
AND_MORE = named("summary.list", en="{first}, {rest}", zh="{first}，{rest}")
AUTO_COUNT = {  # (one, several): the Chinese has no plural
    AutoAction.AUTO_REFUND: ("{n} auto-refund", "{n} auto-refunds", "{n} 笔自动退款"),
    AutoAction.AUTO_APPROVE: ("{n} auto-approval", "{n} auto-approvals", "{n} 笔自动同意"),
    AutoAction.AUTO_CLOSE: ("{n} auto-close", "{n} auto-closes", "{n} 笔自动关闭"),
    AutoAction.AUTO_COMPLETE: ("{n} auto-completion", "{n} auto-completions", "{n} 笔自动完成"),
    AutoAction.PENALTY: (
        "{n} penalty for late shipment",
        "{n} penalties for late shipment",
        "{n} 笔超时判罚",
    ),
}
AUTO_COUNT_ONE = {
    a: named(f"summary.count.{a.value}.one", en=one, zh=zh) for a, (one, _, zh) in AUTO_COUNT.items()
}
AUTO_COUNT_MANY = {
    a: named(f"summary.count.{a.value}.many", en=many, zh=zh) for a, (_, many, zh) in AUTO_COUNT.items()
}
LEADS_ONE = named("summary.count.lead.one", en="{n} deadline within {lead}", zh="{n} 个期限不足 {lead}")
LEADS_MANY = named("summary.count.lead.many", en="{n} deadlines within {lead}", zh="{n} 个期限不足 {lead}")

# Auto-actions that move money: the amount is named with them.
MONEY_ACTIONS = {AutoAction.AUTO_REFUND.value, AutoAction.AUTO_APPROVE.value}


def money(amount: Decimal) -> str:
    return f"¥{amount:,.2f}"


def span_text(delta: timedelta) -> Text:
    """'15分钟', '1小时', '5小时50分', '24小时', '1天3小时' — rounded down to the minute."""
    minutes = max(0, int(delta.total_seconds()) // 60)
    days, rest = divmod(minutes, 1440) if minutes > 1440 else (0, minutes)
    hours, mins = divmod(rest, 60)
    if days:
        return DAYS_HOURS(days=days, hours=hours) if hours else DAYS(days=days)
    if hours:
        return HOURS_MINUTES(hours=hours, minutes=mins) if mins else HOURS(hours=hours)
    return MINUTES(minutes=mins)


def lead_text(lead: timedelta) -> Text:
    """A lead time as configured: '24小时', '6小时', '15分钟' (hours, never days)."""
    minutes = int(lead.total_seconds()) // 60
    hours, mins = divmod(minutes, 60)
    if hours and mins:
        return HOURS_MINUTES(hours=hours, minutes=mins)
    return HOURS(hours=hours) if hours else MINUTES(minutes=mins)


def local_time(at: datetime, zone: tzinfo = BEIJING) -> str:
    return at.astimezone(zone).strftime("%m-%d %H:%M")


def platform_name(platform: str) -> Text | str:
    known = PLATFORM_NAME.get(platform)
    return known() if known is not None else platform


def auto_name(auto_action: str) -> Text | str:
    known = AUTO_NAME.get(auto_action)
    return known() if known is not None else auto_action


def product_name(product_title: str) -> Text | str:
    return product_title or NO_PRODUCT()


def what_fires(auto_action: str, amount: Decimal) -> Text | str:
    """'自动退款 ¥129.00' — the amount only with actions that move money."""
    label = auto_name(auto_action)
    return WITH_MONEY(action=label, amount=money(amount)) if auto_action in MONEY_ACTIONS else label


def alert_title(a: PendingAlert, now: datetime) -> Text:
    if a.kind == "target":
        name = TARGET_NAMES.get(a.note)
        return TARGET_TITLE(
            platform=platform_name(a.platform),
            aftersale_no=a.aftersale_no,
            target=name() if name is not None else a.note,
            left=span_text(a.key.due_at - now),
        )
    if a.kind == "callback":
        template = CALLBACK_TITLE
    elif a.kind == "follow_up":
        template = FOLLOW_UP_TITLE
    else:
        template = ALERT_TITLE_BUYER if a.key.party == Party.BUYER else ALERT_TITLE
    return template(
        platform=platform_name(a.platform), aftersale_no=a.aftersale_no, left=span_text(a.key.due_at - now)
    )


def title_at(title: str, due_at: datetime | None, now: datetime) -> str:
    """An alert's title with the time left as of `now` (it was written when the alert fired)."""
    if due_at is None or not isinstance(title, Text) or "left" not in title.params:
        return title
    return Text(title.template, {**title.params, "left": span_text(due_at - now)})


def alert_text(a: PendingAlert, zone: tzinfo = BEIJING) -> Text:
    if a.kind == "follow_up":
        return FOLLOW_UP_TEXT(at=local_time(a.key.due_at, zone), note=a.note)
    if a.kind == "target":
        name = TARGET_NAMES.get(a.note)
        return TARGET_TEXT(
            product=product_name(a.product_title),
            target=name() if name is not None else a.note,
            at=local_time(a.key.due_at, zone),
        )
    if a.kind == "callback":
        return CALLBACK_TEXT(product=product_name(a.product_title), at=local_time(a.key.due_at, zone))
    return ALERT_TEXT(
        product=product_name(a.product_title),
        at=local_time(a.key.due_at, zone),
        what=what_fires(a.auto_action, a.amount),
    )


def auto_reason(auto_action: str, from_stage: str) -> Text:
    """Why the platform acted, in the merchant's words ('未验货': refunded before inspection)."""
    if auto_action == AutoAction.AUTO_REFUND and from_stage == Stage.AWAITING_MERCHANT_RECEIPT:
        return NOT_INSPECTED()
    if auto_action in (AutoAction.AUTO_REFUND, AutoAction.AUTO_APPROVE):
        return MERCHANT_LATE()
    if auto_action == AutoAction.AUTO_CLOSE:
        return BUYER_NO_RETURN() if from_stage == Stage.AWAITING_BUYER_RETURN else BUYER_LATE()
    if auto_action == AutoAction.AUTO_COMPLETE:
        return BUYER_NO_CONFIRM()
    if auto_action == AutoAction.PENALTY:
        return NOT_SHIPPED()
    return RULE_EXPIRED()


def auto_title(
    platform: str, aftersale_no: str, auto_action: str, from_stage: str, amount: Decimal | None
) -> Text:
    """'已自动退款: 快手小店 KS20261100000 ¥129.00 — 未验货'."""
    money_part = f" {money(amount)}" if amount is not None and auto_action in MONEY_ACTIONS else ""
    return AUTO_TITLE[AutoAction(auto_action)](
        platform=platform_name(platform),
        aftersale_no=aftersale_no,
        amount=money_part,
        reason=auto_reason(auto_action, from_stage),
    )


def auto_text(product_title: str, at: datetime, zone: tzinfo = BEIJING) -> Text:
    return AUTO_TEXT(product=product_name(product_title), at=local_time(at, zone))


def summary_headline(
    reason: SummaryReason, auto_actions: Sequence[str], alert_leads: Sequence[timedelta]
) -> Text:
    """'离开期间：3 笔自动退款，2 个期限不足 1小时'."""
    parts: list[Text] = []
    for action, n in sorted(Counter(auto_actions).items()):
        counted = AUTO_COUNT_ONE if n == 1 else AUTO_COUNT_MANY
        parts.append(counted[AutoAction(action)](n=n))
    for lead, n in sorted(Counter(alert_leads).items()):
        parts.append((LEADS_ONE if n == 1 else LEADS_MANY)(n=n, lead=lead_text(lead)))
    return HEADLINE(reason=SUMMARY_PREFIX[reason](), parts=listed(parts))


def listed(parts: Sequence[Text]) -> Text | str:
    """'a, b, c' in English, 'a，b，c' in Chinese (each item rendered in the same language)."""
    if not parts:
        return ""
    if len(parts) == 1:
        return parts[0]
    return AND_MORE(first=parts[0], rest=listed(parts[1:]))
