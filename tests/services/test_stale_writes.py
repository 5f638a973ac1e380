"""Issue 19 item 3: concurrent work without loss. Every write to a case moves its version on; a
write made against an older version is refused (StaleCase) with who wrote first, when and what
the case is now, and nothing of it is written."""

from __future__ import annotations

from datetime import datetime, timedelta
from decimal import Decimal
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from app.bootstrap import AppContext
from app.models.enums import Action, Actor, CaseType, Platform, Reason, Stage
from app.services.cases.bulk import apply_bulk
from app.services.cases.service import ActionRequest, NewCase
from app.services.clock import BEIJING, FixedClock
from app.services.errors import StaleCase


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


def version(ctx: AppContext, case_id: int) -> int:
    detail = ctx.queries.detail(case_id)
    assert detail is not None
    return int(detail.fields["version"])


def events(ctx: AppContext, case_id: int) -> int:
    detail = ctx.queries.detail(case_id)
    assert detail is not None
    return len(detail.events)


@pytest.fixture
def other(ctx: AppContext, clock: FixedClock) -> AppContext:
    """A second client on the same database (another PC, the CLI): its own engine and sessions."""
    second = AppContext.open(ctx.data_dir, clock)
    yield second  # type: ignore[misc]
    second.close()


def test_every_kind_of_write_moves_the_version_on(ctx: AppContext, clock: FixedClock, tmp_path: Path) -> None:
    cid = ctx.cases.add_case(_new("V1", clock))
    assert version(ctx, cid) == 1
    result = ctx.cases.act(cid, ActionRequest(Action.APPROVE))
    assert result.version == 2 == version(ctx, cid)
    ctx.cases.act(cid, ActionRequest(Action.NOTE, payload={"text": "打过电话"}))
    assert version(ctx, cid) == 3
    ctx.edits.edit(cid, {"buyer_nick": "小李"})
    assert version(ctx, cid) == 4
    photo = tmp_path / "p.txt"
    photo.write_text("x")
    ctx.attachments.add(cid, photo)
    assert version(ctx, cid) == 5
    ctx.alerts.set_muted(cid, True)
    assert version(ctx, cid) == 6
    clock.advance(timedelta(days=11))  # the buyer's 10-day return clock runs out: auto_close
    assert ctx.cases.tick()
    assert version(ctx, cid) == 7


def test_two_clients_read_the_same_version_and_only_the_first_write_wins(
    ctx: AppContext, other: AppContext, clock: FixedClock
) -> None:
    """The explicit interleaving: both read version 1, both write against it."""
    ctx.handlers.add("小王")
    ctx.handlers.add("小李")
    cid = ctx.cases.add_case(_new("I1", clock))
    seen_here, seen_there = version(ctx, cid), version(other, cid)
    assert seen_here == seen_there == 1
    clock.set(datetime(2026, 11, 2, 14, 2, tzinfo=BEIJING))
    ctx.cases.act(cid, ActionRequest(Action.APPROVE, handler="小王"), expect_version=seen_here)
    with pytest.raises(StaleCase) as refused:
        other.cases.act(
            cid, ActionRequest(Action.REJECT, payload={"reason": "拍错"}, handler="小李"), expect_version=seen_there
        )
    e = refused.value
    assert (e.case_id, e.version, e.stage, e.handler, e.action) == (cid, 2, "awaiting_buyer_return", "小王", "approve")
    assert e.args[0].render("zh_CN") == "已被 小王 在 14:02 处理：待买家退货（同意）；请查看案件后重试"
    assert str(e).startswith("already handled by 小王 at 14:02: awaiting_buyer_return (approve)")
    assert version(ctx, cid) == 2 and events(ctx, cid) == 2  # the loser wrote nothing
    assert ctx.queries.detail(cid).row.stage == Stage.AWAITING_BUYER_RETURN.value  # type: ignore[union-attr]


def test_an_edit_against_an_old_version_is_refused(ctx: AppContext, other: AppContext, clock: FixedClock) -> None:
    cid = ctx.cases.add_case(_new("E1", clock))
    other.edits.edit(cid, {"buyer_nick": "甲"}, expect_version=1)
    with pytest.raises(StaleCase, match="changed elsewhere at 10:00"):
        ctx.edits.edit(cid, {"buyer_nick": "乙"}, expect_version=1)
    assert ctx.queries.detail(cid).fields["buyer_nick"] == "甲"  # type: ignore[union-attr]


def test_the_platform_acting_first_is_named(ctx: AppContext, clock: FixedClock) -> None:
    cid = ctx.cases.add_case(_new("P1", clock))
    clock.advance(timedelta(days=3))  # kuaishou's 48 h merchant clock: auto_approve
    ctx.cases.tick()
    with pytest.raises(StaleCase) as refused:
        ctx.cases.act(cid, ActionRequest(Action.APPROVE), expect_version=1)
    assert refused.value.actor == Actor.PLATFORM.value
    assert refused.value.args[0].render("zh_CN").startswith("平台已于 10:00 处理：待买家退货（自动同意）")


def test_the_date_is_said_when_it_was_not_today(ctx: AppContext, other: AppContext, clock: FixedClock) -> None:
    cid = ctx.cases.add_case(_new("D1", clock))
    other.cases.act(cid, ActionRequest(Action.NOTE, payload={"text": "x"}))
    clock.advance(timedelta(days=1))
    with pytest.raises(StaleCase, match="at 2026-11-02 10:00"):
        ctx.cases.act(cid, ActionRequest(Action.NOTE, payload={"text": "y"}), expect_version=1)


def test_a_bulk_action_is_one_transaction_and_refuses_only_the_stale_cases(
    ctx: AppContext, other: AppContext, clock: FixedClock
) -> None:
    ids = [ctx.cases.add_case(_new(f"B{i}", clock)) for i in range(3)]
    shown = {cid: version(ctx, cid) for cid in ids}
    other.cases.act(ids[1], ActionRequest(Action.APPROVE))  # someone else, meanwhile
    result = apply_bulk(ctx.cases, ids, ActionRequest(Action.REJECT, payload={"reason": "拍错"}), versions=shown)
    assert result.done == (ids[0], ids[2])
    assert [f.case_id for f in result.failed] == [ids[1]]
    assert "already" in result.failed[0].message or "changed elsewhere" in result.failed[0].message
    stages = {r.id: r.stage for r in ctx.queries.list_cases()}
    assert stages == {ids[0]: "rejected", ids[1]: "awaiting_buyer_return", ids[2]: "rejected"}


def test_a_bulk_action_that_fails_midway_writes_nothing(
    ctx: AppContext, clock: FixedClock, monkeypatch: pytest.MonkeyPatch
) -> None:
    ids = [ctx.cases.add_case(_new(f"C{i}", clock)) for i in range(3)]
    calls: list[int] = []

    def progress(i: int, total: int, _: str) -> None:
        calls.append(i)
        if i == 2:
            raise OSError("disk full")

    with pytest.raises(OSError):
        apply_bulk(ctx.cases, ids, ActionRequest(Action.REJECT, payload={"reason": "x"}), progress)
    assert {r.stage for r in ctx.queries.list_cases()} == {"awaiting_merchant"}


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(st.tuples(st.sampled_from("ab"), st.sampled_from(["read", "write"])), min_size=1, max_size=12))
def test_interleavings_never_lose_a_write(
    ctx: AppContext, other: AppContext, clock: FixedClock, steps: list[tuple[str, str]]
) -> None:
    """Two clients, each writing against the version it last read, in any order: a write
    succeeds exactly when nobody wrote since that reading; every success is in the timeline,
    a refusal writes nothing and names the case's current version."""
    cid = ctx.cases.add_case(_new(f"H{len(ctx.queries.list_cases())}", clock))
    clients = {"a": ctx, "b": other}
    seen = {"a": 1, "b": 1}
    current, written = 1, 0
    for who, step in steps:
        client = clients[who]
        if step == "read":
            seen[who] = version(client, cid)
            assert seen[who] == current
            continue
        try:
            client.cases.act(cid, ActionRequest(Action.NOTE, payload={"text": who}), expect_version=seen[who])
        except StaleCase as e:
            assert seen[who] != current and e.version == current
        else:
            assert seen[who] == current
            current += 1
            written += 1
            seen[who] = current
    assert version(ctx, cid) == current == 1 + written
    assert events(ctx, cid) == 1 + written
