"""'While you were away': what the platforms did and what is now close, shown once on start."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QListView, QVBoxLayout, QWidget

from app.services.alerts.service import Summary
from app.ui.alerts.banner import CASE_ID_ROLE, NoticeListModel
from app.ui.common.service_text import say


class AwaySummaryDialog(QDialog):
    open_case_requested = Signal(int)

    def __init__(self, summary: Summary, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Aftersales Sentinel · while you were away"))
        self.summary = summary
        self.headline = QLabel(say(summary.headline))
        font = QFont(self.headline.font())
        font.setBold(True)
        font.setPointSizeF(font.pointSizeF() * 1.2)
        self.headline.setFont(font)
        self.headline.setWordWrap(True)
        self.model = NoticeListModel(self)
        self.model.add(summary.notices)
        self.view = QListView()
        self.view.setModel(self.model)
        self.view.activated.connect(self._open)
        self.view.doubleClicked.connect(self._open)
        hint = QLabel(
            self.tr(
                "Double-click a row to open its case. These alerts also stay in the main window's "
                "alert bar until they are marked read."
            )
        )
        hint.setWordWrap(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Got it"))
        buttons.accepted.connect(self.accept)
        layout = QVBoxLayout(self)
        layout.addWidget(self.headline)
        layout.addWidget(self.view)
        layout.addWidget(hint)
        layout.addWidget(buttons)
        self.resize(640, 420)

    def _open(self, index: QModelIndex) -> None:
        self.open_case_requested.emit(int(index.data(CASE_ID_ROLE)))
