"""Editing the fields of a case that no clock depends on, and deleting cases.

The workflow (stage, type, reason, shipped, times) is not editable here: those
change only through actions, so the deadlines always follow from the timeline.
An edit is recorded on the timeline as a `note` whose payload lists what changed
(buyer phone and address only as "changed", never their values).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload, sessionmaker

from app.models.db import write_transaction
from app.models.entities import Case, Event, Shop
from app.models.enums import Action, Actor, Platform
from app.services.cases.messages import NO_CASE
from app.services.cases.service import CaseNotFound, InvalidInput, parse_money
from app.services.cases.versions import bump, stale_case
from app.services.clock import Clock
from app.services.text.messages import Template

TEXT_FIELDS = (
    "order_no",
    "buyer_nick",
    "buyer_phone",
    "buyer_address",
    "product_title",
    "sku",
    "handler",
    "tags",
    "reason_detail",
)
EDITABLE_FIELDS = ("shop", *TEXT_FIELDS, "quantity", "order_amount", "refund_requested")
PRIVATE_FIELDS = frozenset({"buyer_phone", "buyer_address"})
MAX_LENGTH = {"order_no": 64, "buyer_phone": 40, "sku": 200, "handler": 100, "tags": 400, "buyer_nick": 200}
# How a message names a field with a length limit: its id (English, as the CLI takes it), its label.
LIMITED_FIELDS: dict[str, Template] = {
    "order_no": Template(en="order_no", zh="订单号"),
    "buyer_phone": Template(en="buyer_phone", zh="手机号"),
    "sku": Template(en="sku", zh="SKU/规格"),
    "handler": Template(en="handler", zh="处理人"),
    "tags": Template(en="tags", zh="标签"),
    "buyer_nick": Template(en="buyer_nick", zh="买家昵称"),
}
NOT_EDITABLE = Template(en="not editable: {fields}", zh="不能修改：{fields}")
BAD_QUANTITY = Template(
    en="quantity must be a whole number ≥ 1, not {text!r}", zh="数量必须是不小于 1 的整数，不能是「{text}」"
)
AMOUNT_REQUIRED = Template(en="the requested amount is required", zh="请填写申请退款金额")
ORDER_NO_REQUIRED = Template(en="the order no. is required", zh="请填写订单号")
TOO_LONG = Template(en="{name} is longer than {limit} characters", zh="{name}超过 {limit} 个字")


@dataclass(frozen=True)
class FieldChange:
    field: str
    old: Any
    new: Any


def plan_edit(current: Mapping[str, Any], raw: Mapping[str, str]) -> list[FieldChange]:
    """Validate the submitted values against the current ones; the changes to make (pure)."""
    unknown = set(raw) - set(EDITABLE_FIELDS)
    if unknown:
        raise InvalidInput(NOT_EDITABLE(fields=tuple(sorted(unknown))))
    out: list[FieldChange] = []
    for name in EDITABLE_FIELDS:
        if name not in raw:
            continue
        text = raw[name].strip()
        new: Any
        if name == "quantity":
            if not text.isdigit() or int(text) < 1:
                raise InvalidInput(BAD_QUANTITY(text=text))
            new = int(text)
        elif name == "order_amount":
            new = parse_money(text) if text else None
        elif name == "refund_requested":
            if not text:
                raise InvalidInput(AMOUNT_REQUIRED())
            new = parse_money(text)
        else:
            if name == "order_no" and not text:
                raise InvalidInput(ORDER_NO_REQUIRED())
            limit = MAX_LENGTH.get(name)
            if limit is not None and len(text) > limit:
                raise InvalidInput(TOO_LONG(name=LIMITED_FIELDS[name](), limit=limit))
            new = text
        if new != current.get(name):
            out.append(FieldChange(name, current.get(name), new))
    return out


def _jsonable(value: Any) -> Any:
    return str(value) if isinstance(value, Decimal) else value


class CaseEdits:
    def __init__(self, sessions: sessionmaker[Session], clock: Clock) -> None:
        self._sessions = sessions
        self._clock = clock

    def edit(
        self, case_id: int, raw: Mapping[str, str], expect_version: int | None = None, handler: str = ""
    ) -> list[FieldChange]:
        """Apply the changed fields and record them on the timeline (by `handler`); [] when nothing
        changed. `expect_version`: the version the merchant edited; StaleCase when the case was
        written since (None: read and written in this transaction)."""
        now = self._clock.now()
        with write_transaction(self._sessions) as session:
            case = session.scalars(
                select(Case)
                .where(Case.id == case_id)
                .options(selectinload(Case.events))
                .with_for_update(of=Case)
            ).first()
            if case is None:
                raise CaseNotFound(NO_CASE(ref=case_id))
            version = case.version
            if expect_version is not None and version != expect_version:
                raise stale_case(session, case_id, now)
            current: dict[str, Any] = {
                name: getattr(case, name) for name in EDITABLE_FIELDS if name != "shop"
            }
            current["shop"] = case.shop.name if case.shop else ""
            changes = plan_edit(current, raw)
            if not changes:
                return []
            for ch in changes:
                if ch.field == "shop":
                    case.shop_id = self._shop_id(session, Platform(case.platform), ch.new) if ch.new else None
                else:
                    setattr(case, ch.field, ch.new)
            edited = {
                ch.field: ["(changed)"]
                if ch.field in PRIVATE_FIELDS
                else [_jsonable(ch.old), _jsonable(ch.new)]
                for ch in changes
            }
            case.events.append(
                Event(
                    seq=len(case.events) + 1,
                    at=now,
                    recorded_at=now,
                    actor=Actor.MERCHANT.value,
                    action=Action.NOTE.value,
                    from_stage=case.stage,
                    to_stage=case.stage,
                    payload={"text": "edited: " + ", ".join(edited), "edited": edited},
                    handler=handler,
                )
            )
            case.updated_at = now
            session.flush()
            bump(session, {case_id: version}, now)
            return changes

    def _shop_id(self, session: Session, platform: Platform, name: str) -> int:
        shop = session.scalars(select(Shop).where(Shop.platform == platform.value, Shop.name == name)).first()
        if shop is None:
            shop = Shop(platform=platform.value, name=name)
            session.add(shop)
            session.flush()
        return shop.id

    def delete(self, case_ids: Sequence[int]) -> list[int]:
        """Delete cases with their timeline, clocks and attachment rows; returns the ids deleted."""
        with write_transaction(self._sessions) as session:
            cases = session.scalars(select(Case).where(Case.id.in_(list(case_ids)))).all()
            for case in cases:
                session.delete(case)
            return [c.id for c in cases]
