"""The app around the window: tray, close-to-tray, explicit quit, alerts opening cases, a second
start handing over, unexpected errors. A fake tray, an inline worker and a moved clock; no sleeps."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from datetime import timedelta
from pathlib import Path

from pytestqt.qtbot import QtBot

from PySide6.QtCore import QSettings, QTimer
from PySide6.QtWidgets import QApplication

from app.bootstrap import AppContext, Options
from app.services.clock import FixedClock
from app.services.storage.logs import stop_logging
from app.ui.common.error_dialog import ErrorDialog
from app.ui.settings import keys as settings_decl
from app.ui.settings import store as settings_store
from app.ui.shell.single_instance import SingleInstance
from tests.services.test_alerts import add_case, merchant_due
from tests.ui.fakes import FakeNotifier
from tests.ui.helpers import listed_ids
from tests.ui.shell_fixtures import App, close_app, make_app, wake_at

H = timedelta(hours=1)
HINT = "Aftersales Sentinel is still running"


def test_closing_the_window_keeps_the_app_in_the_tray_and_says_so_once(
    running: App, settings: QSettings
) -> None:
    assert running.tray.visible
    running.window.close()
    assert not running.window.isVisible()
    assert running.exits == []  # still running
    assert [t for t, _ in running.tray.messages] == [HINT]
    assert settings.value("tray/close_hint_shown", False, type=bool) is True

    running.tray.click_message()  # the hint's message opens the window again
    assert running.window.isVisible()
    running.window.close()
    assert [t for t, _ in running.tray.messages] == [HINT]  # said once only
    assert running.exits == []


def test_the_hint_is_not_repeated_in_a_later_run(
    qapp: QApplication, qtbot: QtBot, ctx: AppContext, settings: QSettings, clock: FixedClock
) -> None:
    settings_decl.write(settings, settings_decl.CLOSE_HINT_SHOWN, True)
    settings.sync()
    again = QSettings(settings.fileName(), QSettings.Format.IniFormat)  # INI: the value reads back as text
    app = make_app(qapp, qtbot, ctx, again, clock, FakeNotifier())
    try:
        app.window.close()
        assert not app.window.isVisible() and app.tray.messages == []
    finally:
        close_app(app, qapp)


def test_quitting_is_explicit_from_the_menu_or_the_tray(
    running: App, use_language: Callable[[str], None]
) -> None:
    use_language("zh_CN")
    assert running.window.quit_action.shortcut().toString() == "Ctrl+Q"
    running.window.quit_action.trigger()
    assert running.exits == [0] and running.shell.quitting

    running.shell.quitting = False  # as a second run would start
    menu = running.tray.menu
    assert menu is not None
    menu.aboutToShow.emit()
    [quit_action] = [a for a in menu.actions() if a.text() == "退出"]
    quit_action.trigger()
    assert running.exits == [0, 0]
    running.shell.shutdown()
    assert not running.center.scheduler.running and not running.tray.visible


def test_a_quit_asked_of_qt_closes_the_window_instead_of_hiding_it(running: App) -> None:
    # SIGTERM, logout or the dock send Qt a Quit event; Qt then closes every window and gives up
    # if one refuses: the window must not hide in the tray then.
    running.shell.quit_requested_of_qt()  # what SentinelApplication.quitRequested calls
    running.window.close()
    assert not running.window.isVisible() and running.tray.messages == []


def test_without_a_tray_closing_quits_and_the_banner_says_where_alerts_go(
    qapp: QApplication, qtbot: QtBot, ctx: AppContext, settings: QSettings, clock: FixedClock
) -> None:
    app = make_app(qapp, qtbot, ctx, settings, clock, FakeNotifier(available=False))
    try:
        assert app.shell.center is not None and app.shell.center.tray is None
        banner = app.center.banner
        assert banner.isVisible() and banner.no_tray_note.isVisible()
        app.window.close()
        qtbot.waitUntil(lambda: app.exits == [0], timeout=2000)
    finally:
        close_app(app, qapp)


def test_minimized_starts_hidden_in_the_tray(
    qapp: QApplication, qtbot: QtBot, ctx: AppContext, settings: QSettings, clock: FixedClock
) -> None:
    app = make_app(qapp, qtbot, ctx, settings, clock, FakeNotifier(), minimized=True)
    try:
        assert not app.window.isVisible() and app.tray.visible
    finally:
        close_app(app, qapp)
    no_tray = make_app(qapp, qtbot, ctx, settings, clock, FakeNotifier(available=False), minimized=True)
    try:
        assert no_tray.window.isVisible()  # nowhere else to be
    finally:
        close_app(no_tray, qapp)


def test_an_alert_at_its_instant_and_clicking_it_opens_the_case(
    running: App, ctx: AppContext, clock: FixedClock, use_language: Callable[[str], None]
) -> None:
    use_language("en")
    cid = add_case(ctx)
    running.window.controller.load_all()
    running.window.show_screen("dashboard")
    running.window.close()  # in the tray (and says so)
    due = merchant_due(ctx, cid)
    wake_at(running, clock, due - 24 * H - timedelta(minutes=1))
    assert [t for t, _ in running.tray.messages] == [HINT]  # no alert yet
    plan = running.center.scheduler.replan()
    assert plan.instant == due - 24 * H
    wake_at(running, clock, plan.instant)
    assert [t for t, _ in running.tray.messages] == [HINT, "Kuaishou KS1001 · 24 h left"]
    assert running.center.banner.model.rowCount() == 1  # also in the window

    running.tray.click_message()
    assert running.window.isVisible() and running.window.current_screen() == "cases"
    detail = running.window.controller.detail
    assert detail.case_id == cid and running.window.cases.detail_holder.isVisible()


def test_every_write_of_the_window_replans_and_a_case_can_be_muted(
    running: App, ctx: AppContext, clock: FixedClock
) -> None:
    ctx.alerts.settings = replace(ctx.alerts.settings, target_leads=())  # the platform's clocks only
    cid = add_case(ctx)
    running.window.controller.load_all()
    running.window.controller.open_case(cid)
    scheduler = running.center.scheduler
    scheduler.replan()
    assert scheduler.next_plan is not None and scheduler.next_plan.instant == merchant_due(ctx, cid) - 24 * H

    mute = running.window.controller.detail.mute
    assert not mute.isChecked()
    mute.click()  # a write through the window: the plan follows at once
    assert ctx.queries.detail(cid).fields["muted"] is True  # type: ignore[union-attr]
    assert scheduler.next_plan.instant != merchant_due(ctx, cid) - 24 * H
    wake_at(running, clock, merchant_due(ctx, cid) - 24 * H)
    assert running.tray.messages == []  # muted: no message

    running.window.controller.open_case(cid)
    assert running.window.controller.detail.mute.isChecked()


def test_auto_action_while_running_updates_the_list(
    running: App, ctx: AppContext, clock: FixedClock, use_language: Callable[[str], None]
) -> None:
    use_language("zh_CN")
    cid = add_case(ctx)
    running.window.controller.load_all()
    wake_at(running, clock, merchant_due(ctx, cid))
    assert running.tray.messages[-1][0].startswith("已自动退款")
    row = running.window.cases.model.rows[running.window.cases.model.position_of(cid)]  # type: ignore[index]
    assert row.stage == "refunded"


def test_a_second_start_on_the_same_folder_hands_over_and_exits(
    qapp: QApplication, qtbot: QtBot, ctx: AppContext, settings: QSettings, clock: FixedClock, tmp_path: Path
) -> None:
    from app.ui.shell.main import run_gui

    instance = SingleInstance(ctx.data_dir)
    assert instance.acquire()
    app = make_app(qapp, qtbot, ctx, settings, clock, FakeNotifier())
    instance.activation_requested.connect(app.window.bring_to_front)
    try:
        app.window.close()  # in the tray
        assert not app.window.isVisible()
        assert run_gui(Options(ctx.data_dir, None, False)) == 0
        qtbot.waitUntil(app.window.isVisible, timeout=5000)
    finally:
        stop_logging()
        instance.release()
        close_app(app, qapp)


def test_an_exception_in_a_slot_shows_the_dialog_and_the_window_keeps_working(
    running: App, ctx: AppContext, qtbot: QtBot
) -> None:
    def broken_slot() -> None:
        raise RuntimeError("boom in a slot")

    with qtbot.waitSignal(running.shell.errors.shown, timeout=3000) as shown:
        QTimer.singleShot(0, broken_slot)
    dialog = shown.args[0]
    assert isinstance(dialog, ErrorDialog) and dialog.isVisible()
    assert "boom in a slot" in dialog.details.toPlainText()
    assert dialog.copy_button.text().endswith("Copy details")
    running.errors.clear()  # expected
    dialog.close()

    assert running.window.isVisible()
    cid = add_case(ctx)
    running.window.controller.load_all()
    assert listed_ids(running.window) == [cid]  # the window still works


def test_the_alert_settings_reach_the_running_alerts(
    qapp: QApplication, qtbot: QtBot, ctx: AppContext, settings: QSettings, clock: FixedClock
) -> None:
    settings_store.save(settings, {"alerts/quiet_enabled": True, "alerts/snooze_minutes": 30})
    app = make_app(qapp, qtbot, ctx, settings, clock, FakeNotifier())
    try:
        assert ctx.alerts.settings.quiet is not None  # quiet hours hold alerts, as the dialog says
        assert app.center.snooze_minutes == 30 and app.center.settings is settings
    finally:
        close_app(app, qapp)
