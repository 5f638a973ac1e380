"""The frame every small form dialog shares: fields, a red error line, OK/Cancel."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QFormLayout, QLabel, QVBoxLayout


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
