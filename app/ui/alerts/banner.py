"""Alerts in the window: every alert and notice stays listed here until it is marked seen.

Tray messages "may not appear at all" on some systems, and some systems have no tray:
this banner is where nothing can be missed.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import QAbstractListModel, QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QListView, QPushButton, QVBoxLayout, QWidget

from app.services.alerts.service import Notice
from app.ui.common.service_text import say

CASE_ID_ROLE = Qt.ItemDataRole.UserRole + 1
LOG_ID_ROLE = Qt.ItemDataRole.UserRole + 2

ModelIndex = QModelIndex | QPersistentModelIndex


class NoticeListModel(QAbstractListModel):
    """Notices, one row each: each batch added goes on top, in the order given."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._rows: list[Notice] = []

    def rowCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008 - Qt's default
        return 0 if parent.isValid() else len(self._rows)

    def data(self, index: ModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        n = self._rows[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            text = say(n.text)
            first = text.splitlines()[0] if text else ""
            return f"{say(n.title)}    {first}"
        if role == Qt.ItemDataRole.ToolTipRole:
            return f"{say(n.title)}\n{say(n.text)}"
        if role == CASE_ID_ROLE:
            return n.case_id
        if role == LOG_ID_ROLE:
            return n.log_id
        return None

    def notices(self) -> list[Notice]:
        return list(self._rows)

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
        self.view.setModel(self.model)
        self.view.setMaximumHeight(120)
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

    def add_notices(self, notices: Sequence[Notice]) -> None:
        self.model.add(notices)
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
        self.setVisible(count > 0 or self.no_tray_note.isVisibleTo(self))
