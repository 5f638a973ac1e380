"""Property tests of the rule engine over random action sequences and random tick times."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import timedelta
from decimal import Decimal
from itertools import count
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from app.bootstrap import AppContext
from app.models.enums import Action, Actor, AutoAction, CaseType, Platform, Reason, Stage
from app.services.cases.service import ActionRequest, NewCase
from app.services.clock import FixedClock
from app.services.rules.workflow import USER_ACTIONS, ActionNotAllowed, auto_next_stage, next_stage
from tests.conftest import T0
from tests.services.scenario import PAYLOAD

BUYER_SIDE = {Action.BUYER_SHIP, Action.BUYER_CONFIRM, Action.WITHDRAW, Action.REAPPLY}
numbers = count(1)

step = st.tuples(
    st.integers(min_value=0, max_value=4 * 24 * 60),  # minutes until this step
    st.one_of(
        st.just("tick"),
        st.sampled_from([a for a in USER_ACTIONS if a is not Action.EXTEND_DEADLINE]),
        st.just(Action.EXTEND_DEADLINE),
    ),
)
case_shape = st.tuples(
    st.sampled_from(list(Platform)),
    st.sampled_from(list(CaseType)),
    st.booleans(),
    st.sampled_from(list(Reason)),
)
SETTINGS = settings(
    max_examples=40,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)


class World:
    """One data folder with its own clock (cases of different examples never interact)."""

    def __init__(self, path: Path) -> None:
        self.clock = FixedClock(T0)
        self.ctx = AppContext.open(path, self.clock)

    def add(self, shape: tuple[Platform, CaseType, bool, Reason]) -> int:
        platform, case_type, shipped, reason = shape
        self.clock.set(T0)
        n = next(numbers)
        return self.ctx.cases.add_case(
            NewCase(platform, case_type, reason, f"O{n}", f"P{n}", Decimal("88.00"), T0, shipped)
        )

    def act(self, cid: int, action: Action) -> bool:
        payload = dict(PAYLOAD.get(action, {}))
        if action is Action.EXTEND_DEADLINE:
            payload["due_at"] = (self.clock.now() + timedelta(days=3)).isoformat()
        actor = Actor.BUYER if action in BUYER_SIDE else Actor.MERCHANT
        try:
            self.ctx.cases.act(cid, ActionRequest(action, actor=actor, payload=payload))
        except ActionNotAllowed:
            return False
        return True

    def history(self, cid: int) -> list[tuple[str, str, str, str | None]]:
        detail = self.ctx.queries.detail(cid)
        assert detail is not None
        return [(e.action, e.at.isoformat(), e.to_stage, e.rule_id) for e in detail.events]


@pytest.fixture(scope="module")
def worlds(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[World, World]]:
    a, b = World(tmp_path_factory.mktemp("eager")), World(tmp_path_factory.mktemp("lazy"))
    yield a, b
    a.ctx.close()
    b.ctx.close()


def check_invariants(world: World, cid: int) -> None:
    detail = world.ctx.queries.detail(cid)
    assert detail is not None
    case_type = CaseType(detail.fields["case_type"])
    # Every step of the timeline is one the state machine allows.
    for ev in detail.events[1:]:
        frm = Stage(ev.from_stage)
        if ev.action in {a.value for a in AutoAction}:
            expected = auto_next_stage(case_type, frm, AutoAction(ev.action))
        else:
            expected = next_stage(case_type, frm, Action(ev.action), ev.payload.get("ruling"))
        assert expected is not None and expected.value == ev.to_stage, ev
    assert detail.fields["stage"] == detail.events[-1].to_stage
    # At most one clock per party; none on a final case.
    parties = [d.party for d in detail.row.deadlines]
    assert len(parties) == len(set(parties))
    if Stage(detail.fields["stage"]).is_final:
        assert parties == []
    # The stored deadlines equal a recomputation from the timeline.
    assert world.ctx.cases.recompute_check([cid]) == []


@SETTINGS
@given(
    shape=case_shape,
    steps=st.lists(step, max_size=12),
    tick_mask=st.lists(st.booleans(), min_size=12, max_size=12),
)
def test_random_histories_keep_the_invariants_and_late_tick_equals_timely_tick(
    worlds: tuple[World, World], shape: tuple, steps: list, tick_mask: list[bool]
) -> None:
    eager, lazy = worlds
    ca, cb = eager.add(shape), lazy.add(shape)
    now = T0
    for i, (minutes, what) in enumerate(steps):
        now += timedelta(minutes=minutes)
        eager.clock.set(now)
        lazy.clock.set(now)
        if what == "tick" or tick_mask[i]:
            eager.ctx.cases.tick()  # the eager world ticks whenever asked; the lazy one never does
        if what != "tick":
            assert eager.act(ca, what) == lazy.act(cb, what)
        check_invariants(eager, ca)
        check_invariants(lazy, cb)
    # One late tick, long after everything: same history as ticking along the way.
    later = now + timedelta(days=40)
    eager.clock.set(later)
    lazy.clock.set(later)
    eager.ctx.cases.tick()
    lazy.ctx.cases.tick()
    assert eager.history(ca) == lazy.history(cb)
    check_invariants(eager, ca)
    check_invariants(lazy, cb)


@SETTINGS
@given(
    shape=case_shape, gaps=st.lists(st.integers(min_value=1, max_value=6 * 24 * 60), min_size=1, max_size=8)
)
def test_tick_at_every_due_instant_equals_one_late_tick(
    worlds: tuple[World, World], shape: tuple, gaps: list
) -> None:
    eager, lazy = worlds
    ca, cb = eager.add(shape), lazy.add(shape)
    # Eager: tick exactly at each due instant as it comes up (and at random extra times).
    now = T0
    for gap in gaps:
        now += timedelta(minutes=gap)
        while True:
            due = [
                r.due_at
                for r in eager.ctx.queries.due()
                if r.case_id == ca and r.kind == "platform" and r.due_at <= now
            ]
            if not due:
                break
            eager.clock.set(min(due))
            eager.ctx.cases.tick()
        eager.clock.set(now)
        eager.ctx.cases.tick()
    lazy.clock.set(now)
    lazy.ctx.cases.tick()
    assert eager.history(ca) == lazy.history(cb)
