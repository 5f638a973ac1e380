"""The new-case dialog's shop follows its platform; a new shop only when the merchant says so."""

from __future__ import annotations

from app.bootstrap import AppContext
from app.models.enums import Platform
from app.services.cases.shops import ShopService
from app.ui.cases.dialogs import NewCaseDialog
from app.ui.shell.main_window import MainWindow


def _open(window: MainWindow) -> NewCaseDialog:
    window.new_case_action.trigger()
    dialog = window.controller.active_dialog
    assert isinstance(dialog, NewCaseDialog)
    return dialog


def _fill(dialog: NewCaseDialog, no: str) -> None:
    dialog.aftersale_no.setText(no)
    dialog.order_no.setText("O-" + no)
    dialog.amount.setText("20.00")


def test_shop_follows_platform_and_new_shops_are_explicit(window: MainWindow, ctx: AppContext) -> None:
    # As the welcome makes them: typed in this order, the first is not first by name.
    ShopService(ctx.sessions).ensure(
        [(Platform.KUAISHOU, "暖暖家居"), (Platform.KUAISHOU, "阿福小铺"), (Platform.DOUYIN, "抖店·暖暖")]
    )
    window.settings.setValue("shops/platforms", ["kuaishou", "douyin"])
    dialog = _open(window)
    dialog.platform.setCurrentIndex(dialog.platform.findData("kuaishou"))
    assert dialog.shop.currentText() == "暖暖家居"  # the first shop made, not the first by name
    assert not dialog.shop.isEditable()

    dialog.platform.setCurrentIndex(dialog.platform.findData("douyin"))
    shops = [dialog.shop.itemText(i) for i in range(dialog.shop.count())]
    assert shops == ["抖店·暖暖", "New shop…"]  # nothing of Kuaishou's carried over
    dialog.platform.setCurrentIndex(dialog.platform.findData("taobao"))
    assert dialog.shop.currentText() == "(no shop)"
    assert not dialog.new_shop.isVisible()

    dialog.shop.setCurrentIndex(dialog.shop.findText("New shop…"))
    assert dialog.new_shop.isVisible()
    _fill(dialog, "TB-1")
    dialog.submit()
    assert dialog.isVisible() and "new shop" in dialog.field_errors["new_shop"].text()
    dialog.new_shop.setText("淘宝·暖暖")
    dialog.submit()
    assert not dialog.isVisible()
    assert ("taobao", "淘宝·暖暖") in ctx.queries.shops()

    dialog = _open(window)
    dialog.platform.setCurrentIndex(dialog.platform.findData("douyin"))
    _fill(dialog, "DY-1")
    dialog.submit()
    assert not dialog.isVisible()
    case_id = ctx.cases.resolve_case_id("DY-1")
    detail = ctx.queries.detail(case_id)
    assert detail is not None and detail.fields["shop"] == "抖店·暖暖"
    assert len(ctx.queries.shops()) == 4  # no shop made silently
