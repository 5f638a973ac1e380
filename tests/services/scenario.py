"""Drive a case to the point where a given preset rule's clock starts."""

from __future__ import annotations

from datetime import datetime, timedelta
from decimal import Decimal
from itertools import count

from app.bootstrap import AppContext
from app.models.enums import Action, Actor, CaseType, ClockStart, Party, Platform, Reason, Stage
from app.services.cases.service import ActionRequest, NewCase, default_shipped
from app.services.clock import FixedClock
from app.services.rules.presets import Rule, RulePreset

# Actions (with payload) that lead from awaiting_merchant into each stage, per case type.
PATH_TO: dict[Stage, dict[CaseType, list[Action]]] = {
    Stage.AWAITING_MERCHANT: {t: [] for t in CaseType},
    Stage.AWAITING_BUYER_RETURN: {t: [Action.APPROVE] for t in CaseType if t.has_return},
    Stage.AWAITING_MERCHANT_RECEIPT: {
        t: [Action.APPROVE, Action.BUYER_SHIP] for t in CaseType if t.has_return
    },
    Stage.AWAITING_MERCHANT_SHIP: {
        CaseType.RESHIP: [Action.APPROVE],
        CaseType.EXCHANGE: [Action.APPROVE, Action.BUYER_SHIP, Action.CONFIRM_RECEIPT],
        CaseType.REPAIR: [Action.APPROVE, Action.BUYER_SHIP, Action.CONFIRM_RECEIPT],
    },
    Stage.AWAITING_BUYER_RECEIPT: {
        CaseType.RESHIP: [Action.APPROVE, Action.SHIP_REPLACEMENT],
        CaseType.EXCHANGE: [
            Action.APPROVE,
            Action.BUYER_SHIP,
            Action.CONFIRM_RECEIPT,
            Action.SHIP_REPLACEMENT,
        ],
    },
    Stage.REJECTED: {t: [Action.REJECT] for t in CaseType},
    Stage.IN_DISPUTE: {t: [Action.REJECT, Action.ESCALATE] for t in CaseType},
}

PAYLOAD: dict[Action, dict[str, str]] = {
    Action.BUYER_SHIP: {"tracking": "SF1234567890"},
    Action.SHIP_REPLACEMENT: {"tracking": "YT9876543210"},
    Action.REJECT: {"reason": "已与买家协商"},
    Action.REFUSE_RECEIPT: {"reason": "退回商品不符"},
    Action.ESCALATE: {"reason": "买家申请介入"},
    Action.PLATFORM_RULING: {"ruling": "for_buyer"},
    Action.EXTEND_DEADLINE: {"reason": "协商延期", "due_at": "2030-01-01T00:00:00+08:00"},
    Action.NOTE: {"text": "已电话联系"},
}

STEP = timedelta(hours=1)
_numbers = count(1)


def first_match(
    preset: RulePreset, case_type: CaseType, stage: Stage, shipped: bool, reason: Reason, party: Party
) -> Rule | None:
    return next(
        (r for r in preset.rules if r.party is party and r.matches(case_type, stage, shipped, reason)),
        None,
    )


def reachable_variants(preset: RulePreset, rule: Rule) -> list[tuple[CaseType, bool, Reason]]:
    """(type, shipped, reason) combinations for which `rule` is the clock that runs."""
    out = []
    for t in rule.types:
        if t not in PATH_TO.get(rule.stage, {}):
            continue
        shipped = rule.shipped if rule.shipped is not None else default_shipped(t)
        reason = (
            rule.reasons[0]
            if rule.reasons
            else (Reason.MISSING_ITEM if t is CaseType.RESHIP else Reason.QUALITY)
        )
        if first_match(preset, t, rule.stage, shipped, reason, rule.party) is rule:
            out.append((t, shipped, reason))
    return out


def open_case(
    ctx: AppContext,
    clock: FixedClock,
    platform: Platform,
    case_type: CaseType,
    shipped: bool,
    reason: Reason,
    at: datetime,
    amount: str = "129.00",
) -> int:
    clock.set(at)
    n = next(_numbers)
    return ctx.cases.add_case(
        NewCase(
            platform=platform,
            case_type=case_type,
            reason=reason,
            order_no=f"O{n:08d}",
            aftersale_no=f"AS{n:08d}",
            amount=Decimal(amount),
            requested_at=at,
            shipped=shipped,
            product_title="测试商品",
        )
    )


def drive_to_clock_start(
    ctx: AppContext, clock: FixedClock, case_id: int, case_type: CaseType, rule: Rule, start: datetime
) -> datetime:
    """Apply the path into the rule's stage, one hour apart; returns the clock's start instant."""
    at = start
    for action in PATH_TO[rule.stage][case_type]:
        at += STEP
        clock.set(at)
        actor = Actor.BUYER if action is Action.BUYER_SHIP else Actor.MERCHANT
        ctx.cases.act(case_id, ActionRequest(action, at=at, actor=actor, payload=PAYLOAD.get(action, {})))
    if rule.clock_start is ClockStart.RETURN_DELIVERED:
        at += STEP
        clock.set(at)
        ctx.cases.act(case_id, ActionRequest(Action.RETURN_DELIVERED, at=at, actor=Actor.PLATFORM))
    return at
