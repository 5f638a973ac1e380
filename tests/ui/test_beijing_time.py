"""Platform times read the same on every computer: Beijing time, as the platforms show them.

These run with the process in Los Angeles time (TZ + tzset), where a window that used the
machine's zone showed a deadline 16 hours off (issue: the platform's clock is the truth).
"""

from __future__ import annotations

import os
import time
from collections.abc import Iterator
from datetime import UTC, datetime
from decimal import Decimal

import pytest
from pytestqt.qtbot import QtBot

from PySide6.QtCore import QDate, QLocale

from app.models.enums import Action, CaseType
from app.services.clock import BEIJING
from app.ui.cases.action_dialog import ActionContext, ActionDialog
from app.ui.cases.filter_bar import _epoch
from app.ui.common import formatting
from app.ui.shell.main_window import MainWindow

# 2026-11-02 10:00 Beijing = 02:00 UTC = 2026-11-01 18:00 in Los Angeles (PST).
T = int(datetime(2026, 11, 2, 10, 0, tzinfo=BEIJING).timestamp())


@pytest.fixture(autouse=True)
def in_los_angeles() -> Iterator[None]:
    before = os.environ.get("TZ")
    os.environ["TZ"] = "America/Los_Angeles"
    time.tzset()
    try:
        assert datetime.now().astimezone().utcoffset() != datetime.now(BEIJING).utcoffset()
        yield
    finally:
        if before is None:
            os.environ.pop("TZ", None)
        else:
            os.environ["TZ"] = before
        time.tzset()


def test_a_deadline_reads_in_beijing_time() -> None:
    text = formatting.epoch_text(T, QLocale(QLocale.Language.Chinese, QLocale.Country.China))
    assert "2026/11/2" in text and "10:00" in text


def test_the_action_form_shows_and_reads_beijing_time(qtbot: QtBot) -> None:
    now = datetime.fromtimestamp(T, UTC)
    dialog = ActionDialog(
        Action.EXTEND_DEADLINE, ActionContext(1, CaseType.RETURN_REFUND, requested=Decimal("9"), now=now)
    )
    qtbot.addWidget(dialog)
    assert dialog.at.dateTime().toString("yyyy-MM-dd HH:mm") == "2026-11-02 10:00"
    assert dialog.at.dateTime().toSecsSinceEpoch() == T
    assert dialog.due_at is not None and dialog.due_at.dateTime().toString("HH:mm") == "10:00"


def test_a_filter_day_is_a_beijing_day() -> None:
    assert _epoch(QDate(2026, 11, 2)) == int(datetime(2026, 11, 2, tzinfo=BEIJING).timestamp())


def test_the_status_bar_says_times_are_beijing_time(window: MainWindow) -> None:
    # The window fixture was built in this zone: it says so once, in the status bar.
    assert window.findChild(object, "beijingTimeLabel") is not None
