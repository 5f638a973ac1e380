"""The smaller things a merchant notices in the first minutes (issue 15, item 11)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import timedelta

from pytestqt.qtbot import QtBot

from PySide6.QtCore import QDate, Qt

from app.bootstrap import AppContext
from app.models.enums import Stage
from app.services.clock import FixedClock
from app.services.listing.filter import ListFilter
from app.services.text.labels import AUTO_ZH
from app.ui.cases import table_model as ctm
from app.ui.cases.dialogs import NewCaseDialog
from app.ui.common import vocab
from app.ui.reports.view import ReportsView
from app.ui.shell.main_window import MainWindow
from tests.ui.helpers import add_cases, new_case


def test_the_next_deadline_in_the_status_bar_does_not_follow_the_filter(
    window: MainWindow, ctx: AppContext, clock: FixedClock
) -> None:
    add_cases(window, ctx, new_case("N-1", clock.now() - timedelta(hours=40)))  # kuaishou, 8 h left
    window.cases.proxy.set_filter(ListFilter(platform="jd"))  # a filter that hides it
    assert window.cases.proxy.rowCount() == 0
    window._show_next_deadline(int(clock.now().timestamp()))
    assert window.next_label.text().startswith("Next merchant deadline")


def test_a_reversed_period_says_so_clears_the_figures_and_cannot_be_exported(window: MainWindow) -> None:
    window.show_screen("reports")
    reports = window.screen_widget("reports")
    assert isinstance(reports, ReportsView)
    assert reports.values["cases_in_report"].text() == "0" and reports.export_button.isEnabled()
    reports.preset.setCurrentIndex(reports.preset.findData("custom"))
    reports.date_from.setDate(QDate(2026, 10, 31))
    reports.date_to.setDate(QDate(2026, 10, 1))
    assert "starts after it ends" in reports.status.text() and "“From”" in reports.status.text()
    assert all(label.text() == "—" for label in reports.values.values())
    assert not reports.export_button.isEnabled()
    reports.date_from.setDate(QDate(2026, 10, 1))
    assert reports.export_button.isEnabled() and reports.status.text() == ""
    assert reports.values["cases_in_report"].text() == "0"


def test_a_corrected_amount_clears_its_red_error(qtbot: QtBot, clock: FixedClock) -> None:
    dialog = NewCaseDialog(clock.now(), [], my_platforms=["kuaishou"])
    qtbot.addWidget(dialog)
    dialog.aftersale_no.setText("A-1")
    dialog.order_no.setText("O-1")
    dialog.amount.setText("12,3.4x")
    dialog.submit()
    label = dialog.field_errors["amount"]
    assert "Not an amount" in label.text() and label.isVisibleTo(dialog)
    dialog.amount.clear()
    qtbot.keyClicks(dialog.amount, "12.30")
    assert label.text() == "" and not label.isVisibleTo(dialog)


def test_the_delete_question_names_the_case(window: MainWindow, ctx: AppContext, clock: FixedClock) -> None:
    [cid] = add_cases(window, ctx, new_case("DEL-7", clock.now() - timedelta(hours=1), product_title="保温杯"))
    window.cases.select_case(cid)
    window.controller.delete_selected()
    box = window.controller.active_dialog
    assert box is not None and box.objectName() == "confirmDelete"
    assert "DEL-7" in box.text() and "保温杯" in box.text() and "Kuaishou" in box.text()  # type: ignore[attr-defined]
    box.reject()


def test_sorting_by_stage_follows_the_workflow(window: MainWindow, ctx: AppContext, clock: FixedClock) -> None:
    from app.models.enums import Action
    from app.services.cases.service import ActionRequest

    now = clock.now()
    ids = add_cases(
        window,
        ctx,
        new_case("S-1", now - timedelta(hours=3)),
        new_case("S-2", now - timedelta(hours=2)),
        new_case("S-3", now - timedelta(hours=1)),
    )
    ctx.cases.act(ids[0], ActionRequest(Action.REJECT, payload={"reason": "x"}))  # rejected
    ctx.cases.act(ids[1], ActionRequest(Action.APPROVE))  # awaiting the buyer's return
    window.controller.load_all()
    window.cases.proxy.sort(ctm.COL_STAGE, Qt.SortOrder.AscendingOrder)
    proxy = window.cases.proxy
    stages = [proxy.list_row(r).stage for r in range(proxy.rowCount())]
    order = list(Stage)
    assert stages == sorted(stages, key=lambda s: order.index(Stage(s)))
    assert stages[0] == Stage.AWAITING_MERCHANT.value and stages[-1] == Stage.REJECTED.value


def test_chinese_labels_use_full_width_brackets(use_language: Callable[[str], None]) -> None:
    use_language("zh_CN")
    assert AUTO_ZH["penalty"] == "判罚（延迟发货）"
    assert vocab.label(vocab.auto_actions(), "penalty") == "判罚（延迟发货）"
