"""Hand-built case sets for the metrics and workbook tests (expected values are in the tests)."""

from __future__ import annotations

from datetime import datetime
from decimal import Decimal

from app.bootstrap import AppContext
from app.models.enums import Action, Actor, CaseType, Platform, Reason
from app.services.cases.service import ActionRequest, NewCase
from app.services.clock import BEIJING, FixedClock


def bj(month: int, day: int, hour: int = 10, minute: int = 0, year: int = 2026) -> datetime:
    return datetime(year, month, day, hour, minute, tzinfo=BEIJING)


def add(
    ctx: AppContext,
    no: str,
    case_type: CaseType,
    reason: Reason,
    amount: str,
    at: datetime,
    shop: str = "S1",
    platform: Platform = Platform.KUAISHOU,
    **extra: str,
) -> int:
    return ctx.cases.add_case(
        NewCase(platform, case_type, reason, f"O-{no}", no, Decimal(amount), at, shop=shop, **extra)
    )


def act(
    ctx: AppContext, case_id: int, action: Action, at: datetime, actor: Actor = Actor.MERCHANT, **payload: str
) -> None:
    ctx.cases.act(case_id, ActionRequest(action, at=at, actor=actor, payload=payload))


def november_set(ctx: AppContext, clock: FixedClock) -> dict[str, int]:
    """Six kuaishou cases in shop S1, all applied and settled in November 2026.

    c1 quality return, buyer ships (12.00, payer not recorded → merchant by rule), partial refund 80 of 100
    c2 no-reason return, buyer ships (10.00, not recorded → buyer by rule), refund 60
    c3 no-reason return, buyer ships (8.00, recorded payer merchant overrides the rule), refund 70
    c4 reship missing item, merchant ships (6.00 → merchant), completed; compensation 5.00 on a note
    c5 refund-only logistics, approved → refund 40, goods not recovered
    c6 logistics return, buyer ships (9.00, no rule for logistics → unspecified), still open
    """
    clock.set(bj(12, 1))
    ids: dict[str, int] = {}
    ids["c1"] = c = add(ctx, "C1", CaseType.RETURN_REFUND, Reason.QUALITY, "100.00", bj(11, 3))
    act(ctx, c, Action.APPROVE, bj(11, 3, 12))
    act(ctx, c, Action.BUYER_SHIP, bj(11, 4, 12), Actor.BUYER, tracking="SF1", freight="12.00")
    act(ctx, c, Action.CONFIRM_RECEIPT, bj(11, 6, 12), amount="80.00")
    ids["c2"] = c = add(ctx, "C2", CaseType.RETURN_REFUND, Reason.NO_REASON, "60.00", bj(11, 5))
    act(ctx, c, Action.APPROVE, bj(11, 5, 11))
    act(ctx, c, Action.BUYER_SHIP, bj(11, 6), Actor.BUYER, tracking="SF2", freight="10.00")
    act(ctx, c, Action.CONFIRM_RECEIPT, bj(11, 8))
    ids["c3"] = c = add(ctx, "C3", CaseType.RETURN_REFUND, Reason.NO_REASON, "70.00", bj(11, 5))
    act(ctx, c, Action.APPROVE, bj(11, 5, 11))
    act(
        ctx,
        c,
        Action.BUYER_SHIP,
        bj(11, 6),
        Actor.BUYER,
        tracking="SF3",
        freight="8.00",
        freight_payer="merchant",
    )
    act(ctx, c, Action.CONFIRM_RECEIPT, bj(11, 8))
    ids["c4"] = c = add(ctx, "C4", CaseType.RESHIP, Reason.MISSING_ITEM, "30.00", bj(11, 7))
    act(ctx, c, Action.APPROVE, bj(11, 7, 11))
    act(ctx, c, Action.SHIP_REPLACEMENT, bj(11, 7, 15), tracking="YT4", freight="6.00")
    act(ctx, c, Action.BUYER_CONFIRM, bj(11, 9), Actor.BUYER)
    act(ctx, c, Action.NOTE, bj(11, 10), text="补偿买家", compensation="5.00")
    ids["c5"] = c = add(ctx, "C5", CaseType.REFUND_ONLY, Reason.LOGISTICS, "40.00", bj(11, 8))
    act(ctx, c, Action.APPROVE, bj(11, 8, 12))
    ids["c6"] = c = add(ctx, "C6", CaseType.RETURN_REFUND, Reason.LOGISTICS, "90.00", bj(11, 9))
    act(ctx, c, Action.APPROVE, bj(11, 9, 11))
    act(ctx, c, Action.BUYER_SHIP, bj(11, 10), Actor.BUYER, tracking="SF6", freight="9.00")
    return ids
