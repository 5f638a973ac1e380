"""Rules → 节假日安排: the State Council's years to check, a year not known yet typed in from the
notice (a bad date is named and nothing typed is lost), and the open clocks recounted."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from app.services.rules import calendar as cal
from app.services.rules.holidays import YearSource, calendar_of, year_view
from app.ui.common.tasks import TaskRunner
from app.ui.rules.holidays_dialog import HolidayCalendarDialog
from app.ui.shell.main_window import MainWindow


@pytest.fixture(autouse=True)
def keep_default_calendar() -> Iterator[None]:
    before = cal.default_calendar()
    yield
    cal.set_default_calendar(before)


def first_unknown_year() -> int:
    year = 2026
    while cal.WorkCalendar().verified(year):
        year += 1
    return year


def dialog_for(qtbot: QtBot, data: Path, now_year: int, recounted: list[list[int]]) -> HolidayCalendarDialog:
    data.mkdir(parents=True, exist_ok=True)
    d = HolidayCalendarDialog(
        data, TaskRunner(inline=True), lambda: [7], recounted.append, datetime(now_year, 6, 1, tzinfo=UTC)
    )
    qtbot.addWidget(d)
    return d


def select(d: HolidayCalendarDialog, year: int) -> None:
    d.year_list.setCurrentRow(d.years.index(year))


def test_a_state_council_year_is_shown_to_check_and_cannot_be_edited(qtbot: QtBot, tmp_path: Path) -> None:
    d = dialog_for(qtbot, tmp_path / "data", 2026, [])
    select(d, 2026)
    assert d.holidays.isReadOnly()
    assert "2026-10-01" in d.holidays.toPlainText() and "2026-02-16" in d.holidays.toPlainText()
    assert "2026-02-14" in d.workdays.toPlainText()  # the Saturday worked before Spring Festival
    assert d.save_button.isHidden()
    assert "Template(" not in d.year_list.item(d.years.index(2026)).text()


def test_a_year_not_known_is_typed_in_and_recounts_the_clocks(qtbot: QtBot, tmp_path: Path) -> None:
    year = first_unknown_year()
    recounted: list[list[int]] = []
    data = tmp_path / "data"
    d = dialog_for(qtbot, data, year, recounted)
    select(d, year)
    assert not d.holidays.isReadOnly()
    d.holidays.setPlainText(f"{year}-01-01\n{year}-02-06 ~ {year}-02-12")
    d.workdays.setPlainText(f"{year}-13-40")  # a typo
    d.save()
    assert f"{year}-13-40" in d.message.text()
    assert d.workdays.toPlainText() == f"{year}-13-40"  # nothing typed is lost
    assert not (data / "calendar.toml").exists()
    d.workdays.setPlainText("")
    d.save()
    assert recounted == [[7]]
    assert year_view(calendar_of(data)[0], year).source is YearSource.MERCHANT
    assert f"{year}-02-09" in d.holidays.toPlainText()  # the range was expanded
    assert d.drop_button.isVisibleTo(d)
    d.drop()
    assert year_view(calendar_of(data)[0], year).source is YearSource.ESTIMATE


def test_the_rules_screen_opens_it(window: MainWindow, qtbot: QtBot) -> None:
    rules = window.screen_widget("rules")
    button = rules.findChild(object, "openHolidays")
    assert button is not None
    button.click()
    dialog = window.findChild(HolidayCalendarDialog)
    assert dialog is not None and dialog.isVisible()
    dialog.close()
