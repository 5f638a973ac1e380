"""Dashboard and rules screens, driven through the real window."""

from __future__ import annotations

from datetime import timedelta
from decimal import Decimal

from PySide6.QtCore import Qt

from app.bootstrap import AppContext
from app.models.enums import Action, CaseType, Platform
from app.services.cases.service import ActionRequest
from app.services.clock import BEIJING, FixedClock
from app.services.reports.dashboard import DashboardService
from app.ui.common.changes import ChangeSet
from app.ui.dashboard.view import DashboardView, UpcomingTableModel
from app.ui.rules.view import COL_DURATION, RulesTableModel, RulesView
from app.ui.shell.main_window import MainWindow
from tests.ui.helpers import add_cases, cell, new_case


def test_dashboard_cards_list_and_charts(window: MainWindow, ctx: AppContext, clock: FixedClock) -> None:
    now = clock.now()
    ids = add_cases(
        window,
        ctx,
        new_case("D-1", now - timedelta(hours=40)),  # merchant clock due in 8 h
        new_case("D-2", now - timedelta(hours=50)),  # overdue by 2 h
        new_case("D-3", now - timedelta(hours=1), case_type=CaseType.REFUND_ONLY, amount=Decimal("45.50")),
    )
    ctx.cases.act(ids[2], ActionRequest(Action.APPROVE))  # refunded now: counts in this month's refunds
    window.show_screen("dashboard")
    dash = window.screen_widget("dashboard")
    assert isinstance(dash, DashboardView)
    f = dash.figures
    assert f is not None
    assert dash.cards["open"].value.text() == "2"
    assert dash.cards["due24"].value.text() == "1"
    assert dash.cards["overdue"].value.text() == "1"
    assert dash.cards["refunds"].value.text() == "¥45.50"
    assert dash.upcoming_model.rowCount() == 1
    assert dash.upcoming_model.index(0, 3).data() == "D-1"
    assert dash.upcoming_model.index(0, 1).data() == "08:00:00"
    assert dict(f.by_reason_month) == {"quality": 1}  # D-1 and D-2 were requested in October
    assert sum(d.new for d in f.new_vs_closed) == 3 and sum(d.closed for d in f.new_vs_closed) == 1
    assert len(dash.reason_chart.chart().series()) == 1 and len(dash.daily_chart.chart().series()) == 2
    # this month's handler figures beside the next deadlines (the report's 处理人 sheet so far)
    assert dash.handlers_model.index(0, 0).data() == "All handlers"
    assert dash.handlers_model.index(0, 3).data() == "100% (1/1)"  # D-3 answered at once

    # a write elsewhere refreshes the visible dashboard through the change set
    ctx.cases.tick()  # the overdue clock of D-2 fires: auto-approve against us
    window.changes.publish(ChangeSet.cases([ids[1]]))
    assert dash.cards["autos"].value.text() == "1"

    # double-click in the next-24-h list opens the case
    dash.openCase.emit(ids[0])
    assert window.current_screen() == "cases" and window.controller.detail.case_id == ids[0]


def test_upcoming_model_passes_the_model_tester(qtmodeltester, ctx: AppContext, clock: FixedClock) -> None:  # type: ignore[no-untyped-def]
    ctx.cases.add_case(new_case("U-1", clock.now() - timedelta(hours=30)))
    f = DashboardService(ctx.sessions, clock, BEIJING).figures()
    model = UpcomingTableModel()
    model.set_rows(list(f.next_24h), int(clock.now().timestamp()))
    qtmodeltester.check(model)


def test_rules_screen_edits_a_duration_for_new_cases_only(
    window: MainWindow, ctx: AppContext, clock: FixedClock, qtmodeltester
) -> None:  # type: ignore[no-untyped-def]
    (old_case,) = add_cases(window, ctx, new_case("OLD-1", clock.now()))
    window.show_screen("rules")
    rules = window.screen_widget("rules")
    assert isinstance(rules, RulesView)
    qtmodeltester.check(rules.model)
    rules.platform.setCurrentIndex(rules.platform.findData("kuaishou"))
    model: RulesTableModel = rules.model
    row = next(
        i for i, r in enumerate(model.preset.rules) if r.id == "kuaishou.return_refund.awaiting_merchant"
    )
    index = model.index(row, COL_DURATION)
    assert index.data() == "48 h"

    assert not model.setData(index, "two days")
    assert "not a duration" in rules.message.text()
    assert model.setData(index, "72h")
    assert model.index(row, COL_DURATION).data() == "72 h"
    assert "New cases use it" in rules.message.text()
    assert rules.reset_button.isEnabled()
    assert (ctx.data_dir / "rules" / "kuaishou.toml").exists()

    new_id = ctx.cases.add_case(new_case("NEW-1", clock.now()))
    window.controller.load_all()
    assert cell(window, new_id, 0) == "3d 00:00:00"
    assert cell(window, old_case, 0) == "2d 00:00:00"  # the open case keeps its rules

    rules.ask_reset()
    rules.active_dialog.button(rules.active_dialog.StandardButton.Yes).click()
    assert model.index(row, COL_DURATION).data() == "48 h"
    assert not (ctx.data_dir / "rules" / "kuaishou.toml").exists()
    assert not rules.reset_button.isEnabled()
    assert Platform.KUAISHOU.value == rules.current_platform().value
    assert model.flags(index) & Qt.ItemFlag.ItemIsEditable


def test_reports_screen_in_the_window_and_paid_orders(
    window: MainWindow, ctx: AppContext, clock: FixedClock, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    """The Reports screen is reachable from the navigation; its preview waits until shown and
    the paid-orders dialog fills the denominator the refund rate needs."""
    from app.services.reports.order_counts import OrderCountService
    from app.ui.reports.order_counts_dialog import OrderCountModel, OrderCountsDialog, shop_text
    from app.ui.reports.view import ReportsView

    now = clock.now()
    import dataclasses

    case = new_case("R-1", now - timedelta(hours=1), case_type=CaseType.REFUND_ONLY)
    ids = add_cases(window, ctx, dataclasses.replace(case, shop="暖暖家居"))
    ctx.cases.act(ids[0], ActionRequest(Action.APPROVE))
    reports = window.screen_widget("reports")
    assert isinstance(reports, ReportsView)
    assert all(label.text() == "…" for label in reports.values.values())  # nothing computed yet
    window.show_screen("reports")
    reports.preset.setCurrentIndex(reports.preset.findData("this_month"))
    assert reports.values["cases_in_report"].text() == "1"
    assert "n/a" in reports.values["refund_rate"].text()

    counts = OrderCountService(ctx.sessions, clock)
    shop = counts.resolve_shop("暖暖家居", "kuaishou")
    dialog = OrderCountsDialog(counts, window.tasks, clock, window)
    dialog.reload()
    dialog.shop.setCurrentIndex(dialog.shop.findText(shop_text(shop)))
    dialog.month.setDate(dialog.month.date().addMonths(1))  # this month (it opens on last month)
    dialog.count.setValue(50)
    dialog.saved.connect(reports.mark_stale)
    dialog.save()
    assert dialog.model.rowCount() == 1 and dialog.model.index(0, OrderCountModel.COL_COUNT).data() == "50"
    assert "n/a" not in reports.values["refund_rate"].text()
    dialog.close()


def test_order_count_model_passes_the_model_tester(qtmodeltester, ctx: AppContext, clock: FixedClock) -> None:  # type: ignore[no-untyped-def]
    from app.services.reports.order_counts import OrderCountService
    from app.ui.reports.order_counts_dialog import OrderCountModel

    counts = OrderCountService(ctx.sessions, clock)
    counts.set(counts.resolve_shop("A", "taobao", create=True), "2026-10", 12)
    model = OrderCountModel()
    model.set_rows(counts.list())
    qtmodeltester.check(model)
