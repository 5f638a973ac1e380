"""CaseService.batch: several adds and acts in one transaction, all or nothing."""

from __future__ import annotations

from datetime import timedelta
from decimal import Decimal

import pytest

from app.bootstrap import AppContext
from app.models.enums import Action, Actor, CaseType, Platform, Reason, Stage
from app.services.cases.service import ActionRequest, InvalidInput, NewCase
from app.services.clock import FixedClock


def _new(no: str, clock: FixedClock) -> NewCase:
    return NewCase(
        platform=Platform.KUAISHOU,
        case_type=CaseType.RETURN_REFUND,
        reason=Reason.QUALITY,
        order_no="O" + no,
        aftersale_no=no,
        amount=Decimal("99.00"),
        requested_at=clock.now() - timedelta(hours=5),
    )


def test_batch_writes_adds_and_acts_together(ctx: AppContext, clock: FixedClock) -> None:
    at = clock.now() - timedelta(hours=1)
    with ctx.cases.batch() as batch:
        cid = batch.add_case(_new("A1", clock))
        result = batch.act(cid, ActionRequest(Action.APPROVE, at=at, actor=Actor.PLATFORM))
        assert result.stage is Stage.AWAITING_BUYER_RETURN
    rows = ctx.queries.list_cases()
    assert [(r.aftersale_no, r.stage) for r in rows] == [("A1", "awaiting_buyer_return")]
    detail = ctx.queries.detail(cid)
    assert detail is not None
    assert [(e.action, e.actor, e.at) for e in detail.events][-1] == ("approve", "platform", at)


def test_an_error_in_a_batch_writes_nothing(ctx: AppContext, clock: FixedClock) -> None:
    with pytest.raises(InvalidInput), ctx.cases.batch() as batch:
        cid = batch.add_case(_new("A1", clock))
        batch.act(cid, ActionRequest(Action.APPROVE, at=clock.now() - timedelta(hours=1)))
        batch.add_case(_new("A2", clock))
        batch.act(cid, ActionRequest(Action.BUYER_SHIP, at=clock.now() + timedelta(hours=1)))
    assert ctx.queries.list_cases() == []


def test_batch_act_on_a_stored_case(ctx: AppContext, clock: FixedClock) -> None:
    cid = ctx.cases.add_case(_new("A1", clock))
    with ctx.cases.batch() as batch:
        batch.act(cid, ActionRequest(Action.APPROVE, at=clock.now() - timedelta(hours=2)))
        batch.act(
            cid,
            ActionRequest(
                Action.BUYER_SHIP, at=clock.now() - timedelta(hours=1), payload={"tracking": "SF1"}
            ),
        )
    assert ctx.queries.list_cases()[0].stage == "awaiting_merchant_receipt"
    assert ctx.cases.recompute_check() == []


def test_batch_run_due_applies_the_lapsed_clock(ctx: AppContext, clock: FixedClock) -> None:
    new = _new("A1", clock)
    new = NewCase(**{**new.__dict__, "requested_at": clock.now() - timedelta(hours=50)})
    with ctx.cases.batch() as batch:
        cid = batch.add_case(new)
        applied = batch.run_due(cid, clock.now() - timedelta(hours=1))
        assert [a.auto_action.value for a in applied] == ["auto_approve"]
        assert batch.stage(cid) is Stage.AWAITING_BUYER_RETURN
        with pytest.raises(InvalidInput):
            batch.run_due(cid, clock.now() + timedelta(hours=1))
    assert ctx.queries.list_cases()[0].stage == "awaiting_buyer_return"
