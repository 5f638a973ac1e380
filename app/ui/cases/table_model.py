"""Table model of the case list: every case as a `ListRow`, one column per field.

The model holds rows in load order; filtering and ordering live in
`CaseFilterProxy`. Time comes from the clock snapshot set by `set_now` (the
one-second tick), so a paint never reads the clock or the database.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QCoreApplication, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QColor

from app.services.listing.case_list import ListRow
from app.services.listing.filter import RowIndex
from app.services.listing.urgency import Urgency, urgency
from app.ui.common import formatting, vocab
from app.ui.common.own_deadlines import own_name

(
    COL_COUNTDOWN,
    COL_CONSEQUENCE,
    COL_STAGE,
    COL_PLATFORM,
    COL_SHOP,
    COL_AFTERSALE_NO,
    COL_ORDER_NO,
    COL_BUYER,
    COL_PRODUCT,
    COL_TYPE,
    COL_REASON,
    COL_AMOUNT,
    COL_REQUESTED_AT,
    COL_HANDLER,
    COL_OWN,  # the merchant's own soonest deadline: a service target, a follow-up, a 回访
) = range(15)
COLUMN_COUNT = 15
QUIET = QColor(134, 142, 150)  # our own clocks: quieter than the platform's

CASE_ID_ROLE = Qt.ItemDataRole.UserRole + 1
URGENCY_ROLE = Qt.ItemDataRole.UserRole + 2
ANSWERED_ROLES = frozenset(
    int(r)
    for r in (
        Qt.ItemDataRole.DisplayRole,
        Qt.ItemDataRole.BackgroundRole,
        Qt.ItemDataRole.TextAlignmentRole,
        Qt.ItemDataRole.ToolTipRole,
        Qt.ItemDataRole.ForegroundRole,
        CASE_ID_ROLE,
        URGENCY_ROLE,
    )
)

# Translucent tints: they darken a dark base and lighten-tint a light one, so the palette's own
# text colour stays readable in both.
TINTS = {
    Urgency.OVERDUE: QColor(220, 38, 38, 110),
    Urgency.WITHIN_1H: QColor(234, 88, 12, 95),
    Urgency.WITHIN_6H: QColor(245, 158, 11, 80),
    Urgency.WITHIN_24H: QColor(234, 179, 8, 45),
}
_Index = QModelIndex | QPersistentModelIndex


def header_titles() -> list[str]:
    return [
        QCoreApplication.translate("CaseTable", "Time left"),
        QCoreApplication.translate("CaseTable", "At zero"),
        QCoreApplication.translate("CaseTable", "Stage"),
        QCoreApplication.translate("CaseTable", "Platform"),
        QCoreApplication.translate("CaseTable", "Shop"),
        QCoreApplication.translate("CaseTable", "After-sales no."),
        QCoreApplication.translate("CaseTable", "Order no."),
        QCoreApplication.translate("CaseTable", "Buyer"),
        QCoreApplication.translate("CaseTable", "Product"),
        QCoreApplication.translate("CaseTable", "Type"),
        QCoreApplication.translate("CaseTable", "Reason"),
        QCoreApplication.translate("CaseTable", "Amount"),
        QCoreApplication.translate("CaseTable", "Requested at"),
        QCoreApplication.translate("CaseTable", "Handler"),
        QCoreApplication.translate("CaseTable", "Our deadline"),
    ]


# (kind, due, now) → seconds left: targets count working time (the service's calendar), the rest
# wall-clock. The window sets the service's; without one every own deadline counts wall-clock.
OwnLeft = Callable[[str, int, int], int]


def wall_left(kind: str, due: int, now: int) -> int:
    return due - now


def column_labels() -> dict[int, list[str]]:
    """Every text a vocabulary column can show, rows or not: its width is fitted to the longest."""
    return {
        COL_STAGE: list(vocab.stages().values()),
        COL_PLATFORM: list(vocab.platforms().values()),
        COL_TYPE: list(vocab.case_types().values()),
        COL_REASON: list(vocab.reasons().values()),
    }


class CaseTableModel(QAbstractTableModel):
    def __init__(self, now: int, parent: Any = None) -> None:
        super().__init__(parent)
        self.rows: list[ListRow] = []
        self.index_facts = RowIndex([])
        self.complete = False  # False while only the first screen is loaded
        self._pos_by_id: dict[int, int] = {}
        self._now = now
        self.own_left: OwnLeft = wall_left
        self._own: list[tuple[int, str]] | None = None  # (due, kind) of every own deadline, sorted
        self._titles = header_titles()

    # ---- Qt model API -------------------------------------------------------------------

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else COLUMN_COUNT

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        horizontal = orientation == Qt.Orientation.Horizontal
        if horizontal and role == Qt.ItemDataRole.DisplayRole and 0 <= section < COLUMN_COUNT:
            return self._titles[section]
        return None

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role not in ANSWERED_ROLES or not index.isValid():
            return None
        return self.cell(index.row(), index.column(), role)

    def flags(self, index: _Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemNeverHasChildren

    # ---- cells ----------------------------------------------------------------------------

    def cell(self, pos: int, col: int, role: int) -> Any:
        if not 0 <= pos < len(self.rows):
            return None
        row = self.rows[pos]
        if role == Qt.ItemDataRole.DisplayRole:
            return self._text(row, col)
        if role == Qt.ItemDataRole.BackgroundRole:
            return TINTS.get(urgency(row.party, row.due, self._now))
        if role == Qt.ItemDataRole.ForegroundRole:
            return QUIET if col == COL_OWN else None
        if role == Qt.ItemDataRole.TextAlignmentRole:
            if col in (COL_AMOUNT, COL_COUNTDOWN):
                return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            return None
        if role == Qt.ItemDataRole.ToolTipRole:
            if col in (COL_COUNTDOWN, COL_CONSEQUENCE) and row.party is not None:
                return f"{row.rule_id} · {vocab.label(vocab.confidences(), row.confidence)}"
            if col == COL_PRODUCT:
                return row.product
            return None
        if role == CASE_ID_ROLE:
            return row.id
        if role == URGENCY_ROLE:
            return int(urgency(row.party, row.due, self._now))
        return None

    def _text(self, row: ListRow, col: int) -> str:
        if col == COL_COUNTDOWN:
            return formatting.clock_text(row.due, row.waiting_for, row.party is not None, self._now)
        if col == COL_CONSEQUENCE:
            return formatting.consequence(
                row.party, row.auto_action, row.confidence, row.waiting_for, row.due
            )
        if col == COL_STAGE:
            return vocab.label(vocab.stages(), row.stage)
        if col == COL_PLATFORM:
            return vocab.label(vocab.platforms(), row.platform)
        if col == COL_SHOP:
            return row.shop
        if col == COL_AFTERSALE_NO:
            return row.aftersale_no
        if col == COL_ORDER_NO:
            return row.order_no
        if col == COL_BUYER:
            return row.buyer
        if col == COL_PRODUCT:
            return row.product
        if col == COL_TYPE:
            return vocab.label(vocab.case_types(), row.case_type)
        if col == COL_REASON:
            return vocab.label(vocab.reasons(), row.reason)
        if col == COL_AMOUNT:
            return formatting.money_fen(row.amount_fen)
        if col == COL_REQUESTED_AT:
            return formatting.epoch_text(row.requested_at)
        if col == COL_HANDLER:
            return row.shown_handler
        if col == COL_OWN:
            if row.own_kind is None or row.own_due is None:
                return ""
            left = self.own_left(row.own_kind, row.own_due, self._now)
            return f"{own_name(row.own_kind)} {formatting.countdown(left)}"
        return ""

    # ---- time -----------------------------------------------------------------------------

    @property
    def now(self) -> int:
        return self._now

    def set_now(self, now: int) -> None:
        """Move the model's clock snapshot; the caller says which cells to repaint."""
        self._now = now

    # ---- loading and updating -------------------------------------------------------------

    def set_rows(self, rows: list[ListRow], index: RowIndex | None = None, complete: bool = True) -> None:
        self.beginResetModel()
        self.rows = rows
        self.index_facts = index if index is not None else RowIndex(rows)
        self._pos_by_id = {r.id: i for i, r in enumerate(rows)}
        self.complete = complete
        self._own = None
        self.endResetModel()

    def position_of(self, case_id: int) -> int | None:
        return self._pos_by_id.get(case_id)

    def row_at(self, pos: int) -> ListRow:
        return self.rows[pos]

    def next_own(self, now: int) -> tuple[int, str] | None:
        """The merchant's own soonest deadline over every case still ahead: (due, kind). Sorted
        once per change of the rows, then a bisection per tick."""
        if self._own is None:
            self._own = sorted(
                (r.own_due, r.own_kind) for r in self.rows if r.own_due is not None and r.own_kind
            )
        i = bisect_left(self._own, (now, ""))
        return self._own[i] if i < len(self._own) else None

    def apply_rows(self, fresh: Sequence[ListRow], gone: Sequence[int] = ()) -> list[int]:
        """Replace changed rows, append new ones, drop deleted ones; returns the positions touched.

        A deletion resets the model (positions shift); a change or an addition does not.
        """
        self._own = None
        if gone and any(cid in self._pos_by_id for cid in gone):
            dead = set(gone)
            keep = [r for r in self.rows if r.id not in dead]
            by_id = {r.id: r for r in fresh}
            self.set_rows([by_id.pop(r.id, r) for r in keep] + list(by_id.values()))
            return list(range(len(self.rows)))
        touched: list[int] = []
        new: list[ListRow] = []
        for row in fresh:
            pos = self._pos_by_id.get(row.id)
            if pos is None:
                new.append(row)
                continue
            self.rows[pos] = row
            self.index_facts.set(pos, row)
            touched.append(pos)
            self.dataChanged.emit(self.index(pos, 0), self.index(pos, COLUMN_COUNT - 1))
        if new:
            first = len(self.rows)
            self.beginInsertRows(QModelIndex(), first, first + len(new) - 1)
            for row in new:
                self._pos_by_id[row.id] = len(self.rows)
                self.index_facts.set(len(self.rows), row)
                self.rows.append(row)
            self.endInsertRows()
            touched.extend(range(first, len(self.rows)))
        return touched

    def retranslate(self) -> None:
        self._titles = header_titles()
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, COLUMN_COUNT - 1)
