"""After an action the list stays where it was and the next case is selected (work down the list)."""

from __future__ import annotations

from datetime import timedelta

from PySide6.QtWidgets import QApplication

from app.bootstrap import AppContext
from app.services.clock import FixedClock
from app.services.listing.urgency import QuickTab
from app.ui.cases.action_dialog import ActionDialog
from app.ui.shell.main_window import MainWindow
from tests.ui.helpers import add_cases, listed_ids, new_case


def _approve_current(window: MainWindow) -> None:
    controller = window.controller
    case_id = window.cases.current_id()
    assert case_id is not None
    controller.open_case(case_id)
    controller.detail.action_buttons["approve"].click()
    dialog = controller.active_dialog
    assert isinstance(dialog, ActionDialog)
    dialog.submit()
    assert not dialog.isVisible()


def test_acting_selects_the_next_case_and_keeps_the_scroll(
    window: MainWindow, ctx: AppContext, clock: FixedClock
) -> None:
    now = clock.now()
    add_cases(window, ctx, *(new_case(f"K-{i:02}", now - timedelta(hours=40 - i)) for i in range(40)))
    window.cases.select_tab(QuickTab.NEEDS_ME)
    order = listed_ids(window)
    assert len(order) == 40
    table = window.cases.table
    bar = table.verticalScrollBar()
    # Somewhere in the middle, scrolled a little: approve it, the list must not move.
    window.cases.select_case(order[10])
    bar.setValue(5)
    QApplication.processEvents()
    _approve_current(window)
    assert order[10] not in listed_ids(window)  # approved: no longer awaiting me
    assert window.cases.current_id() == order[11]  # the next one, ready for the keyboard
    assert window.cases.selected_ids() == [order[11]]
    assert bar.value() == 5

    # In All the approved case re-sorts (a 10-day buyer clock): the view stays, the next is selected.
    window.cases.select_tab(QuickTab.ALL)
    all_order = listed_ids(window)
    window.cases.select_case(all_order[0])
    bar.setValue(0)
    _approve_current(window)
    assert window.cases.current_id() == all_order[1]
    assert bar.value() == 0
    # The open detail follows the selection: its buttons act on the case the list highlights
    # (a new user saw the panel on one case and the highlight on another).
    assert window.controller.detail.case_id == all_order[1]
