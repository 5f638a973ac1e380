"""The alert path speaks the UI language: English under en, exactly today's Chinese under zh_CN.

Tray menu, tooltip, tray messages (alerts, notices, summaries), the banner and the away
summary; the alert words come from the services in both languages (`alert_text`).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from datetime import timedelta

import pytest
from pytestqt.qtbot import QtBot

from PySide6.QtWidgets import QDialogButtonBox

from app.bootstrap import AppContext
from app.services.clock import FixedClock
from app.ui.alerts.center import AlertCenter
from app.ui.common.tasks import TaskRunner
from tests.services.test_alerts import add_case, merchant_due
from tests.ui.fakes import FakeNotifier

H = timedelta(hours=1)


@pytest.fixture
def make_center(
    ctx: AppContext, clock: FixedClock, qtbot: QtBot, use_language: Callable[[str], None]
) -> Iterator[Callable[..., AlertCenter]]:
    """An alert center built after the language's translators are installed (as at start)."""
    made: list[AlertCenter] = []

    def make(language: str, notifier: FakeNotifier | None = None) -> AlertCenter:
        use_language(language)
        center = AlertCenter(ctx.alerts, clock, notifier or FakeNotifier(), runner=TaskRunner(inline=True))
        qtbot.addWidget(center.banner)
        made.append(center)
        return center

    yield make
    for center in made:
        center.shutdown()


def menu_texts(center: AlertCenter) -> list[str]:
    assert center.tray is not None
    menu = center.tray.menu
    menu.aboutToShow.emit()  # what Qt does when the menu opens
    return [a.text() for a in menu.actions() if not a.isSeparator()]


def fake_of(center: AlertCenter) -> FakeNotifier:
    assert center.tray is not None and isinstance(center.tray.notifier, FakeNotifier)
    return center.tray.notifier


def test_the_tray_menu_and_tooltip_in_english(
    make_center: Callable[..., AlertCenter], ctx: AppContext, clock: FixedClock
) -> None:
    center = make_center("en")
    assert menu_texts(center) == [
        "No running deadlines",
        "Snooze alerts for 1 h",
        "Open Aftersales Sentinel",
        "Quit",
    ]
    add_case(ctx, requested_at=clock.now() - 30 * H)  # 18 h left
    texts = menu_texts(center)
    assert texts[0] == "18:00:00  Kuaishou KS1001 · Auto-refund"
    center.snooze()
    assert texts[1].startswith("Our own deadlines (1)")  # the case's first-response target
    assert menu_texts(center)[2] == "Resume alerts (snoozed until 11:00)"
    assert fake_of(center).tooltips[-1] == (
        "Aftersales Sentinel · due within 24 h: 1\nNext: Kuaishou KS1001\nAuto-refund · 18:00:00"
    )


def test_the_tray_menu_and_tooltip_in_chinese_as_before(
    make_center: Callable[..., AlertCenter], ctx: AppContext, clock: FixedClock
) -> None:
    center = make_center("zh_CN")
    assert menu_texts(center) == ["没有进行中的期限", "暂停提醒 1 小时", "打开售后哨兵", "退出"]
    add_case(ctx, requested_at=clock.now() - 50 * H)  # overdue: the auto-refund is due
    add_case(ctx, "KS1002", requested_at=clock.now() - 30 * H)
    texts = menu_texts(center)
    assert texts[:2] == ["已超时 2小时  快手小店 KS1001 · 自动退款", "18:00:00  快手小店 KS1002 · 自动退款"]
    center.snooze()
    assert texts[2] == "我方时限（2）"
    assert menu_texts(center)[3] == "恢复提醒（已暂停至 11:00）"
    assert fake_of(center).tooltips[-1] == (
        "售后哨兵 · 24小时内到期 1 个\n已超时未处理 1 个\n下一个: 快手小店 KS1001\n自动退款 · 已超时 2小时"
    )


def test_an_alert_and_a_notice_as_tray_messages_in_english(
    make_center: Callable[..., AlertCenter], ctx: AppContext, clock: FixedClock
) -> None:
    center = make_center("en")
    cid = add_case(ctx)
    clock.set(merchant_due(ctx, cid) - H)
    center.scheduler.wake()
    clock.set(merchant_due(ctx, cid))
    center.scheduler.wake()
    assert fake_of(center).messages == [
        ("Kuaishou KS1001 · 1 h left", "无线蓝牙耳机降噪运动款\nDue 11-04 10:00: auto-refund of ¥129.00"),
        (
            "Auto-refunded: Kuaishou KS1001 ¥129.00 — the merchant did not act in time",
            "无线蓝牙耳机降噪运动款\nDone by the platform at 11-04 10:00",
        ),
    ]
    banner = center.banner
    assert banner.headline.text() == "2 unread alerts (double-click one to open its case)"
    assert banner.model.index(1).data() == "Kuaishou KS1001 · 1 h left    无线蓝牙耳机降噪运动款"
    assert banner.seen_button.text() == "Mark all read"


def test_the_banner_in_chinese_as_before(
    make_center: Callable[..., AlertCenter], ctx: AppContext, clock: FixedClock
) -> None:
    center = make_center("zh_CN", FakeNotifier(available=False))
    banner = center.banner
    assert banner.no_tray_note.text() == "系统托盘不可用：提醒只显示在这里。"
    cid = add_case(ctx)
    clock.set(merchant_due(ctx, cid) - H)
    center.scheduler.wake()
    assert banner.headline.text() == "1 条未读提醒（双击查看售后单）"
    assert banner.model.index(0).data() == "快手小店 KS1001 · 还剩 1小时    无线蓝牙耳机降噪运动款"
    assert banner.seen_button.text() == "全部已读"
    banner.mark_all_seen()
    assert banner.headline.text() == "没有未读提醒"


def test_no_tray_note_in_english(make_center: Callable[..., AlertCenter]) -> None:
    center = make_center("en", FakeNotifier(available=False))
    assert center.banner.no_tray_note.text() == "No system tray: alerts are shown here only."


@pytest.mark.parametrize(
    ("language", "headline", "more", "title", "hint", "ok"),
    [
        (
            "en",
            "While you were away: 3 auto-refunds, 1 deadline within 1 h",
            "…4 in all: click to see them",
            "Aftersales Sentinel · while you were away",
            "Double-click a row to open its case.",
            "Got it",
        ),
        (
            "zh_CN",
            "离开期间：3 笔自动退款，1 个期限不足 1小时",
            "…共 4 条，点击查看",
            "售后哨兵 · 离开期间",
            "双击一行打开售后单。",
            "知道了",
        ),
    ],
)
def test_the_away_summary_in_the_ui_language(
    make_center: Callable[..., AlertCenter],
    ctx: AppContext,
    clock: FixedClock,
    qtbot: QtBot,
    language: str,
    headline: str,
    more: str,
    title: str,
    hint: str,
    ok: str,
) -> None:
    center = make_center(language)
    center.scheduler.catch_up()  # an earlier run (nothing due yet)
    for i in range(4):
        add_case(ctx, f"KS{i}", requested_at=clock.now() - i * H)
    clock.advance(47 * H + timedelta(minutes=30))  # three auto-refunds fell due while closed
    center.scheduler.catch_up()
    [(message_title, message_text)] = fake_of(center).messages
    assert message_title == headline and message_text.endswith(more)
    fake_of(center).click_message()
    dialog = center.summary_dialog
    assert dialog is not None
    qtbot.addWidget(dialog)
    assert dialog.windowTitle() == title and dialog.headline.text() == headline
    assert any(label.text().startswith(hint) for label in dialog.findChildren(type(dialog.headline)))
    buttons = dialog.findChild(QDialogButtonBox)
    assert buttons is not None and buttons.button(QDialogButtonBox.StandardButton.Ok).text() == ok


@pytest.mark.parametrize(
    ("language", "expected"),
    [
        ("zh_CN", "每日备份失败：[Errno 28] No space left on device"),
        ("en", "The daily backup failed: [Errno 28] No space left on device"),
    ],
)
def test_a_failed_background_job_is_reported_in_the_ui_language(
    make_center: Callable[..., AlertCenter], language: str, expected: str
) -> None:
    center = make_center(language)
    said: list[str] = []
    center.scheduler.job_failed.connect(said.append)
    center.scheduler._failed("daily backup", OSError(28, "No space left on device"))
    assert said == [expected]
