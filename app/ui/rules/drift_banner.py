"""Rule drift, said where the merchant looks: on the Rules screen (with the fix) and the dashboard.

The finding is the service's (`services/rules/drift.py`); this only shows it and, on the
Rules screen, offers the duration the platform seems to use as a new preset version.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from app.services.rules.drift import Drift, duration_words
from app.ui.common.service_text import say


class DriftBanner(QFrame):
    """One line per drifting rule; `apply(rule_id, Duration)` when the merchant takes the fix."""

    apply = Signal(str, object)

    def __init__(self, offer_fix: bool = True, parent: Any = None) -> None:
        super().__init__(parent)
        self.setObjectName("driftBanner")
        self.setStyleSheet("#driftBanner { background: rgba(232, 89, 12, 0.12); border-radius: 4px; }")
        self.offer_fix = offer_fix
        self._rows = QVBoxLayout(self)
        self._rows.setContentsMargins(8, 6, 8, 6)
        self.drifts: list[Drift] = []
        self.hide()

    def show_drifts(self, drifts: Sequence[Drift]) -> None:
        self.drifts = list(drifts)
        while self._rows.count():
            item = self._rows.takeAt(0)
            widget = item.widget() if item is not None else None
            if widget is not None:
                widget.deleteLater()
        for drift in self.drifts:
            row = QWidget()
            line = QHBoxLayout(row)
            line.setContentsMargins(0, 0, 0, 0)
            text = QLabel(say(drift.notice()))
            text.setObjectName("driftText")
            text.setWordWrap(True)
            line.addWidget(text, 1)
            if self.offer_fix and drift.suggested is not None:
                suggested = drift.suggested
                fix = QPushButton(self.tr("Use {0}").format(say(duration_words(suggested))))
                fix.setObjectName("driftFix")
                fix.setToolTip(self.tr("Save a new preset version with this duration (new cases only)"))
                fix.clicked.connect(lambda _=False, d=drift, s=suggested: self.apply.emit(d.rule_id, s))
                line.addWidget(fix)
            self._rows.addWidget(row)
        self.setVisible(bool(self.drifts))
