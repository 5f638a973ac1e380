"""From one case and its timeline, the figures a report counts for a period. Pure.

Each money or count figure is a ledger entry stamped with the instant it
happened, so a period total, a month's total and a case's row in the 明细
sheet are sums of the same entries and reconcile by construction.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from decimal import Decimal, InvalidOperation
from typing import Any, NamedTuple

from app.models.enums import Action, Actor, AutoAction, CaseType, Reason, Stage
from app.services.clock import BEIJING
from app.services.reports.metric_defs import (
    BUYER_PAYS_RETURN,
    MERCHANT_FAULT_REASONS,
    MERCHANT_PAYS_RETURN,
    QUALITY_REASONS,
)

ZERO = Decimal("0.00")
MERCHANT_STAGES = frozenset(
    {Stage.AWAITING_MERCHANT, Stage.AWAITING_MERCHANT_RECEIPT, Stage.AWAITING_MERCHANT_SHIP}
)
# Auto-actions that fire because the merchant's clock ran out (when the event does not say whose).
MERCHANT_AUTOS = frozenset(
    {AutoAction.AUTO_APPROVE.value, AutoAction.AUTO_REFUND.value, AutoAction.PENALTY.value}
)
ALL_AUTOS = frozenset(a.value for a in AutoAction)
NOT_A_RESPONSE = frozenset({Action.NOTE.value, Action.EXTEND_DEADLINE.value})
FREIGHT_BY_PAYER = {"buyer": "freight_buyer", "platform": "freight_platform"}
# Payload field → ledger key of what the merchant's own shipment cost besides freight.
GOODS_KEYS = (("goods_value", "goods_sent"), ("repair_cost", "repair_cost"))
RECEIVED = frozenset({Action.RETURN_DELIVERED.value, Action.CONFIRM_RECEIPT.value})


class CaseRecord(NamedTuple):
    """A stored case as the report needs it (no ORM object: the report streams many of these).

    The records are NamedTuples: a million of them are built per large report, and a tuple
    is several times cheaper to build than a frozen dataclass.
    """

    id: int
    platform: str
    shop_id: int | None
    shop: str
    aftersale_no: str
    order_no: str
    case_type: str
    reason: str
    reason_detail: str
    shipped: bool
    stage: str
    requested_at: datetime
    closed_at: datetime | None
    buyer_nick: str
    buyer_phone: str
    buyer_address: str
    product_title: str
    sku: str
    quantity: int
    order_amount: Decimal | None
    refund_requested: Decimal
    refund_granted: Decimal | None
    handler: str
    tags: str
    rule_set_id: int
    # The first application of its order (platform + order no.); 品质退款率 counts orders by it.
    first_of_order: bool = True


class EventRecord(NamedTuple):
    seq: int
    at: datetime
    actor: str
    action: str
    from_stage: str | None
    to_stage: str
    rule_id: str | None
    payload: Mapping[str, Any]


class Entry(NamedTuple):
    key: str
    at: datetime
    value: Decimal


class FreightLeg(NamedTuple):
    seq: int
    at: datetime
    kind: str  # return | outbound | other
    amount: Decimal | None  # None: the leg happened but no amount was recorded
    payer: str  # merchant | buyer | platform | unknown
    by_rule: bool  # payer inferred from the freight rule, not recorded


@dataclass(slots=True)
class CaseFigures:
    case: CaseRecord
    entries: tuple[Entry, ...]
    in_period: Mapping[str, Decimal]  # ledger key → this case's total inside the period
    stage_at_end: str
    refund_at: datetime | None  # when the case was refunded (any time)
    refund_amount: Decimal | None
    refund_route: str  # merchant | auto | ruling | ""
    freight_legs: tuple[FreightLeg, ...]
    first_response_hours: float | None  # only when the first response fell in the period
    resolution_hours: float | None  # only when the case finished in the period
    refund_hours: float | None  # only when refunded in the period
    # The refund came after the merchant received the return (平均退款时长 splits on it).
    refund_after_receipt: bool
    escalated: bool


# Whether a merchant clock runs for a case in a stage (from the case's rule set).
MerchantClock = Callable[[CaseRecord, Stage], bool]


def money(text: Any) -> Decimal | None:
    """A payload amount → Decimal, or None when missing or not an amount (never a float)."""
    if text is None or text == "":
        return None
    try:
        value = Decimal(str(text).strip().replace("¥", "").replace(",", ""))
    except InvalidOperation:
        return None
    return value.quantize(Decimal("0.01")) if value.is_finite() else None


_BEIJING_OFFSET = timedelta(hours=8)


def month_of(at: datetime) -> str:
    """The Beijing calendar month of an instant, '2026-11'."""
    local = at + _BEIJING_OFFSET if at.tzinfo is UTC else at.astimezone(BEIJING)
    return f"{local.year:04d}-{local.month:02d}"


def return_payer(reason: str) -> str:
    """Who pays the return leg when the record does not say (the freight rule)."""
    r = Reason(reason)
    if r in MERCHANT_PAYS_RETURN:
        return "merchant"
    if r in BUYER_PAYS_RETURN:
        return "buyer"
    return "unknown"


def freight_leg(case: CaseRecord, ev: EventRecord) -> FreightLeg | None:
    p = ev.payload
    if ev.action == Action.BUYER_SHIP:
        kind = "return"
    elif ev.action == Action.SHIP_REPLACEMENT:
        kind = "outbound"
    elif "freight" in p:
        kind = "other"
    else:
        return None
    payer = str(p.get("freight_payer") or "")
    by_rule = payer not in ("merchant", "buyer", "platform")
    if by_rule:
        payer = "merchant" if kind == "outbound" else return_payer(case.reason)
    return FreightLeg(ev.seq, ev.at, kind, money(p.get("freight")), payer, by_rule)


def _hours(a: datetime, b: datetime) -> float:
    return (b - a).total_seconds() / 3600


def case_figures(
    case: CaseRecord,
    events: Sequence[EventRecord],
    start: datetime,
    end: datetime,
    merchant_clock: MerchantClock,
) -> CaseFigures:
    """The ledger of one case, and its per-period totals for [start, end)."""
    entries: list[Entry] = []
    add = entries.append
    one = Decimal(1)
    reason = Reason(case.reason)
    ctype = CaseType(case.case_type)

    if start <= case.requested_at < end:
        add(Entry("cases_new", case.requested_at, one))
        if reason in QUALITY_REASONS and case.first_of_order:
            add(Entry("quality_applications", case.requested_at, one))

    stage_at_end = case.stage
    refund_at: datetime | None = None
    refund_amount: Decimal | None = None
    refunded_after_receipt = False
    route = ""
    received = False
    escalated_at: datetime | None = None
    first_response: datetime | None = None
    finished_at: datetime | None = None
    legs: list[FreightLeg] = []
    clock_runs = False  # a merchant clock runs in the current stage visit
    clock_lapsed = False

    for ev in events:
        if ev.at < end:
            stage_at_end = ev.to_stage
        p = ev.payload
        if ev.action == Action.OPEN:
            clock_runs = merchant_clock(case, Stage(ev.to_stage))
            continue
        moved = ev.to_stage != ev.from_stage
        is_auto = ev.actor == Actor.PLATFORM and ev.action in ALL_AUTOS
        against_merchant = is_auto and (
            p.get("party") == "merchant" or ("party" not in p and ev.action in MERCHANT_AUTOS)
        )
        if against_merchant:
            clock_lapsed = True
            add(Entry("deadlines_lapsed", ev.at, one))
            add(Entry("auto_actions", ev.at, one))
        elif moved and clock_runs and not clock_lapsed and ev.actor == Actor.MERCHANT:
            add(Entry("deadlines_met", ev.at, one))
        if first_response is None and ev.actor == Actor.MERCHANT and ev.action not in NOT_A_RESPONSE:
            first_response = ev.at
        if ev.action in RECEIVED:
            received = True
        if ev.action == Action.ESCALATE and escalated_at is None:
            escalated_at = ev.at
        if moved and ev.to_stage == Stage.REFUNDED:
            refund_at = ev.at
            amount = money(p.get("amount"))
            if amount is None:
                amount = case.refund_granted if case.refund_granted is not None else case.refund_requested
            refund_amount = amount
            refunded_after_receipt = received and ctype is not CaseType.REFUND_ONLY
            route = "ruling" if ev.action == Action.PLATFORM_RULING else "auto" if is_auto else "merchant"
            add(Entry("refunds", ev.at, one))
            add(Entry("refund_amount", ev.at, amount))
            if route == "ruling":
                add(Entry("dispute_refunds", ev.at, one))
            if reason in MERCHANT_FAULT_REASONS:
                add(Entry("merchant_fault_refunds", ev.at, one))
            if against_merchant:
                add(Entry("auto_amount", ev.at, amount))
            if ctype is CaseType.REFUND_ONLY or not received:
                add(Entry("goods_not_recovered", ev.at, amount))
                add(Entry("net_cost", ev.at, amount))
        if moved and Stage(ev.to_stage).is_final and finished_at is None:
            finished_at = ev.at
        leg = freight_leg(case, ev)
        if leg is not None:
            legs.append(leg)
            if leg.payer == "merchant" and leg.amount:
                sub = "freight_return_merchant" if leg.kind == "return" else "freight_outbound_merchant"
                add(Entry(sub, ev.at, leg.amount))
                add(Entry("freight_merchant", ev.at, leg.amount))
                add(Entry("net_cost", ev.at, leg.amount))
            elif leg.amount:  # someone else's freight: reported by payer, never dropped
                add(Entry(FREIGHT_BY_PAYER.get(leg.payer, "freight_unspecified"), ev.at, leg.amount))
        for name, key in GOODS_KEYS:
            cost = money(p.get(name))
            if cost:
                add(Entry(key, ev.at, cost))
                add(Entry("net_cost", ev.at, cost))
        comp = money(p.get("compensation"))
        if comp:
            add(Entry("compensation", ev.at, comp))
            add(Entry("net_cost", ev.at, comp))
        if moved:
            clock_runs = merchant_clock(case, Stage(ev.to_stage))
            clock_lapsed = False

    escalated = escalated_at is not None and escalated_at < end
    if escalated and start <= case.requested_at < end:
        add(Entry("escalated_new", case.requested_at, one))

    totals: dict[str, Decimal] = {}
    for e in entries:
        if start <= e.at < end:
            totals[e.key] = totals.get(e.key, ZERO) + e.value

    def within(t: datetime | None) -> float | None:
        return _hours(case.requested_at, t) if t is not None and start <= t < end else None

    return CaseFigures(
        case=case,
        entries=tuple(entries),
        in_period=totals,
        stage_at_end=stage_at_end,
        refund_at=refund_at,
        refund_amount=refund_amount,
        refund_route=route,
        freight_legs=tuple(legs),
        first_response_hours=within(first_response),
        resolution_hours=within(finished_at),
        refund_hours=within(refund_at),
        refund_after_receipt=refunded_after_receipt,
        escalated=escalated,
    )


@dataclass
class DurationStats:
    count: int = 0
    mean: float | None = None
    median: float | None = None
    p90: float | None = None


def duration_stats(values: Sequence[float]) -> DurationStats:
    """Mean, median and P90 by the nearest-rank method (an accountant can recount it)."""
    if not values:
        return DurationStats()
    s = sorted(values)
    n = len(s)
    mid = n // 2
    median = s[mid] if n % 2 else (s[mid - 1] + s[mid]) / 2
    rank = max(1, -(-90 * n // 100))  # ceil(0.9 n)
    return DurationStats(n, sum(s) / n, median, s[rank - 1])


@dataclass
class DurationSamples:
    """Samples per (measure, group); group is all, or the split the measure takes
    (unshipped | shipped, or before_receipt | after_receipt for 平均退款时长)."""

    values: dict[tuple[str, str], list[float]] = field(default_factory=dict)

    def add(self, measure: str, split: str, hours: float | None) -> None:
        if hours is None:
            return
        for group in ("all", split):
            self.values.setdefault((measure, group), []).append(hours)
