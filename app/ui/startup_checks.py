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

from app.services.backup import (
    AT_START_UNLESS_YOUNGER_THAN,
    BackupError,
    BackupService,
    RestoreRefused,
)
from app.services.clock import Clock
from app.services.integrity import DbState, HealthReport, check_at_start
from app.ui.backup_dialogs import Prompter, Runner

log = logging.getLogger(__name__)


def title() -> str:
    """The title of the start check's questions (translated when asked: after the language is installed)."""
    return QCoreApplication.translate("StartupChecks", "Database check")


class StartupOutcome(StrEnum):
    PROCEED = "proceed"  # open the database (it is healthy, new, or was just restored)
    QUIT = "quit"  # the merchant was told why; nothing was changed


@dataclass(frozen=True)
class StartupResult:
    outcome: StartupOutcome
    report: HealthReport
    restored_from: Path | None = None


def check_before_open(data_dir: Path, clock: Clock, prompter: Prompter) -> StartupResult:
    service = BackupService(data_dir, clock)
    report = check_at_start(service.db_path, service)
    if report.can_open:
        return StartupResult(StartupOutcome.PROCEED, report)
    log.error("start check: %s %s; details: %s", report.state.value, report.message, report.details[:5])
    good = report.newest_good_backup
    if report.state in (DbState.DAMAGED, DbState.MISSING) and good is not None:
        question = (
            f"{report.message}.\n\nRestore the backup of {good.label()} (Beijing time)? "
            "Changes made after it are not in it. The current file is kept beside it, renamed."
        )
        if prompter.confirm(title(), question):
            return _restore(service, report, good.path, prompter)
        if report.state is DbState.MISSING and prompter.confirm(
            title(), "Start with a new, empty database instead? The backups stay where they are."
        ):
            return StartupResult(StartupOutcome.PROCEED, report)
        prompter.inform(title(), f"Nothing was changed. The app will close.\n{service.db_path}")
        return StartupResult(StartupOutcome.QUIT, report)
    details = "\n".join(report.details[:5])
    prompter.warn(title(), f"{report.message}.\n\n{details}".rstrip())
    return StartupResult(StartupOutcome.QUIT, report)


def _restore(service: BackupService, report: HealthReport, source: Path, prompter: Prompter) -> StartupResult:
    try:
        result = service.apply_restore(service.plan_restore(source), confirmed=True)
    except (BackupError, RestoreRefused, OSError, sqlite3.Error) as e:
        log.error("restore at start failed: %s", e)
        prompter.warn(title(), f"The restore failed: {e}. Nothing was changed.")
        return StartupResult(StartupOutcome.QUIT, report)
    kept = f"\nThe damaged file is kept as {result.aside.name}." if result.aside else ""
    log.warning("restored %s at start (kept %s)", source, result.aside)
    prompter.inform(title(), f"The data was restored from {source.name}.{kept}")
    return StartupResult(StartupOutcome.PROCEED, report, source)


def start_auto_backup(service: BackupService, runner: Runner) -> None:
    """The automatic backup at start, off the GUI thread (skipped if a recent one exists)."""

    def failed(error: Exception, tb: str) -> None:
        log.error("automatic backup failed: %s\n%s", error, tb)

    runner.run(
        lambda report: service.backup_if_due(AT_START_UNLESS_YOUNGER_THAN, progress=report), failed=failed
    )
