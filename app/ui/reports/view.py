"""The Reports screen: pick a period and shops, preview the key figures, export the workbook.

All figures come from the metrics service (their names from its definitions);
the work runs on the TaskRunner, so a large export never freezes the window.
"""

from __future__ import annotations

import logging
from datetime import date
from pathlib import Path
from typing import Any

from PySide6.QtCore import QDate, Qt, QUrl, Signal
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.services.clock import BEIJING, Clock
from app.services.reports.metric_defs import DEF, KEY_FIGURES, Kind
from app.services.reports.metrics import MetricsReport, Period, period_preset
from app.services.reports.order_counts import ShopRef
from app.services.reports.workbook import ReportRequest, ReportResult, ReportService
from app.ui.common.service_text import error_text
from app.ui.common.tasks import TaskRunner
from app.ui.reports.order_counts_dialog import shop_text

log = logging.getLogger(__name__)

PREVIEW_KEYS = ("cases_in_report", *KEY_FIGURES, "refund_rate", "on_time_rate")


class ReportsView(QWidget):
    exported = Signal(Path)

    def __init__(
        self,
        reports: ReportService,
        runner: TaskRunner,
        clock: Clock,
        lang: str = "zh",
        parent: QWidget | None = None,
        defer_preview: bool = False,
    ) -> None:
        super().__init__(parent)
        # In the window the preview waits until the screen is first shown (it reads every case).
        self._deferred = defer_preview
        self._stale = False
        self._exporting = False
        self._reports = reports
        self._runner = runner
        self._clock = clock
        self._lang = lang
        self._generation = 0
        self.last_export: Path | None = None
        self._build()
        self.preset.setCurrentIndex(self.preset.findData("last_month"))
        self.reload_shops()

    # ---- layout -------------------------------------------------------------------------

    def _build(self) -> None:
        self.preset = QComboBox()
        for key, text in (
            ("this_month", self.tr("This month")),
            ("last_month", self.tr("Last month")),
            ("this_quarter", self.tr("This quarter")),
            ("custom", self.tr("Custom")),
        ):
            self.preset.addItem(text, key)
        self.date_from = QDateEdit()
        self.date_to = QDateEdit()
        for edit in (self.date_from, self.date_to):
            edit.setCalendarPopup(True)
            edit.setDisplayFormat("yyyy-MM-dd")
            edit.dateChanged.connect(self._dates_edited)
        self.preset.currentIndexChanged.connect(self._preset_changed)

        period_box = QGroupBox(self.tr("Period (Beijing time)"))
        row = QHBoxLayout(period_box)
        row.addWidget(self.preset)
        row.addWidget(QLabel(self.tr("From")))
        row.addWidget(self.date_from)
        row.addWidget(QLabel(self.tr("To")))
        row.addWidget(self.date_to)
        row.addStretch(1)

        self.shop_list = QListWidget()
        self.shop_list.setMaximumHeight(110)
        self.shop_list.itemChanged.connect(lambda _item: self.refresh())
        shop_box = QGroupBox(self.tr("Shops"))
        QVBoxLayout(shop_box).addWidget(self.shop_list)

        self.values: dict[str, QLabel] = {}
        preview_box = QGroupBox(self.tr("Key figures"))
        form = QFormLayout(preview_box)
        for key in PREVIEW_KEYS:
            label = QLabel("…")
            label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            self.values[key] = label
            form.addRow(DEF[key].name(self._lang), label)

        self.show_pii = QCheckBox(self.tr("Include buyer contact details (phone, address)"))
        self.export_button = QPushButton(self.tr("Export…"))
        self.export_button.clicked.connect(self._export_clicked)
        self.progress = QProgressBar()
        self.progress.setVisible(False)
        self.status = QLabel()
        self.status.setWordWrap(True)
        self.open_folder = QPushButton(self.tr("Open folder"))
        self.open_folder.setVisible(False)
        self.open_folder.clicked.connect(self._open_folder)
        self.orders_button = QPushButton(self.tr("Paid orders…"))
        self.orders_button.setToolTip(
            self.tr("Enter paid orders per shop and month (the rates divide by them)")
        )
        actions = QHBoxLayout()
        actions.addWidget(self.orders_button)
        actions.addWidget(self.show_pii)
        actions.addStretch(1)
        actions.addWidget(self.export_button)

        layout = QVBoxLayout(self)
        layout.addWidget(period_box)
        layout.addWidget(shop_box)
        layout.addWidget(preview_box)
        layout.addLayout(actions)
        layout.addWidget(self.progress)
        status_row = QHBoxLayout()
        status_row.addWidget(self.status, 1)
        status_row.addWidget(self.open_folder)
        layout.addLayout(status_row)
        layout.addStretch(1)

    # ---- period and shops ----------------------------------------------------------------

    def _preset_changed(self) -> None:
        key = self.preset.currentData()
        custom = key == "custom"
        self.date_from.setEnabled(custom)
        self.date_to.setEnabled(custom)
        if not custom:
            p = period_preset(str(key), self._clock.now())
            for edit, day in ((self.date_from, p.first_day), (self.date_to, p.last_day)):
                edit.blockSignals(True)
                edit.setDate(QDate(day.year, day.month, day.day))
                edit.blockSignals(False)
        self.refresh()

    def _dates_edited(self) -> None:
        if self.preset.currentData() == "custom":
            self.refresh()

    def period(self) -> Period | None:
        a, b = self.date_from.date(), self.date_to.date()
        first, last = date(a.year(), a.month(), a.day()), date(b.year(), b.month(), b.day())
        return Period(first, last) if first <= last else None

    def reload_shops(self) -> None:
        """List the shops (a shop added since is ticked; one the merchant unticked stays unticked)."""
        unticked = {
            self.shop_list.item(i).data(Qt.ItemDataRole.UserRole).id
            for i in range(self.shop_list.count())
            if self.shop_list.item(i).checkState() != Qt.CheckState.Checked
        }
        self.shop_list.blockSignals(True)
        self.shop_list.clear()
        for shop in self._reports.metrics.shops():
            item = QListWidgetItem(shop_text(shop))
            item.setData(Qt.ItemDataRole.UserRole, shop)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Unchecked if shop.id in unticked else Qt.CheckState.Checked)
            self.shop_list.addItem(item)
        self.shop_list.blockSignals(False)
        self.refresh()

    def selected_shops(self) -> tuple[ShopRef, ...] | None:
        """None when every shop is ticked (the report then also covers cases without a shop)."""
        items = [self.shop_list.item(i) for i in range(self.shop_list.count())]
        ticked = tuple(
            i.data(Qt.ItemDataRole.UserRole) for i in items if i.checkState() == Qt.CheckState.Checked
        )
        return None if len(ticked) == len(items) else ticked

    # ---- preview ------------------------------------------------------------------------

    def showEvent(self, event: Any) -> None:
        super().showEvent(event)
        listed = [self.shop_list.item(i).data(Qt.ItemDataRole.UserRole) for i in range(self.shop_list.count())]
        if listed != self._reports.metrics.shops():  # a case brought a new shop (reload refreshes)
            self.reload_shops()
        elif self._stale:
            self.refresh()

    def mark_stale(self) -> None:
        """Cases changed: recompute now if the screen is showing, else when it is next shown."""
        self._stale = True
        if self.isVisible():
            self.refresh()

    def refresh(self) -> None:
        if self._deferred and not self.isVisible():
            self._stale = True
            return
        self._stale = False
        period = self.period()
        self._generation += 1  # a preview still on its way is for the old period
        if period is None:  # say so, show no figures of another period, and nothing to export
            self.status.setStyleSheet("color: #c92a2a;")
            self.status.setText(self._reversed_text())
            for label in self.values.values():
                label.setText("—")
            self.export_button.setEnabled(False)
            return
        if self.status.text() == self._reversed_text():
            self.status.setText("")
            self.status.setStyleSheet("")
        if not self._exporting:
            self.export_button.setEnabled(True)
        generation, shops = self._generation, self.selected_shops()
        for label in self.values.values():
            label.setText("…")
        self._runner.run(
            lambda _report: self._reports.preview(period, shops),
            done=lambda result: self._show_preview(generation, result),
            failed=self._failed,
        )

    def _reversed_text(self) -> str:
        return self.tr("The period starts after it ends: set “From” on or before “To”.")

    def _show_preview(self, generation: int, r: MetricsReport) -> None:
        if generation != self._generation:
            return  # a newer preview is on its way
        for key, label in self.values.items():
            label.setText(self._figure(r, key))

    def _figure(self, r: MetricsReport, key: str) -> str:
        if key == "cases_in_report":
            return f"{r.cases_in_report:,}"
        kind = DEF[key].kind
        if kind is Kind.RATE:
            return r.rates[key].text(self._lang)
        value = r.total(key)
        return f"¥{value:,.2f}" if kind is Kind.MONEY else f"{int(value):,}"

    # ---- export -------------------------------------------------------------------------

    def _ask_path(self, suggested: str) -> Path | None:
        name, _filter = QFileDialog.getSaveFileName(
            self, self.tr("Export report"), suggested, self.tr("Excel workbook (*.xlsx)")
        )
        if not name:
            return None
        path = Path(name)
        return path if path.suffix.lower() == ".xlsx" else path.with_suffix(".xlsx")

    def _export_clicked(self) -> None:
        period = self.period()
        if period is None:
            self.status.setText(self._reversed_text())
            return
        folder = self.last_export.parent if self.last_export else Path.home()
        stamp = self._clock.now().astimezone(BEIJING).strftime("%Y%m%d-%H%M")
        name = self.tr("aftersales-report")
        suggested = folder / f"{name}_{period.first_day:%Y%m%d}-{period.last_day:%Y%m%d}_{stamp}.xlsx"
        path = self._ask_path(str(suggested))
        if path is None:
            return
        self.export_to(path, period)

    def export_to(self, path: Path, period: Period) -> None:
        request = ReportRequest(period, self.selected_shops(), self.show_pii.isChecked(), self._lang)
        self._exporting = True
        self.export_button.setEnabled(False)
        self.open_folder.setVisible(False)
        self.progress.setRange(0, 0)  # busy until the first count arrives
        self.progress.setVisible(True)
        self.status.setText(self.tr("Exporting…"))
        self._runner.run(
            lambda report: self._reports.export(request, path, report),
            done=self._exported,
            failed=self._failed,
            progress=self._progress,
        )

    def _progress(self, done: int, total: int, _message: str) -> None:
        self.progress.setRange(0, max(total, 1))
        self.progress.setValue(min(done, max(total, 1)))

    def _exported(self, result: ReportResult) -> None:
        self._exporting = False
        self.export_button.setEnabled(self.period() is not None)
        self.progress.setRange(0, 1)
        self.progress.setValue(1)
        self.last_export = result.path
        self.status.setText(
            self.tr("Saved {path} ({cases} cases).").format(path=result.path, cases=result.case_rows)
        )
        self.open_folder.setVisible(True)
        self.exported.emit(result.path)

    def _failed(self, error: Exception, traceback: str) -> None:
        # A bug's traceback is logged by the runner (failures.describe); the merchant sees the message.
        self._exporting = False
        self.export_button.setEnabled(self.period() is not None)
        self.progress.setVisible(False)
        self.status.setText(self.tr("Could not finish: {error}").format(error=error_text(error)))

    def _open_folder(self) -> None:
        if self.last_export is not None:
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(self.last_export.parent)))


__all__ = ["ReportsView"]
