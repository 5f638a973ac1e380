"""The after-sales state machine of DESIGN.md: which action moves which stage where.

Pure functions only; applying an action to a stored case lives in `cases/service.py`.
"""

from __future__ import annotations

from app.models.enums import Action, AutoAction, CaseType, Stage
from app.services.errors import ActionNotAllowed
from app.services.rules.actions import (
    COMPENSATION_ACTIONS,
    GOODS_FIELDS,
    REQUIRED_FIELDS,
    SPECS,
    actions_with,
)
from app.services.text.messages import Template

OPEN_STAGES = tuple(s for s in Stage if not s.is_final)
AWAITING_STAGES = tuple(s for s in OPEN_STAGES if s.value.startswith("awaiting_"))

# What each action must carry, and which may record a compensation (赔付): `rules/actions.py`.
__all__ = ["COMPENSATION_ACTIONS", "REQUIRED_FIELDS", "ActionNotAllowed"]

RULINGS = ("for_buyer", "for_merchant")


OPEN_IS_RECORDED = Template(
    en="'open' is recorded when a case is created",
    zh="「买家申请」在新建案件时自动记录，不能手动添加",
)
NEEDS_FIELD = Template(en="{action} needs --{option}", zh="「{action}」需要填写{option}")
# The payload field a refused action lacks: its CLI option (English), what the form calls it (Chinese).
FIELD_OPTIONS: dict[str, Template] = {
    "reason": Template(en="reason", zh="原因"),
    "tracking": Template(en="tracking", zh="物流单号"),
    "ruling": Template(en="ruling", zh="判定结果"),
    "due_at": Template(en="due-at", zh="新的截止时间"),
    "text": Template(en="text", zh="备注内容"),
}
NEEDS_RULING = Template(
    en="platform_ruling needs --ruling for_buyer or for_merchant",
    zh="「平台判定」需要选择判定结果：支持买家（for_buyer）或支持商家（for_merchant）",
)
NOT_ALLOWED = Template(
    en="{action} is not allowed for a {case_type} case in stage {stage} (allowed: {allowed})",
    zh="{case_type}售后在「{stage}」阶段不能「{action}」（现在可以：{allowed}）",
)
NOTHING = Template(en="none", zh="无")
NO_COMPENSATION = Template(
    en="{action} records no compensation (it can be recorded with: {allowed})",
    zh="「{action}」不能记录赔付（可以记录赔付的操作：{allowed}）",
)

NOT_RECORDED_HERE = Template(
    en="{action} records no --{field} (it is recorded with: {allowed})",
    zh="「{action}」不能记录{field}（可以记录的操作：{allowed}）",
)
GOODS_OPTIONS: dict[str, Template] = {
    "goods_value": Template(en="goods-value", zh="发出货值"),
    "repair_cost": Template(en="repair-cost", zh="维修费用"),
}


def _approve_target(case_type: CaseType) -> Stage:
    if case_type is CaseType.REFUND_ONLY:
        return Stage.REFUNDED
    if case_type is CaseType.RESHIP:
        return Stage.AWAITING_MERCHANT_SHIP
    return Stage.AWAITING_BUYER_RETURN


def next_stage(case_type: CaseType, stage: Stage, action: Action, ruling: str | None = None) -> Stage | None:
    """Where `action` takes a case of `case_type` in `stage`, or None if not allowed."""
    if action is Action.NOTE:
        return stage
    if stage.is_final:
        return None
    t = case_type
    match action:
        case Action.EXTEND_DEADLINE:
            return stage
        case Action.WITHDRAW:
            return Stage.CLOSED
        case Action.APPROVE if stage is Stage.AWAITING_MERCHANT:
            return _approve_target(t)
        case Action.REFUND if stage is Stage.AWAITING_MERCHANT and t.is_refund:
            return Stage.REFUNDED
        case Action.REJECT if stage is Stage.AWAITING_MERCHANT:
            return Stage.REJECTED
        case Action.BUYER_SHIP if stage is Stage.AWAITING_BUYER_RETURN and t.has_return:
            return Stage.AWAITING_MERCHANT_RECEIPT
        case Action.RETURN_DELIVERED if stage is Stage.AWAITING_MERCHANT_RECEIPT and t.has_return:
            return stage
        case Action.CONFIRM_RECEIPT if stage is Stage.AWAITING_MERCHANT_RECEIPT and t.has_return:
            return Stage.REFUNDED if t is CaseType.RETURN_REFUND else Stage.AWAITING_MERCHANT_SHIP
        case Action.REFUSE_RECEIPT if stage is Stage.AWAITING_MERCHANT_RECEIPT and t.has_return:
            return Stage.REJECTED
        case Action.SHIP_REPLACEMENT if stage is Stage.AWAITING_MERCHANT_SHIP and not t.is_refund:
            return Stage.AWAITING_BUYER_RECEIPT
        case Action.BUYER_CONFIRM if stage is Stage.AWAITING_BUYER_RECEIPT and not t.is_refund:
            return Stage.COMPLETED
        case Action.REAPPLY if stage is Stage.REJECTED:
            return Stage.AWAITING_MERCHANT
        case Action.ESCALATE if stage is Stage.REJECTED or stage in AWAITING_STAGES:
            return Stage.IN_DISPUTE
        case Action.PLATFORM_RULING if stage is Stage.IN_DISPUTE:
            if ruling == "for_merchant":
                return Stage.CLOSED
            if ruling == "for_buyer":
                return Stage.REFUNDED if t.is_refund else Stage.AWAITING_MERCHANT_SHIP
            return None
    return None


def auto_next_stage(case_type: CaseType, stage: Stage, auto: AutoAction) -> Stage | None:
    """Where an auto-action moves a case; it moves like its manual twin (DESIGN.md)."""
    if stage.is_final:
        return None
    match auto:
        case AutoAction.AUTO_APPROVE:
            return next_stage(case_type, stage, Action.APPROVE)
        case AutoAction.AUTO_REFUND:
            return Stage.REFUNDED if case_type.is_refund else None
        case AutoAction.AUTO_CLOSE:
            return Stage.CLOSED
        case AutoAction.AUTO_COMPLETE:
            return Stage.COMPLETED
        case AutoAction.PENALTY:
            return stage
    return None


USER_ACTIONS = tuple(a for a in Action if a is not Action.OPEN)


def allowed_actions(case_type: CaseType, stage: Stage) -> list[Action]:
    """Exactly the actions the workflow allows now (what the detail panel offers)."""
    out: list[Action] = []
    for action in USER_ACTIONS:
        if action is Action.PLATFORM_RULING:
            if any(next_stage(case_type, stage, action, r) for r in RULINGS):
                out.append(action)
        elif next_stage(case_type, stage, action) is not None:
            out.append(action)
    return out


def check_action(case_type: CaseType, stage: Stage, action: Action, payload: dict[str, str]) -> Stage:
    """The stage after `action`, or ActionNotAllowed with a message a merchant can act on."""
    if action is Action.OPEN:
        raise ActionNotAllowed(OPEN_IS_RECORDED())
    missing = [f for f in REQUIRED_FIELDS.get(action, ()) if not str(payload.get(f, "")).strip()]
    if missing:
        raise ActionNotAllowed(NEEDS_FIELD(action=action, option=FIELD_OPTIONS[missing[0]]()))
    if payload.get("compensation") and action not in COMPENSATION_ACTIONS:
        raise ActionNotAllowed(NO_COMPENSATION(action=action, allowed=COMPENSATION_ACTIONS))
    for name in GOODS_FIELDS:
        declared = SPECS.get(action)
        if payload.get(name) and (declared is None or name not in declared.fields):
            raise ActionNotAllowed(
                NOT_RECORDED_HERE(action=action, field=GOODS_OPTIONS[name](), allowed=actions_with(name))
            )
    ruling = payload.get("ruling")
    if action is Action.PLATFORM_RULING and ruling not in RULINGS:
        raise ActionNotAllowed(NEEDS_RULING())
    target = next_stage(case_type, stage, action, ruling)
    if target is None:
        allowed = tuple(allowed_actions(case_type, stage)) or NOTHING()
        raise ActionNotAllowed(NOT_ALLOWED(action=action, case_type=case_type, stage=stage, allowed=allowed))
    return target
