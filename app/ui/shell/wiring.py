"""Builds the screens and File-menu flows that need the database services and plugs them into the
main window. (Tray, close/quit and backups are the app shell's: `app/ui/shell/app_shell.py`.)"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, Qt

from app.models.enums import Platform
from app.services.clock import BEIJING
from app.ui.cases.controller import CaseController
from app.ui.cases.list_export import ListExport
from app.ui.common.changes import ChangeSet
from app.ui.dashboard.view import DashboardView
from app.ui.importing.flow import ImportFlow
from app.ui.rules.view import RulesView
from app.ui.settings.platform_choice import my_platforms
from app.ui.shell.main_window import icon

if TYPE_CHECKING:
    from app.bootstrap import AppContext
    from app.ui.shell.main_window import MainWindow


def wire(window: MainWindow, ctx: AppContext) -> None:
    controller = CaseController(window, window.cases, ctx)
    window.controller = controller

    dashboard = DashboardView(ctx.dashboard.figures, window.tasks, drift=ctx.drift.find)
    window.add_screen(
        "dashboard", QCoreApplication.translate("MainWindow", "Dashboard"), icon("dashboard"), dashboard
    )
    window.changes.changed.connect(dashboard.on_changes)
    window.refresh_action.triggered.connect(dashboard.refresh)

    def open_from_dashboard(case_id: int) -> None:
        window.show_screen("cases")
        controller.open_case(case_id)

    dashboard.openCase.connect(open_from_dashboard)

    _add_reports(window, ctx)

    def open_holidays() -> Any:
        from app.ui.rules.holidays_dialog import HolidayCalendarDialog

        dialog = HolidayCalendarDialog(
            ctx.data_dir,
            window.tasks,
            ctx.cases.refresh_working_day_clocks,
            lambda moved: window.changes.publish(ChangeSet.cases(moved)),
            ctx.clock.now(),
            window,
        )
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
        return dialog

    def open_adjustments(platform: Platform) -> Any:
        from app.ui.rules.adjustments_dialog import AdjustmentsDialog

        dialog = AdjustmentsDialog(
            ctx.rules,
            platform,
            window.tasks,
            ctx.cases.recount_platform,
            lambda moved: window.changes.publish(ChangeSet.cases(moved)),
            ctx.clock.now().astimezone(BEIJING).date(),
            window,
        )
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
        return dialog

    rules = RulesView(
        ctx.rules,
        window.tasks,
        window.changes,
        my_platforms=lambda: my_platforms(window.settings),
        open_holidays=open_holidays,
        open_adjustments=open_adjustments,
        drift=ctx.drift.find,
    )
    window.add_screen("rules", QCoreApplication.translate("MainWindow", "Rules"), icon("rules"), rules)

    _add_desk(window, ctx, controller)
    window.import_flow = ImportFlow(window, ctx, window.cases.show_only)
    window.cases.importRequested.connect(window.import_flow.action.trigger)
    window.list_export = ListExport(window, ctx, window.cases.visible_ids)
    controller.load_all()
    _watch_outside_writes(window, ctx)


def _watch_outside_writes(window: MainWindow, ctx: AppContext) -> None:
    """A case added or acted on from the CLI (or any other program) shows within a second:
    the tick asks SQLite whether another connection committed; only then are the stamps read."""
    watch = ctx.outside_writes
    window.tasks.run(lambda _: watch.remember())  # after the first load, on the same worker
    busy = False

    def publish(diff: Any) -> None:
        nonlocal busy
        busy = False
        if diff:
            window.changes.publish(ChangeSet(changed=diff.changed, deleted=diff.deleted))

    def gave_up(error: Exception, details: str) -> None:
        nonlocal busy
        busy = False  # logged by the runner; the next commit elsewhere tries again

    def on_tick(_now: int) -> None:
        nonlocal busy
        if not busy and watch.moved():
            busy = True
            window.tasks.run(lambda _: watch.what_changed(), done=publish, failed=gave_up)

    window.wall_clock.tick.connect(on_tick)


def _add_desk(window: MainWindow, ctx: AppContext, controller: CaseController) -> None:
    """The current handler in the status bar (asked at start when the shop has a list), and
    File → Reply templates…"""
    from PySide6.QtGui import QAction

    from app.ui.desk.handler_choice import HandlerChoice, ask_at_start

    choice = HandlerChoice(window.settings, ctx.handlers.names)
    window.statusBar().addPermanentWidget(choice)
    choice.changed.connect(lambda _name: controller._refresh_detail())
    choice.changed.connect(window.cases.set_current_handler)  # the Mine filter
    window.cases.set_current_handler(controller.handler())
    window.handler_choice = choice
    if choice.needs_choice():
        ask_at_start(window, choice)
    templates = QAction(QCoreApplication.translate("MainWindow", "Reply &templates…"), window)
    templates.setObjectName("replyTemplatesAction")
    templates.triggered.connect(controller.manage_templates)
    window.add_file_action("data", templates)


def _add_reports(window: MainWindow, ctx: AppContext) -> None:
    """The Reports screen, with its own reader thread (a preview reads every case of the period)."""
    from app.ui.common import i18n
    from app.ui.reports.order_counts_dialog import OrderCountsDialog
    from app.ui.reports.view import ReportsView

    counts = ctx.order_counts
    reports = ReportsView(
        ctx.reports,
        window.io,
        ctx.clock,
        lang="zh" if i18n.current() == "zh_CN" else "en",
        defer_preview=True,
    )
    window.add_screen(
        "reports", QCoreApplication.translate("MainWindow", "Reports"), icon("reports"), reports
    )
    window.changes.changed.connect(lambda *_: reports.mark_stale())

    def edit_counts() -> None:
        dialog = OrderCountsDialog(counts, window.tasks, ctx.clock, window)
        dialog.saved.connect(reports.mark_stale)
        dialog.exec()

    reports.orders_button.clicked.connect(edit_counts)
