"""How urgent a case is, whose turn it is, and which quick tab it belongs to.

The list and the dashboard ask these functions; no widget decides what is
overdue. Times are Unix seconds (the list's currency), `now` comes from the
injected clock.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime, timedelta, tzinfo
from enum import IntEnum, StrEnum

from app.models.enums import Party, Stage
from app.services.listing.case_list import ListRow

HOUR = 3600

MERCHANT_STAGES = frozenset(
    s.value for s in (Stage.AWAITING_MERCHANT, Stage.AWAITING_MERCHANT_RECEIPT, Stage.AWAITING_MERCHANT_SHIP)
)
# The buyer's move: return the goods, confirm receipt, or re-apply / escalate after a rejection.
BUYER_STAGES = frozenset(
    s.value for s in (Stage.AWAITING_BUYER_RETURN, Stage.AWAITING_BUYER_RECEIPT, Stage.REJECTED)
)
FINAL_STAGES = frozenset(s.value for s in Stage if s.is_final)
_MERCHANT = Party.MERCHANT.value


class Urgency(IntEnum):
    """Row tint buckets, most urgent first. Only the merchant's own clock tints (except overdue)."""

    OVERDUE = 0
    WITHIN_1H = 1
    WITHIN_6H = 2
    WITHIN_24H = 3
    NONE = 4


def urgency(party: str | None, due: int | None, now: int) -> Urgency:
    if due is None:
        return Urgency.NONE
    left = due - now
    if left < 0:
        return Urgency.OVERDUE
    if party != _MERCHANT:
        return Urgency.NONE
    if left < HOUR:
        return Urgency.WITHIN_1H
    if left < 6 * HOUR:
        return Urgency.WITHIN_6H
    if left < 24 * HOUR:
        return Urgency.WITHIN_24H
    return Urgency.NONE


class QuickTab(StrEnum):
    NEEDS_ME = "needs_me"  # 待我处理: the merchant must act
    DUE_TODAY = "due_today"  # 今日到期: a merchant clock lapses before midnight
    OVERDUE = "overdue"  # 已超时: a clock has run out (the platform acts, or already did)
    WAITING_BUYER = "waiting_buyer"  # 等待买家
    ALL = "all"


def needs_me(row: ListRow) -> bool:
    """Open, in a merchant stage, and not waiting for the buyer's parcel to start the clock."""
    return row.stage in MERCHANT_STAGES and row.waiting_for is None


def waiting_for_buyer(row: ListRow) -> bool:
    return row.stage in BUYER_STAGES or (row.waiting_for is not None and row.stage not in FINAL_STAGES)


def is_overdue(row: ListRow, now: int) -> bool:
    return row.due is not None and row.due < now


def is_due_today(row: ListRow, now: int, day_end: int) -> bool:
    return row.party == _MERCHANT and row.due is not None and now <= row.due < day_end


def end_of_day(now: datetime, tz: tzinfo) -> int:
    """Unix seconds of the next local midnight after `now` (the end of 'today')."""
    local = now.astimezone(tz)
    midnight = local.replace(hour=0, minute=0, second=0, microsecond=0) + timedelta(days=1)
    return int(midnight.timestamp())


def in_tab(tab: QuickTab, row: ListRow, now: int, day_end: int) -> bool:
    if tab is QuickTab.NEEDS_ME:
        return needs_me(row)
    if tab is QuickTab.WAITING_BUYER:
        return waiting_for_buyer(row)
    if tab is QuickTab.OVERDUE:
        return is_overdue(row, now)
    if tab is QuickTab.DUE_TODAY:
        return is_due_today(row, now, day_end)
    return True


TIME_DEPENDENT_TABS = frozenset((QuickTab.DUE_TODAY, QuickTab.OVERDUE))


def default_sort_key(row: ListRow) -> tuple[int, int]:
    """Merchant clocks soonest first (so overdue on top), then other running clocks, then
    clocks waiting for their start, then open cases without a clock, then closed ones newest first."""
    if row.due is not None:
        return (0 if row.party == _MERCHANT else 1, row.due)
    if row.party is not None:
        return (2, -row.requested_at)
    if row.stage not in FINAL_STAGES:
        return (3, -row.requested_at)
    return (4, -row.requested_at)


def default_order(rows: Sequence[ListRow]) -> list[int]:
    """Row positions in default order."""
    return sorted(range(len(rows)), key=lambda i: default_sort_key(rows[i]))
