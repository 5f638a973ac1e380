"""The filter bar over the case list: free text and the platform/shop/stage/type/reason/date choices,
and a removable "only these cases" chip (e.g. the cases an import just wrote)."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from PySide6.QtCore import QDate, QTimer, Signal
from PySide6.QtWidgets import QComboBox, QDateEdit, QHBoxLayout, QLabel, QLineEdit, QToolButton, QWidget

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

        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.search, 3)
        for w in (self.platform, self.shop, self.stage, self.case_type, self.reason):
            layout.addWidget(w, 1)
        layout.addWidget(QLabel(self.tr("Requested")))
        layout.addWidget(self.date_from)
        layout.addWidget(QLabel("–"))
        layout.addWidget(self.date_to)
        layout.addWidget(self.clear)

        self._debounce = QTimer(self)
        self._debounce.setSingleShot(True)
        self._debounce.setInterval(TEXT_DEBOUNCE_MS)
        self._debounce.timeout.connect(self._emit)
        self.search.textChanged.connect(self._debounce.start)
        for combo in (self.platform, self.shop, self.stage, self.case_type, self.reason):
            combo.currentIndexChanged.connect(self._emit)
        self.date_from.dateChanged.connect(self._emit)
        self.date_to.dateChanged.connect(self._emit)

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
