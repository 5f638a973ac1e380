"""The "Back up now…" and "Restore…" flows, as one object the main window owns.

The work runs through `TaskRunner` (never on the GUI thread); every question to the
merchant goes through a `Prompter`, so tests answer with a fake one. Restore asks before
anything changes, and says where the current data was kept.

Wiring (the lead's main window):
    actions = BackupActions(ctx.backups, runner, QtPrompter(window),
                            close_database=..., reopen_database=...)
    menu.addAction(window.tr("&Back up now…"), actions.back_up_now)
    menu.addAction(window.tr("&Restore from a backup…"), actions.restore)
`close_database` runs on the GUI thread before the file is replaced (stop timers, dispose
the engine); `reopen_database` runs after, whatever happened.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from pathlib import Path
from typing import Any, Protocol

from PySide6.QtCore import QCoreApplication, QObject, Signal
from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

from app.services.clock import BEIJING
from app.services.storage.backup import (
    BackupError,
    BackupKind,
    BackupService,
    RestorePlan,
    RestoreRefused,
    RestoreResult,
)
from app.services.storage.integrity import classify_error
from app.ui.common.service_text import error_text as service_error_text
from app.ui.common.service_text import say

log = logging.getLogger(__name__)


def db_filter() -> str:
    """The file dialogs' filter (translated when asked: after the language is installed)."""
    return QCoreApplication.translate("BackupActions", "Sentinel backup (*.db);;All files (*)")


class Prompter(Protocol):
    def confirm(self, title: str, text: str) -> bool: ...
    def inform(self, title: str, text: str) -> None: ...
    def warn(self, title: str, text: str) -> None: ...
    def save_path(self, title: str, suggested: Path) -> Path | None: ...
    def open_path(self, title: str, directory: Path) -> Path | None: ...


class QtPrompter:
    """The real questions: message boxes and file dialogs over `parent`."""

    def __init__(self, parent: QWidget | None) -> None:
        self.parent = parent

    def confirm(self, title: str, text: str) -> bool:
        answer = QMessageBox.question(
            self.parent,
            title,
            text,
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No,
        )
        return answer == QMessageBox.StandardButton.Yes

    def inform(self, title: str, text: str) -> None:
        QMessageBox.information(self.parent, title, text)

    def warn(self, title: str, text: str) -> None:
        QMessageBox.warning(self.parent, title, text)

    def save_path(self, title: str, suggested: Path) -> Path | None:
        chosen, _ = QFileDialog.getSaveFileName(self.parent, title, str(suggested), db_filter())
        return Path(chosen) if chosen else None

    def open_path(self, title: str, directory: Path) -> Path | None:
        chosen, _ = QFileDialog.getOpenFileName(self.parent, title, str(directory), db_filter())
        return Path(chosen) if chosen else None


class Runner(Protocol):
    """What we use of app.ui.common.tasks.TaskRunner."""

    def run(
        self,
        fn: Callable[[Callable[[int, int, str], None]], Any],
        done: Callable[[Any], None] | None = ...,
        failed: Callable[[Exception, str], None] | None = ...,
        progress: Callable[[int, int, str], None] | None = ...,
    ) -> None: ...


def error_text(error: Exception) -> str:
    """What to tell the merchant about a failed backup or restore, in the UI's language."""
    if isinstance(error, BackupError | RestoreRefused):
        return service_error_text(error)
    known = classify_error(error)
    if known is not None:
        return say(known.message)
    return QCoreApplication.translate(
        "BackupActions", "unexpected error ({0}: {1}); the details are in the log"
    ).format(type(error).__name__, error)


def restore_question(plan: RestorePlan) -> str:
    when = plan.last_change.astimezone(BEIJING).strftime("%Y-%m-%d %H:%M") if plan.last_change else "-"
    if plan.current_case_count is None:
        replace = QCoreApplication.translate(
            "BackupActions", "Replace no current database with the backup {0}?"
        ).format(plan.source.name)
    else:
        replace = QCoreApplication.translate(
            "BackupActions", "Replace the current data ({0} cases) with the backup {1}?"
        ).format(plan.current_case_count, plan.source.name)
    holds = QCoreApplication.translate(
        "BackupActions", "The backup holds {0} cases, last changed {1} (Beijing time)."
    ).format(plan.case_count, when)
    kept = QCoreApplication.translate(
        "BackupActions",
        "Changes made after it will not be in the restored data; the current file is kept as {0}.",
    ).format(plan.aside.name)
    lines = [replace, holds, kept]
    if plan.needs_upgrade:
        lines.append(
            QCoreApplication.translate(
                "BackupActions", "It was made by an older version and will be upgraded when opened."
            )
        )
    return "\n".join(lines)


class BackupActions(QObject):
    backup_done = Signal(str)  # path of the new backup
    restore_done = Signal(str)  # path restored from
    failed = Signal(str)  # the message shown
    progress = Signal(int, int, str)

    def __init__(
        self,
        service: BackupService,
        runner: Runner,
        prompter: Prompter,
        close_database: Callable[[], None],
        reopen_database: Callable[[], None],
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.service = service
        self._runner = runner
        self._prompter = prompter
        self._close_database = close_database
        self._reopen_database = reopen_database

    # ---- Back up now…

    def back_up_now(self) -> None:
        suggested = self.service.next_path(BackupKind.MANUAL)
        chosen = self._prompter.save_path(self.tr("Back up now"), suggested)
        if chosen is None:
            return
        in_folder = chosen.resolve() == suggested.resolve()
        dest = None if in_folder else chosen
        replace = dest is not None and dest.exists()  # the file dialog already asked about it
        self._runner.run(
            lambda report: self.service.back_up(
                BackupKind.MANUAL, dest=dest, progress=report, replace=replace
            ),
            done=self._backed_up,
            failed=lambda e, tb: self._fail(self.tr("Backup failed"), e, tb),
            progress=self.progress.emit,
        )

    def _backed_up(self, path: Path) -> None:
        log.info("backup written to %s", path)
        self._prompter.inform(self.tr("Backup done"), self.tr("The backup was saved as\n{0}").format(path))
        self.backup_done.emit(str(path))

    # ---- Restore…

    def restore(self, source: Path | None = None) -> None:
        """Choose a backup (unless given), check it, ask, then replace the database."""
        if source is None:
            source = self._prompter.open_path(self.tr("Restore from a backup"), self.service.backup_dir)
            if source is None:
                return
        self._runner.run(
            lambda _report: self.service.plan_restore(source),
            done=self._ask_to_restore,
            failed=lambda e, tb: self._fail(self.tr("Cannot restore"), e, tb),
        )

    def _ask_to_restore(self, plan: RestorePlan) -> None:
        if not self._prompter.confirm(self.tr("Restore from a backup"), restore_question(plan)):
            log.info("restore of %s declined", plan.source)
            return
        self._close_database()
        self._runner.run(
            lambda _report: self.service.apply_restore(plan, confirmed=True),
            done=self._restored,
            failed=self._restore_failed,
        )

    def _restored(self, result: RestoreResult) -> None:
        log.info("restored %s (previous database kept as %s)", result.restored_from, result.aside)
        self._reopen_database()
        restored = self.tr("The data was restored from {0}.").format(result.restored_from.name)
        kept = (
            "\n" + self.tr("The previous data is kept as {0}.").format(result.aside) if result.aside else ""
        )
        self._prompter.inform(self.tr("Restore done"), restored + kept)
        self.restore_done.emit(str(result.restored_from))

    def _restore_failed(self, error: Exception, tb: str) -> None:
        self._reopen_database()
        self._fail(self.tr("Restore failed"), error, tb)

    def _fail(self, title: str, error: Exception, tb: str) -> None:
        message = error_text(error)
        if classify_error(error) is None and not isinstance(error, BackupError | RestoreRefused):
            log.error("%s:\n%s", title, tb)
        else:
            log.warning("%s: %s", title, error)  # the log stays English, whatever the UI shows
        self._prompter.warn(title, message)
        self.failed.emit(message)
