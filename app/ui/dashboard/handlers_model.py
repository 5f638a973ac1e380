"""The dashboard's handlers table: this month's figures per handler, all together first (the
report's 处理人 sheet, so far this month)."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt

from app.services.reports.desk_figures import TOTAL, HandlerLine
from app.ui.common.list_table_model import ListTableModel

_Index = QModelIndex | QPersistentModelIndex


def percent(value: Decimal | None) -> str:
    return "—" if value is None else f"{value * 100:.0f}%"


class HandlersTableModel(ListTableModel):
    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.rows: list[HandlerLine] = []

    column_count = 6

    def set_rows(self, rows: list[HandlerLine]) -> None:
        self.beginResetModel()
        self.rows = rows
        self.endResetModel()

    def row_count(self) -> int:
        return len(self.rows)

    def titles(self) -> tuple[str, ...]:
        return (
            self.tr("Handler"),
            self.tr("Cases"),
            self.tr("First response (median, working h)"),
            self.tr("Targets met"),
            self.tr("Platform auto-actions"),
            self.tr("Callbacks satisfied"),
        )

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self.rows):
            return None
        h = self.rows[index.row()]
        col = index.column()
        if role == Qt.ItemDataRole.TextAlignmentRole and col > 0:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if col == 0:
            if h.handler == TOTAL:
                return self.tr("All handlers")
            return h.handler or self.tr("(none)")
        if col == 1:
            return f"{h.cases:,}"
        if col == 2:
            return "—" if h.first_response_median is None else f"{h.first_response_median:.1f}"
        if col == 3:
            return f"{percent(h.met_rate)} ({h.targets_met}/{h.targets_ended})"
        if col == 4:
            return f"{h.auto_actions:,}"
        return f"{percent(h.satisfaction)} ({h.satisfied}/{h.callbacks})"
