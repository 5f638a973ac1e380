"""The import preview table: one line per file row with its outcome (new / update / unchanged / error)."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QModelIndex, QObject, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor

from app.services.importing import Outcome, RowPlan
from app.ui.common import i18n, vocab
from app.ui.common.list_table_model import ListTableModel

Index = QModelIndex | QPersistentModelIndex

COL_ROW, COL_PLATFORM, COL_NO, COL_STATUS, COL_OUTCOME, COL_STAGE, COL_MESSAGE = range(7)
COLUMN_COUNT = 7

OUTCOME_COLOURS = {
    Outcome.NEW: QColor("#1b7f3b"),
    Outcome.UPDATE: QColor("#1f5fbf"),
    Outcome.UNCHANGED: QColor("#6b6b6b"),
    Outcome.ERROR: QColor("#c62828"),
}


class ImportPreviewModel(ListTableModel):
    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rows: list[RowPlan] = []

    def set_rows(self, rows: list[RowPlan]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def row_plan(self, row: int) -> RowPlan:
        return self._rows[row]

    def outcome_text(self, outcome: Outcome) -> str:
        return {
            Outcome.NEW: self.tr("new"),
            Outcome.UPDATE: self.tr("update"),
            Outcome.UNCHANGED: self.tr("unchanged"),
            Outcome.ERROR: self.tr("error"),
        }[outcome]

    # ---- QAbstractTableModel ------------------------------------------------------------

    column_count = COLUMN_COUNT

    def row_count(self) -> int:
        return len(self._rows)

    def titles(self) -> tuple[str, ...]:
        return (
            self.tr("Row"),
            self.tr("Platform"),
            self.tr("After-sales no."),
            self.tr("Status in file"),
            self.tr("Outcome"),
            self.tr("Stage"),
            self.tr("Details"),
        )

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        plan = self._rows[index.row()]
        col = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(plan, col)
        if role == Qt.ItemDataRole.ToolTipRole and col == COL_MESSAGE:
            return plan.render(i18n.current()) or None
        if role == Qt.ItemDataRole.ForegroundRole and col == COL_OUTCOME:
            return QBrush(OUTCOME_COLOURS[plan.outcome])
        if role == Qt.ItemDataRole.TextAlignmentRole and col == COL_ROW:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def _display(self, plan: RowPlan, col: int) -> Any:
        if col == COL_ROW:
            return plan.line
        if col == COL_PLATFORM:
            return vocab.label(vocab.platforms(), plan.platform.value) if plan.platform else ""
        if col == COL_NO:
            return plan.aftersale_no
        if col == COL_STATUS:
            return plan.status_word
        if col == COL_OUTCOME:
            return self.outcome_text(plan.outcome)
        if col == COL_STAGE:
            return self._stage_text(plan)
        if col == COL_MESSAGE:
            return plan.render(i18n.current())
        return None

    def _stage_text(self, plan: RowPlan) -> str:
        to = vocab.label(vocab.stages(), plan.to_stage.value) if plan.to_stage else ""
        if plan.from_stage and plan.to_stage and plan.from_stage != plan.to_stage:
            return f"{vocab.label(vocab.stages(), plan.from_stage.value)} → {to}"
        return to


__all__ = ["COLUMN_COUNT", "COL_MESSAGE", "COL_OUTCOME", "ImportPreviewModel"]
