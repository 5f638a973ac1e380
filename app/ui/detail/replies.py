"""Reply templates in the case detail: the service's order (those for the case's stage first),
each filled from the case; one click copies the filled text to the clipboard."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.services.service_desk.templates import FilledTemplate

SHOWN_FIRST = 6  # fitting templates listed before "more…"; the rest are one scroll away


class RepliesWidget(QWidget):
    copied = Signal(int, str)  # template id, the text put on the clipboard
    manageRequested = Signal()

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.items: list[FilledTemplate] = []
        self.list = QListWidget()
        self.list.setObjectName("replyTemplates")
        self.list.setWordWrap(True)
        self.list.setMinimumHeight(150)
        self.list.itemDoubleClicked.connect(lambda _: self.copy_current())
        self.list.currentRowChanged.connect(self._show_preview)
        self.preview = QLabel()
        self.preview.setObjectName("replyPreview")
        self.preview.setWordWrap(True)
        self.preview.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.missing = QLabel()
        self.missing.setObjectName("replyMissing")
        self.missing.setWordWrap(True)
        self.missing.setStyleSheet("color: #e8590c;")
        self.copy = QPushButton(self.tr("Copy reply"))
        self.copy.setObjectName("copyReply")
        self.copy.setToolTip(self.tr("Copy the filled text to the clipboard, to paste into the chat"))
        self.copy.clicked.connect(self.copy_current)
        manage = QPushButton(self.tr("Templates…"))
        manage.setObjectName("manageTemplates")
        manage.clicked.connect(self.manageRequested)
        self.status = QLabel()
        self.status.setObjectName("replyStatus")
        buttons = QHBoxLayout()
        buttons.addWidget(self.copy)
        buttons.addWidget(manage)
        buttons.addWidget(self.status, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.list)
        layout.addWidget(self.preview)
        layout.addWidget(self.missing)
        layout.addLayout(buttons)

    def set_templates(self, items: Sequence[FilledTemplate]) -> None:
        self.items = list(items)
        self.list.clear()
        self.status.setText("")
        for filled in self.items:
            title = (
                filled.template.title
                if filled.fits
                else self.tr("{0} (not for this case)").format(filled.template.title)
            )
            item = QListWidgetItem(title)
            item.setToolTip(filled.filled.text)
            if not filled.fits:
                item.setForeground(Qt.GlobalColor.gray)
            self.list.addItem(item)
        self.list.setCurrentRow(0 if self.items else -1)
        self._show_preview(self.list.currentRow())

    def _show_preview(self, row: int) -> None:
        if not 0 <= row < len(self.items):
            self.preview.setText("")
            self.missing.setText("")
            self.copy.setEnabled(False)
            return
        filled = self.items[row].filled
        self.copy.setEnabled(True)
        self.preview.setText(filled.text)
        self.missing.setText(
            self.tr("Not filled: {0} — fill it in before sending").format("、".join(filled.missing))
            if filled.missing
            else ""
        )

    def copy_current(self) -> None:
        row = self.list.currentRow()
        if not 0 <= row < len(self.items):
            return
        chosen = self.items[row]
        QGuiApplication.clipboard().setText(chosen.filled.text)
        self.status.setText(self.tr("Copied: {0}").format(chosen.template.title))
        self.copied.emit(chosen.template.id, chosen.filled.text)
