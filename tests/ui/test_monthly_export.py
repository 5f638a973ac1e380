"""The monthly auto-export in the running app: the setting turns it on, the catch-up at start and
the scheduler's monthly job write last month's report once, with a tray message; a file already
there is left alone. A fake tray, an inline worker and a moved clock."""

from __future__ import annotations

from pathlib import Path

from pytestqt.qtbot import QtBot

from PySide6.QtCore import QSettings

from app.bootstrap import AppContext
from app.services.clock import FixedClock
from app.ui.settings import store as settings_store
from tests.services.report_fixtures import bj, november_set
from tests.ui.shell_fixtures import App

TITLE = "Monthly report"


def _turn_on(settings: QSettings, folder: Path) -> None:
    folder.mkdir(exist_ok=True)
    settings_store.save(settings, {"export/monthly_folder": folder})


def _exports(app: App):  # type: ignore[no-untyped-def]
    assert app.shell.exports is not None
    return app.shell.exports


def test_off_until_a_folder_is_set(running: App, clock: FixedClock) -> None:
    clock.set(bj(12, 1, 9))
    _exports(running).export_if_due()
    assert running.tray.messages == []


def test_catch_up_writes_last_month_once_with_a_tray_message(
    running: App, ctx: AppContext, settings: QSettings, clock: FixedClock, tmp_path: Path
) -> None:
    november_set(ctx, clock)
    folder = tmp_path / "月报"
    _turn_on(settings, folder)
    clock.set(bj(12, 3, 9))  # the app was closed on the 1st: catch up at start
    _exports(running).export_if_due()
    target = folder / "售后报表-2026-11.xlsx"
    assert target.is_file()
    assert running.tray.messages == [(TITLE, f"Exported last month's after-sales report: {target}")]

    before = target.stat().st_mtime_ns
    _exports(running).export_if_due()  # the next start: the file is there
    assert target.stat().st_mtime_ns == before
    assert len(running.tray.messages) == 1


def test_existing_file_is_never_replaced(
    running: App, settings: QSettings, clock: FixedClock, tmp_path: Path
) -> None:
    folder = tmp_path / "reports"
    _turn_on(settings, folder)
    (folder / "售后报表-2026-11.xlsx").write_bytes(b"sent to the accountant")
    clock.set(bj(12, 1, 9))
    _exports(running).export_if_due()
    assert (folder / "售后报表-2026-11.xlsx").read_bytes() == b"sent to the accountant"
    assert running.tray.messages == []


def test_the_scheduler_hook_exports_on_the_gui_thread(
    running: App, qtbot: QtBot, settings: QSettings, clock: FixedClock, tmp_path: Path
) -> None:
    folder = tmp_path / "reports"
    _turn_on(settings, folder)
    clock.set(bj(1, 1, 9, year=2027))
    _exports(running).hook()  # as the cron job does, from the scheduler's thread: queued
    qtbot.waitUntil(lambda: len(running.tray.messages) == 1, timeout=5000)
    assert (folder / "售后报表-2026-12.xlsx").is_file()


def test_a_failure_goes_to_the_status_bar(
    running: App, settings: QSettings, clock: FixedClock, tmp_path: Path
) -> None:
    settings_store.save(settings, {"export/monthly_folder": tmp_path / "unplugged"})
    clock.set(bj(12, 1, 9))
    _exports(running).export_if_due()
    assert running.tray.messages == []
    assert "folder does not exist" in running.window.statusBar().currentMessage()


def test_the_alert_scheduler_has_the_monthly_job(running: App, qtbot: QtBot) -> None:
    scheduler = running.center.scheduler
    with qtbot.waitSignal(scheduler.planned, timeout=5000):
        scheduler.start()
    try:
        assert "monthly_export" in scheduler.job_ids()
        job = scheduler._scheduler.get_job("monthly_export")
        fields = {f.name: str(f) for f in job.trigger.fields}
        assert (fields["day"], fields["hour"], fields["minute"]) == ("1", "9", "0")
    finally:
        scheduler.shutdown()
