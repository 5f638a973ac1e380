"""The filter bar over the case list: free text and the platform/shop/stage/type/reason/date choices,
and a removable "only these cases" chip (e.g. the cases an import just wrote)."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from PySide6.QtCore import QDate, QSize, QTimer, Signal
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from app.services.listing.filter import ListFilter
from app.ui.common import formatting, vocab

ANY_DATE = QDate(2000, 1, 1)
TEXT_DEBOUNCE_MS = 200


def _epoch(day: QDate) -> int:
    return formatting.beijing_day_start(day)  # a day of the filter is a Beijing day


class FilterBar(QWidget):
    changed = Signal(object)  # ListFilter

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.search = QLineEdit()
        self.search.setObjectName("search")
        self.search.setClearButtonEnabled(True)
        self.search.setPlaceholderText(
            self.tr("Search after-sales no., order no., buyer, product, tracking no.")
        )
        self.search.setMinimumWidth(180)
        self.platform = self._combo(self.tr("All platforms"), vocab.platforms())
        self.shop = self._combo(self.tr("All shops"), {})
        self.stage = self._combo(self.tr("All stages"), vocab.stages())
        self.case_type = self._combo(self.tr("All types"), vocab.case_types())
        self.reason = self._combo(self.tr("All reasons"), vocab.reasons())
        self.date_from = self._date_edit()
        self.date_to = self._date_edit()
        self.only_ids: frozenset[int] | None = None
        # Not in this bar's row (it is full beside the detail panel): the cases view places it.
        self.ids_chip = QToolButton()
        self.ids_chip.setObjectName("idsChip")
        self.ids_chip.setStyleSheet(
            "#idsChip { background: rgba(51, 154, 240, 40); border: 1px solid #74c0fc; }"
        )
        self.ids_chip.setToolTip(self.tr("Show every case again"))
        self.ids_chip.clicked.connect(self.clear_ids)
        self.ids_chip.hide()
        self.clear = QToolButton()
        self.clear.setText(self.tr("Clear"))
        self.clear.setToolTip(self.tr("Clear all filters"))
        self.clear.clicked.connect(self.reset)

        # The request dates and Clear ride at the end of the row while it has room, on a second
        # row below the choices when it has not (a 1024 px screen, the detail panel beside).
        self.dates = QWidget()
        self.dates.setObjectName("filterDates")
        dates = QHBoxLayout(self.dates)
        dates.setContentsMargins(0, 0, 0, 0)
        dates.addWidget(QLabel(self.tr("Requested")))
        dates.addWidget(self.date_from)
        dates.addWidget(QLabel("–"))
        dates.addWidget(self.date_to)
        dates.addWidget(self.clear)
        self.first_row = QHBoxLayout()
        self.first_row.addWidget(self.search, 3)
        for w in (self.platform, self.shop, self.stage, self.case_type, self.reason):
            self.first_row.addWidget(w, 1)
        self.first_row.addWidget(self.dates)
        self.second_row = QHBoxLayout()
        self.second_row.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(self.first_row)
        layout.addLayout(self.second_row)

        self._debounce = QTimer(self)
        self._debounce.setSingleShot(True)
        self._debounce.setInterval(TEXT_DEBOUNCE_MS)
        self._debounce.timeout.connect(self._emit)
        self.search.textChanged.connect(self._debounce.start)
        for combo in (self.platform, self.shop, self.stage, self.case_type, self.reason):
            combo.currentIndexChanged.connect(self._emit)
        self.date_from.dateChanged.connect(self._emit)
        self.date_to.dateChanged.connect(self._emit)

    # ---- one row or two ------------------------------------------------------------------

    def _choices_width(self) -> int:
        """The first row's least width without the dates: the search box and the five choices."""
        spacing = max(self.first_row.spacing(), 0)
        widgets = (self.search, self.platform, self.shop, self.stage, self.case_type, self.reason)
        return sum(max(w.minimumSizeHint().width(), w.minimumWidth()) + spacing for w in widgets)

    def _one_row_width(self) -> int:
        return self._choices_width() + self.dates.sizeHint().width()

    def minimumSizeHint(self) -> QSize:
        """As narrow as the wider of the two rows: the bar never holds the window wider."""
        hint = super().minimumSizeHint()
        return QSize(max(self._choices_width(), self.dates.minimumSizeHint().width()), hint.height())

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._reflow(event.size().width())

    def _reflow(self, width: int) -> None:
        one_row = width >= self._one_row_width()
        if one_row == (self.first_row.indexOf(self.dates) >= 0):
            return
        if one_row:
            self.second_row.removeWidget(self.dates)
            self.first_row.addWidget(self.dates)
        else:
            self.first_row.removeWidget(self.dates)
            self.second_row.addWidget(self.dates)

    def two_rows(self) -> bool:
        return self.second_row.indexOf(self.dates) >= 0

    def _combo(self, everything: str, items: dict[str, str]) -> QComboBox:
        combo = QComboBox()
        # size by a short width, not by the longest item: the bar must fit next to the detail panel
        combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        combo.setMinimumContentsLength(7)
        combo.addItem(everything, None)
        for key, text in items.items():
            combo.addItem(text, key)
        return combo

    def _date_edit(self) -> QDateEdit:
        edit = QDateEdit()
        edit.setCalendarPopup(True)
        edit.setMinimumDate(ANY_DATE)
        edit.setSpecialValueText(self.tr("any"))
        edit.setDate(ANY_DATE)
        return edit

    def set_shops(self, names: Iterable[str]) -> None:
        current = self.shop.currentData()
        self.shop.blockSignals(True)
        while self.shop.count() > 1:
            self.shop.removeItem(1)
        for name in sorted(set(names)):
            if name:
                self.shop.addItem(name, name)
        i = self.shop.findData(current)
        self.shop.setCurrentIndex(max(i, 0))
        self.shop.blockSignals(False)

    def show_ids(self, ids: Iterable[int], label: str) -> None:
        """List only these cases until the chip (or Clear) is clicked; `label` says which they are."""
        self.only_ids = frozenset(ids)
        self.ids_chip.setText(f"{label} ✕")
        self.ids_chip.show()
        self._emit()

    def clear_ids(self) -> None:
        if self.only_ids is None:
            return
        self.only_ids = None
        self.ids_chip.hide()
        self._emit()

    def current(self) -> ListFilter:
        start = self.date_from.date()
        end = self.date_to.date()
        return ListFilter(
            text=self.search.text(),
            platform=self.platform.currentData(),
            shop=self.shop.currentData(),
            stage=self.stage.currentData(),
            case_type=self.case_type.currentData(),
            reason=self.reason.currentData(),
            requested_from=None if start == ANY_DATE else _epoch(start),
            requested_to=None if end == ANY_DATE else _epoch(end.addDays(1)),
            ids=self.only_ids,
        )

    def flush(self) -> None:
        """Apply pending typed text now (Enter in the search box, tests)."""
        if self._debounce.isActive():
            self._debounce.stop()
            self._emit()

    def reset(self) -> None:
        widgets = (self.search, self.platform, self.shop, self.stage, self.case_type, self.reason)
        for w in (*widgets, self.date_from, self.date_to):
            w.blockSignals(True)
        self.search.clear()
        for combo in widgets[1:]:
            combo.setCurrentIndex(0)
        self.date_from.setDate(ANY_DATE)
        self.date_to.setDate(ANY_DATE)
        self.only_ids = None
        self.ids_chip.hide()
        for w in (*widgets, self.date_from, self.date_to):
            w.blockSignals(False)
        self._debounce.stop()
        self._emit()

    def _emit(self) -> None:
        self.changed.emit(self.current())
