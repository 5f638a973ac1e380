"""The cases screen: quick tabs with live counts, the filter bar, the table, the detail side panel.

Every second (the window's `WallClockTicker`) `tick()` moves the model's clock snapshot
and repaints the countdown cells of the rows on screen only; it never queries the database.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import tzinfo
from typing import Any

from PySide6.QtCore import (
    QByteArray,
    QItemSelection,
    QItemSelectionModel,
    QModelIndex,
    QSettings,
    Qt,
    Signal,
)
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSplitter,
    QStackedWidget,
    QTabBar,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app.services.clock import Clock
from app.services.listing.case_list import ListRow
from app.services.listing.filter import PreparedList
from app.services.listing.urgency import QuickTab, urgency
from app.ui.cases import table_model as ctm
from app.ui.cases.filter_bar import FilterBar
from app.ui.cases.filter_proxy import CaseFilterProxy
from app.ui.cases.table_model import CaseTableModel

MAX_RESTORED_SELECTION = 2000
DEFAULT_WIDTHS = {
    ctm.COL_COUNTDOWN: 120,
    ctm.COL_CONSEQUENCE: 150,
    ctm.COL_STAGE: 110,
    ctm.COL_PLATFORM: 80,
    ctm.COL_SHOP: 130,
    ctm.COL_AFTERSALE_NO: 150,
    ctm.COL_ORDER_NO: 150,
    ctm.COL_BUYER: 90,
    ctm.COL_PRODUCT: 200,
    ctm.COL_TYPE: 80,
    ctm.COL_REASON: 100,
    ctm.COL_AMOUNT: 90,
    ctm.COL_REQUESTED_AT: 130,
    ctm.COL_OWN: 150,
}
# Widths from content (the rows, the labels a column can show, the title) stop here: a long
# product title or shop name must not push the countdown's neighbours off the screen.
MAX_WIDTHS = {ctm.COL_PRODUCT: 240, ctm.COL_CONSEQUENCE: 260, ctm.COL_SHOP: 180}
MAX_WIDTH = 220
CELL_PADDING = 16  # px around a cell's text (the style's margins, a little air)
FIT_PRECISION = 500  # rows sampled per column when fitting widths to content
# Beside the detail panel the list keeps at least these (the first columns on screen).
KEY_COLUMNS = (ctm.COL_COUNTDOWN, ctm.COL_AFTERSALE_NO)
HEADER_KEY = "cases/columns"  # not "cases/header": that one held the fixed widths that cut English


def tab_titles() -> dict[QuickTab, str]:
    from PySide6.QtCore import QCoreApplication

    return {
        QuickTab.NEEDS_ME: QCoreApplication.translate("CasesView", "Needs me"),
        QuickTab.DUE_TODAY: QCoreApplication.translate("CasesView", "Due today"),
        QuickTab.OVERDUE: QCoreApplication.translate("CasesView", "Overdue"),
        QuickTab.WAITING_BUYER: QCoreApplication.translate("CasesView", "Waiting for buyer"),
        QuickTab.ALL: QCoreApplication.translate("CasesView", "All"),
    }


TAB_ORDER = (QuickTab.NEEDS_ME, QuickTab.DUE_TODAY, QuickTab.OVERDUE, QuickTab.WAITING_BUYER, QuickTab.ALL)


class CasesView(QWidget):
    openCase = Signal(int)  # a case id: show it in the detail panel
    selectionChanged = Signal(list)  # the selected case ids
    ticked = Signal(int)  # the clock snapshot of this tick (Unix seconds)
    newCaseRequested = Signal()
    importRequested = Signal()  # the empty state's "Import an export…"
    bulkRequested = Signal(list)  # selected case ids

    def __init__(
        self, clock: Clock, settings: QSettings, tz: tzinfo | None = None, parent: Any = None
    ) -> None:
        super().__init__(parent)
        self.clock = clock
        self._settings = settings
        self.model = CaseTableModel(self._now())
        self.proxy = CaseFilterProxy(tz, self)
        self.proxy.setSourceModel(self.model)

        self.tabs = QTabBar()
        self.tabs.setObjectName("quickTabs")
        self.tabs.setExpanding(False)
        self.tabs.setDrawBase(False)
        for tab in TAB_ORDER:
            self.tabs.setTabData(self.tabs.addTab(""), tab.value)
        self.tabs.setCurrentIndex(TAB_ORDER.index(QuickTab.ALL))
        self.tabs.currentChanged.connect(self._tab_changed)
        self.proxy.countsChanged.connect(self._show_counts)

        self.filter_bar = FilterBar()
        self.filter_bar.changed.connect(self._filter_changed)
        self._bar_filter: Any = None  # the filter bar's last filter (None: nothing set yet)
        # 我的: only the cases assigned to the handler working here (shown once one is chosen).
        self._me = ""
        self.mine_button = QPushButton(self.tr("Mine"))
        self.mine_button.setObjectName("mineFilter")
        self.mine_button.setCheckable(True)
        self.mine_button.setToolTip(self.tr("Only the cases assigned to you"))
        self.mine_button.toggled.connect(lambda _on: self._apply_filter())
        self.mine_button.hide()
        self.filter_bar.search.returnPressed.connect(self.filter_bar.flush)

        self.new_button = QPushButton(self.tr("New case…"))
        self.new_button.setToolTip(self.tr("Record a new after-sales case (Ctrl+N)"))
        self.new_button.clicked.connect(self.newCaseRequested)
        self.bulk_button = QPushButton(self.tr("Bulk action…"))
        self.bulk_button.setToolTip(self.tr("Apply one action to every selected case"))
        self.bulk_button.setEnabled(False)
        self.bulk_button.clicked.connect(lambda: self.bulkRequested.emit(self.selected_ids()))
        self.loading = QLabel()
        self.loading.setObjectName("loadingLabel")

        self.table = self._make_table()
        self.detail_holder = QWidget()
        QVBoxLayout(self.detail_holder).setContentsMargins(0, 0, 0, 0)
        self.detail_holder.hide()
        self.empty_state = self._make_empty_state()
        self.list_stack = QStackedWidget()
        self.list_stack.addWidget(self.table)
        self.list_stack.addWidget(self.empty_state)
        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.addWidget(self.list_stack)
        self.splitter.addWidget(self.detail_holder)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 2)
        self.splitter.setChildrenCollapsible(False)  # dragged to the edge, the list keeps its key columns
        self._fitted = False  # column widths fitted to the rows (or the merchant's own restored)

        top = QHBoxLayout()
        top.addWidget(self.tabs, 1)
        top.addWidget(self.mine_button)
        top.addWidget(self.filter_bar.ids_chip)
        top.addWidget(self.loading)
        top.addWidget(self.bulk_button)
        top.addWidget(self.new_button)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.filter_bar)
        layout.addWidget(self.splitter, 1)

        self._show_counts(self.proxy.counts())

    # ---- construction ---------------------------------------------------------------------

    def _make_table(self) -> QTableView:
        table = QTableView()
        table.setObjectName("caseTable")
        table.setModel(self.proxy)
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.setAlternatingRowColors(False)  # the urgency tint is the row colour
        table.setWordWrap(False)
        table.setShowGrid(False)
        vh = table.verticalHeader()
        vh.hide()
        vh.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        vh.setDefaultSectionSize(table.fontMetrics().height() + 10)
        hh = table.horizontalHeader()
        hh.setSectionsMovable(True)
        hh.setStretchLastSection(True)
        hh.setHighlightSections(False)
        for col, width in DEFAULT_WIDTHS.items():
            hh.resizeSection(col, width)
        # The after-sales no. comes right after the countdown: it names the case, and it must stay
        # on screen when the detail panel takes half of a small window.
        hh.moveSection(hh.visualIndex(ctm.COL_AFTERSALE_NO), 1)
        hh.setResizeContentsPrecision(FIT_PRECISION)
        hh.setSortIndicator(ctm.COL_COUNTDOWN, Qt.SortOrder.AscendingOrder)
        table.setSortingEnabled(True)
        table.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)  # claim, assign, release
        table.doubleClicked.connect(self._open_index)
        table.selectionModel().selectionChanged.connect(self._selection_changed)
        for key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            sc = QShortcut(QKeySequence(key), table)
            sc.setContext(Qt.ShortcutContext.WidgetShortcut)
            sc.activated.connect(lambda: self._open_index(self.table.currentIndex()))
        return table

    def _make_empty_state(self) -> QWidget:
        """What a brand-new list shows: the three ways a first case gets in."""
        box = QWidget()
        box.setObjectName("emptyState")
        title = QLabel(self.tr("No cases yet"))
        title.setObjectName("emptyTitle")
        font = title.font()
        font.setPointSizeF(font.pointSizeF() * 1.4)
        font.setBold(True)
        title.setFont(font)
        text = QLabel(
            self.tr(
                "Record the first after-sales case, import the export of a platform's after-sales "
                "list (.xlsx or .csv), or drop that file on this window. Every platform clock then "
                "counts down here."
            )
        )
        text.setObjectName("emptyText")
        text.setWordWrap(True)
        text.setAlignment(Qt.AlignmentFlag.AlignCenter)
        new = QPushButton(self.tr("New case… (Ctrl+N)"))
        new.setObjectName("emptyNewCase")
        new.clicked.connect(self.newCaseRequested)
        imp = QPushButton(self.tr("Import an export… (Ctrl+I)"))
        imp.setObjectName("emptyImport")
        imp.clicked.connect(self.importRequested)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(new)
        buttons.addWidget(imp)
        buttons.addStretch(1)
        layout = QVBoxLayout(box)
        layout.addStretch(1)
        layout.addWidget(title, 0, Qt.AlignmentFlag.AlignHCenter)
        layout.addWidget(text)
        layout.addLayout(buttons)
        layout.addStretch(2)
        text.setMaximumWidth(520)
        layout.setAlignment(text, Qt.AlignmentFlag.AlignHCenter)
        return box

    def _show_empty_state(self) -> None:
        """The hint while there is no case at all (a filter that matches none keeps the table)."""
        empty = self.model.rowCount() == 0 and self.model.complete
        self.list_stack.setCurrentWidget(self.empty_state if empty else self.table)

    def add_banner(self, widget: QWidget) -> None:
        """A strip above the tabs and the list (the unseen alerts)."""
        layout = self.layout()
        assert isinstance(layout, QVBoxLayout)
        layout.insertWidget(0, widget)

    def set_detail_widget(self, widget: QWidget) -> None:
        layout = self.detail_holder.layout()
        assert layout is not None
        layout.addWidget(widget)

    def show_detail(self, visible: bool) -> None:
        self.detail_holder.setVisible(visible)

    # ---- data -----------------------------------------------------------------------------

    def set_rows(self, rows: list[ListRow], complete: bool = True) -> None:
        """Rows in default order (e.g. the first screen), indexed here."""
        self._keeping_selection(lambda: self.model.set_rows(rows, None, complete))
        self._loaded(complete)

    def set_prepared(self, prepared: PreparedList) -> None:
        """A full list prepared off the UI thread."""

        def reset() -> None:
            self.proxy.use_order(prepared.order, prepared.rank)
            self.model.set_rows(prepared.rows, prepared.index, complete=True)

        self._keeping_selection(reset)
        self._loaded(True)

    def _loaded(self, complete: bool) -> None:
        self._show_empty_state()
        if not self._fitted and self.model.rowCount():
            self.fit_columns()
            self._fitted = complete
        if complete:
            self.filter_bar.set_shops(r.shop for r in self.model.rows)
        self.loading.setText("" if complete else self.tr("Loading all cases…"))

    def apply_rows(self, fresh: Sequence[ListRow], deleted: Sequence[int] = ()) -> None:
        def update() -> None:
            touched = self.model.apply_rows(fresh, deleted)
            if not deleted:
                self.proxy.rows_changed(touched)

        self._keeping_place(update)
        self._show_empty_state()
        shops = {r.shop for r in fresh} - {
            self.filter_bar.shop.itemData(i) for i in range(self.filter_bar.shop.count())
        }
        if shops:
            self.filter_bar.set_shops([r.shop for r in self.model.rows])

    def fit_columns(self) -> None:
        """Each column as wide as its title, its rows and the labels it can show (stages, platforms…),
        up to a cap; the list's least width then holds the key columns."""
        hh = self.table.horizontalHeader()
        fm = self.table.fontMetrics()
        labels = ctm.column_labels()
        for col in range(ctm.COLUMN_COUNT):
            if col == ctm.COLUMN_COUNT - 1 and hh.stretchLastSection():
                continue
            width = max(
                hh.sectionSizeFromContents(col).width(),
                self.table.sizeHintForColumn(col),
                max((fm.horizontalAdvance(t) + CELL_PADDING for t in labels.get(col, ())), default=0),
            )
            hh.resizeSection(col, min(width, MAX_WIDTHS.get(col, MAX_WIDTH)))
        self._hold_key_columns()

    def _hold_key_columns(self) -> None:
        hh = self.table.horizontalHeader()
        last = max(hh.visualIndex(c) for c in KEY_COLUMNS)
        columns = sum(hh.sectionSize(hh.logicalIndex(v)) for v in range(last + 1))
        frame = 2 * self.table.frameWidth() + self.table.verticalScrollBar().sizeHint().width()
        self.list_stack.setMinimumWidth(columns + frame)

    # ---- time -----------------------------------------------------------------------------

    def _now(self) -> int:
        return int(self.clock.now().timestamp())

    def tick(self, now: int | None = None) -> None:
        """Move the clock snapshot (the ticker's reading, else the clock's); repaint the countdowns
        on screen; refresh live counts."""
        now = self._now() if now is None else now
        before = self.model.now
        self.model.set_now(now)
        if self.proxy.time_moved():
            self._keeping_place(lambda: None)
        top, bottom = self.visible_rows()
        if bottom >= top:
            # One cell at a time: a view repaints a single changed cell exactly, while for a
            # range it repaints a bounding region (measured: twice the data() calls per tick).
            display = [Qt.ItemDataRole.DisplayRole]
            for r in range(top, bottom + 1):
                for col in (ctm.COL_COUNTDOWN, ctm.COL_OWN):
                    cell = self.proxy.index(r, col)
                    self.proxy.dataChanged.emit(cell, cell, display)
                row = self.proxy.list_row(r)
                if urgency(row.party, row.due, before) != urgency(row.party, row.due, now):
                    self.proxy.dataChanged.emit(
                        self.proxy.index(r, 0),
                        self.proxy.index(r, ctm.COLUMN_COUNT - 1),
                        [Qt.ItemDataRole.BackgroundRole],
                    )
        self.ticked.emit(now)

    def visible_rows(self) -> tuple[int, int]:
        """First and last proxy rows on screen (bottom < top when none)."""
        count = self.proxy.rowCount()
        if count == 0:
            return 0, -1
        top = self.table.rowAt(0)
        bottom = self.table.rowAt(self.table.viewport().height() - 1)
        top = max(top, 0)
        bottom = count - 1 if bottom < 0 else bottom
        return top, bottom

    # ---- tabs and filters -----------------------------------------------------------------

    def _tab_changed(self, i: int) -> None:
        self.proxy.set_tab(QuickTab(self.tabs.tabData(i)))

    def select_tab(self, tab: QuickTab) -> None:
        self.tabs.setCurrentIndex(TAB_ORDER.index(tab))

    def show_only(self, ids: Sequence[int], label: str) -> None:
        """List just these cases (in the All tab) until the merchant clears the filter chip."""
        self.select_tab(QuickTab.ALL)
        self.filter_bar.show_ids(ids, label)

    def visible_ids(self) -> list[int]:
        """The case ids as listed now: quick tab, filters and sort order."""
        proxy = self.proxy
        return [cid for cid in (proxy.case_id_at(r) for r in range(proxy.rowCount())) if cid is not None]

    def _filter_changed(self, list_filter: Any) -> None:
        self._bar_filter = list_filter
        self._apply_filter()

    def _apply_filter(self) -> None:
        from dataclasses import replace

        from app.services.listing.filter import ListFilter

        mine = self._me if self.mine_button.isChecked() and self._me else None
        shown = replace(self._bar_filter or ListFilter(), assignee=mine)
        self._keeping_selection(lambda: self.proxy.set_filter(shown))

    def set_current_handler(self, name: str) -> None:
        """Who works here: the Mine filter lists their cases (hidden while nobody is chosen)."""
        self._me = name
        self.mine_button.setVisible(bool(name))
        if not name:
            self.mine_button.setChecked(False)
        self._apply_filter()

    def add_case_action(self, action: Any) -> None:
        """An action on the selected cases: in the list's context menu, its shortcut in the window."""
        self.table.addAction(action)

    def _show_counts(self, counts: dict[QuickTab, int]) -> None:
        titles = tab_titles()
        for i, tab in enumerate(TAB_ORDER):
            n = counts.get(tab)
            self.tabs.setTabText(i, titles[tab] if n is None else f"{titles[tab]} ({n:,})")

    # ---- selection ------------------------------------------------------------------------

    def selected_ids(self) -> list[int]:
        rows = sorted({i.row() for i in self.table.selectionModel().selectedRows()})
        return [cid for cid in (self.proxy.case_id_at(r) for r in rows) if cid is not None]

    def current_id(self) -> int | None:
        return self.proxy.case_id_at(self.table.currentIndex().row())

    def select_case(self, case_id: int) -> bool:
        row = self.proxy.row_of_case(case_id)
        if row is None:
            return False
        index = self.proxy.index(row, 0)
        self.table.selectionModel().setCurrentIndex(
            index, QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows
        )
        self.table.scrollTo(index)
        return True

    def _keeping_selection(self, change: Callable[[], None]) -> None:
        ids = self.selected_ids()
        current = self.current_id()
        change()
        if not ids and current is None:
            return
        sm = self.table.selectionModel()
        selection = QItemSelection()
        for cid in ids[:MAX_RESTORED_SELECTION]:
            row = self.proxy.row_of_case(cid)
            if row is not None:
                selection.select(self.proxy.index(row, 0), self.proxy.index(row, ctm.COLUMN_COUNT - 1))
        sm.select(selection, QItemSelectionModel.SelectionFlag.ClearAndSelect)
        if current is not None:
            row = self.proxy.row_of_case(current)
            if row is not None:
                sm.setCurrentIndex(self.proxy.index(row, 0), QItemSelectionModel.SelectionFlag.NoUpdate)
                self.table.scrollTo(self.proxy.index(row, 0))

    def _keeping_place(self, change: Callable[[], None]) -> None:
        """A change to rows (an action, an import, a clock crossing a tab's edge): the list stays
        where it was; when the selected case re-sorts away or leaves the tab, the case that was
        next below it is selected, so the merchant works down the list with the keyboard."""
        ids = self.selected_ids()
        current = self.current_id()
        if len(ids) > 1 or current is None:
            self._keeping_selection(change)
            return
        bar = self.table.verticalScrollBar()
        scrolled = bar.value()
        old_row = self.table.currentIndex().row()
        below = [self.proxy.case_id_at(r) for r in range(old_row + 1, self.proxy.rowCount())][:50]
        change()
        row = self.proxy.row_of_case(current)
        if row is None or row != old_row:
            nearest = next(
                (
                    self.proxy.row_of_case(c)
                    for c in below
                    if c is not None and c != current and self.proxy.row_of_case(c) is not None
                ),
                None,
            )
            if nearest is None:
                nearest = min(old_row, self.proxy.rowCount() - 1)
            if nearest >= 0:
                row = nearest
        sm = self.table.selectionModel()
        if row is None or row < 0:
            sm.clearSelection()
        else:
            sm.setCurrentIndex(
                self.proxy.index(row, 0),
                QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows,
            )
        bar.setValue(scrolled)

    def _selection_changed(self, *_: Any) -> None:
        ids = self.selected_ids()
        self.bulk_button.setEnabled(len(ids) > 1)
        self.selectionChanged.emit(ids)

    def _open_index(self, index: QModelIndex) -> None:
        cid = self.proxy.case_id_at(index.row()) if index.isValid() else None
        if cid is not None:
            self.openCase.emit(cid)

    # ---- layout memory --------------------------------------------------------------------

    def save_layout(self) -> None:
        self._settings.setValue(HEADER_KEY, self.table.horizontalHeader().saveState())
        self._settings.setValue("cases/splitter", self.splitter.saveState())

    def restore_layout(self) -> None:
        header = self._settings.value(HEADER_KEY, type=QByteArray)
        restored = (
            isinstance(header, QByteArray)
            and not header.isEmpty()
            and self.table.horizontalHeader().restoreState(header)
        )
        if restored:
            self._fitted = True  # the merchant's own widths and order
            self._hold_key_columns()
        splitter = self._settings.value("cases/splitter", type=QByteArray)
        if isinstance(splitter, QByteArray) and not splitter.isEmpty():
            self.splitter.restoreState(splitter)
        # sorting is not remembered: the default order (soonest merchant deadline first) is the point
        self.table.horizontalHeader().setSortIndicator(ctm.COL_COUNTDOWN, Qt.SortOrder.AscendingOrder)

    def retranslate(self) -> None:
        self.model.retranslate()
        self._show_counts(self.proxy.counts())
