"""File → "Export list…" (Ctrl+E): the case list as shown (quick tab, filters, sort) to .xlsx or .csv.

The cases are written by `CaseExporter` on a worker of its own (a long export never holds up
the merchant's writes), with a progress dialog; when done, a message offers to open the folder.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QObject, QStandardPaths, Qt, QUrl
from PySide6.QtGui import QAction, QDesktopServices, QKeySequence
from PySide6.QtWidgets import QFileDialog, QMessageBox, QProgressDialog

from app.services.clock import BEIJING
from app.ui.common.tasks import TaskRunner

if TYPE_CHECKING:
    from app.bootstrap import AppContext
    from app.services.listing.export import CaseExporter
    from app.ui.common.host import WindowHost

XLSX_FILTER = "Excel (*.xlsx)"
CSV_FILTER = "CSV UTF-8 (*.csv)"


def ask_path(window: WindowHost, suggested: Path) -> Path | None:
    """The save dialog; the extension follows the chosen type when none was typed."""
    chosen, kind = QFileDialog.getSaveFileName(
        window,
        QCoreApplication.translate("ListExport", "Export list"),
        str(suggested),
        f"{XLSX_FILTER};;{CSV_FILTER}",
    )
    if not chosen:
        return None
    path = Path(chosen)
    if path.suffix.lower() not in (".xlsx", ".csv"):
        path = path.with_name(path.name + (".csv" if kind == CSV_FILTER else ".xlsx"))
    return path


def open_folder(folder: Path) -> None:
    QDesktopServices.openUrl(QUrl.fromLocalFile(str(folder)))


class ListExport(QObject):
    def __init__(
        self,
        window: WindowHost,
        ctx: AppContext,
        visible_ids: Callable[[], list[int]],
        runner: TaskRunner | None = None,
    ) -> None:
        """`visible_ids()`: the cases as the list shows them (quick tab, filters, sort)."""
        super().__init__(window)
        self.window = window
        self.ctx = ctx
        self.visible_ids = visible_ids
        self.runner = runner or window.io
        # Replaceable (tests): the question for the file, and what "Open folder" does.
        self.choose_path: Callable[[Path], Path | None] = lambda suggested: ask_path(window, suggested)
        self.open_folder: Callable[[Path], None] = open_folder
        self.progress: QProgressDialog | None = None
        self.done_box: QMessageBox | None = None
        self.last_folder: Path | None = None
        self.action = QAction(self.tr("&Export list…"), window)
        self.action.setObjectName("exportAction")
        self.action.setShortcut(QKeySequence("Ctrl+E"))
        self.action.setToolTip(self.tr("Write the cases as listed now (tab, filters, order) to Excel or CSV"))
        self.action.triggered.connect(self.export)
        window.add_file_action("transfer", self.action)

    def suggested_path(self) -> Path:
        folder = self.last_folder or Path(
            QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation) or Path.home()
        )
        stamp = datetime.now(BEIJING).strftime("%Y%m%d-%H%M")  # a file name in Beijing time, like every other
        return folder / f"售后单-{stamp}.xlsx"

    def export(self) -> None:
        ids = self.visible_ids()
        if not ids:
            self.window.statusBar().showMessage(self.tr("No cases listed: nothing to export."), 8000)
            return
        path = self.choose_path(self.suggested_path())
        if path is None:
            return
        self.last_folder = path.parent
        progress = QProgressDialog(
            self.tr("Exporting {0} cases…").format(len(ids)), "", 0, len(ids), self.window
        )
        progress.setWindowTitle(self.tr("Export list"))
        progress.setCancelButton(None)  # no cancel: the export is one step
        progress.setWindowModality(Qt.WindowModality.WindowModal)
        progress.setMinimumDuration(300)
        self.progress = progress
        exporter = self._exporter()
        self.runner.run(
            lambda report: exporter.export(ids, path, progress=report),
            done=lambda count: self._done(path, count),
            failed=self._failed,
            progress=self._progressed,
        )

    def _exporter(self) -> CaseExporter:
        return self.ctx.exporter

    def _progressed(self, done: int, total: int, _what: str) -> None:
        if self.progress is not None:
            self.progress.setMaximum(max(total, 1))
            self.progress.setValue(done)

    def _close_progress(self) -> None:
        if self.progress is not None:
            self.progress.reset()
            self.progress.deleteLater()
            self.progress = None

    def _done(self, path: Path, count: int) -> None:
        self._close_progress()
        box = QMessageBox(
            QMessageBox.Icon.Information,
            self.tr("Export list"),
            self.tr("{0} cases written to {1}").format(count, path),
            QMessageBox.StandardButton.Close,
            self.window,
        )
        box.setObjectName("exportDone")
        folder_button = box.addButton(self.tr("Open folder"), QMessageBox.ButtonRole.ActionRole)
        folder_button.clicked.connect(lambda: self.open_folder(path.parent))
        box.finished.connect(lambda _: box.deleteLater())
        self.done_box = box
        box.open()

    def _failed(self, error: Exception, details: str) -> None:
        self._close_progress()
        self.window.show_error(self.tr("Export failed"), str(error), details)
