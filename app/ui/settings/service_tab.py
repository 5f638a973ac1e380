"""Settings → Service targets: the shop's hours per weekday, China's holidays and 调休, its own days
off, its targets (first response, refund after the return arrived, 回访) and when a 回访 is due.

Kept in the database (`DeskSettings`): every PC of the shop counts the same targets."""

from __future__ import annotations

from datetime import date, time, timedelta
from typing import Any

from PySide6.QtCore import QTime
from PySide6.QtWidgets import (
    QCheckBox,
    QDoubleSpinBox,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QSpinBox,
    QTimeEdit,
    QVBoxLayout,
    QWidget,
)

from app.services.service_desk.desk_settings import CALLBACK_OUTCOMES, DeskSettings
from app.services.service_desk.service_calendar import WeeklyHours
from app.ui.common import vocab


def _qtime(t: time) -> QTime:
    return QTime(t.hour, t.minute)


def _time(q: QTime) -> time:
    return time(q.hour(), q.minute())


class ServiceTargetsEditor(QWidget):
    def __init__(self, settings: DeskSettings, parent: Any = None) -> None:
        super().__init__(parent)
        self.original = settings
        days = [
            self.tr("Monday"),
            self.tr("Tuesday"),
            self.tr("Wednesday"),
            self.tr("Thursday"),
            self.tr("Friday"),
            self.tr("Saturday"),
            self.tr("Sunday"),
        ]
        hours_box = QGroupBox(self.tr("Working hours (Beijing time)"))
        grid = QGridLayout(hours_box)
        self.open: list[QCheckBox] = []
        self.opens: list[QTimeEdit] = []
        self.closes: list[QTimeEdit] = []
        for i, name in enumerate(days):
            span = settings.hours.on(i)
            check = QCheckBox(name)
            check.setObjectName(f"open_{i}")
            start, end = (
                QTimeEdit(_qtime(span[0] if span else time(9))),
                QTimeEdit(_qtime(span[1] if span else time(22))),
            )
            for edit in (start, end):
                edit.setDisplayFormat("HH:mm")
                edit.setEnabled(span is not None)
                check.toggled.connect(edit.setEnabled)
            check.setChecked(span is not None)
            grid.addWidget(check, i // 2, (i % 2) * 4)
            grid.addWidget(start, i // 2, (i % 2) * 4 + 1)
            grid.addWidget(QLabel("–"), i // 2, (i % 2) * 4 + 2)
            grid.addWidget(end, i // 2, (i % 2) * 4 + 3)
            self.open.append(check)
            self.opens.append(start)
            self.closes.append(end)
        grid.setColumnStretch(8, 1)  # the hours keep their width; the row's spare room goes last
        self.statutory = QCheckBox(self.tr("Follow China's holidays and make-up working days (调休)"))
        self.statutory.setObjectName("statutory")
        self.statutory.setChecked(settings.statutory)
        self.days_off = QLineEdit(", ".join(d.isoformat() for d in sorted(settings.days_off)))
        self.days_off.setObjectName("daysOff")
        self.days_off.setPlaceholderText(self.tr("Our own days off, e.g. 2027-01-04, 2027-01-05"))

        targets_box = QGroupBox(self.tr("Our targets"))
        form = QFormLayout(targets_box)
        self.first_response = QDoubleSpinBox()
        self.first_response.setObjectName("firstResponse")
        self.first_response.setRange(0.25, 72)
        self.first_response.setSingleStep(0.5)
        self.first_response.setSuffix(self.tr(" working hours"))
        self.first_response.setValue(settings.first_response.total_seconds() / 3600)
        form.addRow(self.tr("First response within"), self.first_response)
        self.refund = QSpinBox()
        self.refund.setObjectName("refundHours")
        self.refund.setRange(1, 240)
        self.refund.setSuffix(self.tr(" hours"))
        self.refund.setValue(int(settings.refund.total_seconds() // 3600))
        self.refund_working = QCheckBox(self.tr("count working hours only"))
        self.refund_working.setChecked(settings.refund_working)
        refund_row = QHBoxLayout()
        refund_row.addWidget(self.refund)
        refund_row.addWidget(self.refund_working, 1)
        form.addRow(self.tr("Refund after the return arrived within"), refund_row)
        self.callback_within = QSpinBox()
        self.callback_within.setObjectName("callbackWithin")
        self.callback_within.setRange(1, 30)
        self.callback_within.setSuffix(self.tr(" working days"))
        self.callback_within.setValue(settings.callback_within_days)
        form.addRow(self.tr("Callback within"), self.callback_within)

        callback_box = QGroupBox(self.tr("Callback (回访) after a case ends"))
        cb_form = QFormLayout(callback_box)
        self.callback_after = QSpinBox()
        self.callback_after.setObjectName("callbackAfter")
        self.callback_after.setRange(0, 30)
        self.callback_after.setSuffix(self.tr(" working days after it ended"))
        self.callback_after.setValue(settings.callback_after_days)
        cb_form.addRow(self.tr("Due"), self.callback_after)
        outcomes = QHBoxLayout()
        self.outcomes: dict[str, QCheckBox] = {}
        for stage in CALLBACK_OUTCOMES:
            box = QCheckBox(vocab.label(vocab.stages(), stage))
            box.setObjectName(f"outcome_{stage}")
            box.setChecked(stage in settings.callback_outcomes)
            self.outcomes[stage] = box
            outcomes.addWidget(box)
        outcomes.addStretch(1)
        cb_form.addRow(self.tr("For cases that ended"), outcomes)

        layout = QVBoxLayout(self)
        layout.addWidget(hours_box)
        layout.addWidget(self.statutory)
        layout.addWidget(self.days_off)
        layout.addWidget(targets_box)
        layout.addWidget(callback_box)
        layout.addStretch(1)

    def value(self) -> DeskSettings:
        """The settings as edited; ValueError (with the reason) when they do not hold."""
        spans = {
            i: (_time(self.opens[i].time()), _time(self.closes[i].time()))
            for i in range(7)
            if self.open[i].isChecked()
        }
        days: set[date] = set()
        for part in self.days_off.text().replace("，", ",").replace("、", ",").split(","):
            if part.strip():
                try:
                    days.add(date.fromisoformat(part.strip()))
                except ValueError:
                    raise ValueError(
                        self.tr("Not a date: {0} (write it as 2027-01-04)").format(part.strip())
                    ) from None
        try:
            hours = WeeklyHours.of(spans)
        except ValueError:
            raise ValueError(self.tr("Each working day must close later than it opens.")) from None
        if not hours.any:
            raise ValueError(self.tr("Tick at least one working day."))
        return DeskSettings(
            hours=hours,
            statutory=self.statutory.isChecked(),
            days_off=frozenset(days),
            first_response=timedelta(minutes=round(self.first_response.value() * 60)),
            refund=timedelta(hours=self.refund.value()),
            refund_working=self.refund_working.isChecked(),
            callback_within_days=self.callback_within.value(),
            callback_after_days=self.callback_after.value(),
            callback_outcomes=tuple(s for s, box in self.outcomes.items() if box.isChecked()),
        ).checked()
