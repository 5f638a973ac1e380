"""Service messages in the window follow the UI language: Chinese under zh_CN, English under en."""

from __future__ import annotations

from collections.abc import Callable
from datetime import timedelta
from pathlib import Path

from pytestqt.qtbot import QtBot

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel

from app.bootstrap import AppContext
from app.models.enums import Action
from app.services.cases.service import ActionRequest
from app.services.clock import FixedClock
from app.ui.cases.action_dialog import ActionDialog
from app.ui.common.tasks import TaskRunner
from app.ui.importing.preview_model import COL_MESSAGE
from app.ui.importing.wizard import ImportWizard
from app.ui.shell.main_window import MainWindow
from tests.ui.helpers import add_cases, new_case

UNKNOWN_AND_BROKEN = "售后单号,订单号,售后状态,申请时间,退款金额\nA1,1,风控冻结中,2026-11-01 09:00,9\nA2,2,待商家处理,2026-13-45 10:00,9\n"


def preview(qtbot: QtBot, ctx: AppContext, path: Path) -> ImportWizard:
    wizard = ImportWizard(ctx.importer, TaskRunner(inline=True))
    qtbot.addWidget(wizard)
    wizard.file_page.path_edit.setText(str(path))
    wizard.show()
    wizard.next()
    return wizard


def test_import_preview_shows_row_problems_in_chinese(
    use_language: Callable[[str], None], qtbot: QtBot, ctx: AppContext, tmp_path: Path
) -> None:
    use_language("zh_CN")
    f = tmp_path / "a.csv"
    f.write_text(UNKNOWN_AND_BROKEN, encoding="utf-8")
    page = preview(qtbot, ctx, f).preview_page
    model = page.model
    unknown, broken = model.index(0, COL_MESSAGE), model.index(1, COL_MESSAGE)
    assert unknown.data() == "未知的售后状态「风控冻结中」：请把它对应到我们的阶段"
    assert unknown.data(Qt.ItemDataRole.ToolTipRole) == unknown.data()
    assert broken.data() == "申请时间：日期不存在：「2026-13-45 10:00」"
    # the unknown status is offered for mapping, to our stages by their Chinese names
    combo = page._status_combos["风控冻结中"]
    label = page.fix_form.labelForField(combo)
    assert isinstance(label, QLabel) and label.text() == "状态“风控冻结中”"
    assert [combo.itemText(i) for i in range(1, 3)] == ["待商家处理", "待买家退货"]


def test_import_preview_stays_english_under_english(
    use_language: Callable[[str], None], qtbot: QtBot, ctx: AppContext, tmp_path: Path
) -> None:
    use_language("en")
    f = tmp_path / "a.csv"
    f.write_text(UNKNOWN_AND_BROKEN, encoding="utf-8")
    model = preview(qtbot, ctx, f).preview_page.model
    assert model.index(0, COL_MESSAGE).data() == "unknown status '风控冻结中': map it to one of our stages"
    assert model.index(1, COL_MESSAGE).data() == "申请时间: not a valid date: '2026-13-45 10:00'"


def test_a_file_the_wizard_cannot_read_is_explained_in_chinese(
    use_language: Callable[[str], None], qtbot: QtBot, ctx: AppContext, tmp_path: Path
) -> None:
    use_language("zh_CN")
    page_as_xls = tmp_path / "list.xls"
    page_as_xls.write_bytes(b"<html><table><tr><td>x</td></tr></table></html>")
    page = preview(qtbot, ctx, page_as_xls).preview_page
    assert page.summary.text() == "无法导入：list.xls 是以 Excel 文件名保存的网页：请用 Excel 打开并另存为 .xlsx"


def test_an_action_the_service_refuses_is_explained_in_chinese(
    use_language: Callable[[str], None], window: MainWindow, ctx: AppContext, clock: FixedClock
) -> None:
    use_language("zh_CN")
    (case_id,) = add_cases(window, ctx, new_case("Z-1", clock.now() - timedelta(hours=1)))
    window.controller.open_case(case_id)
    window.controller.detail.action_buttons["approve"].click()
    dialog = window.controller.active_dialog
    assert isinstance(dialog, ActionDialog)
    ctx.cases.act(case_id, ActionRequest(Action.APPROVE))  # approved meanwhile, e.g. by an import
    dialog.submit()
    assert dialog.isVisible()  # the refusal stays in the dialog
    assert dialog.shown_error() == "已于 10:00 在别处处理：待买家退货（同意）；请查看案件后重试"
    dialog.submit()  # against the case as it is now
    assert dialog.shown_error() == (
        "退货退款售后在「待买家退货」阶段不能「同意」（现在可以：买家寄回、买家撤销、申请平台介入、延长期限、备注）"
    )
