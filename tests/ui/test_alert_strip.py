"""Acting on a case settles its alerts; the alert strip counts the time left down and is as tall
as its rows."""

from __future__ import annotations

from dataclasses import replace
from datetime import timedelta

from app.bootstrap import AppContext
from app.services.clock import FixedClock
from app.ui.cases.action_dialog import ActionDialog
from tests.ui.helpers import add_cases, new_case
from tests.ui.shell_fixtures import App


def _fire_due_alerts(app: App) -> None:
    scheduler = app.center.scheduler
    plan = scheduler.replan()
    assert plan.instant is not None
    scheduler.wake()


def test_acting_settles_the_alerts_and_the_strip_counts_down(
    running: App, ctx: AppContext, clock: FixedClock
) -> None:
    window = running.window
    ctx.alerts.settings = replace(ctx.alerts.settings, target_leads=())  # the platform's clocks only
    now = clock.now()
    first, second = add_cases(
        window,
        ctx,
        new_case("AL-1", now - timedelta(hours=47, minutes=50)),  # 10 min left on the merchant clock
        new_case("AL-2", now - timedelta(hours=47, minutes=30)),
    )
    _fire_due_alerts(running)
    banner = running.center.banner
    assert {n.case_id for n in banner.model.notices()} == {first, second}
    assert banner.isVisibleTo(window)

    # Sized to its two rows, not a fixed block.
    row = max(banner.view.sizeHintForRow(0), banner.view.fontMetrics().height() + 2)
    assert banner.view.height() == 2 * row + 2 * banner.view.frameWidth()
    assert banner.sizeHint().height() < 120

    def line(case_id: int) -> str:
        for r in range(banner.model.rowCount()):
            index = banner.model.index(r)
            if index.data(257) == case_id:
                return str(index.data())
        raise AssertionError(case_id)

    assert "10 min left" in line(first)
    clock.advance(timedelta(minutes=3))
    window.wall_clock.step()
    assert "7 min left" in line(first)  # live, not the snapshot of when it fired

    # Approve the first case: its alert is settled (no longer unread), the other stays.
    window.controller.open_case(first)
    window.controller.detail.action_buttons["approve"].click()
    dialog = window.controller.active_dialog
    assert isinstance(dialog, ActionDialog)
    dialog.submit()
    assert {n.case_id for n in banner.model.notices()} == {second}
    assert {a.case_id for a in ctx.alerts.unseen()} == {second}
