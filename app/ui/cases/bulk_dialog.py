"""Choose one action (and its reason or note) to apply to every selected case."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
)

from app.models.enums import Action
from app.services.cases.service import ActionRequest, InvalidInput
from app.services.rules.actions import BULK_ACTIONS, default_actor
from app.ui.common import vocab
from app.ui.common.service_text import error_text


class BulkDialog(QDialog):
    def __init__(self, count: int, parent: Any = None) -> None:
        super().__init__(parent)
        self.setObjectName("bulkDialog")
        self.setWindowTitle(self.tr("Bulk action on {0} cases").format(count))
        self.result_request: ActionRequest | None = None
        self.action = QComboBox()
        self.action.setObjectName("bulkAction")
        for a in BULK_ACTIONS:
            self.action.addItem(vocab.label(vocab.actions(), a.value), a.value)
        self.reason = QLineEdit()
        self.reason.setObjectName("bulkReason")
        self.told_buyer = QCheckBox(self.tr("I have told each buyer (platform rule before rejecting)"))
        self.told_buyer.setObjectName("bulkToldBuyer")
        hint = QLabel(
            self.tr("Each case is handled on its own; the ones that cannot take this action are listed.")
        )
        hint.setWordWrap(True)
        self.error = QLabel()
        self.error.setObjectName("formError")
        self.error.setStyleSheet("color: #c92a2a;")
        form = QFormLayout()
        form.addRow(self.tr("Action"), self.action)
        form.addRow(self.tr("Reason / note"), self.reason)
        form.addRow("", self.told_buyer)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.submit)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(hint)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        self.action.currentIndexChanged.connect(self._update)
        self._update()

    def _update(self) -> None:
        action = Action(self.action.currentData())
        self.told_buyer.setVisible(action is Action.REJECT)
        self.reason.setEnabled(action in (Action.REJECT, Action.ESCALATE, Action.NOTE))

    def collect(self) -> ActionRequest:
        action = Action(self.action.currentData())
        text = self.reason.text().strip()
        payload: dict[str, str] = {}
        if action in (Action.REJECT, Action.ESCALATE) and text:
            payload["reason"] = text
        if action is Action.NOTE:
            payload["text"] = text
        if action in (Action.REJECT, Action.NOTE) and not text:
            raise InvalidInput(self.tr("Please fill in the reason or note."))
        if action is Action.REJECT and not self.told_buyer.isChecked():
            raise InvalidInput(self.tr("Tell the buyers first (platform rule), then tick the box."))
        return ActionRequest(action, actor=default_actor(action), payload=payload)

    def submit(self) -> None:
        try:
            self.result_request = self.collect()
        except InvalidInput as e:
            self.error.setText(error_text(e))
            return
        self.accept()
