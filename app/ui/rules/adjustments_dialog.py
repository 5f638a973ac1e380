"""Rules → 平台节假日调整…: the dated changes a platform announced (Spring Festival and the like).

Each entry: from, to (Beijing days), which clocks (whose, in which stage), what the platform
does (extend by N days, or pause), and where it was announced. Saving applies it to every
open case of the platform at once; the case detail then says which adjustment moved a clock.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date
from typing import Any

from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QRadioButton,
    QSpinBox,
    QVBoxLayout,
)

from app.models.enums import Party, Platform, Stage
from app.services.errors import InvalidInput
from app.services.rules.adjustments import MAX_EXTENSION, Adjustment, checked
from app.services.rules.presets import RuleBook
from app.services.rules.workflow import OPEN_STAGES
from app.ui.common import vocab
from app.ui.common.service_text import error_text, say
from app.ui.common.tasks import TaskRunner


def _qdate(d: date) -> QDate:
    return QDate(d.year, d.month, d.day)


def _date(q: QDate) -> date:
    return date(q.year(), q.month(), q.day())


class AdjustmentsDialog(QDialog):
    def __init__(
        self,
        book: RuleBook,
        platform: Platform,
        runner: TaskRunner,
        recount: Callable[[Platform], list[int]],
        on_recounted: Callable[[list[int]], None],
        today: date,
        parent: Any = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("adjustmentsDialog")
        self.book = book
        self.platform = platform
        self.runner = runner
        self.recount = recount
        self.on_recounted = on_recounted
        self.entries: list[Adjustment] = list(book.adjustments_for(platform))
        self.setWindowTitle(
            self.tr("Holiday adjustments · {0}").format(vocab.label(vocab.platforms(), platform.value))
        )
        intro = QLabel(
            self.tr(
                "When the platform announces that clocks run differently for a while (Spring Festival, "
                "a logistics stop), enter it here with where it was announced. It applies to every "
                "open case of this platform."
            )
        )
        intro.setWordWrap(True)
        self.list = QListWidget()
        self.list.setObjectName("adjustmentList")
        self.remove_button = QPushButton(self.tr("Remove"))
        self.remove_button.setObjectName("removeAdjustment")
        self.remove_button.clicked.connect(self.remove_selected)

        self.first = QDateEdit(_qdate(today))
        self.first.setObjectName("adjustmentFrom")
        self.first.setCalendarPopup(True)
        self.last = QDateEdit(_qdate(today).addDays(14))
        self.last.setObjectName("adjustmentTo")
        self.last.setCalendarPopup(True)
        self.party = QComboBox()
        self.party.setObjectName("adjustmentParty")
        self.party.addItem(self.tr("every clock"), None)
        for p in (Party.MERCHANT, Party.BUYER):
            self.party.addItem(vocab.label(vocab.parties(), p.value), p.value)
        self.stage = QComboBox()
        self.stage.setObjectName("adjustmentStage")
        self.stage.addItem(self.tr("any stage"), None)
        for s in OPEN_STAGES:
            self.stage.addItem(vocab.label(vocab.stages(), s.value), s.value)
        self.extend = QRadioButton(self.tr("extended by"))
        self.extend.setObjectName("adjustmentExtend")
        self.extend.setChecked(True)
        self.pause = QRadioButton(self.tr("paused"))
        self.pause.setObjectName("adjustmentPause")
        effect_group = QButtonGroup(self)
        effect_group.addButton(self.extend)
        effect_group.addButton(self.pause)
        self.days = QSpinBox()
        self.days.setObjectName("adjustmentDays")
        self.days.setRange(1, MAX_EXTENSION.days)
        self.days.setValue(7)
        self.days.setSuffix(self.tr(" day(s)"))
        self.extend.toggled.connect(self.days.setEnabled)
        self.source = QLineEdit()
        self.source.setObjectName("adjustmentSource")
        self.source.setPlaceholderText(self.tr("e.g. the platform's notice title, or its rule-centre page"))
        self.message = QLabel()
        self.message.setObjectName("formError")
        self.message.setWordWrap(True)
        add = QPushButton(self.tr("Add"))
        add.setObjectName("addAdjustment")
        add.clicked.connect(self.add)

        effect = QHBoxLayout()
        effect.addWidget(self.extend)
        effect.addWidget(self.days)
        effect.addWidget(self.pause)
        effect.addStretch(1)
        dates = QHBoxLayout()
        dates.addWidget(self.first)
        dates.addWidget(QLabel("–"))
        dates.addWidget(self.last)
        dates.addStretch(1)
        whose = QHBoxLayout()
        whose.addWidget(self.party)
        whose.addWidget(self.stage)
        whose.addStretch(1)
        form = QFormLayout()
        form.addRow(self.tr("Days (Beijing time)"), dates)
        form.addRow(self.tr("Which clocks"), whose)
        form.addRow(self.tr("The clocks are"), effect)
        form.addRow(self.tr("Announced in*"), self.source)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.list, 1)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(self.remove_button)
        layout.addLayout(row)
        layout.addLayout(form)
        layout.addWidget(self.message)
        add_row = QHBoxLayout()
        add_row.addStretch(1)
        add_row.addWidget(add)
        layout.addLayout(add_row)
        layout.addWidget(buttons)
        self.resize(680, 520)
        self.fill()

    def fill(self) -> None:
        self.list.clear()
        for entry in self.entries:
            item = QListWidgetItem(self._describe(entry))
            item.setData(Qt.ItemDataRole.UserRole, entry.id)
            self.list.addItem(item)
        self.remove_button.setEnabled(bool(self.entries))

    def _describe(self, a: Adjustment) -> str:
        whose = vocab.label(vocab.parties(), a.party.value) if a.party else self.tr("every clock")
        where = vocab.label(vocab.stages(), a.stage.value) if a.stage else self.tr("any stage")
        return f"{say(a.notice())} · {whose} · {where}"

    def collect(self) -> Adjustment:
        party, stage = self.party.currentData(), self.stage.currentData()
        return checked(
            Adjustment(
                platform=self.platform,
                first=_date(self.first.date()),
                last=_date(self.last.date()),
                source=self.source.text().strip(),
                extend_days=self.days.value() if self.extend.isChecked() else 0,
                pause=self.pause.isChecked(),
                party=Party(party) if party else None,
                stage=Stage(stage) if stage else None,
            )
        )

    def add(self) -> None:
        try:
            entry = self.collect()
        except InvalidInput as e:
            self.message.setText(error_text(e))  # the form keeps what was typed
            return
        self._save([*self.entries, entry], clear_form=True)

    def remove_selected(self) -> None:
        item = self.list.currentItem() or (self.list.item(0) if self.list.count() else None)
        if item is None:
            return
        gone = item.data(Qt.ItemDataRole.UserRole)
        self._save([e for e in self.entries if e.id != gone], clear_form=False)

    def _save(self, entries: Sequence[Adjustment], clear_form: bool) -> None:
        def run(_report: Any) -> list[int]:
            self.book.set_adjustments(self.platform, entries)
            return self.recount(self.platform)

        def done(moved: list[int]) -> None:
            self.entries = list(entries)
            self.fill()
            if clear_form:
                self.source.clear()
            self.message.setText(self.tr("Saved. {0} open case(s) recounted.").format(len(moved)))
            self.on_recounted(moved)

        def failed(error: Exception, _details: str) -> None:
            self.message.setText(error_text(error))

        self.runner.run(run, done=done, failed=failed)
