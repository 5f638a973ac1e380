"""A row's stage and type from what the file says (pure), when no one cell says it plainly.

- composite ERP statuses (百胜 eFAST `已确认|已收货|已退款`: 确认 | 收货 | 退款, see
  resources/import/common.toml) are read part by part: the furthest part wins;
- an export without a status column (eFAST 平台退单) gets its stage from its other
  columns — a completion time, a receipt, a return tracking no., an agreement — with a
  note saying so;
- without a type column, a status or a return that only a return has makes a return.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from datetime import datetime

from app.models.enums import Action, CaseType, Stage
from app.services.importing.mapping import lookup_word
from app.services.rules.workflow import next_stage
from app.services.text.messages import Template, Text

# How far along a case is at each stage: the part of a composite status that is furthest wins.
PROGRESS: dict[Stage, int] = {
    Stage.AWAITING_MERCHANT: 0,
    Stage.REJECTED: 1,
    Stage.AWAITING_BUYER_RETURN: 2,
    Stage.AWAITING_MERCHANT_RECEIPT: 3,
    Stage.AWAITING_MERCHANT_SHIP: 4,
    Stage.AWAITING_BUYER_RECEIPT: 5,
    Stage.IN_DISPUTE: 6,
    Stage.REFUNDED: 9,
    Stage.COMPLETED: 9,
    Stage.CLOSED: 10,  # 已作废 beats whatever else the other parts say
}
_PARTS = re.compile(r"\s*[|｜]\s*")
RETURN_STAGES = (Stage.AWAITING_BUYER_RETURN, Stage.AWAITING_MERCHANT_RECEIPT)

DERIVED = Template(
    en="no status column: taken as {stage} ({why})", zh="文件没有状态列：按{why}视为「{stage}」"
)
WHY_FINAL = Template(en="it has a completion time", zh="已有完结时间")
WHY_CLOSED = Template(en="it has a closing time", zh="已有关闭时间")
WHY_RECEIVED = Template(en="the return was received", zh="退货已收货")
WHY_RETURNED = Template(en="the return was sent", zh="买家已寄回")
WHY_APPROVED = Template(en="it was approved", zh="已审核同意")
WHY_NOTHING = Template(en="nothing else happened yet", zh="尚无后续记录")


def composite_stage(statuses: Mapping[str, Stage], word: str) -> Stage | None:
    """The stage of a status word, or of the furthest known part of `a|b|c`; None if unknown."""
    if word in statuses or not _PARTS.search(word):
        stage: Stage | None = lookup_word(statuses, word)
        return stage
    parts: list[Stage | None] = [lookup_word(statuses, p) for p in _PARTS.split(word) if p.strip()]
    known = [p for p in parts if p is not None]
    if not known or len(known) < len(parts):
        return None  # an unknown part: ask, rather than guess from the others
    furthest: Stage = max(known, key=lambda s: PROGRESS[s])
    return furthest


def implied_type(default: CaseType, stage: Stage | None, returned: bool) -> CaseType:
    """The type a row without a type column has: a return when only a return explains it."""
    if stage in RETURN_STAGES or returned:
        return CaseType.RETURN_REFUND if not default.has_return else default
    return default


def derived_stage(
    case_type: CaseType,
    *,
    final_at: datetime | None,
    closed_at: datetime | None,
    received_at: datetime | None,
    returned: bool,
    approved_at: datetime | None,
) -> tuple[Stage, Text]:
    """The stage a row without a status column is at, and a note saying why."""
    if final_at is not None:
        stage = Stage.REFUNDED if case_type.is_refund else Stage.COMPLETED
        why = WHY_FINAL()
    elif closed_at is not None:
        stage, why = Stage.CLOSED, WHY_CLOSED()
    elif received_at is not None and case_type.has_return:
        # Received, not yet refunded: confirming receipt is the refund (or the replacement) to come.
        stage, why = Stage.AWAITING_MERCHANT_RECEIPT, WHY_RECEIVED()
    elif returned and case_type.has_return:
        stage, why = Stage.AWAITING_MERCHANT_RECEIPT, WHY_RETURNED()
    elif approved_at is not None:
        stage = next_stage(case_type, Stage.AWAITING_MERCHANT, Action.APPROVE) or Stage.AWAITING_MERCHANT
        why = WHY_APPROVED()
    else:
        stage, why = Stage.AWAITING_MERCHANT, WHY_NOTHING()
    return stage, DERIVED(stage=stage, why=why)


__all__ = ["PROGRESS", "composite_stage", "derived_stage", "implied_type"]
