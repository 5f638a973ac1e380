"""The vocabulary of DESIGN.md, as string enums stored by value."""

from __future__ import annotations

from enum import StrEnum


class Platform(StrEnum):
    KUAISHOU = "kuaishou"
    TAOBAO = "taobao"
    DOUYIN = "douyin"
    WECHAT = "wechat"
    PINDUODUO = "pinduoduo"
    JD = "jd"
    XIAOHONGSHU = "xiaohongshu"
    CUSTOM = "custom"


class CaseType(StrEnum):
    REFUND_ONLY = "refund_only"
    RETURN_REFUND = "return_refund"
    EXCHANGE = "exchange"
    RESHIP = "reship"
    REPAIR = "repair"

    @property
    def has_return(self) -> bool:
        return self in (CaseType.RETURN_REFUND, CaseType.EXCHANGE, CaseType.REPAIR)

    @property
    def is_refund(self) -> bool:
        return self in (CaseType.REFUND_ONLY, CaseType.RETURN_REFUND)


class Reason(StrEnum):
    QUALITY = "quality"
    NOT_AS_DESCRIBED = "not_as_described"
    DAMAGED = "damaged"
    LOGISTICS = "logistics"
    WRONG_ITEM = "wrong_item"
    MISSING_ITEM = "missing_item"
    NO_REASON = "no_reason"
    OTHER = "other"


class Stage(StrEnum):
    AWAITING_MERCHANT = "awaiting_merchant"
    AWAITING_BUYER_RETURN = "awaiting_buyer_return"
    AWAITING_MERCHANT_RECEIPT = "awaiting_merchant_receipt"
    AWAITING_MERCHANT_SHIP = "awaiting_merchant_ship"
    AWAITING_BUYER_RECEIPT = "awaiting_buyer_receipt"
    REJECTED = "rejected"
    IN_DISPUTE = "in_dispute"
    REFUNDED = "refunded"
    COMPLETED = "completed"
    CLOSED = "closed"

    @property
    def is_final(self) -> bool:
        return self in _FINAL_STAGES


_FINAL_STAGES = frozenset({Stage.REFUNDED, Stage.COMPLETED, Stage.CLOSED})


class Action(StrEnum):
    APPROVE = "approve"
    REJECT = "reject"
    BUYER_SHIP = "buyer_ship"
    RETURN_DELIVERED = "return_delivered"
    CONFIRM_RECEIPT = "confirm_receipt"
    REFUSE_RECEIPT = "refuse_receipt"
    REFUND = "refund"
    SHIP_REPLACEMENT = "ship_replacement"
    BUYER_CONFIRM = "buyer_confirm"
    WITHDRAW = "withdraw"
    ESCALATE = "escalate"
    PLATFORM_RULING = "platform_ruling"
    REAPPLY = "reapply"
    EXTEND_DEADLINE = "extend_deadline"
    NOTE = "note"
    # Recorded when a case is created; not something a user applies.
    OPEN = "open"


class AutoAction(StrEnum):
    AUTO_APPROVE = "auto_approve"
    AUTO_REFUND = "auto_refund"
    AUTO_CLOSE = "auto_close"
    AUTO_COMPLETE = "auto_complete"
    PENALTY = "penalty"


class Party(StrEnum):
    MERCHANT = "merchant"
    BUYER = "buyer"
    PLATFORM = "platform"


class Actor(StrEnum):
    MERCHANT = "merchant"
    BUYER = "buyer"
    PLATFORM = "platform"
    APP = "app"


class ClockStart(StrEnum):
    STAGE = "stage"
    BUYER_SHIP = "buyer_ship"
    RETURN_DELIVERED = "return_delivered"


class Confidence(StrEnum):
    A = "A"
    B = "B"
    C = "C"
