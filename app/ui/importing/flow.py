"""File → "Import…" (Ctrl+I) and an export dropped onto the window: the import wizard, then the list.

After an import the screens redraw the cases it wrote (`ChangeSet.cases(ids)`); the wizard's "Show
imported cases" lists just those cases, behind a filter chip that clears with one click.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QMimeData, QObject, QSize, Qt
from PySide6.QtGui import QAction, QDropEvent, QKeySequence

from app.ui.common.changes import ChangeSet

if TYPE_CHECKING:
    from app.bootstrap import AppContext
    from app.ui.common.host import WindowHost
    from app.ui.importing.wizard import ImportWizard

IMPORTABLE = (".xlsx", ".xls", ".csv")
WIZARD_SIZE = QSize(980, 640)


def importable_path(mime: QMimeData) -> Path | None:
    """The first local .xlsx/.xls/.csv file among dragged URLs."""
    for url in mime.urls():
        if url.isLocalFile():
            path = Path(url.toLocalFile())
            if path.suffix.lower() in IMPORTABLE and path.is_file():
                return path
    return None


class ImportFlow(QObject):
    def __init__(
        self, window: WindowHost, ctx: AppContext, show_cases: Callable[[list[int], str], None]
    ) -> None:
        """`show_cases(ids, label)` narrows the case list to the imported cases."""
        super().__init__(window)
        self.window = window
        self.ctx = ctx
        self.show_only = show_cases
        self.wizard: ImportWizard | None = None
        self.action = QAction(self.tr("&Import…"), window)
        self.action.setObjectName("importAction")
        self.action.setShortcut(QKeySequence("Ctrl+I"))
        self.action.setToolTip(
            self.tr("Import an after-sales export (.xlsx, .xls or .csv); or drop it on the window")
        )
        self.action.triggered.connect(lambda: self.open_wizard())
        window.add_file_action("transfer", self.action)
        window.setAcceptDrops(True)
        window.installEventFilter(self)

    def open_wizard(self, path: Path | None = None) -> ImportWizard:
        """The wizard (non-modal to the event loop); with a path it goes straight to the preview."""
        from app.ui.importing.wizard import ImportWizard
        from app.ui.settings.platform_choice import my_platforms

        if self.wizard is not None:
            self.wizard.close()
        wizard = ImportWizard(
            self.ctx.importer,
            self.window.tasks,
            self.window,
            path=path,
            my_platforms=my_platforms(self.window.settings),
        )
        wizard.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        wizard.imported.connect(self._imported)
        wizard.show_cases.connect(self._show_cases)
        wizard.destroyed.connect(lambda *_: self._forget(wizard))
        self.wizard = wizard
        wizard.resize(WIZARD_SIZE)  # room for the preview table and its messages
        wizard.open()
        if path is not None and wizard.currentPage().isComplete():
            wizard.next()
        return wizard

    def _forget(self, wizard: ImportWizard) -> None:
        if self.wizard is wizard:
            self.wizard = None

    def _imported(self, ids: list[int]) -> None:
        if ids:
            self.window.changes.publish(ChangeSet.cases(ids))  # new and updated cases

    def _show_cases(self, ids: list[int]) -> None:
        self.window.show_screen("cases")
        self.show_only(ids, self.tr("Imported cases: {0}").format(len(ids)))
        if self.wizard is not None:
            self.wizard.accept()

    # ---- drop an export onto the window ------------------------------------------------------

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is not self.window:
            return False
        kind = event.type()
        if kind in (QEvent.Type.DragEnter, QEvent.Type.DragMove):
            assert isinstance(event, QDropEvent)  # QDragEnterEvent and QDragMoveEvent are ones
            if importable_path(event.mimeData()) is not None:
                event.acceptProposedAction()
                return True
        elif kind == QEvent.Type.Drop:
            assert isinstance(event, QDropEvent)
            path = importable_path(event.mimeData())
            if path is not None:
                event.acceptProposedAction()
                self.open_wizard(path)
                return True
        return False
