"""Handlers: a list in Settings, one check of a name on every writing path, each step records who."""

from __future__ import annotations

from decimal import Decimal

import pytest

from app.bootstrap import AppContext
from app.models.enums import Action, CaseType, Platform, Reason
from app.services.cases.service import ActionRequest, NewCase
from app.services.errors import InvalidInput


def test_resolve_takes_names_on_the_list_only(ctx: AppContext) -> None:
    assert ctx.handlers.resolve("") == "" and ctx.handlers.resolve(None) == ""
    assert ctx.handlers.resolve(" 小王 ") == "小王"  # no list yet: the first name starts it
    assert ctx.handlers.names() == ["小王"]
    with pytest.raises(InvalidInput):
        ctx.handlers.resolve("小玉")  # a typo would split the figures
    ctx.handlers.set_names(["老李", "小王", "老李", " "])
    assert ctx.handlers.names() == ["老李", "小王"]
    with pytest.raises(InvalidInput):
        ctx.handlers.add("老李")
    ctx.handlers.remove("老李")
    assert ctx.handlers.names() == ["小王"]


def test_each_step_records_who_did_it(ctx: AppContext) -> None:
    cid = ctx.cases.add_case(
        NewCase(
            platform=Platform.KUAISHOU,
            case_type=CaseType.REFUND_ONLY,
            reason=Reason.QUALITY,
            order_no="O1",
            aftersale_no="KS1",
            amount=Decimal("50.00"),
            requested_at=ctx.clock.now(),
            handler="小王",
        )
    )
    ctx.cases.act(cid, ActionRequest(Action.NOTE, payload={"text": "已联系买家"}, handler="老李"))
    ctx.cases.act(cid, ActionRequest(Action.APPROVE, handler="小王"))
    detail = ctx.queries.detail(cid)
    assert detail is not None
    assert [(e.action, e.handler) for e in detail.events] == [
        ("open", "小王"),
        ("note", "老李"),
        ("approve", "小王"),
    ]
