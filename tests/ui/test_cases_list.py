"""The list: default order, quick tabs with live counts, filter bar, bulk action, tick cost shape."""

from __future__ import annotations

from datetime import timedelta
from decimal import Decimal

from PySide6.QtCore import Qt

from app.bootstrap import AppContext
from app.models.enums import Action, CaseType, Platform
from app.services.cases.service import ActionRequest
from app.services.clock import FixedClock
from app.services.listing.urgency import QuickTab
from app.ui.cases import table_model as ctm
from app.ui.cases.bulk_dialog import BulkDialog
from app.ui.cases.table_model import TINTS, URGENCY_ROLE
from app.ui.shell.main_window import MainWindow
from tests.ui.helpers import COUNTDOWN, add_cases, cell, listed_ids, new_case

H = timedelta(hours=1)


def _sample(window: MainWindow, ctx: AppContext, clock: FixedClock) -> dict[str, int]:
    now = clock.now()
    ids = add_cases(
        window,
        ctx,
        # Kuaishou return_refund: merchant 48 h
        new_case("KS-LATER", now - 2 * H, product_title="保温杯"),  # 46 h left
        new_case("KS-SOON", now - 47.5 * H, buyer_nick="小鱼儿"),  # 30 min left
        new_case("TB-TODAY", now - 44 * H, platform=Platform.KUAISHOU),  # 4 h left (before midnight)
        new_case("DY-WAIT", now - 3 * H, platform=Platform.DOUYIN, case_type=CaseType.EXCHANGE),
    )
    named = dict(zip(["later", "soon", "today", "wait"], ids, strict=True))
    # the Douyin exchange goes to the buyer (approve → awaiting buyer's return, buyer's 7-day clock)
    ctx.cases.act(named["wait"], ActionRequest(Action.APPROVE))
    window.controller.load_all()
    return named


def test_default_order_tint_and_quick_tab_counts(
    window: MainWindow, ctx: AppContext, clock: FixedClock
) -> None:
    ids = _sample(window, ctx, clock)
    assert listed_ids(window) == [ids["soon"], ids["today"], ids["later"], ids["wait"]]
    proxy = window.cases.proxy
    row = proxy.row_of_case(ids["soon"])
    assert proxy.index(row, 0).data(URGENCY_ROLE) == 1  # within 1 h
    assert proxy.index(row, 3).data(Qt.ItemDataRole.BackgroundRole) == TINTS[1]
    assert proxy.counts() == {
        QuickTab.NEEDS_ME: 3,
        QuickTab.DUE_TODAY: 2,
        QuickTab.OVERDUE: 0,
        QuickTab.WAITING_BUYER: 1,
        QuickTab.ALL: 4,
    }
    assert window.cases.tabs.tabText(0) == "Needs me (3)"

    window.cases.select_tab(QuickTab.WAITING_BUYER)
    assert listed_ids(window) == [ids["wait"]]
    window.cases.select_tab(QuickTab.DUE_TODAY)
    assert listed_ids(window) == [ids["soon"], ids["today"]]

    # 45 minutes later the soon one is overdue: counts and the time-dependent tab follow on the tick
    clock.advance(timedelta(minutes=45))
    window.cases.tick()
    assert proxy.counts()[QuickTab.OVERDUE] == 1
    assert proxy.counts()[QuickTab.DUE_TODAY] == 1
    assert listed_ids(window) == [ids["today"]]
    assert window.cases.tabs.tabText(2) == "Overdue (1)"
    window.cases.select_tab(QuickTab.OVERDUE)
    assert listed_ids(window) == [ids["soon"]]
    assert cell(window, ids["soon"], COUNTDOWN) == "overdue 15 min"


def test_filter_bar_text_and_choices(window: MainWindow, ctx: AppContext, clock: FixedClock) -> None:
    ids = _sample(window, ctx, clock)
    bar = window.cases.filter_bar
    bar.search.setText("保温")
    bar.flush()
    assert listed_ids(window) == [ids["later"]]
    bar.search.setText("小鱼")
    bar.flush()
    assert listed_ids(window) == [ids["soon"]]
    assert window.cases.proxy.counts()[QuickTab.ALL] == 1
    bar.search.setText("o-ks-")  # order no., case-insensitive
    bar.flush()
    assert sorted(listed_ids(window)) == sorted([ids["later"], ids["soon"]])
    bar.reset()
    bar.platform.setCurrentIndex(bar.platform.findData("douyin"))
    assert listed_ids(window) == [ids["wait"]]
    bar.platform.setCurrentIndex(0)
    bar.stage.setCurrentIndex(bar.stage.findData("awaiting_merchant"))
    assert len(listed_ids(window)) == 3
    bar.reset()
    assert len(listed_ids(window)) == 4


def test_tick_repaints_only_the_countdown_of_visible_rows(
    window: MainWindow, ctx: AppContext, clock: FixedClock
) -> None:
    now = clock.now()
    add_cases(window, ctx, *(new_case(f"N-{i:03d}", now - timedelta(minutes=i)) for i in range(120)))
    window.cases.table.scrollToTop()
    changed: list[tuple[int, int, int, int]] = []
    window.cases.proxy.dataChanged.connect(
        lambda a, b, roles=(): changed.append((a.row(), a.column(), b.row(), b.column()))
    )
    clock.advance(timedelta(seconds=1))
    window.cases.tick()
    top, bottom = window.cases.visible_rows()
    assert 0 < bottom < 119
    # the platform's countdown and ours (a service target, a follow-up, a 回访), cell by cell
    own = ctm.COL_OWN
    assert changed == [
        c for r in range(top, bottom + 1) for c in ((r, COUNTDOWN, r, COUNTDOWN), (r, own, r, own))
    ]


def test_bulk_approve_reports_the_one_that_failed(
    window: MainWindow, ctx: AppContext, clock: FixedClock
) -> None:
    now = clock.now()
    ids = add_cases(
        window,
        ctx,
        *(
            new_case(f"B-{i}", now - H, case_type=CaseType.REFUND_ONLY, amount=Decimal("30.00"))
            for i in range(3)
        ),
    )
    ctx.cases.act(ids[1], ActionRequest(Action.REJECT, payload={"reason": "已与买家沟通"}))
    window.controller.load_all()
    table = window.cases.table
    table.selectAll()
    assert sorted(window.cases.selected_ids()) == sorted(ids)
    assert window.cases.bulk_button.isEnabled()
    window.cases.bulk_button.click()
    dialog = window.controller.active_dialog
    assert isinstance(dialog, BulkDialog)
    dialog.action.setCurrentIndex(dialog.action.findData("approve"))
    dialog.submit()
    result = window.controller.last_bulk
    assert sorted(result.done) == sorted([ids[0], ids[2]])
    assert [f.case_id for f in result.failed] == [ids[1]]
    assert "not allowed" in result.failed[0].message
    report = window.controller.active_dialog
    assert "2 done, 1 not done." in report.text() and "B-1" in report.informativeText()
    assert cell(window, ids[0], 2) == "Refunded"
    assert cell(window, ids[1], 2) == "Rejected by merchant"
