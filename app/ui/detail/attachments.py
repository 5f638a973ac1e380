"""A case's attachments as thumbnails: add by button or drag and drop, open with the system viewer."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any

from PySide6.QtCore import QSize, Qt, QUrl, Signal
from PySide6.QtGui import QDesktopServices, QDragEnterEvent, QDropEvent, QIcon, QImageReader, QPixmap
from PySide6.QtWidgets import (
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QStyle,
    QVBoxLayout,
    QWidget,
)

from app.services.cases.attachments import AttachmentView

THUMB = QSize(72, 72)


def thumbnail(att: AttachmentView, style: QStyle) -> QIcon:
    if att.is_image and att.path.exists():
        reader = QImageReader(str(att.path))
        reader.setAutoTransform(True)
        size = reader.size()
        if size.isValid():
            reader.setScaledSize(size.scaled(THUMB, Qt.AspectRatioMode.KeepAspectRatio))
        image = reader.read()
        if not image.isNull():
            return QIcon(QPixmap.fromImage(image))
    return style.standardIcon(QStyle.StandardPixmap.SP_FileIcon)


OPENS_ROLE = Qt.ItemDataRole.UserRole + 1  # may the system's handler open it (not a program)?


class AttachmentsWidget(QWidget):
    filesDropped = Signal(list)  # list[Path] to add to the case

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.setAcceptDrops(True)
        self.list = QListWidget()
        self.list.setObjectName("attachments")
        self.list.setViewMode(QListWidget.ViewMode.IconMode)
        self.list.setIconSize(THUMB)
        self.list.setGridSize(QSize(THUMB.width() + 40, THUMB.height() + 36))
        self.list.setResizeMode(QListWidget.ResizeMode.Adjust)
        self.list.setMovement(QListWidget.Movement.Static)
        self.list.setWordWrap(True)
        self.list.setFixedHeight(THUMB.height() + 48)
        self.list.itemActivated.connect(self._open)
        self.add_button = QPushButton(self.tr("Add files…"))
        self.add_button.clicked.connect(self._pick)
        hint = QLabel(self.tr("or drop files here"))
        hint.setEnabled(False)
        row = QHBoxLayout()
        row.addWidget(self.add_button)
        row.addWidget(hint)
        row.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.list)
        layout.addLayout(row)

    def set_attachments(self, items: Sequence[AttachmentView]) -> None:
        self.list.clear()
        for att in items:
            # The name with control/bidi characters made visible, so the real extension shows.
            item = QListWidgetItem(thumbnail(att, self.style()), att.shown_name)
            tip = f"{att.shown_name}\n{att.size:,} B\n{att.sha256[:16]}…"
            if not att.may_open:
                tip += "\n" + self.tr("A program or script: shown in its folder, never opened from here.")
            item.setToolTip(tip)
            item.setData(Qt.ItemDataRole.UserRole, str(att.path))
            item.setData(OPENS_ROLE, att.may_open)
            self.list.addItem(item)

    def _open(self, item: QListWidgetItem) -> None:
        path = Path(item.data(Qt.ItemDataRole.UserRole))
        # A program or script would run if handed to the system: show its folder instead.
        target = path if item.data(OPENS_ROLE) else path.parent
        QDesktopServices.openUrl(QUrl.fromLocalFile(str(target)))

    def _pick(self) -> None:
        names, _ = QFileDialog.getOpenFileNames(self, self.tr("Attach files"))
        if names:
            self.filesDropped.emit([Path(n) for n in names])

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if event.mimeData().hasUrls():
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:
        paths = [Path(u.toLocalFile()) for u in event.mimeData().urls() if u.isLocalFile()]
        if paths:
            self.filesDropped.emit(paths)
        event.acceptProposedAction()
