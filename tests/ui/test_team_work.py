"""Issue 19: two windows on one database (two PCs). A change in one shows in the other after the
outside-writes poll (driven with the injected clock); a write made in the second against what it
showed before is refused with who wrote first, the dialog keeps what was typed, the case is shown
afresh. Claim / assign / release from the list and the detail; the Mine filter."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import timedelta
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QPushButton

from app.bootstrap import AppContext
from app.models.enums import Action
from app.services.cases.service import ActionRequest
from app.services.clock import BEIJING, FixedClock
from app.ui.cases import table_model as ctm
from app.ui.cases.action_dialog import ActionDialog
from app.ui.common.tasks import TaskRunner
from app.ui.desk.handler_choice import CURRENT_HANDLER
from app.ui.settings import keys
from app.ui.shell.main_window import MainWindow
from tests.ui.helpers import STAGE, add_cases, cell, listed_ids, new_case


@pytest.fixture
def team(ctx: AppContext) -> AppContext:
    ctx.handlers.set_names(["小王", "小李"])
    return ctx


def _as(settings: QSettings, name: str) -> QSettings:
    keys.write(settings, CURRENT_HANDLER, name)
    return settings


@pytest.fixture
def window(qtbot: QtBot, team: AppContext, settings: QSettings, clock: FixedClock) -> Iterator[MainWindow]:
    """小王's window."""
    w = MainWindow(clock, _as(settings, "小王"), TaskRunner(inline=True), team.data_dir, tz=BEIJING)
    qtbot.addWidget(w)
    w.attach(team)
    w.resize(1400, 800)
    w.show()
    yield w
    w.close()


@pytest.fixture
def second(qtbot: QtBot, team: AppContext, clock: FixedClock, tmp_path: Path) -> Iterator[MainWindow]:
    """小李's window on another PC: its own context (engine, sessions) on the same database."""
    other = AppContext.open(team.data_dir, clock)
    settings = _as(QSettings(str(tmp_path / "second.ini"), QSettings.Format.IniFormat), "小李")
    w = MainWindow(clock, settings, TaskRunner(inline=True), other.data_dir, tz=BEIJING)
    qtbot.addWidget(w)
    w.attach(other)
    w.resize(1400, 800)
    w.show()
    yield w
    w.close()
    other.close()


def test_a_change_in_one_window_shows_in_the_other(
    window: MainWindow, second: MainWindow, team: AppContext, clock: FixedClock
) -> None:
    (case_id,) = add_cases(window, team, new_case("T-1", clock.now() - timedelta(hours=1)))
    second.wall_clock.step()
    assert listed_ids(second) == [case_id]
    window.controller.open_case(case_id)
    window.controller.detail.action_buttons["approve"].click()
    window.controller.active_dialog.submit()
    assert cell(second, case_id, STAGE) == "Awaiting merchant"  # not polled yet
    second.wall_clock.step()
    assert cell(second, case_id, STAGE) == "Awaiting buyer's return"


def test_a_stale_write_is_refused_with_the_message_and_the_dialog_keeps_the_text(
    window: MainWindow, second: MainWindow, team: AppContext, clock: FixedClock
) -> None:
    (case_id,) = add_cases(window, team, new_case("T-2", clock.now() - timedelta(hours=1)))
    second.wall_clock.step()
    second.controller.open_case(case_id)
    second.controller.detail.action_buttons["reject"].click()
    dialog = second.controller.active_dialog
    assert isinstance(dialog, ActionDialog)
    dialog.reason.setText("买家拍错了，已电话确认")
    if dialog.told_buyer is not None:
        dialog.told_buyer.setChecked(True)

    window.controller.open_case(case_id)  # meanwhile 小王 approves in his window
    window.controller.detail.action_buttons["approve"].click()
    window.controller.active_dialog.submit()

    second.wall_clock.step()  # the poll: 小李's list and detail show the approval behind the dialog
    assert cell(second, case_id, STAGE) == "Awaiting buyer's return"
    dialog.submit()
    assert dialog.isVisible()
    assert dialog.shown_error().startswith("already handled by 小王 at 10:00: awaiting_buyer_return (approve)")
    assert dialog.reason.text() == "买家拍错了，已电话确认"
    detail = team.queries.detail(case_id)
    assert detail is not None and detail.row.stage == "awaiting_buyer_return" and len(detail.events) == 2
    assert second.controller.detail.version == 2


def test_a_stale_write_refreshes_the_case_even_before_the_poll(
    window: MainWindow, second: MainWindow, team: AppContext, clock: FixedClock, use_language
) -> None:  # type: ignore[no-untyped-def]
    use_language("zh_CN")
    (case_id,) = add_cases(window, team, new_case("T-3", clock.now() - timedelta(hours=1)))
    second.wall_clock.step()
    second.controller.open_case(case_id)
    second.controller.edit_case(case_id)
    edit = second.controller.active_dialog
    edit.edits["buyer_nick"].setText("小美")
    team.cases.act(case_id, ActionRequest(Action.APPROVE, handler="小王"))  # 小王, from the CLI
    edit.submit()
    assert edit.isVisible() and edit.edits["buyer_nick"].text() == "小美"
    assert edit.shown_error() == "已被 小王 在 10:00 处理：待买家退货（同意）；请查看案件后重试"
    assert cell(second, case_id, STAGE) == "待买家退货"  # shown afresh at once, no poll needed
    edit.submit()  # made against what is shown now: done
    assert not edit.isVisible()
    assert team.queries.detail(case_id).fields["buyer_nick"] == "小美"  # type: ignore[union-attr]


def test_claim_assign_release_from_the_list_and_the_detail(
    window: MainWindow, team: AppContext, clock: FixedClock
) -> None:
    ids = add_cases(
        window,
        team,
        new_case("A-1", clock.now() - timedelta(hours=1)),
        new_case("A-2", clock.now() - timedelta(hours=2)),
    )
    controller = window.controller
    table_actions = {a.objectName() for a in window.cases.table.actions()}
    assert {"claimAction", "assignAction", "releaseAction"} <= table_actions  # the context menu
    assert controller.claim_action.shortcut().toString() == "Ctrl+M"
    window.cases.select_case(ids[0])
    controller.claim_action.trigger()
    assert cell(window, ids[0], ctm.COL_HANDLER) == "小王"
    assert team.queries.detail(ids[0]).fields["assignee"] == "小王"  # type: ignore[union-attr]

    controller.open_case(ids[1])
    buttons = {b.defaultAction().objectName() for b in controller.detail.assign_buttons}
    assert buttons == {"claimAction", "assignAction", "releaseAction"}
    controller.assign_action.trigger()
    dialog = controller.active_dialog
    assert dialog.objectName() == "assignTo" and dialog.comboBoxItems() == ["小王", "小李"]
    dialog.textValueSelected.emit("小李")
    assert cell(window, ids[1], ctm.COL_HANDLER) == "小李"
    assert controller.detail.assignee.text() == "Assigned to: 小李"
    timeline = controller.detail.timeline_model
    last = timeline.rowCount() - 1
    assert timeline.index(last, 4).data() == "Assigned: nobody → 小李"
    assert timeline.index(last, 1).data() == "Merchant · 小王"

    # Mine: only 小王's case
    mine = window.cases.mine_button
    assert mine.isVisible()
    mine.setChecked(True)
    assert listed_ids(window) == [ids[0]]
    mine.setChecked(False)
    assert sorted(listed_ids(window)) == sorted(ids)

    controller.release_action.trigger()  # the detail's case (selected)
    assert cell(window, ids[1], ctm.COL_HANDLER) == ""
    assert controller.detail.assignee.text() == "Unassigned"


def test_a_claim_on_an_outdated_list_is_refused(
    window: MainWindow, second: MainWindow, team: AppContext, clock: FixedClock
) -> None:
    (case_id,) = add_cases(window, team, new_case("A-3", clock.now() - timedelta(hours=1)))
    second.wall_clock.step()
    window.cases.select_case(case_id)
    window.controller.claim_action.trigger()
    second.cases.select_case(case_id)
    second.controller.claim_action.trigger()  # 小李 had not seen 小王 take it
    assert "already handled by 小王" in (second.last_error or "")
    assert team.queries.detail(case_id).fields["assignee"] == "小王"  # type: ignore[union-attr]
    second.wall_clock.step()
    assert cell(second, case_id, ctm.COL_HANDLER) == "小王"


def test_without_a_current_handler_there_is_no_mine_filter(
    qtbot: QtBot, ctx: AppContext, settings: QSettings, clock: FixedClock
) -> None:
    w = MainWindow(clock, settings, TaskRunner(inline=True), ctx.data_dir, tz=BEIJING)
    qtbot.addWidget(w)
    w.attach(ctx)
    w.show()
    assert not w.cases.mine_button.isVisible()
    assert w.findChild(QPushButton, "mineFilter") is w.cases.mine_button
    w.close()


def test_the_shop_rule_is_set_in_settings(window: MainWindow, team: AppContext) -> None:
    from PySide6.QtWidgets import QComboBox

    from app.models.enums import Platform
    from app.ui.settings.dialog import open_settings_dialog

    team.shops.ensure([(Platform.KUAISHOU, "暖暖家居"), (Platform.KUAISHOU, "暖暖旗舰店")])
    dialog = open_settings_dialog(window)
    assert dialog.handlers is not None
    table = dialog.handlers.shops
    assert table.rowCount() == 2
    combo = table.cellWidget(0, 1)
    assert isinstance(combo, QComboBox)
    assert [combo.itemText(i) for i in range(combo.count())] == ["(unassigned)", "小王", "小李"]
    shop_of_row = table.item(0, 0).text().split(" · ")[1]
    combo.setCurrentIndex(combo.findData("小李"))
    dialog.accept()
    rules = {r.shop: r.assignee for r in team.assignments.shop_rules()}
    assert rules[shop_of_row] == "小李" and list(rules.values()).count(None) == 1


def test_the_alerts_and_the_tray_follow_the_current_handler(
    qapp, qtbot: QtBot, team: AppContext, settings: QSettings, clock: FixedClock
) -> None:  # type: ignore[no-untyped-def]
    from tests.services.test_alerts import H, merchant_due
    from tests.ui.fakes import FakeNotifier
    from tests.ui.shell_fixtures import close_app, make_app, wake_at

    start = clock.now()
    theirs = team.cases.add_case(new_case("AL-1", start))
    nobody = team.cases.add_case(new_case("AL-2", start - timedelta(minutes=1)))
    team.assignments.assign(theirs, "小李")
    app = make_app(qapp, qtbot, team, _as(settings, "小王"), clock, FakeNotifier())
    try:
        assert team.alerts.viewer == "小王"
        wake_at(app, clock, merchant_due(team, theirs) - 6 * H)
        assert {n.case_id for n in app.center.banner.model.notices()} == {nobody}
        assert team.alerts.tray_status().due_within_24h == 1
        app.window.handler_choice.choose("小李")
        assert team.alerts.viewer == "小李"
        assert app.center.banner.model.notices() == []  # 小李 has seen nothing yet
        assert team.alerts.tray_status().due_within_24h == 2
        app.center.scheduler.wake()
        assert {n.case_id for n in app.center.banner.model.notices()} == {theirs, nobody}
    finally:
        close_app(app, qapp)
