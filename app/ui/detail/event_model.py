"""Table model of a case's timeline: when, who, what, stage change, details."""

from __future__ import annotations

import contextlib
from collections.abc import Sequence
from decimal import Decimal
from typing import Any

from PySide6.QtCore import QCoreApplication, QModelIndex, QPersistentModelIndex, Qt

from app.services.clock import parse_instant
from app.services.listing.queries import EventView
from app.ui.common import formatting, vocab
from app.ui.common.list_table_model import ListTableModel

COL_AT, COL_ACTOR, COL_ACTION, COL_STAGE, COL_DETAILS = range(5)
COLUMN_COUNT = 5
_Index = QModelIndex | QPersistentModelIndex


def payload_labels() -> dict[str, str]:
    return {
        "amount": QCoreApplication.translate("Timeline", "Amount"),
        "reason": QCoreApplication.translate("Timeline", "Reason"),
        "tracking": QCoreApplication.translate("Timeline", "Tracking no."),
        "carrier": QCoreApplication.translate("Timeline", "Carrier"),
        "freight": QCoreApplication.translate("Timeline", "Freight"),
        "freight_payer": QCoreApplication.translate("Timeline", "Freight paid by"),
        "compensation": QCoreApplication.translate("Timeline", "Compensation"),
        "ruling": QCoreApplication.translate("Timeline", "Ruling"),
        "due_at": QCoreApplication.translate("Timeline", "New due time"),
        "party": QCoreApplication.translate("Timeline", "Clock"),
        "text": QCoreApplication.translate("Timeline", "Note"),
        "edited": QCoreApplication.translate("Timeline", "Edited"),
        "assigned": QCoreApplication.translate("Timeline", "Assigned"),
        "source": QCoreApplication.translate("Timeline", "Imported from"),
        "follow_up_by": QCoreApplication.translate("Timeline", "Follow up by"),
    }


def payload_text(payload: dict[str, Any]) -> str:
    """'Tracking no.: SF123; Freight: ¥12.00' — known keys labelled and values translated."""
    labels = payload_labels()
    parts = []
    for key, value in payload.items():
        if key == "edited" and isinstance(value, dict):
            value = ", ".join(value)
        elif key == "assigned" and isinstance(value, list) and len(value) == 2:
            nobody = QCoreApplication.translate("Timeline", "nobody")
            value = f"{value[0] or nobody} → {value[1] or nobody}"
        elif key in ("party", "freight_payer"):
            value = vocab.label(vocab.parties(), str(value))
        elif key == "ruling":
            value = vocab.label(vocab.rulings(), str(value))
        elif key in ("amount", "freight", "compensation"):
            with contextlib.suppress(ArithmeticError):
                value = formatting.money(Decimal(str(value)))
        elif key in ("due_at", "follow_up_by"):
            with contextlib.suppress(ValueError):
                value = formatting.datetime_text(parse_instant(str(value)))
        if key == "text" and ("edited" in payload or "assigned" in payload):
            continue
        parts.append(f"{labels.get(key, key)}: {value}")
    return "; ".join(parts)


class EventTableModel(ListTableModel):
    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.events: list[EventView] = []
        self.agreements: dict[int, str] = {}  # event seq → whether what it agreed was kept, in words

    def set_events(self, events: Sequence[EventView], agreements: dict[int, str] | None = None) -> None:
        self.beginResetModel()
        self.events = list(events)
        self.agreements = dict(agreements or {})
        self.endResetModel()

    column_count = COLUMN_COUNT

    def row_count(self) -> int:
        return len(self.events)

    def titles(self) -> tuple[str, ...]:
        return (
            QCoreApplication.translate("Timeline", "When"),
            QCoreApplication.translate("Timeline", "Who"),
            QCoreApplication.translate("Timeline", "What"),
            QCoreApplication.translate("Timeline", "Stage"),
            QCoreApplication.translate("Timeline", "Details"),
        )

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self.events):
            return None
        e = self.events[index.row()]
        col = index.column()
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            if col == COL_AT:
                return formatting.datetime_text(e.at)
            if col == COL_ACTOR:
                who = vocab.label(vocab.parties(), e.actor)
                return f"{who} · {e.handler}" if e.handler else who
            if col == COL_ACTION:
                return vocab.label(vocab.actions(), e.action)
            if col == COL_STAGE:
                to = vocab.label(vocab.stages(), e.to_stage)
                if e.from_stage and e.from_stage != e.to_stage:
                    return f"{vocab.label(vocab.stages(), e.from_stage)} → {to}"
                return to
            if col == COL_DETAILS:
                text = payload_text(e.payload)
                if e.seq in self.agreements:
                    text = f"{text} — {self.agreements[e.seq]}"
                if e.rule_id and role == Qt.ItemDataRole.ToolTipRole:
                    return f"{text}\n{e.rule_id}".strip()
                return text
        return None

    def flags(self, index: _Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemNeverHasChildren
