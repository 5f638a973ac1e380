"""Metrics on hand-built case sets; every expected value is worked out by hand in the comments."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

from app.bootstrap import AppContext
from app.models.enums import Action, Actor, CaseType, Reason
from app.services.cases.service import InvalidInput
from app.services.clock import FixedClock
from app.services.reports.case_figures import duration_stats
from app.services.reports.metric_defs import DEF, DEFINITIONS, LEDGER_KEYS
from app.services.reports.metrics import MetricsService, Period, parse_period, period_preset
from app.services.reports.order_counts import OrderCountService, parse_month
from tests.services.report_fixtures import act, add, bj, november_set

NOV = Period(date(2026, 11, 1), date(2026, 11, 30))
OCT = Period(date(2026, 10, 1), date(2026, 10, 31))


@pytest.fixture
def orders(ctx: AppContext) -> OrderCountService:
    return OrderCountService(ctx.sessions, ctx.clock)


@pytest.fixture
def metrics(ctx: AppContext, orders: OrderCountService) -> MetricsService:
    return MetricsService(ctx.sessions, ctx.clock, orders)


def test_every_definition_is_complete_and_unique() -> None:
    assert len({d.key for d in DEFINITIONS}) == len(DEFINITIONS)
    for d in DEFINITIONS:
        assert d.zh and d.en and d.formula_zh and d.formula_en and d.source, d.key
    assert "net_cost" in LEDGER_KEYS and "refund_rate" not in LEDGER_KEYS


def test_freight_rule_partial_refund_and_compensation(ctx, clock, metrics) -> None:
    november_set(ctx, clock)
    r = metrics.compute(NOV)
    assert r.cases_in_report == 6
    assert r.total("cases_new") == 6
    # refunds: c1 80 (partial of 100), c2 60, c3 70, c5 40
    assert r.total("refunds") == 4
    assert r.total("refund_amount") == Decimal("250.00")
    # merchant freight: c1 12 (quality → merchant by rule) + c3 8 (recorded) + c4 6 (reship leg);
    # c2 10 is the buyer's (no-reason), c6 9 is unspecified (logistics)
    assert r.total("freight_return_merchant") == Decimal("20.00")
    assert r.total("freight_outbound_merchant") == Decimal("6.00")
    assert r.total("freight_merchant") == Decimal("26.00")
    assert r.total("compensation") == Decimal("5.00")
    # only c5 (refund-only) lost its goods; c1-c3 were confirmed received
    assert r.total("goods_not_recovered") == Decimal("40.00")
    assert r.total("net_cost") == Decimal("71.00")  # 40 + 26 + 5
    # met: approve+confirm on c1, c2, c3 (6), ship within 24 h on c4 (kuaishou reship has no approve clock),
    # approve on c5, approve on c6 → 9; nothing lapsed
    assert r.total("deadlines_met") == 9
    assert r.total("deadlines_lapsed") == 0
    assert r.rates["on_time_rate"].value == 1
    assert r.total("quality_applications") == 1  # c1
    assert r.total("merchant_fault_refunds") == 1  # c1 (c4 missing item was reshipped, not refunded)
    assert r.by["stage_end"]["refunded"]["cases_in_report"] == 4
    assert r.by["reason"]["no_reason"]["refund_amount"] == Decimal("130.00")


def test_money_breakdowns_add_up_to_the_totals(ctx, clock, metrics) -> None:
    november_set(ctx, clock)
    r = metrics.compute(NOV)
    for dim, buckets in r.by.items():
        for key in ("refund_amount", "net_cost", "freight_merchant", "cases_new"):
            assert sum((b.get(key, Decimal(0)) for b in buckets.values()), Decimal(0)) == r.total(key), (
                dim,
                key,
            )
    nov = dict((m, v) for m, v, _ in r.monthly)["2026-11"]
    assert all(nov[k] == r.total(k) for k in LEDGER_KEYS)


def test_cases_spanning_the_period_boundary(ctx, clock, metrics) -> None:
    clock.set(bj(10, 20))
    b3 = add(ctx, "B3", CaseType.RETURN_REFUND, Reason.QUALITY, "100.00", bj(10, 10))
    act(ctx, b3, Action.APPROVE, bj(10, 10, 12))
    act(ctx, b3, Action.BUYER_SHIP, bj(10, 11), Actor.BUYER, tracking="T3")
    act(ctx, b3, Action.CONFIRM_RECEIPT, bj(10, 12))
    clock.set(bj(11, 5))
    b1 = add(ctx, "B1", CaseType.REFUND_ONLY, Reason.QUALITY, "50.00", bj(10, 31, 20))
    act(ctx, b1, Action.APPROVE, bj(11, 1, 10), amount="20.00")  # partial refund, in November
    add(ctx, "B2", CaseType.REFUND_ONLY, Reason.NO_REASON, "35.00", bj(10, 30, 9))
    applied = ctx.cases.tick()  # kuaishou refund-only: 48 h → auto_refund at 11-01 09:00
    assert [a.auto_action.value for a in applied] == ["auto_refund"]

    october = metrics.compute(OCT)
    assert october.cases_in_report == 3
    assert october.total("cases_new") == 3
    assert october.total("refunds") == 1  # b3 only
    assert october.total("refund_amount") == Decimal("100.00")
    assert october.total("auto_actions") == 0
    stages = {k: v["cases_in_report"] for k, v in october.by["stage_end"].items()}
    assert stages == {"awaiting_merchant": 2, "refunded": 1}

    november = metrics.compute(NOV)
    assert november.cases_in_report == 2  # b3 closed in October and had no event since
    assert november.total("cases_new") == 0
    assert november.total("refunds") == 2
    assert november.total("refund_amount") == Decimal("55.00")  # 20 partial + 35 auto
    assert november.total("goods_not_recovered") == Decimal("55.00")
    assert november.total("auto_actions") == 1
    assert november.total("auto_amount") == Decimal("35.00")
    assert november.total("deadlines_met") == 1 and november.total("deadlines_lapsed") == 1
    assert november.rates["on_time_rate"].value == Decimal("0.5")
    assert november.rates["intervention_rate"].value is None  # no new cases: n/a, not 0/0


def test_dispute_refund_and_intervention(ctx, clock, metrics, orders) -> None:
    clock.set(bj(11, 20))
    c = add(ctx, "D1", CaseType.REFUND_ONLY, Reason.QUALITY, "25.00", bj(11, 3))
    add(ctx, "D2", CaseType.REFUND_ONLY, Reason.QUALITY, "15.00", bj(11, 4))
    act(ctx, c, Action.REJECT, bj(11, 3, 12), reason="已发货")
    act(ctx, c, Action.ESCALATE, bj(11, 4), Actor.BUYER)
    act(ctx, c, Action.PLATFORM_RULING, bj(11, 6), Actor.PLATFORM, ruling="for_buyer")
    orders.set(orders.resolve_shop("S1"), "2026-11", 50)
    r = metrics.compute(NOV)
    assert r.total("dispute_refunds") == 1
    assert r.total("escalated_new") == 1
    assert r.rates["intervention_rate"].value == Decimal("0.5")  # 1 of 2 new cases
    assert r.rates["dispute_refund_rate"].value == Decimal("0.02")  # 1 / 50
    assert r.rates["refund_rate"].text("en") == "2.00%"


def test_rates_without_order_counts_say_so(ctx, clock, metrics) -> None:
    november_set(ctx, clock)
    r = metrics.compute(NOV)
    rate = r.rates["refund_rate"]
    assert rate.value is None
    assert rate.text("en") == "n/a — enter order counts"
    assert rate.missing_detail == ("S1 2026-11",)


def test_zero_order_count_is_not_divided_by(ctx, clock, metrics, orders) -> None:
    november_set(ctx, clock)
    orders.set(orders.resolve_shop("S1"), "2026-11", 0)
    r = metrics.compute(NOV)
    for key in ("refund_rate", "dispute_refund_rate", "quality_refund_rate", "merchant_fault_refund_rate"):
        assert r.rates[key].value is None
        # the count was entered (as 0): nothing to divide by, not "enter order counts"
        assert r.rates[key].text("en") == "n/a — nothing to divide by"


def test_rates_with_order_counts_per_shop_and_month(ctx, clock, metrics, orders) -> None:
    november_set(ctx, clock)
    add(ctx, "X1", CaseType.REFUND_ONLY, Reason.QUALITY, "10.00", bj(11, 20), shop="S2")
    s1, s2 = orders.resolve_shop("S1"), orders.resolve_shop("S2")
    orders.set(s1, "2026-11", 200)
    r = metrics.compute(NOV)
    assert r.rates["refund_rate"].value is None  # S2 has cases but no count
    assert r.rates["refund_rate"].missing_detail == ("S2 2026-11",)
    by_shop = dict(r.shop_rates)
    assert by_shop["S1"]["refund_rate"].value == Decimal("0.02")  # 4 / 200
    orders.set(s2, "2026-11", 50)
    r = metrics.compute(NOV)
    assert r.rates["refund_rate"].value == Decimal(4) / Decimal(250)
    assert r.rates["quality_refund_rate"].value == Decimal(2) / Decimal(250)  # c1 + X1
    only_s1 = metrics.compute(NOV, (s1,))
    assert only_s1.cases_in_report == 6
    assert only_s1.rates["refund_rate"].value == Decimal("0.02")
    # a two-month period needs both months entered
    two = metrics.compute(Period(date(2026, 10, 1), date(2026, 11, 30)), (s1,))
    assert two.rates["refund_rate"].missing_detail == ("S1 2026-10",)
    monthly = {m: rates for m, _, rates in two.monthly}
    assert monthly["2026-11"]["refund_rate"].value == Decimal("0.02")
    assert monthly["2026-10"]["refund_rate"].value is None


def test_top_skus_and_repeat_buyers(ctx, clock, metrics) -> None:
    clock.set(bj(11, 30))
    for i, reason in enumerate((Reason.QUALITY, Reason.QUALITY, Reason.DAMAGED)):
        add(
            ctx,
            f"K{i}",
            CaseType.RETURN_REFUND,
            reason,
            "10.00",
            bj(11, 3 + i),
            sku="CUP-1",
            buyer_nick="阿杰",
        )
    add(ctx, "K9", CaseType.REFUND_ONLY, Reason.NO_REASON, "5.00", bj(11, 9), sku="BELT", buyer_nick="晴天")
    r = metrics.compute(NOV)
    top = r.top_skus[0]
    assert (top.sku, top.cases, top.returns, top.reasons) == ("CUP-1", 3, 3, {"quality": 2, "damaged": 1})
    assert [(b.buyer, b.cases) for b in r.repeat_buyers] == [("阿杰", 3)]


def test_first_response_and_resolution_times(ctx, clock, metrics) -> None:
    november_set(ctx, clock)
    r = metrics.compute(NOV)
    first = r.durations[("first_response_hours", "all")]
    # c1 2 h, c2 1 h, c3 1 h, c4 1 h, c5 2 h, c6 1 h
    assert (first.count, first.median, first.p90) == (6, 1.0, 2.0)
    assert first.mean == pytest.approx(8 / 6)
    # 平均退款时长 splits before/after receipt of the return (platform-rules.md), not shipping
    refund = r.durations[("refund_hours", "before_receipt")]  # c5, refund-only: 2 h
    assert (refund.count, refund.mean) == (1, 2.0)
    after = r.durations[("refund_hours", "after_receipt")]  # c1 74 h, c2 72 h, c3 72 h: confirm_receipt
    assert (after.count, after.mean) == (3, pytest.approx(218 / 3))
    assert ("refund_hours", "unshipped") not in r.durations
    assert r.durations[("resolution_hours", "shipped")].count == 4  # c1, c2, c3, c4


def test_duration_stats_nearest_rank() -> None:
    s = duration_stats([float(x) for x in range(10, 0, -1)])
    assert (s.count, s.mean, s.median, s.p90) == (10, 5.5, 5.5, 9.0)
    assert duration_stats([]).count == 0


def test_period_parsing_and_presets(clock: FixedClock) -> None:
    p = parse_period("2026-11-01", "2026-11-30")
    assert p.start.isoformat() == "2026-10-31T16:00:00+00:00"
    assert p.end.isoformat() == "2026-11-30T16:00:00+00:00"
    assert p.months() == ["2026-11"]
    with pytest.raises(InvalidInput, match="not a date"):
        parse_period("2026-11-31", "2026-12-01")
    with pytest.raises(InvalidInput, match="starts after"):
        parse_period("2026-12-02", "2026-12-01")
    now = clock.now()  # 2026-11-02 Beijing
    assert period_preset("this_month", now) == Period(date(2026, 11, 1), date(2026, 11, 30))
    assert period_preset("last_month", now) == Period(date(2026, 10, 1), date(2026, 10, 31))
    assert period_preset("this_quarter", now) == Period(date(2026, 10, 1), date(2026, 12, 31))
    assert period_preset("last_month", bj(1, 15, year=2027)) == Period(date(2026, 12, 1), date(2026, 12, 31))
    assert Period(date(2026, 11, 15), date(2027, 2, 3)).months() == [
        "2026-11",
        "2026-12",
        "2027-01",
        "2027-02",
    ]


def test_order_counts_set_list_and_errors(ctx, orders) -> None:
    with pytest.raises(InvalidInput, match="add --platform"):
        orders.resolve_shop("新店", create=True)
    shop = orders.resolve_shop("新店", "douyin", create=True)
    orders.set(shop, "2026-11", 10)
    orders.set(shop, "2026-11", 12)  # overwrites
    assert [(r.shop.name, r.month, r.paid_orders) for r in orders.list()] == [("新店", "2026-11", 12)]
    with pytest.raises(InvalidInput, match="not a month"):
        parse_month("2026-13")
    with pytest.raises(InvalidInput, match="negative"):
        orders.set(shop, "2026-11", -1)
    assert DEF["refund_rate"].zh == "退款率"
