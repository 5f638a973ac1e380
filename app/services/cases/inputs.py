"""What goes into the case service: a new case, an action request, their refusals, and the
opening of a new case as a pure step (the importer plans whole files of them).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from decimal import Decimal, InvalidOperation

from app.models.enums import Action, Actor, CaseType, Platform, Reason, Stage
from app.services.cases.messages import (
    AMOUNT_TOO_LARGE,
    NOT_AN_AMOUNT,
    REFUND_ABOVE_REQUEST,
    TOO_MANY_DECIMALS,
)
from app.services.cases.state import AppliedAuto, CaseState, record
from app.services.errors import CaseNotFound, InvalidInput
from app.services.rules.presets import RulePreset


@dataclass(frozen=True)
class NewCase:
    platform: Platform
    case_type: CaseType
    reason: Reason
    order_no: str
    aftersale_no: str
    amount: Decimal
    requested_at: datetime
    shipped: bool | None = None
    shop: str | None = None
    product_title: str = ""
    sku: str = ""
    buyer_nick: str = ""
    buyer_phone: str = ""
    buyer_address: str = ""
    quantity: int = 1
    order_amount: Decimal | None = None
    reason_detail: str = ""
    handler: str = ""
    assignee: str | None = None  # the handler it is assigned to (None: unassigned)


@dataclass(frozen=True)
class ActionRequest:
    action: Action
    at: datetime | None = None  # None: now
    actor: Actor = Actor.MERCHANT
    payload: dict[str, str] = field(default_factory=dict)
    handler: str = ""  # who of the shop's staff did it ("" when nobody said)


@dataclass(frozen=True)
class ActionResult:
    case_id: int
    event_id: int | None  # None inside a batch, before it is written
    stage: Stage
    auto_applied: tuple[AppliedAuto, ...] = ()
    version: int | None = None  # the case's version after the write (None inside a batch)


# The largest amount taken in: money is stored as integer fen in an SQLite INTEGER (at most
# 2**63 - 1); ten billion yuan a case leaves room for the reports' sums of a million cases,
# and no after-sales refund comes near it. Larger is a typo (or 6.92E+18 from a sheet).
MAX_AMOUNT = Decimal("9999999999.99")


def parse_money(text: str) -> Decimal:
    cleaned = text.strip().replace("¥", "").replace(",", "").replace("元", "")
    if len(cleaned) > 40:  # 400 nines: not an amount, whatever Decimal makes of it
        raise InvalidInput(AMOUNT_TOO_LARGE(text=text[:20] + "…", most=MAX_AMOUNT))
    try:
        value = Decimal(cleaned)
    except InvalidOperation:
        raise InvalidInput(NOT_AN_AMOUNT(text=text)) from None
    if not value.is_finite() or value < 0:
        raise InvalidInput(NOT_AN_AMOUNT(text=text))
    if value > MAX_AMOUNT:
        raise InvalidInput(AMOUNT_TOO_LARGE(text=text, most=MAX_AMOUNT))
    if value != value.quantize(Decimal("0.01")):
        raise InvalidInput(TOO_MANY_DECIMALS(text=text))
    return value.quantize(Decimal("0.01"))


def check_refund_amount(requested: Decimal, payload: dict[str, str]) -> None:
    """A refund never exceeds what the buyer asked for, on every path: the window, the CLI, bulk
    actions and imports all go through here (auto-actions refund `agreed_refund`, capped alike)."""
    amount = payload.get("amount")
    if amount is not None and Decimal(amount) > requested:
        raise InvalidInput(REFUND_ABOVE_REQUEST(amount=Decimal(amount), requested=requested), field="amount")


def default_shipped(case_type: CaseType) -> bool:
    """Return types imply the goods were shipped; refund-only defaults to not shipped."""
    return case_type is not CaseType.REFUND_ONLY


def opened_case(
    new: NewCase, preset: RulePreset, case_id: int, rule_set_id: int, shop_id: int | None, now: datetime
) -> CaseState:
    """A new case with its `open` event recorded, not yet inserted (`new_row` holds its row).

    Pure: the importer plans whole files of these before it writes anything.
    """
    shipped = default_shipped(new.case_type) if new.shipped is None else new.shipped
    aftersale_no = new.aftersale_no.strip()
    state = CaseState(
        case_id,
        new.platform.value,
        aftersale_no,
        new.case_type,
        new.reason,
        shipped,
        Stage.AWAITING_MERCHANT,
        new.requested_at,
        None,
        new.amount,
        None,
        "",
        "",
        False,
        rule_set_id,
    )
    state.new_row = {
        "platform": new.platform.value,
        "shop_id": shop_id,
        "aftersale_no": aftersale_no,
        "order_no": new.order_no.strip(),
        "case_type": new.case_type.value,
        "reason": new.reason.value,
        "reason_detail": new.reason_detail,
        "shipped": shipped,
        "requested_at": new.requested_at,
        "buyer_nick": new.buyer_nick,
        "buyer_phone": new.buyer_phone,
        "buyer_address": new.buyer_address,
        "product_title": new.product_title,
        "sku": new.sku,
        "quantity": new.quantity,
        "order_amount": new.order_amount,
        "refund_requested": new.amount,
        "handler": new.handler,
        "tags": "",
        "muted": False,
        "version": 1,
        "assignee": new.assignee,
        "rule_set_id": rule_set_id,
        "created_at": now,
    }
    record(
        state,
        preset,
        Action.OPEN.value,
        Actor.BUYER,
        new.requested_at,
        Stage.AWAITING_MERCHANT,
        {"amount": str(new.amount)},
        now,
        handler=new.handler,
    )
    return state


__all__ = [
    "ActionRequest",
    "ActionResult",
    "CaseNotFound",
    "InvalidInput",
    "NewCase",
    "check_refund_amount",
    "default_shipped",
    "opened_case",
    "parse_money",
]
