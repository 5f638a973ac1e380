"""The monthly auto-export in the running app: on the 1st (the scheduler's cron hook) and at
start (catch-up), last month's report into the folder of Settings → Data and backups, on its
own worker, then a tray message.

The folder is read from the settings each time, so a change applies without a restart; an
empty folder means off. Which month is due and whether its file exists is decided by
`MonthlyExportService` (the folder is the truth, no flag is kept here).
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QObject, QSettings, Qt, Signal

from app.bootstrap import AppContext
from app.services.reports.monthly_export import ExportOutcome, MonthlyExportService
from app.ui.common.tasks import TaskRunner

log = logging.getLogger(__name__)

FOLDER_KEY = "export/monthly_folder"


class MonthlyExport(QObject):
    exported = Signal(object)  # ExportOutcome of a written report
    failed = Signal(str)  # one line for the status bar; the traceback is logged
    _due = Signal()  # emitted on the scheduler's thread, handled on the GUI thread

    def __init__(
        self,
        service: MonthlyExportService,
        folder: Callable[[], Path | None],
        runner: TaskRunner,
        say: Callable[[str, str], None],
        lang: str = "zh",
        parent: QObject | None = None,
    ) -> None:
        """`folder`: the current setting (None: off); `say(title, text)`: a tray message."""
        super().__init__(parent)
        self.service = service
        self.runner = runner
        self._folder = folder
        self._say = say
        self._lang = lang
        self._running = False
        self._due.connect(self.export_if_due, Qt.ConnectionType.QueuedConnection)

    def hook(self) -> None:
        """For the scheduler's monthly job (its worker thread): start the export on ours."""
        self._due.emit()

    def export_if_due(self) -> None:
        """At start and on the 1st: last month's report unless its file is there (GUI thread)."""
        folder = self._folder()
        if folder is None or self._running:
            return
        self._running = True
        lang = self._lang
        self.runner.run(
            lambda report: self.service.run(folder, lang, report), done=self._done, failed=self._failed
        )

    def _done(self, outcome: ExportOutcome) -> None:
        self._running = False
        if not outcome.written:
            log.info("monthly export: %s is already there", outcome.plan.path)
            return
        log.info("monthly export: wrote %s", outcome.plan.path)
        self._say(
            self.tr("Monthly report"),
            self.tr("Exported last month's after-sales report: {0}").format(outcome.plan.path),
        )
        self.exported.emit(outcome)

    def _failed(self, error: Exception, tb: str) -> None:
        self._running = False
        log.warning("monthly export failed: %s", error)  # a bug's traceback: logged by the runner
        self.failed.emit(self.tr("Monthly report export failed: {0}").format(error))

    def wait(self) -> None:
        """Until a running export has finished (shutdown; before a restore replaces the file)."""
        self.runner.wait()

    def shutdown(self) -> None:
        self.wait()


def monthly_export_for(
    ctx: AppContext, settings: QSettings, say: Callable[[str, str], None], runner: TaskRunner, parent: QObject
) -> MonthlyExport:
    """The app's monthly export: on the window's I/O lane (a long export never delays the
    merchant's writes), the folder setting read at each run, the UI language for sheet names."""
    from app.ui.common import i18n
    from app.ui.settings import store as settings_store

    service = ctx.monthly_export

    def folder() -> Path | None:
        value = settings_store.value(settings, FOLDER_KEY)
        return Path(value) if value else None

    return MonthlyExport(
        service,
        folder,
        runner,
        say,
        lang="zh" if i18n.current() == "zh_CN" else "en",
        parent=parent,
    )
