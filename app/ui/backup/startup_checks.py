"""Before the window opens: is the database healthy? If not, offer the newest good backup.

`check_before_open` runs `quick_check` (no Qt event loop needed) and, for a damaged or
missing database, asks whether to restore the newest backup that passes its own check.
It never starts on a new empty database in place of a damaged one: declining quits,
leaving every file as it was. Then `start_auto_backup` queues the backup taken at start.

Wiring (the lead's run_gui, after SingleInstance.acquire() and before AppContext.open):
    result = check_before_open(data_dir, clock, QtPrompter(None))
    if result.outcome is StartupOutcome.QUIT:
        return 1
"""

from __future__ import annotations

import logging
import sqlite3
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path

from PySide6.QtCore import QCoreApplication

from app.services.clock import Clock
from app.services.storage.backup import (
    AT_START_UNLESS_YOUNGER_THAN,
    BackupError,
    BackupService,
    RestoreRefused,
)
from app.services.storage.integrity import DbState, HealthReport, check_at_start
from app.ui.backup.dialogs import Prompter, Runner
from app.ui.common.service_text import error_text, say

log = logging.getLogger(__name__)


def title() -> str:
    """The title of the start check's questions (translated when asked: after the language is installed)."""
    return QCoreApplication.translate("StartupChecks", "Database check")


def _what_happened(report: HealthReport) -> str:
    """The check's one line, in the UI's language, ended as a sentence."""
    return QCoreApplication.translate("StartupChecks", "{0}.").format(say(report.message))


class StartupOutcome(StrEnum):
    PROCEED = "proceed"  # open the database (it is healthy, new, or was just restored)
    QUIT = "quit"  # the merchant was told why; nothing was changed


@dataclass(frozen=True)
class StartupResult:
    outcome: StartupOutcome
    report: HealthReport
    restored_from: Path | None = None


def check_before_open(data_dir: Path, clock: Clock, prompter: Prompter) -> StartupResult:
    from app.bootstrap import backups_for

    service = backups_for(data_dir, clock)
    report = check_at_start(service.db_path, service)
    if report.can_open:
        return StartupResult(StartupOutcome.PROCEED, report)
    log.error("start check: %s %s; details: %s", report.state.value, report.message, report.details[:5])
    good = report.newest_good_backup
    if report.state in (DbState.DAMAGED, DbState.MISSING) and good is not None:
        question = QCoreApplication.translate(
            "StartupChecks",
            "Restore the backup of {0} (Beijing time)? Changes made after it are not in it. "
            "The current file is kept beside it, renamed.",
        ).format(good.label())
        if prompter.confirm(title(), f"{_what_happened(report)}\n\n{question}"):
            return _restore(service, report, good.path, prompter)
        if report.state is DbState.MISSING and prompter.confirm(
            title(),
            QCoreApplication.translate(
                "StartupChecks", "Start with a new, empty database instead? The backups stay where they are."
            ),
        ):
            return StartupResult(StartupOutcome.PROCEED, report)
        closing = QCoreApplication.translate("StartupChecks", "Nothing was changed. The app will close.")
        prompter.inform(title(), f"{closing}\n{service.db_path}")
        return StartupResult(StartupOutcome.QUIT, report)
    details = "\n".join(report.details[:5])  # what SQLite reported, as it said it
    prompter.warn(title(), f"{_what_happened(report)}\n\n{details}".rstrip())
    return StartupResult(StartupOutcome.QUIT, report)


def _restore(service: BackupService, report: HealthReport, source: Path, prompter: Prompter) -> StartupResult:
    try:
        result = service.apply_restore(service.plan_restore(source), confirmed=True)
    except (BackupError, RestoreRefused, OSError, sqlite3.Error) as e:
        log.error("restore at start failed: %s", e)
        failed = QCoreApplication.translate("StartupChecks", "The restore failed: {0}. Nothing was changed.")
        prompter.warn(title(), failed.format(error_text(e)))
        return StartupResult(StartupOutcome.QUIT, report)
    log.warning("restored %s at start (kept %s)", source, result.aside)
    lines = [
        QCoreApplication.translate("StartupChecks", "The data was restored from {0}.").format(source.name)
    ]
    if result.aside:
        kept = QCoreApplication.translate("StartupChecks", "The damaged file is kept as {0}.")
        lines.append(kept.format(result.aside.name))
    prompter.inform(title(), "\n".join(lines))
    return StartupResult(StartupOutcome.PROCEED, report, source)


def start_auto_backup(service: BackupService, runner: Runner) -> None:
    """The automatic backup at start, off the GUI thread (skipped if a recent one exists)."""

    def failed(error: Exception, tb: str) -> None:
        log.error("automatic backup failed: %s\n%s", error, tb)

    runner.run(
        lambda report: service.backup_if_due(AT_START_UNLESS_YOUNGER_THAN, progress=report), failed=failed
    )
