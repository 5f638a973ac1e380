"""The lean list query agrees with the ORM read side; filters, tabs and counts on list rows."""

from __future__ import annotations

from datetime import timedelta
from decimal import Decimal

from sqlalchemy import update

from app.bootstrap import AppContext
from app.models.entities import Case, Deadline
from app.models.enums import Action, CaseType, Platform, Reason
from app.services.cases.service import ActionRequest, NewCase
from app.services.clock import BEIJING, FixedClock
from app.services.listing.case_list import CaseListQuery
from app.services.listing.filter import (
    ListFilter,
    RowIndex,
    TabCounter,
    apply_filter,
    apply_tab,
    prepare_list,
)
from app.services.listing.urgency import QuickTab, Urgency, end_of_day, urgency

H = timedelta(hours=1)


def _case(no: str, at, platform=Platform.KUAISHOU, case_type=CaseType.RETURN_REFUND, **kw) -> NewCase:  # type: ignore[no-untyped-def]
    return NewCase(platform, case_type, Reason.QUALITY, f"O{no}", no, Decimal("10.00"), at, **kw)


def _world(ctx: AppContext, clock: FixedClock) -> dict[str, int]:
    now = clock.now()
    ids = {
        "soon": ctx.cases.add_case(_case("A1", now - 47 * H, buyer_nick="Momo", shop="暖暖")),
        "later": ctx.cases.add_case(_case("A2", now - 2 * H, product_title="保温杯")),
        "ship": ctx.cases.add_case(_case("A3", now - 5 * H, platform=Platform.DOUYIN)),
        "done": ctx.cases.add_case(_case("A4", now - 3 * H, case_type=CaseType.REFUND_ONLY)),
    }
    ctx.cases.act(ids["ship"], ActionRequest(Action.APPROVE, at=now - 4 * H))
    ctx.cases.act(ids["ship"], ActionRequest(Action.BUYER_SHIP, at=now - 3 * H, payload={"tracking": "SF9"}))
    ctx.cases.act(ids["done"], ActionRequest(Action.APPROVE))
    return ids


def test_list_rows_match_the_orm_rows(ctx: AppContext, clock: FixedClock) -> None:
    ids = _world(ctx, clock)
    rows = {r.id: r for r in CaseListQuery(ctx.data_dir / "sentinel.db").all_rows()}
    for orm in ctx.queries.list_cases():
        row = rows[orm.id]
        nd = orm.next_deadline
        assert (row.aftersale_no, row.stage, row.shop) == (orm.aftersale_no, orm.stage, orm.shop)
        assert row.amount_fen == int(orm.amount * 100)
        assert row.requested_at == int(orm.requested_at.timestamp())
        if nd is None:
            assert row.party is None and row.due is None
        else:
            assert (row.party, row.auto_action, row.rule_id, row.waiting_for) == (
                nd.party,
                nd.auto_action,
                nd.rule_id,
                nd.waiting_for,
            )
            assert row.due == (int(nd.due_at.timestamp()) if nd.due_at else None)
    # Douyin's receipt clock waits for the return to be signed for
    assert rows[ids["ship"]].waiting_for == "return_delivered" and rows[ids["ship"]].due is None
    assert rows[ids["ship"]].tracking == "SF9"


def test_first_screen_is_the_head_of_the_default_order(ctx: AppContext, clock: FixedClock) -> None:
    _world(ctx, clock)
    query = CaseListQuery(ctx.data_dir / "sentinel.db")
    prepared = prepare_list(query.all_rows())
    head = [prepared.rows[i].id for i in prepared.order]
    assert [r.id for r in query.first_screen(2)] == head[:2]


def test_filters_tabs_and_counts(ctx: AppContext, clock: FixedClock) -> None:
    ids = _world(ctx, clock)
    p = prepare_list(CaseListQuery(ctx.data_dir / "sentinel.db").all_rows())
    now = int(clock.now().timestamp())
    day_end = end_of_day(clock.now(), BEIJING)

    def listed(f: ListFilter, tab: QuickTab = QuickTab.ALL) -> list[int]:
        kept = apply_filter(p.rows, p.order, p.rank, f, p.index)
        return [p.rows[i].id for i in apply_tab(p.rows, kept, tab, p.index, now, day_end)]

    assert listed(ListFilter()) == [ids["soon"], ids["later"], ids["ship"], ids["done"]]
    assert listed(ListFilter(text="momo")) == [ids["soon"]]
    assert listed(ListFilter(text="杯")) == [ids["later"]]
    assert listed(ListFilter(text="sf9")) == [ids["ship"]]
    assert listed(ListFilter(text="oa momo")) == [ids["soon"]]  # every word must match
    assert listed(ListFilter(platform="douyin")) == [ids["ship"]]
    assert listed(ListFilter(shop="暖暖")) == [ids["soon"]]
    assert listed(ListFilter(stage="refunded")) == [ids["done"]]
    assert listed(ListFilter(requested_from=now - 4 * 3600)) == [ids["later"], ids["done"]]
    assert listed(ListFilter(), QuickTab.NEEDS_ME) == [ids["soon"], ids["later"]]
    assert listed(ListFilter(), QuickTab.WAITING_BUYER) == [ids["ship"]]  # waiting for the parcel
    assert listed(ListFilter(), QuickTab.DUE_TODAY) == [ids["soon"]]
    chosen = frozenset({ids["done"], ids["soon"]})  # e.g. the cases an import just wrote
    assert listed(ListFilter(ids=chosen)) == [ids["soon"], ids["done"]]  # still in list order
    assert listed(ListFilter(ids=chosen, text="momo")) == [ids["soon"]]
    assert listed(ListFilter(ids=frozenset())) == []
    assert not ListFilter(ids=chosen).is_empty

    counter = TabCounter(p.order, p.index)
    assert counter.counts(now, day_end)[QuickTab.OVERDUE] == 0
    assert counter.counts(now + 2 * 3600, day_end)[QuickTab.OVERDUE] == 1
    assert counter.next_merchant_due(now) == now + 3600


def test_row_index_follows_updates(ctx: AppContext, clock: FixedClock) -> None:
    ids = _world(ctx, clock)
    query = CaseListQuery(ctx.data_dir / "sentinel.db")
    rows = query.all_rows()
    index = RowIndex(rows)
    assert len(index.text_matches("momo")) == 1
    pos = next(i for i, r in enumerate(rows) if r.id == ids["later"])
    ctx.cases.act(ids["later"], ActionRequest(Action.NOTE, payload={"text": "x"}))
    (fresh,) = query.rows_for([ids["later"]])
    index.set(pos, fresh._replace(buyer="momo two"))
    assert len(index.text_matches("momo")) == 2
    assert len(index.text_matches("o")) == len(rows)  # the dense path agrees


def test_urgency_buckets() -> None:
    assert urgency("merchant", 100, 200) is Urgency.OVERDUE
    assert urgency("buyer", 100, 200) is Urgency.OVERDUE
    assert urgency("merchant", 200 + 3599, 200) is Urgency.WITHIN_1H
    assert urgency("merchant", 200 + 5 * 3600, 200) is Urgency.WITHIN_6H
    assert urgency("merchant", 200 + 23 * 3600, 200) is Urgency.WITHIN_24H
    assert urgency("merchant", 200 + 25 * 3600, 200) is Urgency.NONE
    assert urgency("buyer", 200 + 60, 200) is Urgency.NONE  # only our own clock tints before it lapses
    assert urgency("merchant", None, 200) is Urgency.NONE


def test_list_seconds_are_the_orms_seconds_for_any_fraction(ctx: AppContext, clock: FixedClock) -> None:
    # SQLite's strftime('%s') rounds '…:14.9995' to :15; the ORM side (and the countdown) says :14.
    case_id = ctx.cases.add_case(_case("F1", clock.now() - 2 * H))
    late_in_second = clock.now().replace(microsecond=999_500)
    with ctx.sessions.begin() as s:
        s.execute(update(Case).where(Case.id == case_id).values(requested_at=late_in_second - 2 * H))
        s.execute(update(Deadline).where(Deadline.case_id == case_id).values(due_at=late_in_second))
    (row,) = CaseListQuery(ctx.data_dir / "sentinel.db").rows_for([case_id])
    (orm,) = ctx.queries.list_cases()
    assert orm.next_deadline is not None and orm.next_deadline.due_at is not None
    assert row.due == int(orm.next_deadline.due_at.timestamp())
    assert row.requested_at == int(orm.requested_at.timestamp())
    assert [r.due for r in CaseListQuery(ctx.data_dir / "sentinel.db").first_screen(5)] == [row.due]
