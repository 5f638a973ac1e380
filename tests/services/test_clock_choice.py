"""One rule for the clock a case shows: the list row (lean sqlite3 read) and the case row (ORM) agree."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import delete

from app.bootstrap import AppContext
from app.models.entities import Deadline
from app.services.listing.case_list import CaseListQuery
from app.services.listing.clock_choice import clock_rank, pick_clock
from app.services.listing.queries import DeadlineView
from tests.services.test_case_list import _case

PARTIES = ("buyer", "merchant", "platform")
BASE = datetime(2026, 11, 2, 2, 0, tzinfo=UTC)


def _view(party: str, due: datetime | None) -> DeadlineView:
    waiting = None if due is not None else "return_delivered"
    return DeadlineView(
        party, "awaiting_merchant", None, due, waiting, "auto_close", "closed", f"r.{party}", "A"
    )


def _shown(views: list[DeadlineView]) -> str | None:
    chosen = pick_clock(views, lambda d: (d.party, int(d.due_at.timestamp()) if d.due_at else None))
    return chosen.party if chosen else None


def test_the_merchants_running_clock_comes_first() -> None:
    soon, later = BASE, BASE + timedelta(hours=5)
    assert _shown([_view("buyer", soon), _view("merchant", later)]) == "merchant"
    assert _shown([_view("platform", later), _view("buyer", soon)]) == "buyer"  # else the soonest
    assert _shown([_view("merchant", None), _view("buyer", later)]) == "buyer"  # running beats waiting
    assert _shown([_view("platform", None), _view("merchant", None)]) == "merchant"  # waiting: by party
    assert _shown([_view("platform", soon), _view("buyer", soon)]) == "buyer"  # a tie: by party
    # the same second is a tie, whatever the microseconds (the list reads whole seconds)
    assert (
        _shown([_view("platform", soon), _view("buyer", soon + timedelta(microseconds=900_000))]) == "buyer"
    )
    assert _shown([]) is None


def test_rank_orders_merchant_running_then_running_then_waiting() -> None:
    assert clock_rank("merchant", 500) < clock_rank("buyer", 100) < clock_rank("merchant", None)


# At most one deadline per party (uq_deadlines_case_party): a random subset of parties, each
# running (an instant with microseconds, to probe rounding) or waiting (None), in random row order.
_due = st.one_of(
    st.none(),
    st.integers(0, 20 * 86400 * 1_000_000).map(lambda us: BASE + timedelta(microseconds=us)),
)
_deadline_sets = st.lists(st.tuples(st.sampled_from(PARTIES), _due), unique_by=lambda t: t[0], max_size=3)


@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(clocks=_deadline_sets)
def test_list_row_and_case_row_always_show_the_same_clock(
    ctx: AppContext, clocks: list[tuple[str, datetime | None]]
) -> None:
    case_id = _one_case(ctx)
    with ctx.sessions.begin() as s:
        s.execute(delete(Deadline).where(Deadline.case_id == case_id))
        for party, due in clocks:
            view = _view(party, due)
            s.add(
                Deadline(
                    case_id=case_id,
                    party=party,
                    stage=view.stage,
                    starts_at=None,
                    due_at=due,
                    waiting_for=view.waiting_for,
                    auto_action=view.auto_action,
                    next_stage=view.next_stage,
                    rule_id=view.rule_id,
                    confidence=view.confidence,
                )
            )
    (row,) = CaseListQuery(ctx.data_dir / "sentinel.db").rows_for([case_id])
    (orm,) = [c for c in ctx.queries.list_cases() if c.id == case_id]
    nd = orm.next_deadline
    assert row.party == (nd.party if nd else None)
    assert row.rule_id == (nd.rule_id if nd else "")
    assert row.due == (int(nd.due_at.timestamp()) if nd and nd.due_at else None)
    assert row.party == _shown([_view(p, d) for p, d in clocks])


def _one_case(ctx: AppContext) -> int:
    existing = ctx.queries.list_cases()
    if existing:
        return existing[0].id
    return ctx.cases.add_case(_case("P1", ctx.clock.now() - timedelta(hours=1)))
