"""Rules → 节假日安排…: each year's holidays and make-up working days (调休), and where they come from.

The State Council's years (from the chinesecalendar package) are shown to check against the
notice; a year the package does not know is counted Monday to Friday and says so; the
merchant can type that year's schedule from the notice (or import a calendar file from
another shop). A saved year recounts every open working-day clock at once.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.services.clock import BEIJING
from app.services.errors import InvalidInput
from app.services.rules.calendar import default_calendar
from app.services.rules.holidays import (
    SOURCE_SHORT,
    YearSource,
    YearView,
    import_file,
    save_year,
    schedule_from_text,
    year_view,
)
from app.ui.common.service_text import error_text, say
from app.ui.common.tasks import TaskRunner

SOURCE_COLOURS = {YearSource.ESTIMATE: QColor("#e8590c"), YearSource.MERCHANT: QColor("#1971c2")}


def _days(view: YearView, which: str) -> str:
    days = view.holidays if which == "holidays" else view.workdays
    return "\n".join(d.isoformat() for d in days)


class HolidayCalendarDialog(QDialog):
    def __init__(
        self,
        data_dir: Path,
        runner: TaskRunner,
        recount: Callable[[], list[int]],
        on_recounted: Callable[[list[int]], None],
        now: datetime,
        parent: Any = None,
    ) -> None:
        """`recount()` recounts the open working-day clocks (on the runner); `on_recounted(ids)`
        hears which cases moved."""
        super().__init__(parent)
        self.setObjectName("holidayDialog")
        self.setWindowTitle(self.tr("Holiday calendar"))
        self.data_dir = data_dir
        self.runner = runner
        self.recount = recount
        self.on_recounted = on_recounted
        this_year = now.astimezone(BEIJING).year
        self.years = list(range(this_year - 1, this_year + 3))

        intro = QLabel(
            self.tr(
                "Clocks counted in working days (e.g. 2 working days) skip these holidays and count "
                "these make-up working weekends. Check each year against the State Council's notice; "
                "for a year not known yet, type it in from the notice."
            )
        )
        intro.setWordWrap(True)
        self.year_list = QListWidget()
        self.year_list.setObjectName("holidayYears")
        self.year_list.setMinimumWidth(200)
        self.year_list.setMaximumWidth(260)
        self.source = QLabel()
        self.source.setObjectName("holidaySource")
        self.source.setWordWrap(True)
        self.holidays = QPlainTextEdit()
        self.holidays.setObjectName("holidayDays")
        self.holidays.setPlaceholderText(self.tr("e.g.\n2027-02-06~2027-02-12\n2027-04-05"))
        self.workdays = QPlainTextEdit()
        self.workdays.setObjectName("holidayWorkdays")
        self.workdays.setPlaceholderText(self.tr("e.g.\n2027-02-13"))
        self.message = QLabel()
        self.message.setObjectName("formError")
        self.message.setWordWrap(True)
        self.save_button = QPushButton(self.tr("Save this year"))
        self.save_button.setObjectName("holidaySave")
        self.save_button.clicked.connect(self.save)
        self.drop_button = QPushButton(self.tr("Remove my entry"))
        self.drop_button.setObjectName("holidayDrop")
        self.drop_button.clicked.connect(self.drop)
        import_button = QPushButton(self.tr("Import a calendar file…"))
        import_button.setObjectName("holidayImport")
        import_button.clicked.connect(self.ask_import)

        days = QHBoxLayout()
        for title, edit in (
            (self.tr("Days off (holidays)"), self.holidays),
            (self.tr("Weekend days worked (调休)"), self.workdays),
        ):
            column = QVBoxLayout()
            column.addWidget(QLabel(title))
            column.addWidget(edit, 1)
            days.addLayout(column)
        right = QVBoxLayout()
        right.addWidget(self.source)
        right.addLayout(days, 1)
        right.addWidget(self.message)
        buttons_row = QHBoxLayout()
        buttons_row.addWidget(import_button)
        buttons_row.addStretch(1)
        buttons_row.addWidget(self.drop_button)
        buttons_row.addWidget(self.save_button)
        right.addLayout(buttons_row)
        body = QHBoxLayout()
        body.addWidget(self.year_list)
        holder = QWidget()
        holder.setLayout(right)
        body.addWidget(holder, 1)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(body, 1)
        layout.addWidget(close)
        self.resize(760, 480)

        self.year_list.currentRowChanged.connect(lambda _row: self.show_year())
        self.fill_years()

    # ---- showing -----------------------------------------------------------------------------

    def fill_years(self, select: int | None = None) -> None:
        current = select or self.current_year() or self.years[1]
        self.year_list.blockSignals(True)
        self.year_list.clear()
        calendar = default_calendar()
        for year in self.years:
            view = year_view(calendar, year)
            item = QListWidgetItem(f"{year}  ·  {say(SOURCE_SHORT[view.source]())}")
            item.setData(Qt.ItemDataRole.UserRole, year)
            colour = SOURCE_COLOURS.get(view.source)
            if colour is not None:
                item.setForeground(colour)
            self.year_list.addItem(item)
        self.year_list.blockSignals(False)
        self.year_list.setCurrentRow(self.years.index(current))
        self.show_year()

    def current_year(self) -> int | None:
        item = self.year_list.currentItem()
        return int(item.data(Qt.ItemDataRole.UserRole)) if item is not None else None

    def show_year(self) -> None:
        year = self.current_year()
        if year is None:
            return
        view = year_view(default_calendar(), year)
        editable = view.source is not YearSource.STATE_COUNCIL
        self.source.setText(self._source_text(view))
        self.holidays.setReadOnly(not editable)
        self.workdays.setReadOnly(not editable)
        estimate = view.source is YearSource.ESTIMATE
        # An estimate lists only the fixed-date holidays: start the merchant from an empty page
        # rather than from our guess.
        self.holidays.setPlainText("" if estimate else _days(view, "holidays"))
        self.workdays.setPlainText("" if estimate else _days(view, "workdays"))
        self.save_button.setVisible(editable)
        self.drop_button.setVisible(view.source is YearSource.MERCHANT)
        self.message.clear()

    def _source_text(self, view: YearView) -> str:
        if view.source is YearSource.STATE_COUNCIL:
            return self.tr("{0}: the State Council's schedule (checked, cannot be edited here).").format(view.year)
        if view.source is YearSource.MERCHANT:
            return self.tr("{0}: the schedule you entered. Working-day clocks count with it.").format(view.year)
        return self.tr(
            "{0}: not known yet. Working-day clocks count Monday to Friday, less 1 Jan, 1 May and "
            "1–3 Oct, and are marked as estimates. Type the year's days off and make-up working "
            "days from the State Council's notice, then save."
        ).format(view.year)

    # ---- saving --------------------------------------------------------------------------------

    def save(self) -> None:
        year = self.current_year()
        if year is None:
            return
        try:
            schedule = schedule_from_text(year, self.holidays.toPlainText(), self.workdays.toPlainText())
        except InvalidInput as e:
            self.message.setText(error_text(e))  # the typed text stays as it is
            return
        self._write(lambda: save_year(self.data_dir, year, schedule), year)

    def drop(self) -> None:
        year = self.current_year()
        if year is not None:
            self._write(lambda: save_year(self.data_dir, year, None), year)

    def ask_import(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self, self.tr("Import a calendar file"), str(Path.home()), self.tr("Calendar files (*.toml)")
        )
        if path:
            self.import_from(Path(path))

    def import_from(self, path: Path) -> None:
        self._write(lambda: import_file(self.data_dir, path), None)

    def _write(self, work: Callable[[], Any], year: int | None) -> None:
        def run(_report: Any) -> list[int]:
            work()
            return self.recount()

        def done(moved: list[int]) -> None:
            self.fill_years(year)
            self.message.setStyleSheet("")
            self.message.setText(self.tr("Saved. {0} open case(s) recounted.").format(len(moved)))
            self.on_recounted(moved)

        def failed(error: Exception, _details: str) -> None:
            self.message.setStyleSheet("color: #c92a2a;")
            self.message.setText(error_text(error))

        self.message.setStyleSheet("color: #c92a2a;")
        self.runner.run(run, done=done, failed=failed)
