"""Import wizard: pick a file → preview with the guessed platform, mapping and per-row outcome →
import off the UI thread with progress → summary with "show imported cases".

All the work is the importer service's; every call goes through the TaskRunner.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
    QWizard,
    QWizardPage,
)

from app.models.enums import Platform, Stage
from app.services.importing import (
    ENCODING_CHOICES,
    FIELDS,
    Importer,
    ImportPlan,
    ImportResult,
    ProblemKind,
)
from app.services.importing.progress import READING
from app.services.importing.service import ShopOptions
from app.ui.common import vocab
from app.ui.common.service_text import error_text, say
from app.ui.common.tasks import TaskRunner
from app.ui.importing.column_mapping import ColumnMappingBox
from app.ui.importing.preview_model import COL_MESSAGE, ImportPreviewModel
from app.ui.settings.platform_choice import add_platform_items

FILE_FILTER = "Exports (*.xlsx *.xls *.csv *.txt)"


class ImportWizard(QWizard):
    """`show_cases(list[int])` asks the window to show the cases this import wrote."""

    show_cases = Signal(list)
    imported = Signal(list)  # case ids written, for views to refresh

    def __init__(
        self,
        importer: Importer,
        runner: TaskRunner,
        parent: QWidget | None = None,
        path: Path | None = None,
        my_platforms: Sequence[str] = (),
    ) -> None:
        super().__init__(parent)
        self.my_platforms = tuple(my_platforms)
        self.importer = importer
        self.runner = runner
        self.setWindowTitle(self.tr("Import after-sales export"))
        self.file_page = FilePage(self)
        self.preview_page = PreviewPage(self)
        self.run_page = RunPage(self)
        for page in (self.file_page, self.preview_page, self.run_page):
            self.addPage(page)
        # Importing is the point of no return (it is idempotent, but there is nothing to go back to).
        self.preview_page.setCommitPage(True)
        self.setButtonText(QWizard.WizardButton.CommitButton, self.tr("Import"))
        if path is not None:
            self.file_page.path_edit.setText(str(path))

    def path(self) -> Path:
        return Path(self.file_page.path_edit.text().strip())

    def shop(self, platform: Platform | None = None) -> str | None:
        """The shop chosen on the first page for a file without a shop column (None: not asked),
        unless the merchant then took the file for another platform than the one it was asked for."""
        if platform is not None and platform is not self.file_page.shop_platform:
            return None
        return self.file_page.chosen_shop()


class FilePage(QWizardPage):
    def __init__(self, wizard: ImportWizard) -> None:
        super().__init__(wizard)
        self.setTitle(self.tr("Choose the export file"))
        self.setSubTitle(
            self.tr("An after-sales list downloaded from a platform back end or an ERP (.xlsx, .xls or .csv).")
        )
        self.path_edit = QLineEdit(self)
        self.path_edit.setPlaceholderText(self.tr("File to import"))
        browse = QPushButton(self.tr("Browse…"), self)
        browse.clicked.connect(self._browse)
        row = QHBoxLayout()
        row.addWidget(self.path_edit, 1)
        row.addWidget(browse)
        # A file without a shop column, of a platform the merchant has several shops on.
        self.shop_label = QLabel(self.tr("Shop of this file's rows:"), self)
        self.shop_combo = QComboBox(self)
        self.shop_label.hide()
        self.shop_combo.hide()
        self.shop_combo.currentIndexChanged.connect(self.completeChanged)
        shop_row = QHBoxLayout()
        shop_row.addWidget(self.shop_label)
        shop_row.addWidget(self.shop_combo, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(row)
        layout.addLayout(shop_row)
        self._wizard = wizard
        self._asked_for: Path | None = None
        self.shop_platform: Platform | None = None  # the platform the shops offered are on
        self.path_edit.textChanged.connect(self._path_changed)

    def _path_changed(self) -> None:
        self._set_shops((), None)
        text = self.path_edit.text().strip()
        if text and Path(text).is_file():
            path = Path(text)
            self._asked_for = path
            self._wizard.runner.run(
                lambda _report: self._wizard.importer.shop_options(path),
                done=lambda options: self._show_shops(path, options),
                failed=lambda _error, _tb: None,  # the preview says what is wrong with the file
            )
        self.completeChanged.emit()

    def _show_shops(self, path: Path, options: ShopOptions) -> None:
        if path == self._asked_for:  # not a file the merchant has moved on from
            self.shop_platform = options.platform
            self._set_shops(options.shops, options.remembered)

    def _set_shops(self, shops: Sequence[str], remembered: str | None) -> None:
        self.shop_combo.clear()
        self.shop_combo.addItem(self.tr("(choose a shop)"), None)
        for name in shops:
            self.shop_combo.addItem(name, name)
        if remembered in shops:
            self.shop_combo.setCurrentIndex(self.shop_combo.findData(remembered))
        self.shop_label.setVisible(bool(shops))
        self.shop_combo.setVisible(bool(shops))
        self.completeChanged.emit()

    def chosen_shop(self) -> str | None:
        if self.shop_combo.isHidden():
            return None
        value = self.shop_combo.currentData()
        return str(value) if value else None

    def _browse(self) -> None:
        name, _ = QFileDialog.getOpenFileName(self, self.tr("Import after-sales export"), "", FILE_FILTER)
        if name:
            self.path_edit.setText(name)

    def isComplete(self) -> bool:
        text = self.path_edit.text().strip()
        if self.shop_combo.isVisibleTo(self) and self.chosen_shop() is None:
            return False
        return bool(text) and Path(text).is_file()


class PreviewPage(QWizardPage):
    def __init__(self, wizard: ImportWizard) -> None:
        super().__init__(wizard)
        self._wizard = wizard
        self.plan: ImportPlan | None = None
        self.setTitle(self.tr("Preview"))
        self.setSubTitle(self.tr("Nothing is written until you import. Rows with errors are left out."))

        self.platform_combo = QComboBox(self)
        self.platform_combo.addItem(self.tr("Guess from the file"), None)
        self.platform_combo.insertSeparator(1)
        add_platform_items(self.platform_combo, wizard.my_platforms)
        self.encoding_combo = QComboBox(self)
        self.encoding_combo.addItem(self.tr("Detect"), None)
        for enc in ENCODING_CHOICES:
            self.encoding_combo.addItem(enc, enc)
        self.platform_combo.activated.connect(self.refresh)
        self.encoding_combo.activated.connect(self.refresh)
        choices = QFormLayout()
        choices.addRow(self.tr("Platform:"), self.platform_combo)
        choices.addRow(self.tr("Encoding (CSV):"), self.encoding_combo)

        self.summary = QLabel(self)
        self.summary.setWordWrap(True)
        self.summary.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.progress = QProgressBar(self)  # shown while the file is read and its rows checked
        self.progress.hide()
        self.mapping_label = QLabel(self)
        self.mapping_label.setWordWrap(True)

        self.fix_box = QGroupBox(self.tr("Map what the preset does not know"), self)
        self.fix_form = QFormLayout(self.fix_box)
        self.fix_box.hide()
        self.columns_box = ColumnMappingBox(self)
        self.columns_box.hide()
        self.save_button = QPushButton(self.tr("Save mapping and preview again"), self)
        self.save_button.clicked.connect(self.save_mapping)
        self.save_button.hide()
        self._column_combos: dict[str, QComboBox] = {}
        self._status_combos: dict[str, QComboBox] = {}

        self.model = ImportPreviewModel(self)
        self.table = QTableView(self)
        self.table.setModel(self.model)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(COL_MESSAGE, QHeaderView.ResizeMode.Stretch)
        self.table.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)

        layout = QVBoxLayout(self)
        layout.addLayout(choices)
        layout.addWidget(self.summary)
        layout.addWidget(self.progress)
        layout.addWidget(self.mapping_label)
        layout.addWidget(self.fix_box)
        layout.addWidget(self.columns_box)
        layout.addWidget(self.save_button, 0, Qt.AlignmentFlag.AlignLeft)
        layout.addWidget(self.table, 1)

    def initializePage(self) -> None:
        self.refresh()

    def _platform(self) -> Platform | None:
        value = self.platform_combo.currentData()
        return Platform(value) if value else None

    def _encoding(self) -> str | None:
        value = self.encoding_combo.currentData()
        return str(value) if value else None

    def refresh(self) -> None:
        path, platform, encoding = self._wizard.path(), self._platform(), self._encoding()
        shop = self._wizard.shop(platform)
        self.plan = None
        self.summary.setText(self.tr("Reading {0}…").format(path.name))
        self.progress.setRange(0, 0)
        self.progress.show()
        self.completeChanged.emit()
        self._wizard.runner.run(
            lambda report: self._wizard.importer.preview(path, platform, encoding, progress=report, shop=shop),
            done=self._show,
            failed=self._failed,
            progress=self._progress,
        )

    def _progress(self, done: int, total: int, phase: str) -> None:
        name = self._wizard.path().name
        if phase == READING:
            self.summary.setText(self.tr("Reading {0}… {1} rows").format(name, done))
        else:
            self.summary.setText(self.tr("Checking the rows of {0}…").format(name))
        self.progress.setRange(0, total)  # 0: not known yet (a busy bar)
        self.progress.setValue(min(done, total) if total else 0)

    def _failed(self, error: Exception, _tb: str) -> None:
        self.progress.hide()
        self.model.set_rows([])
        self.mapping_label.clear()
        self.fix_box.hide()
        self.columns_box.hide()
        self.save_button.hide()
        self.summary.setText(self.tr("Cannot import: {0}").format(error_text(error)))

    def _show(self, plan: ImportPlan) -> None:
        self.progress.hide()
        self.plan = plan
        self.model.set_rows(list(plan.rows))
        self.table.resizeColumnsToContents()
        c = plan.counts()
        guessed = self.tr(" (guessed)") if plan.platform_guessed else ""
        lines = [
            self.tr("{0}: {1}{2}, header on row {3}").format(
                plan.source, plan.preset_label, guessed, plan.header_line
            ),
            self.tr("New {0} · update {1} · unchanged {2} · errors {3}").format(
                c["new"], c["update"], c["unchanged"], c["error"]
            ),
        ]
        if plan.encoding:
            lines.insert(1, self.tr("Encoding: {0}").format(plan.encoding))
        if plan.missing_columns:
            lines.append(
                self.tr("Missing required columns: {0}").format(
                    ", ".join(FIELDS[f] for f in plan.missing_columns)
                )
            )
        self.summary.setText("\n".join(lines))
        if plan.questions:
            lines.extend(say(q) for q in plan.questions)
            self.summary.setText("\n".join(lines))
        conf = plan.columns.confidence
        mapped = [
            f"{header} → {FIELDS[name]} ({conf.get(name, 1.0):.0%})" for name, header in plan.columns.by_field.items()
        ]
        self.mapping_label.setText(self.tr("Columns: {0}").format("; ".join(mapped)))
        self._build_fixes(plan)
        self.columns_box.set_plan(plan)
        self.save_button.show()
        self.completeChanged.emit()

    def _build_fixes(self, plan: ImportPlan) -> None:
        while self.fix_form.rowCount():
            self.fix_form.removeRow(0)
        self._column_combos.clear()
        self._status_combos.clear()
        spare = [h for h in plan.headers if h and h not in plan.columns.by_field.values()]
        for name in plan.missing_columns:
            combo = QComboBox(self.fix_box)
            combo.addItem(self.tr("(choose a column)"), None)
            for header in spare:
                combo.addItem(header, header)
            self._column_combos[name] = combo
            self.fix_form.addRow(FIELDS[name], combo)
        for word in plan.unknown_words(ProblemKind.UNKNOWN_STATUS):
            combo = QComboBox(self.fix_box)
            combo.addItem(self.tr("(leave unmapped)"), None)
            for stage in Stage:
                combo.addItem(vocab.label(vocab.stages(), stage.value), stage.value)
            self._status_combos[word] = combo
            self.fix_form.addRow(self.tr("Status “{0}”").format(word), combo)
        self.fix_box.setVisible(bool(self._column_combos or self._status_combos))

    def save_mapping(self) -> None:
        plan = self.plan
        if plan is None:
            return
        columns = self.columns_box.changes()
        columns.update({c.currentData(): name for name, c in self._column_combos.items() if c.currentData()})
        statuses = {w: Stage(c.currentData()) for w, c in self._status_combos.items() if c.currentData()}
        if not columns and not statuses:
            return
        mappings = self._wizard.importer.mappings
        self._wizard.runner.run(
            lambda report: mappings.save_user_words(plan.platform, columns=columns, statuses=statuses),
            done=lambda _path: self.refresh(),
            failed=self._failed,
        )

    def choose_column(self, name: str, header: str) -> None:
        combo = self._column_combos[name]
        combo.setCurrentIndex(combo.findData(header))

    def choose_status(self, word: str, stage: Stage) -> None:
        combo = self._status_combos[word]
        combo.setCurrentIndex(combo.findData(stage.value))

    def isComplete(self) -> bool:
        plan = self.plan
        if plan is None or plan.missing_columns or plan.questions:
            return False
        c = plan.counts()
        return c["new"] + c["update"] > 0


class RunPage(QWizardPage):
    def __init__(self, wizard: ImportWizard) -> None:
        super().__init__(wizard)
        self._wizard = wizard
        self.result: ImportResult | None = None
        self.setTitle(self.tr("Import"))
        self.progress = QProgressBar(self)
        self.progress.setRange(0, 0)
        self.summary = QLabel(self)
        self.summary.setWordWrap(True)
        self.show_button = QPushButton(self.tr("Show imported cases"), self)
        self.show_button.setEnabled(False)
        self.show_button.clicked.connect(self._show_cases)
        layout = QVBoxLayout(self)
        layout.addWidget(self.progress)
        layout.addWidget(self.summary)
        layout.addWidget(self.show_button, 0, Qt.AlignmentFlag.AlignLeft)
        layout.addStretch(1)

    def initializePage(self) -> None:
        preview = self._wizard.preview_page
        plan = preview.plan
        assert plan is not None
        self.result = None
        self.show_button.setEnabled(False)
        self.progress.setRange(0, 0)
        self.summary.setText(self.tr("Importing…"))
        self.completeChanged.emit()
        importer = self._wizard.importer
        self._wizard.runner.run(
            lambda report: importer.apply(plan, progress=report),  # the previewed rows: no second read
            done=self._done,
            failed=self._failed,
            progress=self._progress,
        )

    def _progress(self, done: int, total: int, _message: str) -> None:
        self.progress.setRange(0, max(total, 1))
        self.progress.setValue(done)

    def _done(self, result: ImportResult) -> None:
        self.result = result
        c = result.plan.counts()
        self.progress.setRange(0, 1)
        self.progress.setValue(1)
        self.summary.setText(
            self.tr(
                "Imported: {0} new, {1} updated, {2} unchanged; {3} rows with errors were left out."
            ).format(c["new"], c["update"], c["unchanged"], c["error"])
        )
        ids = result.imported_case_ids
        shop = self._wizard.shop(result.plan.platform)
        if shop is not None:  # asked on the first page: the next file of this platform goes there too
            importer, platform = self._wizard.importer, result.plan.platform
            self._wizard.runner.run(
                lambda _report: importer.remember_shop(platform, shop), failed=lambda _error, _tb: None
            )
        self.show_button.setEnabled(bool(ids))
        self._wizard.imported.emit(ids)
        self.completeChanged.emit()

    def _failed(self, error: Exception, _tb: str) -> None:
        self.progress.setRange(0, 1)
        self.progress.setValue(0)
        self.summary.setText(self.tr("Nothing was imported: {0}").format(error_text(error)))
        self.completeChanged.emit()

    def _show_cases(self) -> None:
        if self.result is not None:
            self._wizard.show_cases.emit(self.result.imported_case_ids)

    def isComplete(self) -> bool:
        return self.result is not None


__all__ = ["ImportWizard"]
