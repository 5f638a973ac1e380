"""Issue 19 item 4 (alerts): each person sees the alerts of the cases assigned to them plus the
unassigned ones, and the alert log is theirs: one dismissing an alert leaves it for another.
With no handler chosen (a single merchant) everything is as before."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import timedelta

import pytest

from app.bootstrap import AppContext
from app.services.alerts.notices import audience
from app.services.alerts.service import Delivery
from app.services.clock import FixedClock
from tests.services.test_alerts import H, add_case, merchant_due


def case_ids(delivery: Delivery) -> list[int]:
    notices = list(delivery.popups) + (list(delivery.summary.notices) if delivery.summary else [])
    return sorted(n.case_id for n in notices)


@pytest.fixture
def wang(ctx: AppContext) -> AppContext:
    ctx.handlers.set_names(["小王", "小李"])
    ctx.alerts.viewer = "小王"
    return ctx


@pytest.fixture
def li(wang: AppContext, clock: FixedClock) -> Iterator[AppContext]:
    """小李 on another PC: the same database, their own app."""
    other = AppContext.open(wang.data_dir, clock)
    other.alerts.viewer = "小李"
    yield other
    other.close()


def three_cases(ctx: AppContext) -> tuple[int, int, int]:
    start = ctx.clock.now()
    mine = add_case(ctx, "KS1", requested_at=start)
    theirs = add_case(ctx, "KS2", requested_at=start - timedelta(minutes=1))
    nobody = add_case(ctx, "KS3", requested_at=start - timedelta(minutes=2))
    ctx.assignments.assign(mine, "小王")
    ctx.assignments.assign(theirs, "小李")
    return mine, theirs, nobody


def test_each_sees_their_cases_and_the_unassigned(wang: AppContext, li: AppContext, clock: FixedClock) -> None:
    mine, theirs, nobody = three_cases(wang)
    clock.set(merchant_due(wang, mine) - 6 * H)
    assert case_ids(wang.alerts.wake().delivery) == [mine, nobody]
    assert case_ids(li.alerts.wake().delivery) == [theirs, nobody]
    assert not wang.alerts.wake().delivery and not li.alerts.wake().delivery  # never twice to one person
    status = wang.alerts.tray_status()
    assert [u.case_id for u in status.upcoming] == [nobody, mine]
    assert li.alerts.tray_status().due_within_24h == 2


def test_one_dismissing_leaves_it_for_the_other(wang: AppContext, li: AppContext, clock: FixedClock) -> None:
    _, _, nobody = three_cases(wang)
    clock.set(merchant_due(wang, nobody) - 6 * H)
    wang.alerts.wake()
    li.alerts.wake()
    wangs = [n for n in wang.alerts.unseen() if n.case_id == nobody]
    lis = [n for n in li.alerts.unseen() if n.case_id == nobody]
    assert len(wangs) == len(lis) == 1 and wangs[0].log_id != lis[0].log_id
    wang.alerts.mark_seen([wangs[0].log_id])
    assert nobody not in {n.case_id for n in wang.alerts.unseen()}
    assert nobody in {n.case_id for n in li.alerts.unseen()}


def test_an_auto_action_is_told_to_its_assignee(wang: AppContext, li: AppContext, clock: FixedClock) -> None:
    mine, theirs, nobody = three_cases(wang)
    for ctx in (wang, li):  # the 24 h … 15 min alerts: shown and done with
        clock.set(merchant_due(wang, mine) - 10 * timedelta(minutes=1))
        ctx.alerts.wake()
    clock.set(merchant_due(wang, mine) + timedelta(minutes=1))  # every clock ran out
    told_wang = wang.alerts.wake()  # 小王's app applies the auto-refunds
    assert len(told_wang.applied) == 3
    told_li = li.alerts.wake()
    assert told_li.applied == ()
    assert case_ids(told_wang.delivery) == [mine, nobody]
    assert case_ids(told_li.delivery) == [theirs, nobody]


def test_a_newly_assigned_case_brings_its_alert(wang: AppContext, li: AppContext, clock: FixedClock) -> None:
    mine, theirs, _ = three_cases(wang)
    clock.set(merchant_due(wang, mine) - 6 * H)
    wang.alerts.wake()
    wang.assignments.assign(theirs, "小王")
    assert case_ids(wang.alerts.wake().delivery) == [theirs]


def test_nobody_chosen_sees_everything_as_a_single_merchant(ctx: AppContext, clock: FixedClock) -> None:
    ctx.handlers.set_names(["小王", "小李"])
    mine, theirs, nobody = three_cases(ctx)
    clock.set(merchant_due(ctx, mine) - 6 * H)
    assert ctx.alerts.viewer == ""
    assert case_ids(ctx.alerts.wake().delivery) == sorted([mine, theirs, nobody])


def test_audience() -> None:
    assert audience(None, []) == ("",)
    assert audience("小王", ["小王", "小李"]) == ("", "小王")
    assert audience(None, ["小王", "小李"]) == ("", "小王", "小李")
