"""The frame every small form dialog shares: fields, a red error line, OK/Cancel."""

from __future__ import annotations

from decimal import Decimal

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QFormLayout, QLabel, QVBoxLayout

from app.services.cases.inputs import InvalidInput, parse_money


class FormDialog(QDialog):
    """Subclasses build a QFormLayout, call `finish_form`, and implement `submit` (OK)."""

    def finish_form(self, form: QFormLayout, min_width: int) -> None:
        self.error = QLabel()
        self.error.setObjectName("formError")
        self.error.setStyleSheet("color: #c92a2a;")
        self.error.setWordWrap(True)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.submit)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        self.setMinimumWidth(min_width)

    def submit(self) -> None:
        raise NotImplementedError

    @staticmethod
    def money(text: str) -> Decimal:
        """An amount field's value; InvalidInput with the form's wording when it is not one."""
        try:
            return parse_money(text)
        except InvalidInput:
            raise InvalidInput(
                QCoreApplication.translate("FormDialog", "Not an amount: {0} (write e.g. 99.00)").format(
                    text.strip()
                )
            ) from None
