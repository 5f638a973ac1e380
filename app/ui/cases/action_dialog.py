"""The small form behind each action button of the case detail panel.

Which fields an action needs comes from the workflow (`REQUIRED_FIELDS`); this
module only lays them out and checks them before the service checks again.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import UTC, datetime
from decimal import Decimal
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QDateTimeEdit,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QPlainTextEdit,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from app.models.enums import Action, CaseType, Party
from app.services.cases.service import ActionRequest, InvalidInput, check_refund_amount
from app.services.rules.actions import (
    COMPENSATION_ACTIONS,
    FILE_ACTIONS,
    REQUIRED_FIELDS,
    actions_with,
    default_actor,
    takes_amount,
)
from app.services.rules.workflow import RULINGS
from app.ui.common import formatting, vocab
from app.ui.common.form_dialog import FormDialog
from app.ui.common.service_text import error_text

TRACKING_ACTIONS = actions_with("tracking")
REASON_ACTIONS = actions_with("reason")
__all__ = ["FILE_ACTIONS", "default_actor"]


@dataclass
class ActionContext:
    """What the form needs to know about the case."""

    case_id: int
    case_type: CaseType
    requested: Decimal
    running_parties: tuple[str, ...] = ()
    now: datetime = field(default_factory=lambda: datetime.now(UTC))


@dataclass
class ActionInput:
    request: ActionRequest
    files: list[Path]


class ActionDialog(FormDialog):
    def __init__(self, action: Action, case: ActionContext, parent: Any = None) -> None:
        super().__init__(parent)
        self.action = action
        self.case = case
        self.files: list[Path] = []
        self.result_input: ActionInput | None = None
        self.setWindowTitle(vocab.label(vocab.actions(), action.value))
        self.setObjectName(f"actionDialog_{action.value}")
        self.setAcceptDrops(action in FILE_ACTIONS)

        form = QFormLayout()
        self.tracking = self.carrier = self.amount = self.freight = self.reason = None
        self.compensation: QLineEdit | None = None
        self.goods_value: QLineEdit | None = None
        self.repair_cost: QLineEdit | None = None
        self.freight_payer: QComboBox | None = None
        self.text: QPlainTextEdit | None = None
        self.told_buyer: QCheckBox | None = None
        self.due_at: QDateTimeEdit | None = None
        self.party: QComboBox | None = None
        self.ruling: QButtonGroup | None = None
        self.file_list: QListWidget | None = None

        if action is Action.REJECT:
            hint = QLabel(
                self.tr(
                    "Platform rule: talk to the buyer before you reject. The buyer may apply again "
                    "or ask the platform to step in."
                )
            )
            hint.setWordWrap(True)
            hint.setObjectName("rejectReminder")
            form.addRow(hint)
        if action in TRACKING_ACTIONS:
            self.tracking = QLineEdit()
            self.tracking.setObjectName("tracking")
            form.addRow(self.tr("Tracking no.*"), self.tracking)
            self.carrier = QLineEdit()
            form.addRow(self.tr("Carrier"), self.carrier)
            self.freight = QLineEdit()
            self.freight.setObjectName("freight")
            self.freight.setPlaceholderText("0.00")
            form.addRow(self.tr("Freight (¥)"), self.freight)
            self.freight_payer = QComboBox()
            self.freight_payer.setObjectName("freightPayer")
            self.freight_payer.addItem(self.tr("(not recorded)"), None)
            for party in ("merchant", "buyer", "platform"):
                self.freight_payer.addItem(vocab.label(vocab.parties(), party), party)
            form.addRow(self.tr("Freight paid by"), self.freight_payer)
        if action is Action.PLATFORM_RULING:
            self.ruling = QButtonGroup(self)
            row = QHBoxLayout()
            for i, ruling in enumerate(RULINGS):
                button = QRadioButton(vocab.label(vocab.rulings(), ruling))
                button.setObjectName(f"ruling_{ruling}")
                self.ruling.addButton(button, i)
                row.addWidget(button)
            holder = QWidget()
            holder.setLayout(row)
            form.addRow(self.tr("Ruling*"), holder)
        if takes_amount(action, case.case_type):
            self.amount = QLineEdit(str(case.requested) if action is not Action.PLATFORM_RULING else "")
            self.amount.setObjectName("amount")
            form.addRow(self.tr("Refund amount (¥)"), self.amount)
        if action is Action.SHIP_REPLACEMENT:
            # What the shipment costs besides freight: the report's 发出货值 and 维修费用.
            if case.case_type is CaseType.REPAIR:
                self.repair_cost = QLineEdit()
                self.repair_cost.setObjectName("repairCost")
                self.repair_cost.setPlaceholderText("0.00")
                form.addRow(self.tr("Repair cost (¥)"), self.repair_cost)
            else:
                self.goods_value = QLineEdit()
                self.goods_value.setObjectName("goodsValue")
                self.goods_value.setPlaceholderText("0.00")
                self.goods_value.setToolTip(self.tr("Value of the goods sent to the buyer (counts as a cost)"))
                form.addRow(self.tr("Goods sent, value (¥)"), self.goods_value)
        if action in COMPENSATION_ACTIONS:
            self.compensation = QLineEdit()
            self.compensation.setObjectName("compensation")
            self.compensation.setPlaceholderText("0.00")
            self.compensation.setToolTip(
                self.tr("Money paid to the buyer on top of (or instead of) a refund")
            )
            form.addRow(self.tr("Compensation (¥)"), self.compensation)
        if action is Action.EXTEND_DEADLINE:
            self.due_at = formatting.beijing_editor(int(case.now.timestamp()) + 86400)
            self.due_at.setObjectName("dueAt")
            self.due_at.setCalendarPopup(True)
            form.addRow(self.tr("New due time*"), self.due_at)
            self.party = QComboBox()
            for party in case.running_parties or ("merchant",):
                self.party.addItem(vocab.label(vocab.parties(), party), party)
            form.addRow(self.tr("Whose clock"), self.party)
        if action in REASON_ACTIONS:
            self.reason = QLineEdit()
            self.reason.setObjectName("reason")
            required = "reason" in REQUIRED_FIELDS.get(action, ())
            form.addRow(self.tr("Reason*") if required else self.tr("Reason"), self.reason)
        if action in (Action.NOTE, Action.PLATFORM_RULING):
            self.text = QPlainTextEdit()
            self.text.setObjectName("text")
            self.text.setFixedHeight(80)
            form.addRow(self.tr("Note*") if action is Action.NOTE else self.tr("Note"), self.text)
        self.follow_up: QCheckBox | None = None
        self.follow_up_by: QDateTimeEdit | None = None
        if action is Action.NOTE:
            # What was agreed with the buyer becomes the merchant's own deadline.
            self.follow_up = QCheckBox(self.tr("Agreed with the buyer: follow up by"))
            self.follow_up.setObjectName("followUp")
            self.follow_up_by = formatting.beijing_editor(int(case.now.timestamp()) + 86400)
            self.follow_up_by.setObjectName("followUpBy")
            self.follow_up_by.setCalendarPopup(True)
            self.follow_up_by.setEnabled(False)
            self.follow_up.toggled.connect(self.follow_up_by.setEnabled)
            agreed = QHBoxLayout()
            agreed.addWidget(self.follow_up)
            agreed.addWidget(self.follow_up_by, 1)
            form.addRow(agreed)
        if action is Action.REJECT:
            self.told_buyer = QCheckBox(self.tr("I have told the buyer"))
            self.told_buyer.setObjectName("toldBuyer")
            form.addRow("", self.told_buyer)
        if action in FILE_ACTIONS:
            self.file_list = QListWidget()
            self.file_list.setObjectName("files")
            self.file_list.setFixedHeight(70)
            add = QPushButton(self.tr("Add files…"))
            add.clicked.connect(self._pick_files)
            box = QVBoxLayout()
            box.addWidget(self.file_list)
            box.addWidget(add, 0, Qt.AlignmentFlag.AlignLeft)
            holder = QWidget()
            holder.setLayout(box)
            label = self.tr("Evidence files*") if action is Action.REFUSE_RECEIPT else self.tr("Files")
            form.addRow(label, holder)

        self.earlier = QCheckBox(self.tr("It happened earlier, at"))
        self.at = formatting.beijing_editor(int(case.now.timestamp()))
        self.at.setObjectName("at")
        self.at.setCalendarPopup(True)
        self.at.setEnabled(False)
        self.earlier.toggled.connect(self.at.setEnabled)
        when = QHBoxLayout()
        when.addWidget(self.earlier)
        when.addWidget(self.at, 1)
        form.addRow(when)

        self.finish_form(form, min_width=420)

    # ---- files ---------------------------------------------------------------------------

    def add_files(self, paths: list[Path]) -> None:
        for p in paths:
            if p.is_file() and p not in self.files:
                self.files.append(p)
                if self.file_list is not None:
                    self.file_list.addItem(p.name)

    def _pick_files(self) -> None:
        names, _ = QFileDialog.getOpenFileNames(self, self.tr("Add files"))
        self.add_files([Path(n) for n in names])

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if event.mimeData().hasUrls():
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:
        self.add_files([Path(u.toLocalFile()) for u in event.mimeData().urls() if u.isLocalFile()])
        event.acceptProposedAction()

    # ---- validation ----------------------------------------------------------------------

    def collect(self) -> ActionInput:
        """The request the form describes; InvalidInput with a message for the merchant."""
        payload: dict[str, str] = {}
        if self.tracking is not None:
            payload["tracking"] = self.tracking.text().strip()
            payload["carrier"] = self.carrier.text().strip() if self.carrier else ""
        if self.freight is not None and self.freight.text().strip():
            payload["freight"] = str(self.money(self.freight.text(), "freight"))
            payer = self.freight_payer.currentData() if self.freight_payer else None
            if payer is None:
                raise InvalidInput(self.tr("Say who pays the freight."))
            payload["freight_payer"] = payer
        if self.amount is not None and self.amount.text().strip():
            payload["amount"] = str(self.money(self.amount.text(), "amount"))
            check_refund_amount(self.case.requested, payload)  # the service's rule, shown before closing
        if self.compensation is not None and self.compensation.text().strip():
            payload["compensation"] = str(self.money(self.compensation.text(), "compensation"))
        for name, edit in (("goods_value", self.goods_value), ("repair_cost", self.repair_cost)):
            if edit is not None and edit.text().strip():
                payload[name] = str(self.money(edit.text()))
        if self.reason is not None:
            payload["reason"] = self.reason.text().strip()
        if self.text is not None:
            payload["text"] = self.text.toPlainText().strip()
        if self.follow_up is not None and self.follow_up_by is not None and self.follow_up.isChecked():
            by = datetime.fromtimestamp(self.follow_up_by.dateTime().toSecsSinceEpoch(), UTC)
            payload["follow_up_by"] = by.isoformat()
        if self.ruling is not None:
            checked = self.ruling.checkedId()
            payload["ruling"] = RULINGS[checked] if checked >= 0 else ""
        if self.due_at is not None:
            due = datetime.fromtimestamp(self.due_at.dateTime().toSecsSinceEpoch(), UTC)
            if due <= self.case.now:
                raise InvalidInput(self.tr("The new due time must be in the future."))
            payload["due_at"] = due.isoformat()
            payload["party"] = self.party.currentData() if self.party else Party.MERCHANT.value
        missing = [f for f in REQUIRED_FIELDS.get(self.action, ()) if not payload.get(f)]
        if missing:
            raise InvalidInput(
                self.tr("Please fill in: {0}").format(", ".join(self._field_name(f) for f in missing))
            )
        if self.told_buyer is not None and not self.told_buyer.isChecked():
            raise InvalidInput(self.tr("Tell the buyer first (platform rule), then tick the box."))
        if self.action is Action.REFUSE_RECEIPT and not self.files:
            raise InvalidInput(self.tr("Add photos or other evidence of what came back."))
        at = None
        if self.earlier.isChecked():
            at = datetime.fromtimestamp(self.at.dateTime().toSecsSinceEpoch(), UTC)
        payload = {k: v for k, v in payload.items() if v}
        return ActionInput(
            ActionRequest(self.action, at=at, actor=default_actor(self.action), payload=payload), self.files
        )

    def _field_name(self, name: str) -> str:
        return {
            "reason": self.tr("reason"),
            "tracking": self.tr("tracking no."),
            "ruling": self.tr("ruling"),
            "due_at": self.tr("new due time"),
            "text": self.tr("note"),
        }.get(name, name)

    def field_widgets(self) -> dict[str, QWidget]:
        named: dict[str, QWidget | None] = {
            "amount": self.amount,
            "tracking": self.tracking,
            "reason": self.reason,
            "due_at": self.due_at,
            "at": self.at,
            "text": self.text,
            "freight": self.freight,
            "compensation": self.compensation,
        }
        return {k: w for k, w in named.items() if w is not None}

    def submit(self) -> None:
        self.clear_errors()
        try:
            self.result_input = self.collect()
        except InvalidInput as e:
            self.refuse(error_text(e), e.field)
            return
        self.passed()
