"""New case (Ctrl+N) and edit-fields dialogs, with validation before the service validates again."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import UTC, datetime
from decimal import Decimal
from typing import Any

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QSpinBox,
    QWidget,
)

from app.models.enums import CaseType, Platform, Reason
from app.services.cases.edits import EDITABLE_FIELDS, plan_edit
from app.services.cases.inputs import InvalidInput, NewCase, default_shipped
from app.services.rules.platform_types import case_types_for
from app.ui.common import formatting, vocab
from app.ui.common.form_dialog import FormDialog
from app.ui.common.service_text import error_text
from app.ui.settings.platform_choice import add_platform_items

NEW_SHOP = "\x00new"  # the shop list's "New shop…" entry


class _FormDialog(FormDialog):
    def _finish(self, form: QFormLayout) -> None:
        self.finish_form(form, min_width=460)

    def _money(self, text: str, required: bool) -> Decimal | None:
        if not text.strip():
            if required:
                raise InvalidInput(self.tr("Please enter the amount."), field="amount")
            return None
        try:
            return self.money(text)
        except InvalidInput as e:  # beside the amount field, where it is corrected
            raise InvalidInput(error_text(e), field="amount") from None

    def submit(self) -> None:
        self.clear_errors()
        try:
            self.collect()
        except InvalidInput as e:
            self.refuse(error_text(e), e.field)
            return
        self.passed()

    def collect(self) -> Any:
        raise NotImplementedError


class NewCaseDialog(_FormDialog):
    def __init__(
        self,
        now: datetime,
        shops: Sequence[tuple[str, str]],
        parent: Any = None,
        my_platforms: Sequence[str] = (),
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("New after-sales case"))
        self.setObjectName("newCaseDialog")
        self.now = now
        self.shops = list(shops)
        self.result_case: NewCase | None = None

        self.platform = QComboBox()
        self.platform.setObjectName("platform")
        add_platform_items(self.platform, my_platforms)
        self.case_type = QComboBox()
        self.case_type.setObjectName("caseType")
        self.reason = QComboBox()
        self.reason.setObjectName("reason")
        for r in Reason:
            self.reason.addItem(vocab.label(vocab.reasons(), r.value), r.value)
        # The shop follows the platform: that platform's shops, or "New shop…" with a name,
        # so a case never lands silently under a shop the merchant did not mean.
        self.shop = QComboBox()
        self.shop.setObjectName("shop")
        self.new_shop = QLineEdit()
        self.new_shop.setObjectName("newShop")
        self.new_shop.setPlaceholderText(self.tr("Name of the new shop"))
        self.new_shop.hide()
        self.aftersale_no = QLineEdit()
        self.aftersale_no.setObjectName("aftersaleNo")
        self.order_no = QLineEdit()
        self.order_no.setObjectName("orderNo")
        self.amount = QLineEdit()
        self.amount.setObjectName("amount")
        self.amount.setPlaceholderText("99.00")
        self.requested_at = formatting.beijing_editor(int(now.timestamp()))
        self.requested_at.setObjectName("requestedAt")
        self.requested_at.setCalendarPopup(True)
        self.shipped = QCheckBox(self.tr("The goods were shipped"))
        self.shipped.setObjectName("shipped")
        self.product = QLineEdit()
        self.product.setObjectName("product")
        self.sku = QLineEdit()
        self.buyer = QLineEdit()
        self.buyer.setObjectName("buyer")
        self.phone = QLineEdit()
        self.address = QLineEdit()
        self.handler = QLineEdit()
        self.detail = QPlainTextEdit()
        self.detail.setFixedHeight(60)

        form = QFormLayout()
        form.addRow(self.tr("Platform*"), self.platform)
        form.addRow(self.tr("Type*"), self.case_type)
        form.addRow(self.tr("Reason*"), self.reason)
        shop_row = QHBoxLayout()
        shop_row.setContentsMargins(0, 0, 0, 0)
        shop_row.addWidget(self.shop, 1)
        shop_row.addWidget(self.new_shop, 1)
        form.addRow(self.tr("Shop"), shop_row)
        form.addRow(self.tr("After-sales no.*"), self.aftersale_no)
        form.addRow(self.tr("Order no.*"), self.order_no)
        form.addRow(self.tr("Refund requested (¥)*"), self.amount)
        form.addRow(self.tr("Requested at*"), self.requested_at)
        form.addRow("", self.shipped)
        form.addRow(self.tr("Product"), self.product)
        form.addRow(self.tr("SKU"), self.sku)
        form.addRow(self.tr("Buyer"), self.buyer)
        form.addRow(self.tr("Buyer phone"), self.phone)
        form.addRow(self.tr("Buyer address"), self.address)
        form.addRow(self.tr("Handler"), self.handler)
        form.addRow(self.tr("Buyer's words"), self.detail)
        self._finish(form)
        self.platform.currentIndexChanged.connect(self._platform_changed)
        self.case_type.currentIndexChanged.connect(self._type_changed)
        self.shop.currentIndexChanged.connect(self._shop_changed)
        self._platform_changed()

    def field_widgets(self) -> dict[str, QWidget]:
        return {
            "aftersale_no": self.aftersale_no,
            "order_no": self.order_no,
            "amount": self.amount,
            "requested_at": self.requested_at,
            "new_shop": self.new_shop,
        }

    def _platform_changed(self) -> None:
        platform = Platform(self.platform.currentData())
        current = self.case_type.currentData()
        self.case_type.blockSignals(True)
        self.case_type.clear()
        for t in case_types_for(platform):
            self.case_type.addItem(vocab.label(vocab.case_types(), t.value), t.value)
        i = self.case_type.findData(current)
        self.case_type.setCurrentIndex(max(i, 0))
        self.case_type.blockSignals(False)
        self._type_changed()
        names = [name for p, name in self.shops if p == platform.value]  # in the order they were made
        self.shop.blockSignals(True)
        self.shop.clear()
        if not names:
            self.shop.addItem(self.tr("(no shop)"), "")
        for name in names:
            self.shop.addItem(name, name)
        self.shop.addItem(self.tr("New shop…"), NEW_SHOP)
        self.shop.setCurrentIndex(0)
        self.shop.blockSignals(False)
        self._shop_changed()

    def _shop_changed(self) -> None:
        new = self.shop.currentData() == NEW_SHOP
        self.new_shop.setVisible(new)
        if new:
            self.new_shop.setFocus()

    def shop_name(self) -> str | None:
        """The shop the case is filed under; a new one only when "New shop…" is chosen and named."""
        chosen = self.shop.currentData()
        if chosen != NEW_SHOP:
            return chosen or None
        name = self.new_shop.text().strip()
        if not name:
            raise InvalidInput(self.tr("Please enter the new shop's name."), field="new_shop")
        return name

    def _type_changed(self) -> None:
        data = self.case_type.currentData()
        if data:
            self.shipped.setChecked(default_shipped(CaseType(data)))

    def collect(self) -> NewCase:
        aftersale = self.aftersale_no.text().strip()
        order = self.order_no.text().strip()
        missing = [
            name
            for name, value in ((self.tr("after-sales no."), aftersale), (self.tr("order no."), order))
            if not value
        ]
        if missing:
            raise InvalidInput(self.tr("Please fill in: {0}").format(", ".join(missing)))
        amount = self._money(self.amount.text(), required=True)
        assert amount is not None
        requested = datetime.fromtimestamp(self.requested_at.dateTime().toSecsSinceEpoch(), UTC)
        if requested > self.now:
            raise InvalidInput(self.tr("The request time is in the future."))
        self.result_case = NewCase(
            platform=Platform(self.platform.currentData()),
            case_type=CaseType(self.case_type.currentData()),
            reason=Reason(self.reason.currentData()),
            order_no=order,
            aftersale_no=aftersale,
            amount=amount,
            requested_at=requested,
            shipped=self.shipped.isChecked(),
            shop=self.shop_name(),
            product_title=self.product.text().strip(),
            sku=self.sku.text().strip(),
            buyer_nick=self.buyer.text().strip(),
            buyer_phone=self.phone.text().strip(),
            buyer_address=self.address.text().strip(),
            handler=self.handler.text().strip(),
            reason_detail=self.detail.toPlainText().strip(),
        )
        return self.result_case


class EditCaseDialog(_FormDialog):
    """Edit the fields no clock depends on; stage, type and reason change only through actions."""

    def __init__(self, fields: Mapping[str, Any], parent: Any = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Edit case {0}").format(fields.get("aftersale_no", "")))
        self.setObjectName("editCaseDialog")
        self.current = {name: fields.get(name) for name in EDITABLE_FIELDS}
        self.result_changes: dict[str, str] = {}
        self.edits: dict[str, QLineEdit | QSpinBox] = {}
        labels = {
            "shop": self.tr("Shop"),
            "order_no": self.tr("Order no.*"),
            "buyer_nick": self.tr("Buyer"),
            "buyer_phone": self.tr("Buyer phone"),
            "buyer_address": self.tr("Buyer address"),
            "product_title": self.tr("Product"),
            "sku": self.tr("SKU"),
            "handler": self.tr("Handler"),
            "tags": self.tr("Tags"),
            "reason_detail": self.tr("Buyer's words"),
            "quantity": self.tr("Quantity"),
            "order_amount": self.tr("Order amount (¥)"),
            "refund_requested": self.tr("Refund requested (¥)*"),
        }
        form = QFormLayout()
        note = QLabel(
            self.tr("Stage, type and reason change only through actions, so the clocks stay right.")
        )
        note.setWordWrap(True)
        form.addRow(note)
        for name in EDITABLE_FIELDS:
            value = self.current[name]
            widget: QLineEdit | QSpinBox
            if name == "quantity":
                widget = QSpinBox()
                widget.setRange(1, 100_000)
                widget.setValue(int(value or 1))
            else:
                widget = QLineEdit("" if value is None else str(value))
            widget.setObjectName(f"edit_{name}")
            self.edits[name] = widget
            form.addRow(labels[name], widget)
        self._finish(form)

    def field_widgets(self) -> dict[str, QWidget]:
        return {"amount": self.edits["refund_requested"], **self.edits}

    def raw_values(self) -> dict[str, str]:
        out = {}
        for name, widget in self.edits.items():
            out[name] = str(widget.value()) if isinstance(widget, QSpinBox) else widget.text()
        return out

    def collect(self) -> dict[str, str]:
        raw = self.raw_values()
        if not raw["order_no"].strip():
            raise InvalidInput(self.tr("Please fill in: {0}").format(self.tr("order no.")))
        self._money(raw["refund_requested"], required=True)
        self._money(raw["order_amount"], required=False)
        changes = plan_edit(self.current, raw)
        self.result_changes = {ch.field: raw[ch.field] for ch in changes}
        return self.result_changes
