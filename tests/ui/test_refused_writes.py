"""A refused write keeps the dialog open, with what was typed and the message beside its field;
a duplicate after-sales no. offers to open the case that has it."""

from __future__ import annotations

from datetime import timedelta

from app.bootstrap import AppContext
from app.models.enums import Action
from app.services.cases.service import ActionRequest
from app.services.clock import FixedClock
from app.ui.cases.action_dialog import ActionDialog
from app.ui.cases.dialogs import NewCaseDialog
from app.ui.shell.main_window import MainWindow
from tests.ui.helpers import add_cases, new_case


def test_a_duplicate_keeps_the_new_case_form_and_offers_the_existing_case(
    window: MainWindow, ctx: AppContext, clock: FixedClock
) -> None:
    (existing,) = add_cases(window, ctx, new_case("DUP-1", clock.now() - timedelta(hours=2)))
    window.new_case_action.trigger()
    dialog = window.controller.active_dialog
    assert isinstance(dialog, NewCaseDialog)
    dialog.platform.setCurrentIndex(dialog.platform.findData("kuaishou"))
    dialog.aftersale_no.setText("DUP-1")
    dialog.order_no.setText("O-9")
    dialog.amount.setText("45.00")
    dialog.buyer.setText("小鱼儿")
    dialog.submit()

    assert dialog.isVisible()
    assert getattr(window, "last_error", None) is None  # no error box over the form
    beside = dialog.field_errors["aftersale_no"]
    assert beside.isVisible() and "DUP-1" in beside.text() and "already exists" in beside.text()
    row_of_field = dialog._row_of(dialog.aftersale_no)
    assert dialog._row_of(beside) == row_of_field + 1  # right under the after-sales no.
    assert dialog.buyer.text() == "小鱼儿" and dialog.amount.text() == "45.00"
    assert dialog.offer.isVisible()

    dialog.offer.click()
    assert not dialog.isVisible()
    assert window.controller.detail.case_id == existing
    assert window.cases.current_id() == existing


def test_every_action_dialog_keeps_its_input_when_the_service_refuses(
    window: MainWindow, ctx: AppContext, clock: FixedClock
) -> None:
    (case_id,) = add_cases(window, ctx, new_case("ACT-1", clock.now() - timedelta(hours=1)))
    window.controller.open_case(case_id)
    window.controller.detail.action_buttons["reject"].click()
    dialog = window.controller.active_dialog
    assert isinstance(dialog, ActionDialog)
    dialog.reason.setText("商品已拆封，影响二次销售")
    dialog.told_buyer.setChecked(True)
    ctx.cases.act(case_id, ActionRequest(Action.APPROVE))  # approved meanwhile, e.g. by an import
    dialog.submit()
    assert dialog.isVisible()
    assert dialog.error.text().startswith("changed elsewhere at 10:00")  # written since it was shown
    dialog.submit()  # against what is shown now: the workflow refuses it
    assert dialog.isVisible()
    assert "cannot" in dialog.error.text() or "not" in dialog.error.text()
    assert dialog.reason.text() == "商品已拆封，影响二次销售"
    assert getattr(window, "last_error", None) is None


def test_a_refusal_about_a_field_is_shown_beside_it(
    window: MainWindow, ctx: AppContext, clock: FixedClock
) -> None:
    (case_id,) = add_cases(window, ctx, new_case("ACT-2", clock.now() - timedelta(hours=3)))
    window.controller.open_case(case_id)
    window.controller.detail.action_buttons["note"].click()
    dialog = window.controller.active_dialog
    assert isinstance(dialog, ActionDialog)
    dialog.text.setPlainText("买家说下午再联系")
    dialog.earlier.setChecked(True)
    from PySide6.QtCore import QDateTime

    dialog.at.setDateTime(QDateTime.fromSecsSinceEpoch(int((clock.now() - timedelta(hours=5)).timestamp())))
    dialog.submit()  # before the case was opened: the service refuses the time
    assert dialog.isVisible()
    assert dialog.field_errors["at"].isVisible()
    assert dialog.text.toPlainText() == "买家说下午再联系"
    assert dialog.buttons.button(dialog.buttons.StandardButton.Ok).isEnabled()
