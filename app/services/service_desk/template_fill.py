"""Filling a reply template from a case, and which templates fit it: pure functions.

A template's text names fields in braces, in Chinese as the merchant reads them: {买家}, {商品},
{金额}, {退货地址}, {截止时间} … The values come from the case (`case_values`) and from the
shop's own fields (the return address). A field with no value stays as written, braces and all,
and is reported: the merchant sees what to fill in before sending.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal

from app.services.clock import BEIJING
from app.services.text.labels import PLATFORM_ZH, REASON_ZH, STAGE_ZH, TYPE_ZH

FIELD = re.compile(r"\{([^{}\s]{1,40})\}")

# The fields a case fills, with what they hold (the template editor lists them).
CASE_FIELDS: dict[str, str] = {
    "买家": "buyer's nickname",
    "商品": "product title",
    "SKU": "SKU",
    "数量": "quantity",
    "金额": "refund requested (129.00)",
    "退款金额": "refund granted",
    "订单号": "order no.",
    "售后单号": "after-sales no.",
    "平台": "platform",
    "店铺": "shop",
    "客服": "the current handler",
    "原因": "reason",
    "类型": "case type",
    "阶段": "stage",
    "截止时间": "the next running deadline (Beijing time)",
    "跟进时间": "the next open follow-up (Beijing time)",
    "退货单号": "return tracking no.",
    "补发单号": "reship tracking no.",
}
# Fields the shop sets once (Reply templates → Shop fields); any other name may be added.
SHOP_FIELDS: dict[str, str] = {"退货地址": "the shop's return address"}


@dataclass(frozen=True)
class TemplateView:
    id: int
    title: str
    body: str
    stages: tuple[str, ...] = ()  # "" = any
    reasons: tuple[str, ...] = ()
    platforms: tuple[str, ...] = ()
    position: int = 0


@dataclass(frozen=True)
class CaseFacts:
    """What a template is matched against."""

    stage: str
    reason: str
    platform: str


@dataclass(frozen=True)
class Filled:
    text: str
    missing: tuple[str, ...]  # fields named but without a value, in order of appearance


def fill(body: str, values: Mapping[str, str]) -> Filled:
    missing: list[str] = []

    def one(m: re.Match[str]) -> str:
        value = values.get(m.group(1), "")
        if value:
            return value
        if m.group(1) not in missing:
            missing.append(m.group(1))
        return m.group(0)

    return Filled(FIELD.sub(one, body), tuple(missing))


def fields_in(body: str) -> list[str]:
    return list(dict.fromkeys(FIELD.findall(body)))


def rank(t: TemplateView, case: CaseFacts) -> tuple[int, int, int, int, int]:
    """Sort key: the templates that fit come first — those made for the case's stage, then those
    for any stage — then the rest (another stage, reason or platform); then the merchant's order."""
    stage = 0 if case.stage in t.stages else 1 if not t.stages else 2
    misfits = sum(
        1
        for chosen, value in ((t.reasons, case.reason), (t.platforms, case.platform))
        if chosen and value not in chosen
    )
    fits = stage < 2 and misfits == 0
    return (0 if fits else 1, stage, misfits, t.position, t.id)


def fits_stage(t: TemplateView, case: CaseFacts) -> bool:
    """Made for the case's stage (or any stage) and not for another reason or platform."""
    return rank(t, case)[0] == 0


def ordered_for(templates: Sequence[TemplateView], case: CaseFacts) -> list[TemplateView]:
    return sorted(templates, key=lambda t: rank(t, case))


def beijing_words(at: datetime | None) -> str:
    """'12月5日 18:00' — how a time reads to a buyer (Beijing time)."""
    if at is None:
        return ""
    local = at.astimezone(BEIJING)
    return f"{local.month}月{local.day}日 {local:%H:%M}"


def money_words(amount: Decimal | None) -> str:
    return "" if amount is None else f"{amount:.2f}"


@dataclass(frozen=True)
class CaseText:
    """The values of one case that templates use (gathered by the template service)."""

    buyer: str = ""
    product: str = ""
    sku: str = ""
    quantity: int = 1
    requested: Decimal | None = None
    granted: Decimal | None = None
    order_no: str = ""
    aftersale_no: str = ""
    platform: str = ""
    shop: str = ""
    handler: str = ""
    reason: str = ""
    case_type: str = ""
    stage: str = ""
    next_due: datetime | None = None
    next_follow_up: datetime | None = None
    return_tracking: str = ""
    reship_tracking: str = ""


def case_values(c: CaseText, shop_fields: Mapping[str, str]) -> dict[str, str]:
    """Every field's value for one case: the shop's own fields, then the case's (which win)."""
    values = {k: v for k, v in shop_fields.items() if v}
    values.update(
        {
            "买家": c.buyer,
            "商品": c.product,
            "SKU": c.sku,
            "数量": str(c.quantity),
            "金额": money_words(c.requested),
            "退款金额": money_words(c.granted),
            "订单号": c.order_no,
            "售后单号": c.aftersale_no,
            "平台": PLATFORM_ZH.get(c.platform, c.platform),
            "店铺": c.shop,
            "客服": c.handler,
            "原因": REASON_ZH.get(c.reason, c.reason),
            "类型": TYPE_ZH.get(c.case_type, c.case_type),
            "阶段": STAGE_ZH.get(c.stage, c.stage),
            "截止时间": beijing_words(c.next_due),
            "跟进时间": beijing_words(c.next_follow_up),
            "退货单号": c.return_tracking,
            "补发单号": c.reship_tracking,
        }
    )
    return {k: v for k, v in values.items() if v}
