"""The shop's own side of a case in the detail panel: its service targets as a second, quieter
countdown under the platform's (ours counts working time only: it stands still at night and on
days off, the platform's never does), and the 回访 after the case ended, recorded here."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import UTC, datetime, timedelta
from typing import Any, Protocol

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QGridLayout, QHBoxLayout, QLabel, QLineEdit, QPushButton, QVBoxLayout, QWidget

from app.services.service_desk.callbacks import CallbackResult, CallbackView
from app.services.service_desk.target_plan import TargetKind, TargetStatus
from app.services.service_desk.targets import TargetView
from app.ui.common import formatting

QUIET = "#868e96"
STATUS_COLOURS = {
    TargetStatus.OVERDUE: "#e03131",
    TargetStatus.MISSED: "#e8590c",
    TargetStatus.MET: "#2b8a3e",
}


class TargetClock(Protocol):
    """What the widget asks the target service each second (no database access)."""

    def target_left(self, kind: TargetKind, due_at: datetime, now: datetime) -> timedelta: ...
    def is_working(self, at: datetime) -> bool: ...


def target_name(kind: TargetKind) -> str:
    names = {
        TargetKind.FIRST_RESPONSE: QCoreApplication.translate("Targets", "First response"),
        TargetKind.REFUND: QCoreApplication.translate("Targets", "Refund after the return arrived"),
        TargetKind.CALLBACK: QCoreApplication.translate("Targets", "Callback (回访)"),
    }
    return names[kind]


def result_name(result: CallbackResult) -> str:
    names = {
        CallbackResult.SATISFIED: QCoreApplication.translate("Targets", "Satisfied"),
        CallbackResult.NEUTRAL: QCoreApplication.translate("Targets", "Neutral"),
        CallbackResult.UNSATISFIED: QCoreApplication.translate("Targets", "Unsatisfied"),
    }
    return names[result]


def _small(label: QLabel) -> QLabel:
    font = QFont(label.font())
    font.setPointSizeF(font.pointSizeF() * 0.9)
    label.setFont(font)
    return label


class TargetsWidget(QWidget):
    """One quiet line per target: what, by when, working time left (or met / missed)."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.setObjectName("serviceTargets")
        self.items: list[TargetView] = []
        self.clock: TargetClock | None = None
        self.lines: dict[TargetKind, QLabel] = {}
        self.layout_ = QVBoxLayout(self)
        self.layout_.setContentsMargins(0, 0, 0, 0)
        self.layout_.setSpacing(1)

    def set_targets(self, items: Sequence[TargetView], clock: TargetClock | None, now: int) -> None:
        for label in self.lines.values():
            label.deleteLater()
        self.lines = {}
        self.items, self.clock = list(items), clock
        for t in self.items:
            label = _small(QLabel())
            label.setObjectName(f"target_{t.kind.value}")
            label.setWordWrap(True)
            self.layout_.addWidget(label)
            self.lines[t.kind] = label
        self.setVisible(bool(self.items))
        self.tick(now)

    def tick(self, now: int) -> None:
        at = datetime.fromtimestamp(now, UTC)
        for t in self.items:
            label = self.lines[t.kind]
            label.setText(self.text(t, at))
            status = TargetStatus.OVERDUE if t.status is TargetStatus.OPEN and t.due_at < at else t.status
            label.setStyleSheet(f"color: {STATUS_COLOURS.get(status, QUIET)};")

    def text(self, t: TargetView, now: datetime) -> str:
        name, due = target_name(t.kind), formatting.datetime_text(t.due_at)
        if t.status is TargetStatus.MET:
            return QCoreApplication.translate("Targets", "Our target · {0}: met ({1}, by {2})").format(
                name, formatting.datetime_text(t.met_at), due
            )
        if t.status is TargetStatus.MISSED:
            return QCoreApplication.translate("Targets", "Our target · {0}: missed (by {1})").format(
                name, due
            )
        if t.due_at < now or self.clock is None:
            return QCoreApplication.translate("Targets", "Our target · {0}: overdue (by {1})").format(
                name, due
            )
        left = formatting.countdown(int(self.clock.target_left(t.kind, t.due_at, now).total_seconds()))
        if not t.working:  # a wall-clock promise (the refund within 48 h, seed 002)
            return QCoreApplication.translate("Targets", "Our target · {0}: {1} left (by {2})").format(
                name, left, due
            )
        text = QCoreApplication.translate(
            "Targets", "Our target · {0}: {1} working time left (by {2})"
        ).format(name, left, due)
        if not self.clock.is_working(now):
            text += QCoreApplication.translate("Targets", " · paused outside working hours")
        return text


class CallbackWidget(QWidget):
    """回访: due when, and the buyer's answer recorded (satisfied / neutral / unsatisfied + comment)."""

    recordRequested = Signal(str, str)  # result value, comment

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.setObjectName("callback")
        self.view: CallbackView | None = None
        self.status = QLabel()
        self.status.setObjectName("callbackStatus")
        self.status.setWordWrap(True)
        self.countdown = QLabel()
        self.countdown.setObjectName("callbackCountdown")
        self.comment = QLineEdit()
        self.comment.setObjectName("callbackComment")
        self.comment.setPlaceholderText(self.tr("What the buyer said (optional)"))
        self.buttons: dict[CallbackResult, QPushButton] = {}
        row = QHBoxLayout()
        for result in CallbackResult:
            button = QPushButton(result_name(result))
            button.setObjectName(f"callback_{result.value}")
            button.clicked.connect(lambda _=False, r=result: self._record(r))
            self.buttons[result] = button
            row.addWidget(button)
        row.addStretch(1)
        grid = QGridLayout(self)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.addWidget(self.status, 0, 0)
        grid.addWidget(self.countdown, 0, 1)
        grid.addWidget(self.comment, 1, 0, 1, 2)
        grid.addLayout(row, 2, 0, 1, 2)
        grid.setColumnStretch(0, 1)

    def _record(self, result: CallbackResult) -> None:
        self.recordRequested.emit(result.value, self.comment.text().strip())

    def set_callback(self, view: CallbackView | None, ended: bool, now: int) -> None:
        """`ended`: the case has ended (a 回访 can be recorded even without a task)."""
        self.view = view
        done = view is not None and not view.is_open
        for button in self.buttons.values():
            button.setVisible(ended and not done)
        self.comment.setVisible(ended and not done)
        if not done:
            self.comment.clear()
        if view is not None and done and view.result is not None:
            by = f" · {view.handler}" if view.handler else ""
            comment = f"：{view.comment}" if view.comment else ""
            self.status.setText(
                self.tr("Called back {0}{1}: {2}{3}").format(
                    formatting.datetime_text(view.done_at), by, result_name(view.result), comment
                )
            )
        elif view is not None and view.due_at is not None:
            self.status.setText(
                self.tr("Call the buyer back by {0}").format(formatting.datetime_text(view.due_at))
            )
        else:
            self.status.setText(self.tr("No callback due for this outcome; you can still record one."))
        self.tick(now)

    def tick(self, now: int) -> None:
        v = self.view
        if v is None or not v.is_open or v.due_at is None:
            self.countdown.setText("")
            return
        due = int(v.due_at.timestamp())
        self.countdown.setText(formatting.clock_text(due, None, True, now))
        self.countdown.setStyleSheet("color: #e03131;" if due <= now else "")
