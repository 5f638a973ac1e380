"""The case's agreed follow-ups in the detail panel: what was agreed, a countdown to it (the
merchant's own deadline), kept or not, and a button to mark it done."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtWidgets import QGridLayout, QLabel, QPushButton, QWidget

from app.services.service_desk.follow_ups import FollowUpStatus, FollowUpView
from app.ui.common import formatting

STATUS_COLOURS = {
    FollowUpStatus.OVERDUE: "#e03131",
    FollowUpStatus.LATE: "#e8590c",
    FollowUpStatus.KEPT: "#2b8a3e",
}


def status_words(f: FollowUpView) -> str:
    """What the timeline and the panel say of an agreement."""
    due = formatting.datetime_text(f.due_at)
    done = formatting.datetime_text(f.done_at)
    by = f" · {f.done_by}" if f.done_by else ""
    if f.status is FollowUpStatus.KEPT:
        return QCoreApplication.translate(
            "FollowUps", "agreed to follow up by {0}: kept (done {1}{2})"
        ).format(due, done, by)
    if f.status is FollowUpStatus.LATE:
        return QCoreApplication.translate(
            "FollowUps", "agreed to follow up by {0}: not kept (done late, {1}{2})"
        ).format(due, done, by)
    if f.status is FollowUpStatus.OVERDUE:
        return QCoreApplication.translate(
            "FollowUps", "agreed to follow up by {0}: not kept yet (overdue)"
        ).format(due)
    return QCoreApplication.translate("FollowUps", "agreed to follow up by {0}: open").format(due)


class FollowUpsWidget(QWidget):
    doneRequested = Signal(int)  # follow-up id

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.items: list[FollowUpView] = []
        self.grid = QGridLayout(self)
        self.grid.setContentsMargins(0, 0, 0, 0)
        self.countdowns: dict[int, QLabel] = {}
        self.empty = QLabel(self.tr("Nothing agreed yet. A note can carry “follow up by”."))
        self.empty.setWordWrap(True)  # a narrow detail panel (1024 px screen) wraps it, never cuts it

    def set_follow_ups(self, items: Sequence[FollowUpView], now: int) -> None:
        while self.grid.count():
            item = self.grid.takeAt(0)
            widget = item.widget() if item is not None else None
            if widget is not None and widget is not self.empty:
                widget.deleteLater()
        self.items = list(items)
        self.countdowns = {}
        if not self.items:
            self.grid.addWidget(self.empty, 0, 0)
            self.empty.show()
            return
        self.empty.hide()
        for row, f in enumerate(self.items):
            text = QLabel(f"{f.text}\n{status_words(f)}")
            text.setWordWrap(True)
            text.setObjectName(f"followUp_{f.id}")
            colour = STATUS_COLOURS.get(f.status)
            if colour:
                text.setStyleSheet(f"color: {colour};")
            self.grid.addWidget(text, row, 0)
            if f.is_open:
                countdown = QLabel()
                countdown.setObjectName(f"followUpCountdown_{f.id}")
                self.countdowns[f.id] = countdown
                self.grid.addWidget(countdown, row, 1)
                done = QPushButton(self.tr("Done"))
                done.setObjectName(f"followUpDone_{f.id}")
                done.setToolTip(self.tr("Mark it done: kept if before its time"))
                done.clicked.connect(lambda _=False, i=f.id: self.doneRequested.emit(i))
                self.grid.addWidget(done, row, 2)
        self.grid.setColumnStretch(0, 1)
        self.tick(now)

    def tick(self, now: int) -> None:
        for f in self.items:
            label = self.countdowns.get(f.id)
            if label is not None:
                due = int(f.due_at.timestamp())
                label.setText(formatting.clock_text(due, None, True, now))
                label.setStyleSheet("color: #e03131;" if due <= now else "")
