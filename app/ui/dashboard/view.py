"""Dashboard: figure cards, the next 24 hours of deadlines, and two charts (QtCharts).

All figures come from `DashboardService.figures()`, computed on the worker when the
screen is shown or after a change while it is visible.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtCharts import (
    QBarCategoryAxis,
    QBarSet,
    QChart,
    QChartView,
    QDateTimeAxis,
    QHorizontalBarSeries,
    QLineSeries,
    QValueAxis,
)
from PySide6.QtCore import (
    QDate,
    QDateTime,
    QMargins,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    QTime,
    Signal,
)
from PySide6.QtGui import QColor, QFont, QPainter, QResizeEvent, QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from app.services.reports.dashboard import DashboardFigures, UpcomingDeadline
from app.services.rules.drift import Drift
from app.ui.common import formatting, vocab
from app.ui.common.changes import ChangeSet
from app.ui.common.list_table_model import ListTableModel
from app.ui.common.tasks import TaskRunner
from app.ui.dashboard.handlers_model import HandlersTableModel
from app.ui.rules.drift_banner import DriftBanner

_Index = QModelIndex | QPersistentModelIndex
MIN_CHART_WIDTH = 280  # px
MAX_DAY_TICKS = 11  # every third day of 30
DAY_TICK_WIDTH = 64  # px a date ("10/22") needs under the chart, with its padding
COL_DUE, COL_LEFT, COL_PLATFORM, COL_AFTERSALE_NO, COL_STAGE, COL_PARTY, COL_AT_ZERO = range(7)


class UpcomingTableModel(ListTableModel):
    """The deadlines of the next 24 hours, soonest first."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.rows: list[UpcomingDeadline] = []
        self.now = 0

    def set_rows(self, rows: list[UpcomingDeadline], now: int) -> None:
        self.beginResetModel()
        self.rows = rows
        self.now = now
        self.endResetModel()

    column_count = 7

    def row_count(self) -> int:
        return len(self.rows)

    def titles(self) -> tuple[str, ...]:
        return (
            self.tr("Due"),
            self.tr("Time left"),
            self.tr("Platform"),
            self.tr("After-sales no."),
            self.tr("Stage"),
            self.tr("Whose clock"),
            self.tr("At zero"),
        )

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self.rows):
            return None
        r = self.rows[index.row()]
        if role == Qt.ItemDataRole.UserRole:
            return r.case_id
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        due = int(r.due_at.timestamp())
        col = index.column()
        values = {
            COL_DUE: lambda: formatting.epoch_text(due),
            COL_LEFT: lambda: formatting.countdown(due - self.now),
            COL_PLATFORM: lambda: vocab.label(vocab.platforms(), r.platform),
            COL_AFTERSALE_NO: lambda: r.aftersale_no,
            COL_STAGE: lambda: vocab.label(vocab.stages(), r.stage),
            COL_PARTY: lambda: vocab.label(vocab.parties(), r.party),
            COL_AT_ZERO: lambda: formatting.consequence(r.party, r.auto_action, r.confidence, None, due),
        }
        get: Callable[[], str] | None = values.get(col)
        return get() if get else None

    def flags(self, index: _Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemNeverHasChildren


class Card(QFrame):
    def __init__(self, title: str, tooltip: str, name: str) -> None:
        super().__init__()
        self.setObjectName(name)
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setToolTip(tooltip)
        self.value = QLabel("–")
        self.value.setObjectName("cardValue")
        font = QFont(self.value.font())
        font.setPointSizeF(font.pointSizeF() * 2.2)
        font.setBold(True)
        self.value.setFont(font)
        caption = QLabel(title)
        caption.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(self.value)
        layout.addWidget(caption)


class DashboardView(QWidget):
    openCase = Signal(int)

    def __init__(
        self,
        figures: Callable[[], DashboardFigures],
        tasks: TaskRunner,
        parent: Any = None,
        drift: Callable[[], Sequence[Drift]] | None = None,
    ) -> None:
        """`drift()`: presets the platforms' own deadlines disagree with (shown above the cards)."""
        super().__init__(parent)
        self._figures = figures
        self._drift = drift
        self.drift_banner = DriftBanner(offer_fix=False)
        self._tasks = tasks
        self._dirty = True
        self.figures: DashboardFigures | None = None
        self.cards = {
            "open": Card(
                self.tr("Open cases"), self.tr("Cases not yet refunded, completed or closed"), "cardOpen"
            ),
            "due24": Card(
                self.tr("Merchant deadlines in 24 h"),
                self.tr("Merchant-side clocks that run out within the next 24 hours"),
                "cardDue24",
            ),
            "overdue": Card(
                self.tr("Overdue"), self.tr("Clocks past their due time, not yet applied"), "cardOverdue"
            ),
            "autos": Card(
                self.tr("Auto-actions against us this month"),
                self.tr("Platform auto-approvals, auto-refunds and penalties on merchant clocks"),
                "cardAutos",
            ),
            "refunds": Card(
                self.tr("Refunded this month"),
                self.tr("Refunds granted on cases refunded this month"),
                "cardRefunds",
            ),
        }
        cards = QHBoxLayout()
        for card in self.cards.values():
            cards.addWidget(card)

        self.upcoming_model = UpcomingTableModel(self)
        self.upcoming = QTableView()
        self.upcoming.setObjectName("upcoming")
        self.upcoming.setModel(self.upcoming_model)
        self.upcoming.verticalHeader().hide()
        self.upcoming.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.upcoming.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.upcoming.horizontalHeader().setStretchLastSection(True)
        self.upcoming.setWordWrap(False)
        self.upcoming.verticalHeader().setDefaultSectionSize(self.upcoming.fontMetrics().height() + 8)
        for col, width in ((COL_DUE, 140), (COL_LEFT, 90), (COL_PLATFORM, 90), (COL_AFTERSALE_NO, 150)):
            self.upcoming.horizontalHeader().resizeSection(col, width)
        self.upcoming.doubleClicked.connect(self._open)
        # Beside the next deadlines, this month's figures per handler (the report's 处理人 sheet).
        self.handlers_model = HandlersTableModel(self)
        self.handlers = QTableView()
        self.handlers.setObjectName("dashboardHandlers")
        self.handlers.setModel(self.handlers_model)
        self.handlers.verticalHeader().hide()
        self.handlers.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.handlers.horizontalHeader().setStretchLastSection(True)
        self.handlers.setWordWrap(False)
        upcoming_box = QTabWidget()
        upcoming_box.setObjectName("dashboardTabs")
        upcoming_box.addTab(self.upcoming, self.tr("Next 24 hours"))
        upcoming_box.addTab(self.handlers, self.tr("Handlers this month"))

        self.reason_chart = self._chart_view(self.tr("Cases by reason (this month)"))
        self.daily_chart = self._chart_view(self.tr("New and closed cases per day (last 30 days)"))
        # The reasons chart takes the whole right-hand height: each reason needs a text line of its
        # own, and at half a 700 px screen's height QtCharts cut them all to "...".
        grid = QGridLayout()
        grid.addWidget(upcoming_box, 0, 0)
        grid.addWidget(self.daily_chart, 1, 0)
        grid.addWidget(self.reason_chart, 0, 1, 2, 1)
        grid.setRowStretch(0, 1)
        grid.setRowStretch(1, 1)
        grid.setColumnStretch(0, 3)
        grid.setColumnStretch(1, 2)
        layout = QVBoxLayout(self)
        layout.addWidget(self.drift_banner)
        layout.addLayout(cards)
        layout.addLayout(grid, 1)

    def _chart_view(self, title: str) -> QChartView:
        chart = QChart()
        chart.setTitle(title)
        chart.legend().setAlignment(Qt.AlignmentFlag.AlignBottom)
        chart.setBackgroundRoundness(0)
        chart.setTheme(
            QChart.ChartTheme.ChartThemeLight
            if self.palette().window().color().lightness() > 128
            else QChart.ChartTheme.ChartThemeDark
        )
        chart.setMargins(QMargins(4, 4, 4, 4))  # the room goes to the axis labels
        view = QChartView(chart)
        view.setRenderHint(QPainter.RenderHint.Antialiasing)
        view.setMinimumHeight(220)
        view.setMinimumWidth(MIN_CHART_WIDTH)
        return view

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._fit_day_ticks()

    def _fit_day_ticks(self) -> None:
        """As many dates under the 30-day chart as have room (QtCharts cuts a crowded "10/22" to "...")."""
        ticks = max(3, min(MAX_DAY_TICKS, self.daily_chart.width() // DAY_TICK_WIDTH))
        for axis in self.daily_chart.chart().axes(Qt.Orientation.Horizontal):
            if isinstance(axis, QDateTimeAxis):
                axis.setTickCount(ticks)

    # ---- refreshing ------------------------------------------------------------------------

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self._dirty:
            self.refresh()

    def on_changes(self, change: ChangeSet) -> None:
        self._dirty = True
        if self.isVisible():
            self.refresh()

    def refresh(self) -> None:
        self._dirty = False
        self._tasks.run(lambda _: self._figures(), done=self.show_figures)
        if self._drift is not None:
            find = self._drift
            self._tasks.run(lambda _: find(), done=self.drift_banner.show_drifts)

    def show_figures(self, f: DashboardFigures) -> None:
        self.figures = f
        now = int(f.now.timestamp())
        self.cards["open"].value.setText(f"{f.open_cases:,}")
        self.cards["due24"].value.setText(f"{f.merchant_due_24h:,}")
        self.cards["overdue"].value.setText(f"{f.overdue:,}")
        self.cards["autos"].value.setText(f"{f.auto_actions_month:,}")
        self.cards["refunds"].value.setText(formatting.money(f.refund_amount_month))
        for key, bad in (("overdue", f.overdue), ("autos", f.auto_actions_month)):
            self.cards[key].value.setStyleSheet("color: #e03131;" if bad else "")
        self.upcoming_model.set_rows(list(f.next_24h), now)
        self.handlers_model.set_rows(list(f.handlers))
        self.handlers.resizeColumnsToContents()
        self.upcoming.resizeColumnsToContents()  # a day's deadlines: few rows, widths from them
        self._reason_chart(f)
        self._daily_chart(f)

    def _reason_chart(self, f: DashboardFigures) -> None:
        chart = self.reason_chart.chart()
        chart.removeAllSeries()
        for axis in chart.axes():
            chart.removeAxis(axis)
        reasons = list(reversed(f.by_reason_month))  # most frequent at the top
        bars = QBarSet(self.tr("Cases"))
        bars.setColor(QColor("#e8590c"))
        for _, count in reasons:
            bars.append(count)
        series = QHorizontalBarSeries()
        series.append(bars)
        series.setLabelsVisible(True)
        chart.addSeries(series)
        categories = QBarCategoryAxis()
        categories.append([vocab.label(vocab.reasons(), r) for r, _ in reasons] or [""])
        chart.addAxis(categories, Qt.AlignmentFlag.AlignLeft)
        series.attachAxis(categories)
        values = QValueAxis()
        values.setLabelFormat("%d")
        values.setRange(0, max([c for _, c in reasons] or [1]) * 1.15)
        values.applyNiceNumbers()
        chart.addAxis(values, Qt.AlignmentFlag.AlignBottom)
        series.attachAxis(values)
        chart.legend().hide()

    def _daily_chart(self, f: DashboardFigures) -> None:
        chart = self.daily_chart.chart()
        chart.removeAllSeries()
        for axis in chart.axes():
            chart.removeAxis(axis)
        lines = []
        for title, colour, attr in (
            (self.tr("New"), "#1c7ed6", "new"),
            (self.tr("Ended"), "#37b24d", "closed"),
        ):
            series = QLineSeries()
            series.setName(title)
            series.setColor(QColor(colour))
            series.setPointsVisible(True)
            for day in f.new_vs_closed:
                x = QDateTime(
                    QDate(day.day.year, day.day.month, day.day.day), QTime(12, 0)
                ).toMSecsSinceEpoch()
                series.append(float(x), float(getattr(day, attr)))
            chart.addSeries(series)
            lines.append(series)
        days = QDateTimeAxis()
        days.setFormat("M/d")
        chart.addAxis(days, Qt.AlignmentFlag.AlignBottom)
        self._fit_day_ticks()
        values = QValueAxis()
        values.setLabelFormat("%d")
        top = max([max(d.new, d.closed) for d in f.new_vs_closed] or [1])
        values.setRange(0, max(top, 1) * 1.15)
        values.applyNiceNumbers()
        chart.addAxis(values, Qt.AlignmentFlag.AlignLeft)
        for series in lines:
            series.attachAxis(days)
            series.attachAxis(values)
        chart.legend().show()

    def _open(self, index: QModelIndex) -> None:
        cid = self.upcoming_model.data(index, Qt.ItemDataRole.UserRole)
        if cid is not None:
            self.openCase.emit(cid)
