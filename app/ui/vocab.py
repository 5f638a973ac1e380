"""Translated names for the vocabulary of DESIGN.md (English source, Chinese catalogue).

Each table is built on first use, after the translator is installed, and then
cached; `reset()` forgets them (tests switch language).
"""

from __future__ import annotations

from functools import cache

from PySide6.QtCore import QCoreApplication


def _t(text: str) -> str:
    return QCoreApplication.translate("Vocab", text)


@cache
def platforms() -> dict[str, str]:
    return {
        "kuaishou": _t("Kuaishou"),
        "taobao": _t("Taobao/Tmall"),
        "douyin": _t("Douyin"),
        "wechat": _t("WeChat Shop"),
        "pinduoduo": _t("Pinduoduo"),
        "jd": _t("JD"),
        "xiaohongshu": _t("Xiaohongshu"),
        "custom": _t("Custom"),
    }


@cache
def case_types() -> dict[str, str]:
    return {
        "refund_only": _t("Refund only"),
        "return_refund": _t("Return and refund"),
        "exchange": _t("Exchange"),
        "reship": _t("Reship"),
        "repair": _t("Repair"),
    }


@cache
def reasons() -> dict[str, str]:
    return {
        "quality": _t("Quality problem"),
        "not_as_described": _t("Not as described"),
        "damaged": _t("Damaged"),
        "logistics": _t("Logistics problem"),
        "wrong_item": _t("Wrong item"),
        "missing_item": _t("Missing item"),
        "no_reason": _t("No reason (7 days)"),
        "other": _t("Other"),
    }


@cache
def stages() -> dict[str, str]:
    return {
        "awaiting_merchant": _t("Awaiting merchant"),
        "awaiting_buyer_return": _t("Awaiting buyer's return"),
        "awaiting_merchant_receipt": _t("Awaiting merchant receipt"),
        "awaiting_merchant_ship": _t("Awaiting merchant shipment"),
        "awaiting_buyer_receipt": _t("Awaiting buyer receipt"),
        "rejected": _t("Rejected by merchant"),
        "in_dispute": _t("Platform intervening"),
        "refunded": _t("Refunded"),
        "completed": _t("Completed"),
        "closed": _t("Closed"),
    }


@cache
def auto_actions() -> dict[str, str]:
    return {
        "auto_approve": _t("Auto-approve"),
        "auto_refund": _t("Auto-refund"),
        "auto_close": _t("Auto-close"),
        "auto_complete": _t("Auto-complete"),
        "penalty": _t("Penalty (late shipment)"),
    }


@cache
def actions() -> dict[str, str]:
    return {
        "open": _t("Buyer applied"),
        "approve": _t("Approve"),
        "reject": _t("Reject"),
        "buyer_ship": _t("Buyer shipped return"),
        "return_delivered": _t("Return signed for"),
        "confirm_receipt": _t("Confirm receipt"),
        "refuse_receipt": _t("Refuse receipt"),
        "refund": _t("Refund"),
        "ship_replacement": _t("Ship replacement"),
        "buyer_confirm": _t("Buyer confirmed receipt"),
        "withdraw": _t("Buyer withdrew"),
        "escalate": _t("Escalate to platform"),
        "platform_ruling": _t("Platform ruling"),
        "reapply": _t("Buyer re-applied"),
        "extend_deadline": _t("Extend deadline"),
        "note": _t("Note"),
        **auto_actions(),
    }


@cache
def parties() -> dict[str, str]:
    return {
        "merchant": _t("Merchant"),
        "buyer": _t("Buyer"),
        "platform": _t("Platform"),
        "app": _t("App"),
    }


@cache
def waiting() -> dict[str, str]:
    return {
        "buyer_ship": _t("Waiting for the buyer to ship the return"),
        "return_delivered": _t("Waiting for the return to be signed for"),
        "stage": "",
    }


@cache
def clock_starts() -> dict[str, str]:
    return {
        "stage": _t("Stage entered"),
        "buyer_ship": _t("Buyer shipped"),
        "return_delivered": _t("Return signed for"),
    }


@cache
def rulings() -> dict[str, str]:
    return {"for_buyer": _t("For the buyer"), "for_merchant": _t("For the merchant")}


@cache
def confidences() -> dict[str, str]:
    return {
        "A": _t("A (official or two sources)"),
        "B": _t("B (one source)"),
        "C": _t("C (unverified)"),
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
