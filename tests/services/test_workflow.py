"""The transition table of DESIGN.md, row by row, and refusals that change nothing."""

from __future__ import annotations

from datetime import timedelta

import pytest

from app.bootstrap import AppContext
from app.models.enums import Action, AutoAction, CaseType, Platform, Reason, Stage
from app.services.cases.service import ActionRequest, InvalidInput
from app.services.clock import FixedClock
from app.services.rules.workflow import (
    ActionNotAllowed,
    allowed_actions,
    auto_next_stage,
    check_action,
    next_stage,
)
from tests.conftest import T0
from tests.services.scenario import open_case

T = CaseType
S = Stage
A = Action
ALL = tuple(CaseType)
RETURNS = (T.RETURN_REFUND, T.EXCHANGE, T.REPAIR)
OPEN = tuple(s for s in Stage if not s.is_final)

# (types, from stage, action, ruling, to stage) — DESIGN.md "Core transitions".
TABLE = [
    ((T.REFUND_ONLY,), S.AWAITING_MERCHANT, A.APPROVE, None, S.REFUNDED),
    ((T.RETURN_REFUND,), S.AWAITING_MERCHANT, A.APPROVE, None, S.AWAITING_BUYER_RETURN),
    ((T.RETURN_REFUND,), S.AWAITING_MERCHANT, A.REFUND, None, S.REFUNDED),
    ((T.EXCHANGE, T.REPAIR), S.AWAITING_MERCHANT, A.APPROVE, None, S.AWAITING_BUYER_RETURN),
    ((T.RESHIP,), S.AWAITING_MERCHANT, A.APPROVE, None, S.AWAITING_MERCHANT_SHIP),
    (RETURNS, S.AWAITING_BUYER_RETURN, A.BUYER_SHIP, None, S.AWAITING_MERCHANT_RECEIPT),
    (RETURNS, S.AWAITING_MERCHANT_RECEIPT, A.RETURN_DELIVERED, None, S.AWAITING_MERCHANT_RECEIPT),
    ((T.RETURN_REFUND,), S.AWAITING_MERCHANT_RECEIPT, A.CONFIRM_RECEIPT, None, S.REFUNDED),
    ((T.EXCHANGE, T.REPAIR), S.AWAITING_MERCHANT_RECEIPT, A.CONFIRM_RECEIPT, None, S.AWAITING_MERCHANT_SHIP),
    (RETURNS, S.AWAITING_MERCHANT_RECEIPT, A.REFUSE_RECEIPT, None, S.REJECTED),
    (
        (T.EXCHANGE, T.RESHIP, T.REPAIR),
        S.AWAITING_MERCHANT_SHIP,
        A.SHIP_REPLACEMENT,
        None,
        S.AWAITING_BUYER_RECEIPT,
    ),
    ((T.EXCHANGE, T.RESHIP, T.REPAIR), S.AWAITING_BUYER_RECEIPT, A.BUYER_CONFIRM, None, S.COMPLETED),
    (ALL, S.AWAITING_MERCHANT, A.REJECT, None, S.REJECTED),
    (ALL, S.REJECTED, A.REAPPLY, None, S.AWAITING_MERCHANT),
    ((T.REFUND_ONLY, T.RETURN_REFUND), S.IN_DISPUTE, A.PLATFORM_RULING, "for_buyer", S.REFUNDED),
    ((T.EXCHANGE, T.RESHIP), S.IN_DISPUTE, A.PLATFORM_RULING, "for_buyer", S.AWAITING_MERCHANT_SHIP),
    (ALL, S.IN_DISPUTE, A.PLATFORM_RULING, "for_merchant", S.CLOSED),
    # Two rows DESIGN.md leaves implicit: `refund` on a refund-only request is its approval, and a
    # ruling for the buyer on a repair sends the merchant to ship it back, as for an exchange.
    ((T.REFUND_ONLY,), S.AWAITING_MERCHANT, A.REFUND, None, S.REFUNDED),
    ((T.REPAIR,), S.IN_DISPUTE, A.PLATFORM_RULING, "for_buyer", S.AWAITING_MERCHANT_SHIP),
]
TABLE += [(ALL, s, A.ESCALATE, None, S.IN_DISPUTE) for s in OPEN if s.value.startswith("awaiting_")]
TABLE += [(ALL, S.REJECTED, A.ESCALATE, None, S.IN_DISPUTE)]
TABLE += [(ALL, s, A.WITHDRAW, None, S.CLOSED) for s in OPEN]
TABLE += [(ALL, s, act, None, s) for s in OPEN for act in (A.EXTEND_DEADLINE, A.NOTE)]


@pytest.mark.parametrize(("types", "stage", "action", "ruling", "target"), TABLE)
def test_design_table(types: tuple, stage: Stage, action: Action, ruling: str | None, target: Stage) -> None:
    for t in types:
        assert next_stage(t, stage, action, ruling) is target, (t, stage, action)


def test_nothing_moves_a_final_case_but_a_note() -> None:
    for t in CaseType:
        for s in (S.REFUNDED, S.COMPLETED, S.CLOSED):
            assert allowed_actions(t, s) == [A.NOTE]


def test_no_transition_outside_the_table() -> None:
    """Every allowed (type, stage, action) is one the table lists (the table is the whole truth)."""
    listed = {(t, s, a) for types, s, a, _, _ in TABLE for t in types}
    for t in CaseType:
        for s in OPEN:
            for a in allowed_actions(t, s):
                assert (t, s, a) in listed, (t, s, a)


@pytest.mark.parametrize(
    ("auto", "case_type", "target"),
    [
        (AutoAction.AUTO_APPROVE, T.REFUND_ONLY, S.REFUNDED),
        (AutoAction.AUTO_APPROVE, T.RETURN_REFUND, S.AWAITING_BUYER_RETURN),
        (AutoAction.AUTO_APPROVE, T.RESHIP, S.AWAITING_MERCHANT_SHIP),
        (AutoAction.AUTO_REFUND, T.RETURN_REFUND, S.REFUNDED),
        (AutoAction.AUTO_CLOSE, T.EXCHANGE, S.CLOSED),
        (AutoAction.AUTO_COMPLETE, T.RESHIP, S.COMPLETED),
        (AutoAction.PENALTY, T.RESHIP, S.AWAITING_MERCHANT),
    ],
)
def test_auto_actions_move_like_their_manual_twins(
    auto: AutoAction, case_type: CaseType, target: Stage
) -> None:
    assert auto_next_stage(case_type, S.AWAITING_MERCHANT, auto) is target


@pytest.mark.parametrize(
    ("action", "payload", "message"),
    [
        (A.REJECT, {}, "reject needs --reason"),
        (A.PLATFORM_RULING, {}, "platform_ruling needs --ruling"),
        (A.EXTEND_DEADLINE, {"reason": "x"}, "extend_deadline needs --due-at"),
        (
            A.CONFIRM_RECEIPT,
            {},
            "confirm_receipt is not allowed for a return_refund case in stage awaiting_merchant",
        ),
    ],
)
def test_refusals_say_why(action: Action, payload: dict, message: str) -> None:
    with pytest.raises(ActionNotAllowed, match=message):
        check_action(T.RETURN_REFUND, S.AWAITING_MERCHANT, action, payload)


def test_refused_action_changes_nothing(ctx: AppContext, clock: FixedClock) -> None:
    cid = open_case(ctx, clock, Platform.KUAISHOU, T.RETURN_REFUND, True, Reason.QUALITY, T0)
    before = ctx.queries.detail(cid)
    clock.set(T0 + timedelta(hours=1))
    with pytest.raises(ActionNotAllowed):
        ctx.cases.act(cid, ActionRequest(A.CONFIRM_RECEIPT))
    with pytest.raises(ActionNotAllowed):
        ctx.cases.act(cid, ActionRequest(A.REJECT))  # no reason
    after = ctx.queries.detail(cid)
    assert before is not None and after is not None
    assert (after.fields, after.events, after.row.deadlines) == (
        before.fields,
        before.events,
        before.row.deadlines,
    )


def test_action_in_the_future_or_before_last_event_is_refused(ctx: AppContext, clock: FixedClock) -> None:
    cid = open_case(ctx, clock, Platform.KUAISHOU, T.RETURN_REFUND, True, Reason.QUALITY, T0)
    clock.set(T0 + timedelta(hours=2))
    with pytest.raises(InvalidInput, match="future"):
        ctx.cases.act(cid, ActionRequest(A.APPROVE, at=T0 + timedelta(hours=3)))
    with pytest.raises(InvalidInput, match="before the case's last event"):
        ctx.cases.act(cid, ActionRequest(A.APPROVE, at=T0 - timedelta(hours=1)))


def test_acting_after_a_lapse_lets_the_platform_act_first(ctx: AppContext, clock: FixedClock) -> None:
    """An approve recorded after the 48 h lapsed finds the case already auto-approved."""
    cid = open_case(ctx, clock, Platform.KUAISHOU, T.RETURN_REFUND, True, Reason.QUALITY, T0)
    clock.set(T0 + timedelta(hours=50))
    with pytest.raises(ActionNotAllowed, match="not allowed"):
        ctx.cases.act(cid, ActionRequest(A.APPROVE))
    detail = ctx.queries.detail(cid)
    assert detail is not None
    assert [e.action for e in detail.events] == ["open", "auto_approve"]
    assert detail.events[1].at == T0 + timedelta(hours=48)


def test_extend_deadline_moves_the_running_clock(ctx: AppContext, clock: FixedClock) -> None:
    cid = open_case(ctx, clock, Platform.KUAISHOU, T.RETURN_REFUND, True, Reason.QUALITY, T0)
    clock.set(T0 + timedelta(hours=1))
    new_due = T0 + timedelta(days=4)
    ctx.cases.act(
        cid, ActionRequest(A.EXTEND_DEADLINE, payload={"due_at": new_due.isoformat(), "reason": "春节"})
    )
    detail = ctx.queries.detail(cid)
    assert detail is not None and detail.row.deadlines[0].due_at == new_due
    clock.set(T0 + timedelta(hours=48))
    assert ctx.cases.tick() == []
    with pytest.raises(ActionNotAllowed, match="no buyer clock"):
        ctx.cases.act(
            cid,
            ActionRequest(
                A.EXTEND_DEADLINE, payload={"due_at": new_due.isoformat(), "reason": "x", "party": "buyer"}
            ),
        )


def test_refund_amount_partial_and_default(ctx: AppContext, clock: FixedClock) -> None:
    a = open_case(ctx, clock, Platform.TAOBAO, T.REFUND_ONLY, False, Reason.QUALITY, T0, amount="100.00")
    b = open_case(ctx, clock, Platform.TAOBAO, T.REFUND_ONLY, False, Reason.QUALITY, T0, amount="100.00")
    clock.set(T0 + timedelta(hours=1))
    ctx.cases.act(a, ActionRequest(A.APPROVE, payload={"amount": "60.50"}))
    ctx.cases.act(b, ActionRequest(A.APPROVE))
    da, db = ctx.queries.detail(a), ctx.queries.detail(b)
    assert da is not None and db is not None
    assert str(da.fields["refund_granted"]) == "60.50"
    assert str(db.fields["refund_granted"]) == "100.00"
    with pytest.raises(InvalidInput, match="more than two decimals"):
        ctx.cases.act(a, ActionRequest(A.NOTE, payload={"text": "x", "amount": "1.234"}))
