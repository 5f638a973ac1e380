"""Create a case through the dialog, see it listed and counting down, act on it in the detail panel."""

from __future__ import annotations

from collections.abc import Callable
from datetime import timedelta
from decimal import Decimal
from pathlib import Path

from pytestqt.qtbot import QtBot

from PySide6.QtCore import QDateTime
from PySide6.QtWidgets import QPushButton

from app.bootstrap import AppContext
from app.models.enums import Action, CaseType, Platform
from app.services.clock import FixedClock
from app.services.rules.workflow import COMPENSATION_ACTIONS
from app.ui.cases.action_dialog import ActionContext, ActionDialog
from app.ui.cases.dialogs import NewCaseDialog
from app.ui.shell.main_window import MainWindow
from tests.ui.helpers import CONSEQUENCE, COUNTDOWN, STAGE, add_cases, cell, new_case


def _fill_new_case(dialog: NewCaseDialog, platform: str, case_type: str, aftersale: str, amount: str) -> None:
    dialog.platform.setCurrentIndex(dialog.platform.findData(platform))
    dialog.case_type.setCurrentIndex(dialog.case_type.findData(case_type))
    dialog.aftersale_no.setText(aftersale)
    dialog.order_no.setText("5550001")
    dialog.amount.setText(amount)
    dialog.shop.setCurrentIndex(dialog.shop.findText("New shop…"))
    dialog.new_shop.setText("快手·暖暖家居")
    dialog.buyer.setText("小鱼儿")
    dialog.phone.setText("13812345678")


def test_new_case_dialog_then_list_then_detail_actions(
    window: MainWindow, ctx: AppContext, clock: FixedClock
) -> None:
    controller = window.controller
    window.new_case_action.trigger()
    dialog = controller.active_dialog
    assert isinstance(dialog, NewCaseDialog)

    # validation: nothing filled in → an error in the dialog, no case
    dialog.submit()
    assert dialog.isVisible() and "after-sales no." in dialog.error.text()
    _fill_new_case(dialog, "kuaishou", "return_refund", "KS-NEW-1", "12.345")
    dialog.submit()
    assert "Not an amount" in dialog.shown_error()
    dialog.amount.setText("128.50")
    dialog.submit()
    assert not dialog.isVisible()

    case_id = ctx.cases.resolve_case_id("KS-NEW-1")
    # listed with Kuaishou's 48 h merchant clock, opened in the detail panel
    assert cell(window, case_id, COUNTDOWN) == "2d 00:00:00"
    assert cell(window, case_id, CONSEQUENCE) == "Auto-approve"
    assert window.controller.detail.case_id == case_id
    assert window.cases.current_id() == case_id

    # the countdown follows the injected clock on the next tick
    clock.advance(timedelta(hours=1, minutes=12, seconds=15))
    window.cases.tick()
    assert cell(window, case_id, COUNTDOWN) == "1d 22:47:45"
    assert window.controller.detail.countdown.text() == "1d 22:47:45"

    # approve from the detail panel: the stage, the timeline and the clock change
    detail = window.controller.detail
    assert set(detail.action_buttons) >= {"approve", "reject", "refund", "note"}
    assert "buyer_ship" not in detail.action_buttons
    detail.action_buttons["approve"].click()
    action_dialog = controller.active_dialog
    assert isinstance(action_dialog, ActionDialog)
    action_dialog.submit()
    assert cell(window, case_id, STAGE) == "Awaiting buyer's return"
    assert cell(window, case_id, COUNTDOWN) == "10d 00:00:00"
    assert cell(window, case_id, CONSEQUENCE) == "Auto-close (Buyer's clock)"
    assert detail.timeline_model.rowCount() == 2
    assert "buyer_ship" in detail.action_buttons and "approve" not in detail.action_buttons

    # the buyer ships: tracking no. is required, freight needs a payer
    detail.action_buttons["buyer_ship"].click()
    ship = controller.active_dialog
    assert isinstance(ship, ActionDialog)
    ship.submit()
    assert "tracking no." in ship.error.text()
    ship.tracking.setText("SF1234567890")
    ship.freight.setText("12")
    ship.submit()
    assert "freight" in ship.error.text().lower()
    ship.freight_payer.setCurrentIndex(ship.freight_payer.findData("buyer"))
    ship.submit()
    assert not ship.isVisible()
    assert cell(window, case_id, STAGE) == "Awaiting merchant receipt"
    assert cell(window, case_id, COUNTDOWN) == "10d 00:00:00"  # 10 days from the buyer's shipment
    timeline = detail.timeline_model
    last = timeline.index(timeline.rowCount() - 1, 4).data()
    assert "SF1234567890" in last and "¥12.00" in last and "Buyer" in last


def test_reject_needs_reason_and_buyer_told(window: MainWindow, ctx: AppContext, clock: FixedClock) -> None:
    (case_id,) = add_cases(window, ctx, new_case("R-1", clock.now() - timedelta(hours=1)))
    window.controller.open_case(case_id)
    window.controller.detail.action_buttons["reject"].click()
    dialog = window.controller.active_dialog
    assert isinstance(dialog, ActionDialog)
    assert dialog.findChild(type(dialog.error), "rejectReminder") is not None
    dialog.submit()
    assert "reason" in dialog.error.text()
    dialog.reason.setText("商品已拆封")
    dialog.submit()
    assert "Tell the buyer first" in dialog.error.text()
    dialog.told_buyer.setChecked(True)
    dialog.submit()
    assert cell(window, case_id, STAGE) == "Rejected by merchant"


def test_action_refused_by_service_shows_message(
    window: MainWindow, ctx: AppContext, clock: FixedClock
) -> None:
    (case_id,) = add_cases(window, ctx, new_case("E-1", clock.now() - timedelta(hours=1)))
    window.controller.open_case(case_id)
    window.controller.detail.action_buttons["extend_deadline"].click()
    dialog = window.controller.active_dialog
    assert isinstance(dialog, ActionDialog)
    dialog.reason.setText("春节延长")
    dialog.due_at.setDateTime(
        QDateTime.fromSecsSinceEpoch(int((clock.now() - timedelta(hours=2)).timestamp()))
    )
    dialog.submit()
    assert "future" in dialog.error.text()
    dialog.due_at.setDateTime(
        QDateTime.fromSecsSinceEpoch(int((clock.now() + timedelta(days=5)).timestamp()))
    )
    dialog.submit()
    assert cell(window, case_id, COUNTDOWN) == "5d 00:00:00"


def test_detail_masks_phone_until_shown(window: MainWindow, ctx: AppContext, clock: FixedClock) -> None:
    (case_id,) = add_cases(
        window,
        ctx,
        new_case(
            "P-1", clock.now(), buyer_phone="13812345678", buyer_address="浙江省杭州市西湖区文三路 100 号"
        ),
    )
    window.controller.open_case(case_id)
    detail = window.controller.detail
    phone = detail.findChild(type(detail.title), "buyerPhone")
    assert phone.text() == "138****5678"
    detail.show_private.click()
    phone = detail.findChild(type(detail.title), "buyerPhone")
    assert phone.text() == "13812345678"


def test_attachments_are_copied_with_safe_names(
    window: MainWindow, ctx: AppContext, clock: FixedClock, tmp_path: Path
) -> None:
    (case_id,) = add_cases(window, ctx, new_case("A-1", clock.now()))
    photo = tmp_path / "退货 照片?.png"
    from PySide6.QtGui import QColor, QImage

    image = QImage(40, 30, QImage.Format.Format_RGB32)
    image.fill(QColor("red"))
    assert image.save(str(photo), "PNG")
    window.controller.open_case(case_id)
    window.controller.detail.attachments.filesDropped.emit([photo])
    stored = list((ctx.data_dir / "attachments").iterdir())
    assert len(stored) == 1 and stored[0].name.startswith(f"{case_id}-") and stored[0].suffix == ".png"
    items = window.controller.detail.attachments.list
    assert items.count() == 1 and items.item(0).text() == "退货 照片?.png"
    assert not items.item(0).icon().isNull()


def test_edit_fields_records_a_note(window: MainWindow, ctx: AppContext, clock: FixedClock) -> None:
    (case_id,) = add_cases(window, ctx, new_case("ED-1", clock.now(), platform=Platform.TAOBAO))
    window.controller.open_case(case_id)
    window.controller.detail.findChild(QPushButton, "editFields").click()
    dialog = window.controller.active_dialog
    dialog.edits["handler"].setText("阿杰")
    dialog.edits["refund_requested"].setText("abc")
    dialog.submit()
    assert "Not an amount" in dialog.shown_error()
    dialog.edits["refund_requested"].setText("88.00")
    dialog.submit()
    assert cell(window, case_id, 13) == "阿杰"  # COL_HANDLER
    assert cell(window, case_id, 11) == "¥88.00"  # COL_AMOUNT
    timeline = window.controller.detail.timeline_model
    assert timeline.index(timeline.rowCount() - 1, 2).data() == "Note"


def test_delete_asks_first(window: MainWindow, ctx: AppContext, clock: FixedClock) -> None:
    ids = add_cases(
        window, ctx, new_case("D-1", clock.now()), new_case("D-2", clock.now(), case_type=CaseType.EXCHANGE)
    )
    window.cases.select_case(ids[0])
    window.delete_action.trigger()
    box = window.controller.active_dialog
    assert box.objectName() == "confirmDelete"
    box.button(box.StandardButton.No).click()
    assert window.cases.proxy.row_of_case(ids[0]) is not None
    window.cases.select_case(ids[0])
    window.delete_action.trigger()
    box = window.controller.active_dialog
    box.button(box.StandardButton.Yes).click()
    assert window.cases.proxy.row_of_case(ids[0]) is None
    assert window.cases.proxy.row_of_case(ids[1]) is not None


def test_the_action_dialog_offers_compensation_where_the_service_takes_it(
    window: MainWindow, ctx: AppContext, clock: FixedClock
) -> None:
    context = ActionContext(1, CaseType.RETURN_REFUND, Decimal("129.00"), now=clock.now())
    offered = {
        a for a in Action if a is not Action.OPEN and ActionDialog(a, context).compensation is not None
    }
    assert offered == set(COMPENSATION_ACTIONS)

    (case_id,) = add_cases(window, ctx, new_case("C-1", clock.now() - timedelta(hours=1)))
    window.controller.open_case(case_id)
    window.controller.detail.action_buttons["approve"].click()
    dialog = window.controller.active_dialog
    assert isinstance(dialog, ActionDialog) and dialog.compensation is not None
    dialog.compensation.setText("20.5.1")
    dialog.submit()
    assert "Not an amount" in dialog.shown_error()
    dialog.compensation.setText("¥20.50")
    dialog.submit()
    assert not dialog.isVisible()
    timeline = window.controller.detail.timeline_model
    assert "Compensation: ¥20.50" in timeline.index(timeline.rowCount() - 1, 4).data()


def test_the_approval_of_a_return_agrees_the_refund_and_the_service_caps_it(
    window: MainWindow, ctx: AppContext, clock: FixedClock
) -> None:
    """The window offers the agreed amount on a return's approval and shows the service's refusal."""
    (case_id,) = add_cases(
        window, ctx, new_case("P-1", clock.now() - timedelta(hours=1), amount=Decimal("100.00"))
    )
    window.controller.open_case(case_id)
    window.controller.detail.action_buttons["approve"].click()
    dialog = window.controller.active_dialog
    assert isinstance(dialog, ActionDialog) and dialog.amount is not None
    assert dialog.amount.text() == "100.00"
    dialog.amount.setText("500")
    dialog.submit()
    assert dialog.isVisible()
    assert dialog.shown_error() == "refund 500.00 is more than the buyer asked for (100.00)"  # beside the amount
    dialog.amount.setText("60")
    dialog.submit()
    assert not dialog.isVisible()
    detail = ctx.queries.detail(case_id)
    assert detail is not None and detail.events[-1].payload == {"amount": "60.00"}


def test_the_window_shows_the_cap_in_chinese(
    use_language: Callable[[str], None], qtbot: QtBot, clock: FixedClock
) -> None:
    use_language("zh_CN")
    context = ActionContext(1, CaseType.REFUND_ONLY, Decimal("100.00"), now=clock.now())
    dialog = ActionDialog(Action.REFUND, context)
    qtbot.addWidget(dialog)
    assert dialog.amount is not None
    dialog.amount.setText("150")
    dialog.submit()
    assert dialog.shown_error() == "退款金额 ¥150.00 超过买家申请的 ¥100.00"


def test_the_shipment_form_records_goods_sent_or_the_repair_cost(qtbot: QtBot, clock: FixedClock) -> None:
    """Issue 16, item 6: what a reship/exchange sends out, what a repair costs, where it is typed."""
    reship = ActionDialog(
        Action.SHIP_REPLACEMENT, ActionContext(1, CaseType.RESHIP, Decimal("30"), now=clock.now())
    )
    qtbot.addWidget(reship)
    assert reship.goods_value is not None and reship.repair_cost is None
    reship.tracking.setText("YT1")  # type: ignore[union-attr]
    reship.goods_value.setText("¥28.5")
    assert reship.collect().request.payload == {"tracking": "YT1", "goods_value": "28.50"}
    repair = ActionDialog(
        Action.SHIP_REPLACEMENT, ActionContext(2, CaseType.REPAIR, Decimal("30"), now=clock.now())
    )
    qtbot.addWidget(repair)
    assert repair.repair_cost is not None and repair.goods_value is None
    repair.tracking.setText("YT2")  # type: ignore[union-attr]
    repair.repair_cost.setText("15")
    assert repair.collect().request.payload == {"tracking": "YT2", "repair_cost": "15.00"}
    assert (
        ActionDialog(
            Action.APPROVE, ActionContext(3, CaseType.RESHIP, Decimal("30"), now=clock.now())
        ).goods_value
        is None
    )


def test_the_open_detail_follows_the_selected_case(window, ctx, qtbot) -> None:  # type: ignore[no-untyped-def]
    """A new user saw the list highlight one case while the panel showed another (after an
    import and after a clock ran out): the panel's buttons must act on the highlighted case."""
    from app.models.enums import CaseType, Platform, Reason
    from app.services.cases.service import NewCase

    now = ctx.clock.now()
    new = [NewCase(Platform.KUAISHOU, CaseType.REFUND_ONLY, Reason.QUALITY, f"O{i}", f"KSF{i}", Decimal("9"), now) for i in range(2)]
    ids = [ctx.cases.add_case(n) for n in new]
    window.controller.load_all()
    window.controller.open_case(ids[0])
    assert window.controller.detail.case_id == ids[0]
    window.cases.select_case(ids[1])
    assert window.controller.detail.case_id == ids[1]
