"""Alerts in the window: every alert and notice stays listed here until it is marked seen.

Tray messages "may not appear at all" on some systems, and some systems have no tray:
this banner is where nothing can be missed.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import UTC, datetime
from typing import Any

from PySide6.QtCore import QAbstractListModel, QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QListView,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from app.services.alerts.service import Notice
from app.services.alerts.text import title_at
from app.ui.common.service_text import say

CASE_ID_ROLE = Qt.ItemDataRole.UserRole + 1
MAX_ROWS = 4
LOG_ID_ROLE = Qt.ItemDataRole.UserRole + 2

ModelIndex = QModelIndex | QPersistentModelIndex


class NoticeListModel(QAbstractListModel):
    """Notices, one row each: each batch added goes on top, in the order given."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._rows: list[Notice] = []
        self.now: datetime | None = None  # the tick's time: an alert's title counts down with it

    def rowCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008 - Qt's default
        return 0 if parent.isValid() else len(self._rows)

    def data(self, index: ModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        n = self._rows[index.row()]
        title = say(n.title if self.now is None else title_at(n.title, n.due_at, self.now))
        if role == Qt.ItemDataRole.DisplayRole:
            text = say(n.text)
            first = text.splitlines()[0] if text else ""
            return f"{title}    {first}"
        if role == Qt.ItemDataRole.ToolTipRole:
            return f"{title}\n{say(n.text)}"
        if role == CASE_ID_ROLE:
            return n.case_id
        if role == LOG_ID_ROLE:
            return n.log_id
        return None

    def notices(self) -> list[Notice]:
        return list(self._rows)

    def set_now(self, now: datetime) -> None:
        """Count the alerts' time left down (a handful of rows: all of them repaint)."""
        self.now = now
        if self._rows:
            self.dataChanged.emit(
                self.index(0), self.index(len(self._rows) - 1), [Qt.ItemDataRole.DisplayRole]
            )

    def add(self, notices: Sequence[Notice]) -> None:
        known = {n.log_id for n in self._rows}
        fresh = [n for n in notices if n.log_id not in known]
        if not fresh:
            return
        self.beginInsertRows(QModelIndex(), 0, len(fresh) - 1)
        self._rows[:0] = fresh
        self.endInsertRows()

    def remove(self, log_ids: Sequence[int]) -> None:
        drop = set(log_ids)
        for row in reversed(range(len(self._rows))):
            if self._rows[row].log_id in drop:
                self.beginRemoveRows(QModelIndex(), row, row)
                del self._rows[row]
                self.endRemoveRows()


class AlertBanner(QFrame):
    open_case_requested = Signal(int)
    seen = Signal(list)  # log ids the merchant has now seen

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("alertBanner")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setStyleSheet("#alertBanner { background: rgba(255, 167, 38, 40); border: 1px solid #ffb74d; }")
        self.model = NoticeListModel(self)
        self.headline = QLabel()
        self.no_tray_note = QLabel(self.tr("No system tray: alerts are shown here only."))
        self.no_tray_note.setVisible(False)
        self.no_tray_note.setWordWrap(True)
        self.seen_button = QPushButton(self.tr("Mark all read"))
        self.seen_button.clicked.connect(self.mark_all_seen)
        self.view = QListView()
        self.view.setObjectName("alertList")
        self.view.setModel(self.model)
        self.view.setUniformItemSizes(True)
        self.view.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAsNeeded)
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Maximum)
        self.view.activated.connect(self._activated)
        self.view.doubleClicked.connect(self._activated)
        top = QHBoxLayout()
        top.addWidget(self.headline, 1)
        top.addWidget(self.seen_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 6, 8, 6)
        layout.addWidget(self.no_tray_note)
        layout.addLayout(top)
        layout.addWidget(self.view)
        self._update()

    def set_tray_available(self, available: bool) -> None:
        self.no_tray_note.setVisible(not available)
        self._update()

    def tick(self, now: int) -> None:
        self.model.set_now(datetime.fromtimestamp(now, UTC))

    def add_notices(self, notices: Sequence[Notice]) -> None:
        self.model.add(notices)
        self._update()

    def settled(self, log_ids: Sequence[int]) -> None:
        """These alerts were settled by the case being handled: no longer unread."""
        if log_ids:
            self.model.remove(log_ids)
            self._update()

    def mark_all_seen(self) -> None:
        ids = [n.log_id for n in self.model.notices()]
        if ids:
            self.model.remove(ids)
            self.seen.emit(ids)
        self._update()

    def _activated(self, index: QModelIndex) -> None:
        case_id = index.data(CASE_ID_ROLE)
        log_id = index.data(LOG_ID_ROLE)
        if log_id is None:
            return
        self.model.remove([log_id])
        self.seen.emit([log_id])
        self._update()
        self.open_case_requested.emit(int(case_id))

    def _update(self) -> None:
        count = self.model.rowCount()
        if count == 1:
            self.headline.setText(self.tr("1 unread alert (double-click it to open its case)"))
        elif count:
            self.headline.setText(
                self.tr("{0} unread alerts (double-click one to open its case)").format(count)
            )
        else:
            self.headline.setText(self.tr("No unread alerts"))
        self.view.setVisible(count > 0)
        self.seen_button.setVisible(count > 0)
        # As tall as its rows (up to MAX_ROWS, then it scrolls): two alerts take two lines, not 150 px.
        row = self.view.sizeHintForRow(0) if count else 0
        row = max(row, self.view.fontMetrics().height() + 2)
        frame = 2 * self.view.frameWidth()
        self.view.setFixedHeight(min(count, MAX_ROWS) * row + frame)
        self.setVisible(count > 0 or self.no_tray_note.isVisibleTo(self))
