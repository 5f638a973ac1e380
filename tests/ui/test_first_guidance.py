"""A brand-new user is guided: the empty list says how cases get in, 帮助 has a guide with the
keyboard shortcuts (offline, in the app)."""

from __future__ import annotations

from datetime import timedelta

from app.bootstrap import AppContext
from app.services.clock import FixedClock
from app.ui.cases.dialogs import NewCaseDialog
from app.ui.shell.main_window import MainWindow
from tests.ui.helpers import add_cases, new_case


def test_the_empty_list_shows_how_to_begin(window: MainWindow, ctx: AppContext, clock: FixedClock) -> None:
    cases = window.cases
    assert cases.empty_state.isVisible() and not cases.table.isVisible()
    text = cases.empty_state.findChild(type(cases.loading), "emptyText").text()
    assert "import" in text.lower() and "drop" in text.lower()
    cases.empty_state.findChild(type(cases.new_button), "emptyNewCase").click()
    assert isinstance(window.controller.active_dialog, NewCaseDialog)
    window.controller.active_dialog.reject()

    opened: list[bool] = []
    assert window.import_flow is not None
    window.import_flow.action.triggered.disconnect()
    window.import_flow.action.triggered.connect(lambda: opened.append(True))
    cases.empty_state.findChild(type(cases.new_button), "emptyImport").click()
    assert opened == [True]

    add_cases(window, ctx, new_case("F-1", clock.now() - timedelta(hours=1)))
    assert cases.table.isVisible() and not cases.empty_state.isVisible()


def test_help_has_a_guide_with_the_shortcuts(window: MainWindow) -> None:
    assert window.guide_action in window.menu("help").actions()
    dialog = window.show_guide()
    text = dialog.browser.toPlainText()
    assert "Getting started" in text and "Keyboard shortcuts" in text
    keys = dict(dialog.shortcuts)
    assert keys["Ctrl+N"] == "New case" and keys["Ctrl+I"] == "Import" and "F5" in keys
    assert "http" not in dialog.browser.toHtml().replace("http://www.w3.org", "")  # offline
    dialog.close()
