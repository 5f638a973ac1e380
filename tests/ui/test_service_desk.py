"""The service desk in the window: a reply template copied to the clipboard filled from the case;
a note's follow-up becoming a countdown in the detail panel and an alert; who did each step."""

from __future__ import annotations

from datetime import datetime, timedelta
from decimal import Decimal

from pytestqt.qtbot import QtBot

from PySide6.QtGui import QGuiApplication

from app.bootstrap import AppContext
from app.services.alerts.plan import AlertSettings
from app.services.clock import FixedClock
from app.services.service_desk.template_file import TemplateDraft
from app.ui.cases.action_dialog import ActionDialog
from app.ui.desk.handler_choice import CURRENT_HANDLER
from app.ui.desk.templates_dialog import TemplatesDialog
from app.ui.settings import keys
from app.ui.shell.main_window import MainWindow
from tests.ui.helpers import add_cases, new_case
from tests.ui.shell_fixtures import App, wake_at

H = timedelta(hours=1)
M = timedelta(minutes=1)


def test_a_template_is_copied_filled_from_the_case(
    window: MainWindow, ctx: AppContext, clock: FixedClock
) -> None:
    keys.write(window.settings, CURRENT_HANDLER, "小王")
    ctx.templates.set_shop_field("退货地址", "杭州市余杭区仓前街道 88 号")
    (cid,) = add_cases(
        window,
        ctx,
        new_case("KS-T1", clock.now(), buyer_nick="小美", product_title="保温杯", shop="暖暖家居"),
    )
    window.controller.open_case(cid)
    replies = window.controller.detail.replies
    first = replies.items[0]
    assert first.fits and "awaiting_merchant" in first.template.stages  # the case's stage first
    replies.copy.click()
    text = QGuiApplication.clipboard().text()
    assert text == first.filled.text
    assert "小王" in text and "暖暖家居" in text and "保温杯" in text and "{" not in text
    # A template of the merchant's own, for this stage, filled the same way.
    ctx.templates.add(
        TemplateDraft("自己的", "{买家}您好，{商品}退款 ¥{金额}，寄到{退货地址}", ("awaiting_merchant",))
    )
    ctx.templates.reorder([ctx.templates.all()[-1].id])
    window.controller.open_case(cid)
    replies.list.setCurrentRow(0)
    replies.copy_current()
    assert QGuiApplication.clipboard().text() == "小美您好，保温杯退款 ¥99.00，寄到杭州市余杭区仓前街道 88 号"
    assert "Copied" in replies.status.text()


def test_templates_dialog_adds_and_reorders(window: MainWindow, ctx: AppContext, qtbot: QtBot) -> None:
    window.controller.manage_templates()
    dialog = window.controller.active_dialog
    assert isinstance(dialog, TemplatesDialog)
    count = dialog.list.count()
    dialog.new()
    dialog.title.setText("催寄回")
    dialog.body.setPlainText("亲，{商品}记得寄回哦")
    dialog.save()
    assert dialog.list.count() == count + 1 and dialog.list.currentItem().text() == "催寄回"
    dialog.move_by(-1)
    assert ctx.templates.all()[-2].title == "催寄回"
    dialog.delete()
    assert dialog.list.count() == count


def test_a_follow_up_becomes_a_countdown_and_an_alert(
    running: App, ctx: AppContext, clock: FixedClock
) -> None:
    window = running.window
    keys.write(window.settings, CURRENT_HANDLER, "小王")
    ctx.alerts.settings = AlertSettings(merchant_leads=(), buyer_alerts=False)
    (cid,) = add_cases(window, ctx, new_case("KS-F1", clock.now(), amount=Decimal("59.00")))
    window.controller.open_case(cid)
    detail = window.controller.detail
    detail.action_buttons["note"].click()
    dialog = window.controller.active_dialog
    assert (
        isinstance(dialog, ActionDialog) and dialog.follow_up is not None and dialog.follow_up_by is not None
    )
    assert dialog.text is not None
    dialog.text.setPlainText("答应买家今天下午回电说明退款进度")
    dialog.follow_up.setChecked(True)
    by = clock.now() + 3 * H
    dialog.follow_up_by.setDateTime(dialog.follow_up_by.dateTime().fromSecsSinceEpoch(int(by.timestamp())))
    dialog.submit()
    (f,) = ctx.follow_ups.for_case(cid)
    assert (f.due_at, f.handler) == (by, "小王")
    # The panel counts down to it, and the timeline says what was agreed.
    countdown = detail.follow_ups.countdowns[f.id]
    assert countdown.text() == "03:00:00"
    clock.advance(30 * M)
    window.cases.tick()
    assert countdown.text() == "02:30:00"
    events = detail.timeline_model.events
    assert events[-1].handler == "小王"
    assert "open" in detail.timeline_model.agreements[events[-1].seq]
    # An hour before it, the alert comes (tray and banner), like a platform clock's.
    wake_at(running, clock, by - H)
    titles = [t for t, _ in running.tray.messages]
    assert titles == ["Kuaishou KS-F1 · follow up within 1 h"]
    assert running.center.banner.model.rowCount() == 1
    # Done in time: kept, and no more alerts for it.
    detail.follow_ups.doneRequested.emit(f.id)
    (f,) = ctx.follow_ups.for_case(cid)
    assert f.status.value == "kept" and f.done_by == "小王"
    assert "kept" in detail.timeline_model.agreements[f.event_seq]
    assert f.id not in detail.follow_ups.countdowns
    wake_at(running, clock, by - 15 * M)
    assert len(running.tray.messages) == 1
    assert isinstance(clock.now(), datetime)


def test_handlers_in_settings_and_the_remembered_choice(window: MainWindow, ctx: AppContext) -> None:
    from app.ui.settings.dialog import open_settings_dialog

    dialog = open_settings_dialog(window)
    assert dialog.handlers is not None
    for name in ("小王", "老李"):
        dialog.handlers.name.setText(name)
        dialog.handlers.add()
    dialog.accept()
    assert ctx.handlers.names() == ["小王", "老李"]
    choice = window.handler_choice
    assert choice.needs_choice()  # the shop has handlers, none chosen here yet: asked at start
    choice.choose("老李")
    assert not choice.needs_choice() and keys.read(window.settings, CURRENT_HANDLER) == "老李"
    assert window.controller.handler() == "老李"
