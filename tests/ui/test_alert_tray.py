"""Tray, banner, summary and scheduler with a fake tray (offscreen has none) and a moved clock.

In the Chinese UI (the words are exactly the Chinese the merchant has always read); the English
UI is in test_alert_language.py.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from datetime import datetime, timedelta

import pytest
from pytestqt.qtbot import QtBot

from PySide6.QtCore import QSettings

from app.bootstrap import AppContext
from app.services.alerts.service import Delivery
from app.services.clock import FixedClock
from app.ui.alerts.center import AlertCenter
from app.ui.alerts.scheduler import AlertScheduler
from app.ui.alerts.tray import OVERDUE, render_icon
from app.ui.common.tasks import TaskRunner
from app.ui.common.wall_clock import WallClockTicker
from app.ui.shell.main_window import MainWindow
from tests.services.test_alerts import LEADS, add_case, merchant_due
from tests.ui.fakes import FakeNotifier

H = timedelta(hours=1)
M = timedelta(minutes=1)


@pytest.fixture(autouse=True)
def chinese(use_language: Callable[[str], None]) -> None:
    use_language("zh_CN")


@pytest.fixture
def fake() -> FakeNotifier:
    return FakeNotifier()


@pytest.fixture
def center(ctx: AppContext, clock: FixedClock, fake: FakeNotifier, qtbot: QtBot) -> Iterator[AlertCenter]:
    c = AlertCenter(ctx.alerts, clock, fake, runner=TaskRunner(inline=True))
    qtbot.addWidget(c.banner)
    yield c
    c.shutdown()


def run_until(center: AlertCenter, clock: FixedClock, end: datetime) -> list[datetime]:
    """Drive the scheduler's job functions as APScheduler would: at each planned instant."""
    fired: list[datetime] = []
    while True:
        plan = center.scheduler.replan()
        if plan.instant is None or plan.instant > end:
            return fired
        clock.set(plan.instant)
        if center.scheduler.wake() is not None:
            fired.append(clock.now())


def test_messages_at_the_planned_instants_with_the_words(
    center: AlertCenter, ctx: AppContext, clock: FixedClock, fake: FakeNotifier
) -> None:
    cid = add_case(ctx)
    due = merchant_due(ctx, cid)
    at_message: list[datetime] = []
    center.scheduler.alerts_due.connect(lambda _d: at_message.append(clock.now()))
    run_until(center, clock, due + H)
    assert at_message == [due - lead for lead in LEADS] + [due]
    titles = [t for t, _ in fake.messages]
    assert titles[:4] == [
        "快手小店 KS1001 · 还剩 24小时",
        "快手小店 KS1001 · 还剩 6小时",
        "快手小店 KS1001 · 还剩 1小时",
        "快手小店 KS1001 · 还剩 15分钟",
    ]
    assert "无线蓝牙耳机降噪运动款" in fake.messages[0][1] and "自动退款 ¥129.00" in fake.messages[0][1]
    assert titles[4] == "已自动退款: 快手小店 KS1001 ¥129.00 — 商家超时未处理"
    assert center.banner.model.rowCount() == 5  # every alert also in the window


def test_clicking_the_message_opens_its_case(
    center: AlertCenter, ctx: AppContext, clock: FixedClock, fake: FakeNotifier, qtbot: QtBot
) -> None:
    add_case(ctx, "KS1")
    second = add_case(ctx, "KS2", requested_at=clock.now() - 2 * H)
    run_until(center, clock, merchant_due(ctx, second) - 6 * H)
    assert [t.split(" · ")[0] for t, _ in fake.messages] == ["快手小店 KS2", "快手小店 KS1", "快手小店 KS2"]
    with qtbot.waitSignal(center.open_case_requested, timeout=1000) as blocker:
        fake.click_message()
    assert blocker.args == [second]


def test_menu_lists_the_next_deadlines_and_opens_them(
    center: AlertCenter, ctx: AppContext, clock: FixedClock, fake: FakeNotifier, qtbot: QtBot
) -> None:
    ids = [add_case(ctx, f"KS{i}", requested_at=clock.now() - i * H) for i in range(7)]
    assert fake.menu is not None
    fake.menu.aboutToShow.emit()  # what Qt does when the menu opens
    texts = [a.text() for a in fake.menu.actions() if not a.isSeparator()]
    assert len(texts) == 5 + 1 + 3
    assert "KS6" in texts[0] and "KS2" in texts[4]  # soonest first
    assert texts[5].startswith("我方时限")  # our first-response targets, in a submenu
    assert texts[6:] == ["暂停提醒 1 小时", "打开售后哨兵", "退出"]
    with qtbot.waitSignal(center.open_case_requested, timeout=1000) as blocker:
        fake.menu.actions()[0].trigger()
    assert blocker.args == [ids[6]]


def test_snooze_from_the_menu_holds_alerts(
    center: AlertCenter, ctx: AppContext, clock: FixedClock, fake: FakeNotifier
) -> None:
    cid = add_case(ctx, requested_at=clock.now() - 23 * H - 30 * M)  # 24 h alert in 30 min
    assert fake.menu is not None
    fake.menu.aboutToShow.emit()
    [snooze] = [a for a in fake.menu.actions() if a.text().startswith("暂停提醒")]
    snooze.trigger()
    assert ctx.alerts.snoozed_until == clock.now() + H
    fake.menu.aboutToShow.emit()
    assert any(a.text().startswith("恢复提醒") for a in fake.menu.actions())
    fired = run_until(center, clock, clock.now() + H)
    assert fired == [merchant_due(ctx, cid) - 24 * H, clock.now()]  # the alert instant, the snooze end
    assert [t for t, _ in fake.messages] == ["暂停提醒期间：1 个期限不足 24小时"]


def test_icon_counts_and_overdue_state(center: AlertCenter, ctx: AppContext, clock: FixedClock) -> None:
    add_case(ctx, "KS1", requested_at=clock.now() - 30 * H)
    add_case(ctx, "KS2", requested_at=clock.now() - 40 * H)
    assert center.tray is not None
    status = center.tray.refresh()
    assert (status.due_within_24h, status.overdue) == (2, 0)
    assert "24小时内到期 2 个" in center.tray.notifier.tooltips[-1]  # type: ignore[attr-defined]
    normal, overdue = render_icon(2, False).toImage(), render_icon(2, True).toImage()
    assert overdue.pixelColor(8, 40) == OVERDUE and normal.pixelColor(8, 40) != OVERDUE
    assert render_icon(2, False).toImage() != render_icon(0, False).toImage()  # the badge is drawn


def test_no_tray_routes_alerts_to_the_banner(ctx: AppContext, clock: FixedClock, qtbot: QtBot) -> None:
    center = AlertCenter(ctx.alerts, clock, FakeNotifier(available=False), runner=TaskRunner(inline=True))
    qtbot.addWidget(center.banner)
    assert center.tray is None
    assert center.banner.no_tray_note.isVisibleTo(center.banner)
    cid = add_case(ctx)
    clock.set(merchant_due(ctx, cid) - H)
    center.scheduler.wake()
    assert [center.banner.model.data(center.banner.model.index(0), 257)] == [cid]
    center.banner.mark_all_seen()
    assert ctx.alerts.unseen() == []


def test_away_summary_once_as_message_then_dialog(
    center: AlertCenter, ctx: AppContext, clock: FixedClock, fake: FakeNotifier, qtbot: QtBot
) -> None:
    center.scheduler.catch_up()  # an earlier run (nothing due yet)
    for i in range(3):
        add_case(ctx, f"KS{i}", requested_at=clock.now() - i * H)
    clock.advance(47 * H + timedelta(minutes=30))  # two auto-refunds fell due while closed
    center.scheduler.catch_up()
    assert len(fake.messages) == 1  # one message, not a burst
    assert fake.messages[0][0] == "离开期间：2 笔自动退款，1 个期限不足 1小时"
    fake.click_message()
    dialog = center.summary_dialog
    assert dialog is not None
    qtbot.addWidget(dialog)
    assert dialog.headline.text() == fake.messages[0][0] and dialog.model.rowCount() == 3
    with qtbot.waitSignal(dialog.open_case_requested, timeout=1000):
        dialog.view.activated.emit(dialog.model.index(0))


def test_first_start_shows_no_away_dialog_and_says_the_cases_were_entered_late(
    center: AlertCenter, ctx: AppContext, clock: FixedClock, fake: FakeNotifier, qtbot: QtBot
) -> None:
    for i in range(3):  # a fresh --demo folder: cases entered just now, one already past due
        add_case(ctx, f"KS{i}", requested_at=clock.now() - (46 + i) * H - 30 * M)
    away: list[object] = []
    center.scheduler.away_summary.connect(away.append)
    center.scheduler.catch_up()
    assert away == [] and center.summary_dialog is None
    assert [t for t, _ in fake.messages] == [
        "新录入的售后单：1 笔自动退款，1 个期限不足 1小时，1 个期限不足 6小时"
    ]
    assert center.banner.model.rowCount() == 3  # listed in the window all the same


def test_an_import_of_overdue_cases_is_not_announced_as_a_snooze(
    center: AlertCenter, ctx: AppContext, clock: FixedClock, fake: FakeNotifier
) -> None:
    center.scheduler.catch_up()
    clock.advance(2 * H)
    for i in range(2):  # imported: their platform clocks ran out days ago
        add_case(ctx, f"KS{i}", requested_at=clock.now() - (72 + i) * H)
    center.case_changed()
    run_until(center, clock, clock.now())
    assert [t for t, _ in fake.messages] == ["新录入的售后单：2 笔自动退款"]


def test_restart_shows_unseen_alerts_again_but_never_repeats_messages(
    center: AlertCenter, ctx: AppContext, clock: FixedClock, fake: FakeNotifier, qtbot: QtBot
) -> None:
    cid = add_case(ctx)
    clock.set(merchant_due(ctx, cid) - H)
    center.scheduler.wake()
    again = AlertCenter(ctx.alerts, clock, FakeNotifier(), runner=TaskRunner(inline=True))
    qtbot.addWidget(again.banner)
    again.banner.add_notices(ctx.alerts.unseen())
    assert again.banner.model.rowCount() == 1
    assert again.scheduler.wake() is not None and not ctx.alerts.evaluate()


def test_clock_gap_replans(ctx: AppContext, clock: FixedClock) -> None:
    ticker = WallClockTicker(clock)
    scheduler = AlertScheduler(ctx.alerts, clock, ticker=ticker)
    add_case(ctx)
    assert ticker.step().jumped is False  # first tick
    clock.advance(timedelta(seconds=1))
    assert ticker.step().jumped is False
    assert scheduler.next_plan is None
    clock.advance(3 * 24 * H)  # the laptop slept
    assert ticker.step().jumped is True
    assert scheduler.next_plan is not None and scheduler.next_plan.instant == clock.now()


def test_a_clock_jump_while_the_jobs_are_held_waits_for_resume(ctx: AppContext, clock: FixedClock) -> None:
    ticker = WallClockTicker(clock)
    scheduler = AlertScheduler(ctx.alerts, clock, ticker=ticker)
    add_case(ctx)
    ticker.step()
    scheduler.pause()  # a restore replaces the database file: no job may read it
    clock.advance(3 * 24 * H)
    assert ticker.step().jumped is True
    assert scheduler.next_plan is None
    scheduler.resume()  # re-plans from the restored file
    assert scheduler.next_plan is not None and scheduler.next_plan.instant == clock.now()


def test_the_window_ticker_drives_countdowns_and_the_scheduler(
    window: MainWindow, ctx: AppContext, clock: FixedClock, qtbot: QtBot
) -> None:
    center = AlertCenter(
        ctx.alerts, clock, FakeNotifier(), runner=TaskRunner(inline=True), ticker=window.wall_clock
    )
    assert center.scheduler.ticker is window.wall_clock  # one ticker, not one each
    add_case(ctx)
    window.wall_clock.step()
    with qtbot.waitSignal(window.cases.ticked, timeout=1000) as ticked:
        clock.advance(3 * 24 * H)
        window.wall_clock.step()
    assert ticked.args == [int(clock.now().timestamp())]
    assert window.cases.model.now == int(clock.now().timestamp())
    assert center.scheduler.next_plan is not None and center.scheduler.next_plan.instant == clock.now()


def test_real_scheduler_jobs_are_configured_for_misfires(
    ctx: AppContext, clock: FixedClock, qtbot: QtBot
) -> None:
    add_case(ctx)
    backups: list[int] = []
    scheduler = AlertScheduler(ctx.alerts, clock, backup=lambda: backups.append(1))
    with qtbot.waitSignal(scheduler.planned, timeout=5000):
        scheduler.start()  # the catch-up job runs at once on the worker, then re-plans
    try:
        assert scheduler.job_ids() == ["daily_backup", "safety_net", "wake"]
        for job in scheduler._scheduler.get_jobs():
            assert job.misfire_grace_time is None and job.coalesce is True
    finally:
        scheduler.shutdown()
    assert not scheduler.running


def test_delivery_for_tray_is_remembered(center: AlertCenter) -> None:
    assert center.tray is not None
    center.tray.show_delivery(Delivery())
    assert center.tray.showing is None


def _restarted_center(ctx: AppContext, clock: FixedClock, settings_file: str, qtbot: QtBot) -> AlertCenter:
    """The app started again: a new AlertService on the same folder, settings read from disk."""
    restarted = AppContext.open(ctx.data_dir, clock)
    disk = QSettings(settings_file, QSettings.Format.IniFormat)
    center = AlertCenter(
        restarted.alerts, clock, FakeNotifier(), runner=TaskRunner(inline=True), settings=disk
    )
    qtbot.addWidget(center.banner)
    return center


def test_a_snooze_survives_a_restart_and_ends_by_the_clock(
    ctx: AppContext, clock: FixedClock, settings: QSettings, qtbot: QtBot
) -> None:
    first = AlertCenter(
        ctx.alerts,
        clock,
        FakeNotifier(),
        runner=TaskRunner(inline=True),
        snooze_minutes=120,
        settings=settings,
    )
    qtbot.addWidget(first.banner)
    first.scheduler.catch_up()  # the app ran
    cid = add_case(ctx, requested_at=clock.now() - 23 * H - 30 * M)  # its 24 h alert in 30 min
    first.snooze()
    until = clock.now() + 2 * H
    first.shutdown()
    ctx.close()
    clock.advance(45 * M)  # closed while the 24 h alert fell due

    center = _restarted_center(ctx, clock, settings.fileName(), qtbot)
    fake = center.tray.notifier if center.tray else None
    assert isinstance(fake, FakeNotifier)
    assert (
        center.alerts.snoozed_until == until
        and center.tray is not None
        and center.tray.snoozed_until == until
    )
    said: list[str] = []
    center.status_message.connect(said.append)
    center.start(schedule=False)
    assert said == ["提醒仍暂停至 12:00"]
    center.scheduler.catch_up()
    assert fake.messages == [] and center.summary_dialog is None  # not "again at once"
    fired = run_until(center, clock, until)
    assert fired == [until]  # the snooze end, by the clock
    assert [t for t, _ in fake.messages] == ["暂停提醒期间：1 个期限不足 24小时"]
    assert {n.case_id for n in center.banner.model.notices()} == {cid}
    center.shutdown()
    center.alerts.snooze_until(None)

    later = _restarted_center(ctx, clock, settings.fileName(), qtbot)  # after the end: forgotten
    assert later.alerts.snoozed_until is None and later.restored_snooze is None
    assert not QSettings(settings.fileName(), QSettings.Format.IniFormat).contains("alerts/snoozed_until")


def test_resume_forgets_the_stored_snooze_and_a_far_one_is_ignored(
    ctx: AppContext, clock: FixedClock, settings: QSettings, qtbot: QtBot
) -> None:
    center = AlertCenter(ctx.alerts, clock, FakeNotifier(), runner=TaskRunner(inline=True), settings=settings)
    qtbot.addWidget(center.banner)
    center.snooze()
    assert settings.contains("alerts/snoozed_until")
    center.resume()
    assert not settings.contains("alerts/snoozed_until")
    settings.setValue("alerts/snoozed_until", (clock.now() + 3 * 24 * H).isoformat())  # the clock went back
    settings.sync()
    again = _restarted_center(ctx, clock, settings.fileName(), qtbot)
    assert again.alerts.snoozed_until is None
