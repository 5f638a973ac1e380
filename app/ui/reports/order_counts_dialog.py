"""Paid orders per shop and month: the denominators of the platform ratios in the report."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QDate, QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QPushButton,
    QSpinBox,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app.services.clock import BEIJING, Clock
from app.services.reports.order_counts import OrderCountRow, OrderCountService, ShopRef
from app.ui.common import vocab
from app.ui.common.list_table_model import ListTableModel
from app.ui.common.service_text import error_text
from app.ui.common.tasks import TaskRunner

Index = QModelIndex | QPersistentModelIndex



def shop_text(shop: ShopRef) -> str:
    """A shop as the merchant names it: '旗舰店 · 京东 POP', not the platform's code."""
    return f"{shop.name} · {vocab.label(vocab.platforms(), shop.platform)}"


class OrderCountModel(ListTableModel):
    COL_SHOP, COL_MONTH, COL_COUNT = range(3)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._rows: list[OrderCountRow] = []

    def set_rows(self, rows: list[OrderCountRow]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    column_count = 3

    def row_count(self) -> int:
        return len(self._rows)

    def titles(self) -> tuple[str, ...]:
        return (
            self.tr("Shop"),
            self.tr("Month"),
            self.tr("Paid orders"),
        )

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or role not in (
            Qt.ItemDataRole.DisplayRole,
            Qt.ItemDataRole.TextAlignmentRole,
        ):
            return None
        row = self._rows[index.row()]
        if role == Qt.ItemDataRole.TextAlignmentRole:
            right = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
            return right if index.column() == self.COL_COUNT else None
        return (shop_text(row.shop), row.month, f"{row.paid_orders:,}")[index.column()]


class OrderCountsDialog(QDialog):
    """Enter or correct a shop's paid orders for a month; the list shows what is entered."""

    saved = Signal()

    def __init__(
        self, counts: OrderCountService, runner: TaskRunner, clock: Clock, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Paid orders per shop and month"))
        self._counts = counts
        self._runner = runner
        self.shop = QComboBox()
        self.month = QDateEdit()
        self.month.setDisplayFormat("yyyy-MM")
        today = clock.now().astimezone(BEIJING).date()
        self.month.setDate(QDate(today.year, today.month, 1).addMonths(-1))
        self.count = QSpinBox()
        self.count.setRange(0, 100_000_000)
        self.count.setGroupSeparatorShown(True)
        self.save_button = QPushButton(self.tr("Save"))
        self.save_button.clicked.connect(self.save)
        self.message = QLabel()
        self.message.setWordWrap(True)
        form = QFormLayout()
        form.addRow(self.tr("Shop"), self.shop)
        form.addRow(self.tr("Month"), self.month)
        form.addRow(self.tr("Paid orders"), self.count)
        form.addRow("", self.save_button)
        self.model = OrderCountModel(self)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.verticalHeader().setVisible(False)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        hint = QLabel(
            self.tr(
                "Rates such as the refund rate divide by the paid orders of every shop and month in the "
                "report period; a missing month shows “n/a” in the report."
            )
        )
        hint.setWordWrap(True)
        layout.addWidget(hint)
        layout.addLayout(form)
        layout.addWidget(self.message)
        layout.addWidget(self.table)
        layout.addWidget(buttons)
        self.resize(520, 440)
        self.reload()

    def reload(self) -> None:
        def load(_report: object) -> tuple[list[Any], list[OrderCountRow]]:
            return self._counts.shops(), self._counts.list()

        self._runner.run(load, done=self._loaded, failed=self._failed)

    def _loaded(self, result: tuple[list[Any], list[OrderCountRow]]) -> None:
        shops, rows = result
        current = self.shop.currentData()
        self.shop.clear()
        for shop in shops:
            self.shop.addItem(shop_text(shop), shop)
        if current is not None:
            self.shop.setCurrentIndex(max(0, self.shop.findText(shop_text(current))))
        self.save_button.setEnabled(bool(shops))
        if not shops:
            self.message.setText(self.tr("No shops yet: add a case with a shop, or import an export."))
        self.model.set_rows(rows)

    def save(self) -> None:
        shop = self.shop.currentData()
        if shop is None:
            return
        month = self.month.date().toString("yyyy-MM")
        count = self.count.value()
        self._runner.run(
            lambda _report: self._counts.set(shop, month, count),
            done=lambda row: self._saved(row),
            failed=self._failed,
        )

    def _saved(self, row: OrderCountRow) -> None:
        self.message.setText(
            self.tr("Saved: {0}, {1}: {2:,} paid orders.").format(shop_text(row.shop), row.month, row.paid_orders)
        )
        self.saved.emit()
        self.reload()

    def _failed(self, error: Exception, _details: str) -> None:
        self.message.setText(error_text(error))
