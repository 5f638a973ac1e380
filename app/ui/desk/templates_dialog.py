"""Reply templates (话术库): edit, add, delete and reorder them, set the shop's own fields
(the return address), import and export a file to share with a second shop.

Every write goes through the service on the database worker; the list is read again after it.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from app.models.enums import Platform, Reason, Stage
from app.services.service_desk.template_file import TemplateDraft
from app.services.service_desk.template_fill import CASE_FIELDS, SHOP_FIELDS, TemplateView
from app.services.service_desk.templates import TemplateService
from app.ui.common import vocab
from app.ui.common.service_text import error_text
from app.ui.common.tasks import TaskRunner

RETURN_ADDRESS = "退货地址"


def _checkable(pairs: list[tuple[str, str]]) -> QListWidget:
    box = QListWidget()
    for value, label in pairs:
        item = QListWidgetItem(label)
        item.setData(Qt.ItemDataRole.UserRole, value)
        item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
        item.setCheckState(Qt.CheckState.Unchecked)
        box.addItem(item)
    box.setMaximumHeight(110)
    return box


def _checked(box: QListWidget) -> tuple[str, ...]:
    items = [box.item(i) for i in range(box.count())]
    return tuple(
        str(i.data(Qt.ItemDataRole.UserRole)) for i in items if i.checkState() == Qt.CheckState.Checked
    )


def _check(box: QListWidget, values: tuple[str, ...]) -> None:
    for i in range(box.count()):
        item = box.item(i)
        on = item.data(Qt.ItemDataRole.UserRole) in values
        item.setCheckState(Qt.CheckState.Checked if on else Qt.CheckState.Unchecked)


class TemplatesDialog(QDialog):
    changed = Signal()  # templates or shop fields were written

    def __init__(self, service: TemplateService, tasks: TaskRunner, parent: Any = None) -> None:
        super().__init__(parent)
        self.setObjectName("templatesDialog")
        self.setWindowTitle(self.tr("Reply templates"))
        self.service = service
        self.tasks = tasks
        self.templates: list[TemplateView] = []
        self.list = QListWidget()
        self.list.setObjectName("templateList")
        self.list.currentRowChanged.connect(self._show)
        self.title = QLineEdit()
        self.title.setObjectName("templateTitle")
        self.body = QPlainTextEdit()
        self.body.setObjectName("templateBody")
        fields = "  ".join(f"{{{name}}}" for name in [*CASE_FIELDS, *SHOP_FIELDS])
        hint = QLabel(self.tr("Fields filled from the case: {0}").format(fields))
        hint.setWordWrap(True)
        hint.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.stages = _checkable([(s.value, vocab.label(vocab.stages(), s.value)) for s in Stage])
        self.reasons = _checkable([(r.value, vocab.label(vocab.reasons(), r.value)) for r in Reason])
        self.platforms = _checkable([(p.value, vocab.label(vocab.platforms(), p.value)) for p in Platform])
        form = QFormLayout()
        form.addRow(self.tr("Title"), self.title)
        form.addRow(self.tr("Text"), self.body)
        form.addRow("", hint)
        form.addRow(self.tr("For stages (none: any)"), self.stages)
        form.addRow(self.tr("For reasons (none: any)"), self.reasons)
        form.addRow(self.tr("For platforms (none: any)"), self.platforms)
        self.address = QLineEdit()
        self.address.setObjectName("returnAddress")
        self.address.setPlaceholderText(self.tr("Where buyers send returns: name, phone, address"))
        form.addRow(self.tr("Return address {退货地址}"), self.address)
        self.error = QLabel()
        self.error.setObjectName("templatesError")
        self.error.setStyleSheet("color: #c0392b;")
        self.error.setWordWrap(True)

        buttons = QHBoxLayout()
        for text, name, slot in (
            (self.tr("New"), "newTemplate", self.new),
            (self.tr("Save"), "saveTemplate", self.save),
            (self.tr("Delete"), "deleteTemplate", self.delete),
            (self.tr("Up"), "templateUp", lambda: self.move_by(-1)),
            (self.tr("Down"), "templateDown", lambda: self.move_by(1)),
            (self.tr("Import…"), "importTemplates", self.import_file),
            (self.tr("Export…"), "exportTemplates", self.export_file),
        ):
            button = QPushButton(text)
            button.setObjectName(name)
            button.clicked.connect(slot)
            buttons.addWidget(button)
        editor = QWidget()
        editor_layout = QVBoxLayout(editor)
        editor_layout.addLayout(form)
        splitter = QSplitter()
        splitter.addWidget(self.list)
        splitter.addWidget(editor)
        splitter.setStretchFactor(1, 2)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(splitter, 1)
        layout.addLayout(buttons)
        layout.addWidget(self.error)
        layout.addWidget(close)
        self.resize(900, 620)
        self.reload()
        self.address.setText(self.service.shop_fields().get(RETURN_ADDRESS, ""))

    # ---- reading ---------------------------------------------------------------------------

    def reload(self, select_id: int | None = None) -> None:
        current = select_id if select_id is not None else self._current_id()
        self.templates = self.service.all()
        self.list.blockSignals(True)
        self.list.clear()
        for t in self.templates:
            self.list.addItem(t.title)
        self.list.blockSignals(False)
        ids = [t.id for t in self.templates]
        self.list.setCurrentRow(ids.index(current) if current in ids else (0 if ids else -1))
        self._show(self.list.currentRow())

    def _current_id(self) -> int | None:
        row = self.list.currentRow()
        return self.templates[row].id if 0 <= row < len(self.templates) else None

    def _show(self, row: int) -> None:
        t = self.templates[row] if 0 <= row < len(self.templates) else None
        self.title.setText(t.title if t else "")
        self.body.setPlainText(t.body if t else "")
        _check(self.stages, t.stages if t else ())
        _check(self.reasons, t.reasons if t else ())
        _check(self.platforms, t.platforms if t else ())

    def draft(self) -> TemplateDraft:
        return TemplateDraft(
            self.title.text().strip(),
            self.body.toPlainText().strip(),
            _checked(self.stages),
            _checked(self.reasons),
            _checked(self.platforms),
        )

    # ---- writing ---------------------------------------------------------------------------

    def _write(self, work: Callable[[], Any], then: Callable[[Any], None] | None = None) -> None:
        def done(result: Any) -> None:
            self.error.setText("")
            if then is not None:
                then(result)
            self.changed.emit()

        self.tasks.run(
            lambda _: work(), done=done, failed=lambda e, _details: self.error.setText(error_text(e))
        )

    def new(self) -> None:
        self.list.setCurrentRow(-1)
        self._show(-1)
        self.title.setFocus()

    def save(self) -> None:
        draft, template_id, address = self.draft(), self._current_id(), self.address.text()
        service = self.service

        def work() -> int:
            service.set_shop_field(RETURN_ADDRESS, address)
            if template_id is None:
                return service.add(draft)
            service.update(template_id, draft)
            return template_id

        self._write(work, lambda saved: self.reload(saved))

    def delete(self) -> None:
        template_id = self._current_id()
        if template_id is not None:
            self._write(lambda: self.service.delete(template_id), lambda _: self.reload())

    def move_by(self, offset: int) -> None:
        template_id = self._current_id()
        if template_id is not None:
            self._write(lambda: self.service.move(template_id, offset), lambda _: self.reload(template_id))

    def import_file(self, path: Path | None = None) -> None:
        if path is None:
            name, _ = QFileDialog.getOpenFileName(
                self, self.tr("Import reply templates"), "", "JSON (*.json)"
            )
            if not name:
                return
            path = Path(name)
        chosen = path

        def report(result: Any) -> None:
            self.reload()
            self.error.setText(self.tr("{0} added, {1} already there.").format(result.added, result.skipped))

        self._write(lambda: self.service.import_file(chosen), report)

    def export_file(self, path: Path | None = None) -> None:
        if path is None:
            name, _ = QFileDialog.getSaveFileName(
                self, self.tr("Export reply templates"), "话术库.json", "JSON (*.json)"
            )
            if not name:
                return
            path = Path(name)
        chosen = path
        self._write(
            lambda: self.service.export_file(chosen),
            lambda n: self.error.setText(self.tr("{0} template(s) written to {1}").format(n, chosen.name)),
        )
