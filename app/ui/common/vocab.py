"""Translated names for the vocabulary of DESIGN.md (English source, Chinese catalogue).

Each table is built on first use, after the translator is installed, and then
cached; `reset()` forgets them (tests switch language).
"""

from __future__ import annotations

from functools import cache

from PySide6.QtCore import QCoreApplication


@cache
def platforms() -> dict[str, str]:
    return {
        "kuaishou": QCoreApplication.translate("Vocab", "Kuaishou"),
        "taobao": QCoreApplication.translate("Vocab", "Taobao/Tmall"),
        "douyin": QCoreApplication.translate("Vocab", "Douyin"),
        "wechat": QCoreApplication.translate("Vocab", "WeChat Shop"),
        "pinduoduo": QCoreApplication.translate("Vocab", "Pinduoduo"),
        "jd": QCoreApplication.translate("Vocab", "JD"),
        "xiaohongshu": QCoreApplication.translate("Vocab", "Xiaohongshu"),
        "custom": QCoreApplication.translate("Vocab", "Custom"),
    }


@cache
def case_types() -> dict[str, str]:
    return {
        "refund_only": QCoreApplication.translate("Vocab", "Refund only"),
        "return_refund": QCoreApplication.translate("Vocab", "Return and refund"),
        "exchange": QCoreApplication.translate("Vocab", "Exchange"),
        "reship": QCoreApplication.translate("Vocab", "Reship"),
        "repair": QCoreApplication.translate("Vocab", "Repair"),
    }


@cache
def reasons() -> dict[str, str]:
    return {
        "quality": QCoreApplication.translate("Vocab", "Quality problem"),
        "not_as_described": QCoreApplication.translate("Vocab", "Not as described"),
        "damaged": QCoreApplication.translate("Vocab", "Damaged"),
        "logistics": QCoreApplication.translate("Vocab", "Logistics problem"),
        "wrong_item": QCoreApplication.translate("Vocab", "Wrong item"),
        "missing_item": QCoreApplication.translate("Vocab", "Missing item"),
        "no_reason": QCoreApplication.translate("Vocab", "No reason (7 days)"),
        "other": QCoreApplication.translate("Vocab", "Other"),
    }


@cache
def stages() -> dict[str, str]:
    return {
        "awaiting_merchant": QCoreApplication.translate("Vocab", "Awaiting merchant"),
        "awaiting_buyer_return": QCoreApplication.translate("Vocab", "Awaiting buyer's return"),
        "awaiting_merchant_receipt": QCoreApplication.translate("Vocab", "Awaiting merchant receipt"),
        "awaiting_merchant_ship": QCoreApplication.translate("Vocab", "Awaiting merchant shipment"),
        "awaiting_buyer_receipt": QCoreApplication.translate("Vocab", "Awaiting buyer receipt"),
        "rejected": QCoreApplication.translate("Vocab", "Rejected by merchant"),
        "in_dispute": QCoreApplication.translate("Vocab", "Platform intervening"),
        "refunded": QCoreApplication.translate("Vocab", "Refunded"),
        "completed": QCoreApplication.translate("Vocab", "Completed"),
        "closed": QCoreApplication.translate("Vocab", "Closed"),
    }


@cache
def auto_actions() -> dict[str, str]:
    return {
        "auto_approve": QCoreApplication.translate("Vocab", "Auto-approve"),
        "auto_refund": QCoreApplication.translate("Vocab", "Auto-refund"),
        "auto_close": QCoreApplication.translate("Vocab", "Auto-close"),
        "auto_complete": QCoreApplication.translate("Vocab", "Auto-complete"),
        "penalty": QCoreApplication.translate("Vocab", "Penalty (late shipment)"),
    }


@cache
def actions() -> dict[str, str]:
    return {
        "open": QCoreApplication.translate("Vocab", "Buyer applied"),
        "approve": QCoreApplication.translate("Vocab", "Approve"),
        "reject": QCoreApplication.translate("Vocab", "Reject"),
        "buyer_ship": QCoreApplication.translate("Vocab", "Buyer shipped return"),
        "return_delivered": QCoreApplication.translate("Vocab", "Return signed for"),
        "confirm_receipt": QCoreApplication.translate("Vocab", "Confirm receipt"),
        "refuse_receipt": QCoreApplication.translate("Vocab", "Refuse receipt"),
        "refund": QCoreApplication.translate("Vocab", "Refund"),
        "ship_replacement": QCoreApplication.translate("Vocab", "Ship replacement"),
        "buyer_confirm": QCoreApplication.translate("Vocab", "Buyer confirmed receipt"),
        "withdraw": QCoreApplication.translate("Vocab", "Buyer withdrew"),
        "escalate": QCoreApplication.translate("Vocab", "Escalate to platform"),
        "platform_ruling": QCoreApplication.translate("Vocab", "Platform ruling"),
        "reapply": QCoreApplication.translate("Vocab", "Buyer re-applied"),
        "extend_deadline": QCoreApplication.translate("Vocab", "Extend deadline"),
        "note": QCoreApplication.translate("Vocab", "Note"),
        **auto_actions(),
    }


@cache
def parties() -> dict[str, str]:
    return {
        "merchant": QCoreApplication.translate("Vocab", "Merchant"),
        "buyer": QCoreApplication.translate("Vocab", "Buyer"),
        "platform": QCoreApplication.translate("Vocab", "Platform"),
        "app": QCoreApplication.translate("Vocab", "App"),
    }


@cache
def waiting() -> dict[str, str]:
    return {
        "buyer_ship": QCoreApplication.translate("Vocab", "Waiting for the buyer to ship the return"),
        "return_delivered": QCoreApplication.translate("Vocab", "Waiting for the return to be signed for"),
        "stage": "",
    }


@cache
def clock_starts() -> dict[str, str]:
    return {
        "stage": QCoreApplication.translate("Vocab", "Stage entered"),
        "buyer_ship": QCoreApplication.translate("Vocab", "Buyer shipped"),
        "return_delivered": QCoreApplication.translate("Vocab", "Return signed for"),
    }


@cache
def rulings() -> dict[str, str]:
    return {
        "for_buyer": QCoreApplication.translate("Vocab", "For the buyer"),
        "for_merchant": QCoreApplication.translate("Vocab", "For the merchant"),
    }


@cache
def confidences() -> dict[str, str]:
    return {
        "A": QCoreApplication.translate("Vocab", "A (official or two sources)"),
        "B": QCoreApplication.translate("Vocab", "B (one source)"),
        "C": QCoreApplication.translate("Vocab", "C (unverified)"),
    }


def label(table: dict[str, str], key: str | None) -> str:
    """The translated name, or the raw value for something unknown (never a KeyError in a view)."""
    if key is None:
        return ""
    return table.get(key, key)


def reset() -> None:
    for fn in (
        platforms,
        case_types,
        reasons,
        stages,
        auto_actions,
        actions,
        parties,
        waiting,
        clock_starts,
        rulings,
        confidences,
    ):
        fn.cache_clear()
