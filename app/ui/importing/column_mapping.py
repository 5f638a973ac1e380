"""The preview's column editor: every header of the file with the field it feeds, each changeable.

What the merchant changes is saved to their own mapping for the platform (the importer's
MappingBook pins those headers), so the next file of that platform reads the same way.
"""

from __future__ import annotations

from PySide6.QtWidgets import QComboBox, QFormLayout, QGroupBox, QScrollArea, QVBoxLayout, QWidget

from app.services.importing import FIELDS, ImportPlan


class ColumnMappingBox(QGroupBox):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTitle(self.tr("Columns: change what any column feeds"))
        self._inner = QWidget()
        self._form = QFormLayout(self._inner)
        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        scroll.setWidget(self._inner)
        scroll.setMaximumHeight(180)
        layout = QVBoxLayout(self)
        layout.addWidget(scroll)
        # Folded until wanted: the mapping line above already says what feeds what, and the
        # rows of the preview need the room.
        self.setCheckable(True)
        self.setChecked(False)
        scroll.setVisible(False)
        self.toggled.connect(scroll.setVisible)
        self._combos: dict[str, QComboBox] = {}
        self._initial: dict[str, str | None] = {}

    def set_plan(self, plan: ImportPlan) -> None:
        while self._form.rowCount():
            self._form.removeRow(0)
        self._combos.clear()
        self._initial.clear()
        field_of = {header: name for name, header in plan.columns.by_field.items()}
        confidence = plan.columns.confidence
        for header in dict.fromkeys(h for h in plan.headers if h):  # each header once, in file order
            combo = QComboBox(self._inner)
            combo.addItem(self.tr("(not used)"), None)
            for name, label in FIELDS.items():
                combo.addItem(f"{label} ({name})", name)
            current = field_of.get(header)
            combo.setCurrentIndex(max(0, combo.findData(current)) if current else 0)
            self._combos[header] = combo
            self._initial[header] = current
            shown = header
            if current and confidence.get(current, 1.0) < 1.0:
                shown = f"{header} ({confidence[current]:.0%})"
            self._form.addRow(shown, combo)
        self.setVisible(bool(self._combos))

    def field_of(self, header: str) -> str | None:
        value = self._combos[header].currentData()
        return str(value) if value else None

    def choose(self, header: str, name: str) -> None:
        combo = self._combos[header]
        combo.setCurrentIndex(combo.findData(name))

    def changes(self) -> dict[str, str]:
        """header → field for each column the merchant gave another field."""
        out: dict[str, str] = {}
        for header, combo in self._combos.items():
            chosen = combo.currentData()
            if chosen and chosen != self._initial.get(header):
                out[header] = str(chosen)
        return out


__all__ = ["ColumnMappingBox"]
