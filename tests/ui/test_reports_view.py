"""The Reports screen with an inline TaskRunner: presets, preview, export with progress, open folder."""

from __future__ import annotations

from datetime import date

import pytest

from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QDesktopServices

from app.models.enums import CaseType, Reason
from app.services.reports.metrics import MetricsService, Period
from app.services.reports.order_counts import OrderCountService
from app.services.reports.workbook import ReportService
from app.ui.common.tasks import TaskRunner
from app.ui.reports.view import ReportsView
from tests.services.report_fixtures import add, bj, november_set


@pytest.fixture
def view(qtbot, ctx, clock):
    november_set(ctx, clock)  # leaves the clock at 2026-12-01: "last month" is November
    add(ctx, "S2-1", CaseType.REFUND_ONLY, Reason.QUALITY, "10.00", bj(11, 20), shop="S2")
    orders = OrderCountService(ctx.sessions, ctx.clock)
    reports = ReportService(MetricsService(ctx.sessions, ctx.clock, orders), ctx.clock, "test")
    runner = TaskRunner(inline=True)
    w = ReportsView(reports, runner, ctx.clock)
    qtbot.addWidget(w)
    return w


def test_presets_fill_the_dates(view) -> None:
    assert view.period() == Period(date(2026, 11, 1), date(2026, 11, 30))
    view.preset.setCurrentIndex(view.preset.findData("this_quarter"))
    assert view.period() == Period(date(2026, 10, 1), date(2026, 12, 31))
    assert not view.date_from.isEnabled()
    view.preset.setCurrentIndex(view.preset.findData("custom"))
    assert view.date_from.isEnabled()


def test_preview_shows_key_figures_for_the_ticked_shops(view) -> None:
    assert view.values["cases_in_report"].text() == "7"
    assert view.values["refund_amount"].text() == "¥250.00"
    assert view.values["net_cost"].text() == "¥71.00"
    assert view.values["refund_rate"].text() == "无法计算：请先录入订单数"
    s2 = next(
        view.shop_list.item(i)
        for i in range(view.shop_list.count())
        if view.shop_list.item(i).text().startswith("S2")
    )
    s2.setCheckState(Qt.CheckState.Unchecked)
    assert [s.name for s in view.selected_shops()] == ["S1"]
    assert view.values["cases_in_report"].text() == "6"


def test_export_shows_progress_and_opens_the_folder(view, tmp_path, monkeypatch) -> None:
    target = tmp_path / "out" / "november.xlsx"
    target.parent.mkdir()
    monkeypatch.setattr(view, "_ask_path", lambda suggested: target)
    opened: list[QUrl] = []
    monkeypatch.setattr(QDesktopServices, "openUrl", lambda url: opened.append(url) or True)
    view.export_button.click()
    assert target.exists()
    assert view.progress.value() == view.progress.maximum()
    assert not view.open_folder.isHidden()
    assert "november.xlsx" in view.status.text()
    view.open_folder.click()
    assert opened == [QUrl.fromLocalFile(str(target.parent))]


def test_export_failure_is_a_message(view, tmp_path, monkeypatch) -> None:
    monkeypatch.setattr(view, "_ask_path", lambda suggested: tmp_path / "missing" / "r.xlsx")
    view.export_button.click()
    assert "cannot write" in view.status.text()
    assert view.export_button.isEnabled() and view.open_folder.isHidden()


def test_cancelled_dialog_does_nothing(view, monkeypatch) -> None:
    monkeypatch.setattr(view, "_ask_path", lambda suggested: None)
    view.export_button.click()
    assert view.status.text() == "" and view.progress.isHidden()


def test_english_labels(qtbot, ctx) -> None:
    orders = OrderCountService(ctx.sessions, ctx.clock)
    reports = ReportService(MetricsService(ctx.sessions, ctx.clock, orders), ctx.clock, "test")
    w = ReportsView(reports, TaskRunner(inline=True), ctx.clock, lang="en")
    qtbot.addWidget(w)
    assert w.values["refund_rate"].text() == "n/a — enter order counts"
    assert w.values["cases_in_report"].text() == "0"
