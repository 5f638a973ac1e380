"""Every row of every built-in preset: silent one second before due, fires exactly at due."""

from __future__ import annotations

from datetime import timedelta

import pytest

from app.bootstrap import AppContext
from app.models.enums import Actor, ClockStart, Platform, Stage
from app.paths import resource
from app.services.clock import FixedClock
from app.services.rules.presets import RuleBook
from app.services.rules.workflow import auto_next_stage
from tests.conftest import T0
from tests.services.scenario import drive_to_clock_start, open_case, reachable_variants

BOOK = RuleBook.load(resource("rules"))
CASES = [
    pytest.param(platform, rule.id, variant, id=f"{rule.id}-{variant[0].value}")
    for platform, preset in BOOK.presets.items()
    for rule in preset.rules
    for variant in reachable_variants(preset, rule)
]


def test_every_rule_is_reachable() -> None:
    """A row shadowed by an earlier row for every type would never run: a preset bug."""
    for preset in BOOK.presets.values():
        for rule in preset.rules:
            assert reachable_variants(preset, rule), f"{rule.id} never applies"


def test_all_platforms_have_a_preset() -> None:
    assert set(BOOK.presets) == set(Platform)


@pytest.mark.parametrize(("platform", "rule_id", "variant"), CASES)
def test_rule_fires_at_due_and_not_a_second_before(
    ctx: AppContext, clock: FixedClock, platform: Platform, rule_id: str, variant: tuple
) -> None:
    case_type, shipped, reason = variant
    rule = BOOK.presets[platform].rule(rule_id)
    assert rule is not None
    case_id = open_case(ctx, clock, platform, case_type, shipped, reason, T0)
    started = drive_to_clock_start(ctx, clock, case_id, case_type, rule, T0)

    detail = ctx.queries.detail(case_id)
    assert detail is not None
    stage_before = Stage(detail.fields["stage"])
    assert stage_before is rule.stage
    mine = [d for d in detail.row.deadlines if d.party == rule.party.value]
    assert len(mine) == 1 and mine[0].rule_id == rule.id
    due = rule.duration.add_to(started)
    assert mine[0].due_at == due
    assert mine[0].auto_action == rule.auto_action.value
    if rule.clock_start is ClockStart.BUYER_SHIP:
        assert mine[0].starts_at == started

    # One second before: nothing fires.
    clock.set(due - timedelta(seconds=1))
    assert [a for a in ctx.cases.tick() if a.case_id == case_id] == []
    after = ctx.queries.detail(case_id)
    assert after is not None and after.fields["stage"] == stage_before.value
    assert len(after.events) == len(detail.events)

    # At due: the stated auto-action fires, stamped at due by the platform.
    clock.set(due)
    applied = [a for a in ctx.cases.tick() if a.case_id == case_id]
    expected_stage = auto_next_stage(case_type, stage_before, rule.auto_action)
    assert [(a.auto_action, a.at, a.to_stage) for a in applied][:1] == [
        (rule.auto_action, due, expected_stage)
    ]
    fired = ctx.queries.detail(case_id)
    assert fired is not None
    event = next(e for e in fired.events if e.action == rule.auto_action.value)
    assert (event.actor, event.at, event.rule_id) == (Actor.PLATFORM.value, due, rule.id)

    # The next clocks start at the due instant, not when tick noticed.
    if expected_stage is not stage_before and not expected_stage.is_final:
        assert fired.fields["stage_since"] == due
        for d in fired.row.deadlines:
            nxt = BOOK.presets[platform].rule(d.rule_id)
            assert nxt is not None
            if nxt.clock_start is ClockStart.STAGE:
                assert d.starts_at == due
                assert d.due_at == nxt.duration.add_to(due)
    if expected_stage is stage_before:  # penalty: flagged, clock consumed
        assert fired.fields["penalized"] is True
        assert all(d.rule_id != rule.id for d in fired.row.deadlines)


def test_tick_late_is_stamped_at_due(ctx: AppContext, clock: FixedClock) -> None:
    """Running tick three days late writes the same instants as running it on time."""
    from app.models.enums import CaseType, Reason

    case_id = open_case(ctx, clock, Platform.KUAISHOU, CaseType.RETURN_REFUND, True, Reason.QUALITY, T0)
    clock.set(T0 + timedelta(days=15))
    applied = ctx.cases.tick()
    assert [(a.auto_action.value, a.at - T0) for a in applied] == [
        ("auto_approve", timedelta(hours=48)),
        ("auto_close", timedelta(hours=48) + timedelta(days=10)),
    ]
    detail = ctx.queries.detail(case_id)
    assert detail is not None and detail.fields["stage"] == "closed"
