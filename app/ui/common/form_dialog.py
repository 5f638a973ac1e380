"""The frame every small form dialog shares: fields, a red error line, OK/Cancel.

A form that writes through a controller does not close before the write: OK calls
`on_submit` (the controller starts the write), the dialog waits with OK disabled, and the
controller either `accept()`s it or calls `refuse(...)`, which puts the message beside the
field it is about (or under the form) and keeps everything typed.
"""

from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.services.cases.inputs import InvalidInput, parse_money

ERROR_STYLE = "color: #c92a2a;"


class FormDialog(QDialog):
    """Subclasses build a QFormLayout, call `finish_form`, and implement `submit` (OK)."""

    on_submit: Callable[[], None] | None = None  # set by a controller: do the write, then accept/refuse

    def finish_form(self, form: QFormLayout, min_width: int) -> None:
        self.form = form
        self.error = QLabel()
        self.error.setObjectName("formError")
        self.error.setStyleSheet(ERROR_STYLE)
        self.error.setWordWrap(True)
        self.error.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.offer = QPushButton()
        self.offer.setObjectName("formOffer")
        self.offer.hide()
        self._offer_action: Callable[[], None] | None = None
        self.offer.clicked.connect(self._take_offer)
        self.field_errors: dict[str, QLabel] = {}
        self._watched: set[str] = set()
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self.submit)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(self.offer, 0, Qt.AlignmentFlag.AlignLeft)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(min_width)

    def submit(self) -> None:
        raise NotImplementedError

    def field_widgets(self) -> dict[str, QWidget]:
        """The inputs by the service's field names (`aftersale_no`, `amount`, …)."""
        return {}

    # ---- the outcome of OK -----------------------------------------------------------------

    def clear_errors(self) -> None:
        self.error.clear()
        self.offer.hide()
        self._offer_action = None
        for label in self.field_errors.values():
            label.clear()
            label.hide()

    def passed(self) -> None:
        """The form is complete: close, or hand it to the controller's write and wait."""
        if self.on_submit is None:
            self.accept()
            return
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(False)
        self.on_submit()

    def refuse(
        self,
        message: str,
        field: str | None = None,
        offer: tuple[str, Callable[[], None]] | None = None,
    ) -> None:
        """Keep the dialog open with `message` beside `field` (under the form if it has none)."""
        self.clear_errors()
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(True)
        widget = self.field_widgets().get(field or "")
        if widget is not None and self._row_of(widget) >= 0:
            label = self._field_error(field or "", widget)
            label.setText(message)
            label.show()
            self._clear_when_edited(field or "", widget)
            widget.setFocus(Qt.FocusReason.OtherFocusReason)
        else:
            self.error.setText(message)
        if offer is not None:
            text, action = offer
            self.offer.setText(text)
            self._offer_action = action
            self.offer.show()

    def shown_error(self) -> str:
        """Whatever refusal the dialog shows now (beside a field or under the form)."""
        texts = [label.text() for label in self.field_errors.values() if label.text()]
        return " ".join([*texts, self.error.text()]).strip()

    def _field_error(self, name: str, widget: QWidget) -> QLabel:
        label = self.field_errors.get(name)
        if label is None:
            label = QLabel()
            label.setObjectName(f"fieldError_{name}")
            label.setStyleSheet(ERROR_STYLE)
            label.setWordWrap(True)
            self.form.insertRow(self._row_of(widget) + 1, "", label)
            self.field_errors[name] = label
        return label

    def _clear_when_edited(self, name: str, widget: QWidget) -> None:
        """Once the merchant changes the field, its red message goes (OK checks it again)."""
        if name in self._watched:
            return
        self._watched.add(name)
        signal = next(
            (
                getattr(widget, s)
                for s in ("textEdited", "textChanged", "valueChanged", "dateTimeChanged", "currentIndexChanged")
                if hasattr(widget, s)
            ),
            None,
        )
        if signal is not None:
            signal.connect(lambda *_: self._clear_field_error(name))

    def _clear_field_error(self, name: str) -> None:
        label = self.field_errors.get(name)
        if label is not None and label.text():
            label.clear()
            label.hide()
            self.offer.hide()

    def _row_of(self, widget: QWidget) -> int:
        """The form row holding `widget`, directly, in a holder widget or in a row's layout."""
        roles = (QFormLayout.ItemRole.FieldRole, QFormLayout.ItemRole.SpanningRole)
        for row in range(self.form.rowCount()):
            for role in roles:
                item = self.form.itemAt(row, role)
                if item is None:
                    continue
                held = item.widget()
                if held is not None and (held is widget or held.isAncestorOf(widget)):
                    return row
                layout = item.layout()
                if layout is not None and layout.indexOf(widget) >= 0:
                    return row
        return -1

    def _take_offer(self) -> None:
        action = self._offer_action
        if action is not None:
            action()

    @staticmethod
    def money(text: str, field: str | None = None) -> Decimal:
        """An amount field's value; InvalidInput with the form's wording (beside `field`) when it is not one."""
        try:
            return parse_money(text)
        except InvalidInput:
            raise InvalidInput(
                QCoreApplication.translate("FormDialog", "Not an amount: {0} (write e.g. 99.00)").format(
                    text.strip()
                ),
                field=field,
            ) from None
