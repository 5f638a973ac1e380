"""Backups in the window: File → "Back up now…" and "Restore…", the automatic backup at start and daily.

Backups run on their own TaskRunner, so a merchant's writes never queue behind a copy of
several seconds. A restore stops every writer first (`database_closing`: the app shell holds
the alert scheduler; the window's worker is drained and its engine disposed, so no pooled
connection keeps the old file open), then reopens the context on the new file (schema upgrade,
no cached rows) and reloads every screen with `ChangeSet(everything=True)`.
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtGui import QAction

from app.bootstrap import AppContext
from app.ui.backup.dialogs import BackupActions, Prompter, QtPrompter
from app.ui.backup.startup_checks import start_auto_backup
from app.ui.common.changes import ChangeSet
from app.ui.common.tasks import TaskRunner

if TYPE_CHECKING:
    from app.ui.common.host import WindowHost

log = logging.getLogger(__name__)


class BackupControl(QObject):
    database_closing = Signal()  # before the file is replaced: stop whatever writes on its own
    database_reopened = Signal()  # after (whatever happened): the file may hold other rows
    _daily_due = Signal()  # emitted on the scheduler's thread, handled on the GUI thread

    def __init__(
        self,
        window: WindowHost,
        ctx: AppContext,
        prompter: Prompter | None = None,
        runner: TaskRunner | None = None,
    ) -> None:
        super().__init__(window)
        self.window = window
        self.ctx = ctx
        self.service = ctx.backups
        self.runner = runner or window.io
        self.actions = BackupActions(
            self.service,
            self.runner,
            prompter or QtPrompter(window),
            close_database=self._close_database,
            reopen_database=self._reopen_database,
            parent=self,
        )
        self.actions.progress.connect(self._progress)
        self.actions.backup_done.connect(lambda _path: window.statusBar().clearMessage())
        self.actions.failed.connect(lambda _message: window.statusBar().clearMessage())

        self.back_up_action = QAction(self.tr("&Back up now…"), window)
        self.back_up_action.setObjectName("backUpNow")
        self.back_up_action.setToolTip(self.tr("Copy the database now (the app keeps running)"))
        self.back_up_action.triggered.connect(self.actions.back_up_now)
        self.restore_action = QAction(self.tr("&Restore from a backup…"), window)
        self.restore_action.setObjectName("restoreBackup")
        self.restore_action.triggered.connect(lambda: self.actions.restore())
        window.add_file_action("data", self.back_up_action)
        window.add_file_action("data", self.restore_action)
        self._daily_due.connect(self.back_up_if_due, Qt.ConnectionType.QueuedConnection)

    # ---- automatic backups -------------------------------------------------------------------

    def back_up_if_due(self) -> None:
        """At start and daily: a backup unless a recent one exists (on the backup worker)."""
        start_auto_backup(self.service, self.runner)

    def daily_hook(self) -> None:
        """For the scheduler's daily job (its worker thread): start the backup on ours."""
        self._daily_due.emit()

    # ---- restore -----------------------------------------------------------------------------

    def _close_database(self) -> None:
        self.window.setEnabled(False)  # no new writes from the window until the restore ends
        self.window.statusBar().showMessage(self.tr("Restoring…"))
        self.database_closing.emit()
        self.window.tasks.wait()
        self.ctx.engine.dispose()

    def _reopen_database(self) -> None:
        try:
            self.ctx.reopen()
        finally:
            self.window.setEnabled(True)
            self.window.statusBar().clearMessage()
            self.database_reopened.emit()
        self.window.changes.publish(ChangeSet(everything=True))

    def _progress(self, done: int, total: int, _message: str) -> None:
        percent = 100 * done // total if total else 0
        self.window.statusBar().showMessage(self.tr("Backing up… {0}%").format(percent))

    def shutdown(self) -> None:
        self.runner.wait()
