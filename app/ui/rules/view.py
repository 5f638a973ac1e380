"""Rules screen: the active preset of a platform as a table; edit a duration; reset to built-in.

A saved edit becomes the user's copy of the preset (`RuleBook.save_user_copy`) and
applies to cases created afterwards; open cases keep the rule set they opened under.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import replace
from typing import Any

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QSignalBlocker, Qt, Signal
from PySide6.QtGui import QColor, QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app.models.enums import CaseType, Platform
from app.services.rules.drift import Drift
from app.services.rules.durations import duration_from_text
from app.services.rules.presets import Duration, Rule, RuleBook, RulePreset
from app.ui.common import vocab
from app.ui.common.changes import ChangeHub, ChangeSet
from app.ui.common.formatting import duration_text
from app.ui.common.list_table_model import ListTableModel
from app.ui.common.service_text import error_text
from app.ui.common.tasks import TaskRunner
from app.ui.rules.drift_banner import DriftBanner
from app.ui.settings.platform_choice import add_platform_items

_Index = QModelIndex | QPersistentModelIndex
COL_TYPES, COL_STAGE, COL_WHO, COL_DURATION, COL_START, COL_LAPSE, COL_SOURCE, COL_CONFIDENCE = range(8)
COLUMN_COUNT = 8
MAX_COLUMN_WIDTH = 100  # px for every column but the source (which takes the rest)


class RulesTableModel(ListTableModel):
    durationEdited = Signal(str, object)  # rule id, Duration
    invalidInput = Signal(str)

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.preset: RulePreset | None = None

    def set_preset(self, preset: RulePreset) -> None:
        self.beginResetModel()
        self.preset = preset
        self.endResetModel()

    column_count = COLUMN_COUNT

    def row_count(self) -> int:
        return 0 if self.preset is None else len(self.preset.rules)

    def titles(self) -> tuple[str, ...]:
        return (
            self.tr("Case types"),
            self.tr("Stage"),
            self.tr("Who acts"),
            self.tr("Duration"),
            self.tr("Clock starts"),
            self.tr("On lapse"),
            self.tr("Source"),
            self.tr("Confidence"),
        )

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if self.preset is None or not index.isValid() or not 0 <= index.row() < len(self.preset.rules):
            return None
        r = self.preset.rules[index.row()]
        col = index.column()
        if role == Qt.ItemDataRole.EditRole and col == COL_DURATION:
            return duration_text(r.duration)  # edited as shown (72小时), not as a code (72h)
        if role == Qt.ItemDataRole.BackgroundRole and col == COL_CONFIDENCE and r.confidence.value == "C":
            return QColor(245, 158, 11, 90)
        if role == Qt.ItemDataRole.ToolTipRole:  # the rule's id and technical note: the details line
            return self.source_text(r) if col == COL_SOURCE else None
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if col == COL_TYPES:
            return self.types_text(r)
        if col == COL_STAGE:
            return vocab.label(vocab.stages(), r.stage.value)
        if col == COL_WHO:
            return vocab.label(vocab.parties(), r.party.value)
        if col == COL_DURATION:
            return duration_text(r.duration)
        if col == COL_START:
            return vocab.label(vocab.clock_starts(), r.clock_start.value)
        if col == COL_LAPSE:
            return vocab.label(vocab.auto_actions(), r.auto_action.value)
        if col == COL_SOURCE:
            return self.source_text(r)
        if col == COL_CONFIDENCE:
            return vocab.label(vocab.confidences(), r.confidence.value)
        return None

    def source_text(self, r: Rule) -> str:
        """What a merchant can check: the rule page and what it says (未核实 when unverified)."""
        return r.source_zh or self.tr("Source not recorded (unverified): check your platform's rule centre")

    def types_text(self, r: Rule) -> str:
        if set(r.types) == set(CaseType):
            text = self.tr("all types")
        else:
            text = ", ".join(vocab.label(vocab.case_types(), t.value) for t in r.types)
        extra = []
        if r.shipped is not None:
            extra.append(self.tr("shipped") if r.shipped else self.tr("not shipped"))
        if r.reasons:
            extra.append(", ".join(vocab.label(vocab.reasons(), x.value) for x in r.reasons))
        return f"{text} ({'; '.join(extra)})" if extra else text

    def rule_words(self, r: Rule) -> str:
        """A rule named as the merchant reads the table: its case types and stage."""
        return f"{self.types_text(r)} · {vocab.label(vocab.stages(), r.stage.value)}"

    def flags(self, index: _Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        f = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemNeverHasChildren
        return f | Qt.ItemFlag.ItemIsEditable if index.column() == COL_DURATION else f

    def setData(self, index: _Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if self.preset is None or role != Qt.ItemDataRole.EditRole or index.column() != COL_DURATION:
            return False
        try:
            duration = duration_from_text(str(value))
        except ValueError as e:
            self.invalidInput.emit(error_text(e))
            return False
        rule = self.preset.rules[index.row()]
        if duration == rule.duration:
            return False
        self.durationEdited.emit(rule.id, duration)
        return True


class RulesView(QWidget):
    def __init__(
        self,
        book: RuleBook,
        tasks: TaskRunner,
        changes: ChangeHub,
        parent: Any = None,
        my_platforms: Callable[[], Sequence[str]] = tuple,
        open_holidays: Callable[[], Any] | None = None,
        open_adjustments: Callable[[Platform], Any] | None = None,
        drift: Callable[[Platform], Sequence[Drift]] | None = None,
    ) -> None:
        """`open_holidays()` opens the holiday calendar (节假日安排) the working-day clocks count with."""
        super().__init__(parent)
        self.book = book
        self.tasks = tasks
        self.changes = changes
        self._my_platforms = my_platforms
        self._listed_for: tuple[str, ...] = tuple(my_platforms())
        self.platform = QComboBox()
        self.platform.setObjectName("rulesPlatform")
        add_platform_items(self.platform, self._listed_for)
        self.platform.currentIndexChanged.connect(self.show_platform)
        self.origin = QLabel()
        self.origin.setObjectName("rulesOrigin")
        self.reset_button = QPushButton(self.tr("Reset to built-in"))
        self.reset_button.setObjectName("resetRules")
        self.reset_button.clicked.connect(self.ask_reset)
        notice = QLabel(
            self.tr(
                "Double-click a duration to change it. Changes apply to new cases; open cases keep the "
                "rules they were opened under. Check rows marked C against your platform's rule centre."
            )
        )
        notice.setObjectName("rulesNotice")
        notice.setWordWrap(True)
        self.message = QLabel()
        self.message.setObjectName("rulesMessage")
        self.message.setWordWrap(True)
        self.details = QLabel()  # rule id, version hash, technical note: for support only
        self.details.setObjectName("rulesDetails")
        self.details.setWordWrap(True)
        self.details.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.details.setStyleSheet("color: #868e96;")
        self.model = RulesTableModel(self)
        self.model.durationEdited.connect(self.save_duration)
        self.model.invalidInput.connect(lambda text: self._say(text, error=True))
        self.table = QTableView()
        self.table.setObjectName("rulesTable")
        self.table.setModel(self.model)
        self.table.verticalHeader().hide()
        self.table.setWordWrap(True)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(
            QAbstractItemView.EditTrigger.DoubleClicked | QAbstractItemView.EditTrigger.EditKeyPressed
        )
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)  # fitted in show_platform
        header.setSectionResizeMode(COL_SOURCE, QHeaderView.ResizeMode.Stretch)
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)

        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("Platform")))
        top.addWidget(self.platform)
        top.addWidget(self.origin, 1)
        top.addWidget(self.reset_button)
        if open_holidays is not None:
            self.holidays_button = QPushButton(self.tr("Holiday calendar…"))
            self.holidays_button.setObjectName("openHolidays")
            self.holidays_button.setToolTip(
                self.tr("China's holidays and make-up working days that working-day clocks count with")
            )
            self.holidays_button.clicked.connect(open_holidays)
            top.addWidget(self.holidays_button)
        if open_adjustments is not None:
            self.adjustments_button = QPushButton(self.tr("Holiday adjustments…"))
            self.adjustments_button.setObjectName("openAdjustments")
            self.adjustments_button.setToolTip(
                self.tr(
                    "Dated changes this platform announced (e.g. Spring Festival): clocks extended or paused"
                )
            )
            self.adjustments_button.clicked.connect(lambda: open_adjustments(self.current_platform()))
            top.addWidget(self.adjustments_button)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(notice)
        layout.addWidget(self.message)
        self._drift = drift
        self.drift_banner = DriftBanner(offer_fix=True)
        self.drift_banner.apply.connect(self.save_duration)
        layout.addWidget(self.drift_banner)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.details)
        self.table.selectionModel().currentRowChanged.connect(lambda *_: self._show_details())
        self.show_platform()

    def current_platform(self) -> Platform:
        return Platform(self.platform.currentData())

    def showEvent(self, event: QShowEvent) -> None:
        """The merchant's platforms may have changed in Settings: list them first again."""
        mine = tuple(self._my_platforms())
        if mine != self._listed_for:
            self._listed_for = mine
            current = self.platform.currentData()
            with QSignalBlocker(self.platform):
                self.platform.clear()
                add_platform_items(self.platform, mine)
                self.platform.setCurrentIndex(self.platform.findData(current))
        super().showEvent(event)

    def show_platform(self) -> None:
        platform = self.current_platform()
        if self._drift is not None:  # imported platform deadlines that disagree with this preset
            find = self._drift
            self.tasks.run(lambda _: find(platform), done=self._show_drift)
        preset = self.book.active(platform)
        self.model.set_preset(preset)
        self._fit_columns()
        builtin = preset.origin == "built-in"
        where = self.tr("built-in preset") if builtin else self.tr("your copy: {0}").format(preset.origin)
        self.origin.setText(self.tr("{0} · {1}").format(preset.label, where))
        self._show_details()
        self.reset_button.setEnabled(not builtin)
        errors = [str(e) for e in self.book.errors if platform.value in str(e)]
        if errors:
            self._say(
                self.tr("Your copy could not be read; the built-in preset is in force: {0}").format(
                    errors[0]
                ),
                True,
            )
        else:
            self.message.setText("")

    def _fit_columns(self) -> None:
        """Each short column as wide as its title and its text up to a cap (longer text wraps): in
        English they took the whole width and pushed 可信度 off a 1024 px screen."""
        header = self.table.horizontalHeader()
        for col in range(COLUMN_COUNT):
            if col != COL_SOURCE:
                content = min(self.table.sizeHintForColumn(col), MAX_COLUMN_WIDTH)
                header.resizeSection(col, max(header.sectionSizeFromContents(col).width(), content))

    def _show_details(self) -> None:
        preset = self.model.preset
        if preset is None:
            return
        parts = [self.tr("preset version {0}").format(preset.version)]
        row = self.table.currentIndex().row()
        if 0 <= row < len(preset.rules):
            r = preset.rules[row]
            parts += [r.id, r.source] + ([r.note] if r.note else [])
        self.details.setText(self.tr("Details (for support): {0}").format(" · ".join(parts)))

    def _show_drift(self, drifts: Sequence[Drift]) -> None:
        self.drift_banner.show_drifts([d for d in drifts if d.platform is self.current_platform()])

    def save_duration(self, rule_id: str, duration: Duration) -> None:
        preset = self.book.active(self.current_platform())
        edited = replace(
            preset, rules=tuple(replace(r, duration=duration) if r.id == rule_id else r for r in preset.rules)
        )
        book = self.book

        def saved(_: Any) -> None:
            self.show_platform()
            rule = self.book.active(self.current_platform()).rule(rule_id)
            name = self.model.rule_words(rule) if rule is not None else ""
            self._say(
                self.tr("Saved: {0} is now {1}. New cases use it.").format(name, duration_text(duration))
            )
            self.changes.publish(ChangeSet(rules=True))

        self.tasks.run(
            lambda _: book.save_user_copy(edited), done=saved, failed=lambda e, _: self._say(str(e), True)
        )

    def ask_reset(self) -> None:
        box = QMessageBox(
            QMessageBox.Icon.Question,
            self.tr("Reset to built-in"),
            self.tr("Forget your changes to the {0} preset and use the built-in one for new cases?").format(
                self.platform.currentText()
            ),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            self,
        )
        box.setObjectName("confirmReset")
        box.accepted.connect(self.reset)
        self.active_dialog = box
        box.open()

    def reset(self) -> None:
        platform = self.current_platform()
        book = self.book

        def done(_: Any) -> None:
            self.show_platform()
            self._say(self.tr("The built-in preset is in force again for new cases."))
            self.changes.publish(ChangeSet(rules=True))

        self.tasks.run(lambda _: book.reset_to_builtin(platform), done=done)

    def _say(self, text: str, error: bool = False) -> None:
        self.message.setStyleSheet("color: #c92a2a;" if error else "color: #2b8a3e;")
        self.message.setText(text)
