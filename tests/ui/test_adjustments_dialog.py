"""Rules → 平台节假日调整: a platform's dated change entered with its source, a bad one refused with
the form kept, and the open cases recounted."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from pytestqt.qtbot import QtBot

from PySide6.QtCore import QDate

from app.bootstrap import AppContext
from app.models.enums import Platform
from app.ui.common.tasks import TaskRunner
from app.ui.rules.adjustments_dialog import AdjustmentsDialog
from app.ui.shell.main_window import MainWindow


def make(qtbot: QtBot, ctx: AppContext, recounted: list[list[int]]) -> AdjustmentsDialog:
    d = AdjustmentsDialog(
        ctx.rules, Platform.KUAISHOU, TaskRunner(inline=True), lambda p: [3], recounted.append, date(2027, 1, 10)
    )
    qtbot.addWidget(d)
    return d


def test_an_adjustment_is_entered_with_its_source(qtbot: QtBot, ctx: AppContext) -> None:
    recounted: list[list[int]] = []
    d = make(qtbot, ctx, recounted)
    d.first.setDate(QDate(2027, 1, 25))
    d.last.setDate(QDate(2027, 2, 20))
    d.days.setValue(7)
    d.add()  # no source yet
    assert "announced" in d.message.text() or "公告" in d.message.text()
    assert recounted == [] and d.list.count() == 0
    d.source.setText("快手春节售后公告")
    d.add()
    assert recounted == [[3]]
    assert d.list.count() == 1 and "2027-01-25" in d.list.item(0).text()
    assert ctx.rules.adjustments_for(Platform.KUAISHOU)[0].extend_days == 7
    assert (ctx.data_dir / "rules" / "adjustments.toml").exists()
    d.remove_selected()
    assert ctx.rules.adjustments_for(Platform.KUAISHOU) == ()


def test_the_rules_screen_opens_it_for_its_platform(window: MainWindow, tmp_path: Path) -> None:
    rules = window.screen_widget("rules")
    rules.findChild(object, "openAdjustments").click()
    dialog = window.findChild(AdjustmentsDialog)
    assert dialog is not None and dialog.platform is rules.current_platform()
    dialog.close()
