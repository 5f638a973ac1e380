"""`backup` and `check`: the CLI side of keeping the case database safe."""

from __future__ import annotations

import argparse
import logging
from pathlib import Path

from app.bootstrap import AppContext, backups_for
from app.cli.output import CliError
from app.models.db import DB_FILE_NAME
from app.services.clock import BEIJING, SystemClock
from app.services.storage.backup import BackupError, BackupKind
from app.services.storage.integrity import DbErrorKind, classify_error, damage_advice, full_check

log = logging.getLogger(__name__)


def backup(ctx: AppContext, args: argparse.Namespace) -> int:
    """Online backup (the database stays usable); prints the new file's path."""
    service = ctx.backups
    dest = args.output.expanduser() if args.output else None
    if dest is not None and dest.is_dir():
        dest = dest / service.next_path(BackupKind.MANUAL).name
    try:
        path = service.back_up(BackupKind.MANUAL, dest=dest)
    except BackupError as e:
        raise CliError(str(e)) from None
    log.info("backup written to %s", path)
    print(path)
    return 0


def check(ctx: AppContext, args: argparse.Namespace) -> int:
    """integrity_check + foreign_key_check + deadline table equals its recomputation."""
    report = full_check(ctx.data_dir / DB_FILE_NAME, ctx.cases)
    if report.ok:
        print(f"ok: integrity, foreign keys and deadlines of {report.cases_checked} case(s)")
        return 0
    problems = report.problems()
    for line in problems:
        print(line)
    log.error("check found %d problem(s): %s", len(problems), problems[:20])
    raise CliError(
        f"the database check found {len(problems)} problem(s) (listed above); "
        "restore a backup or keep the file and ask for help"
    )


def database_error_message(exc: BaseException, data_dir: Path) -> str | None:
    """The one line for a known database failure (disk full, locked, damaged…); None for a bug."""
    known = classify_error(exc)
    if known is None:
        return None
    log.warning("%s (%s)", known.message, known.detail)
    if known.kind is DbErrorKind.LOCKED:
        from app.services.importing.running import IMPORT_RUNNING, running_import

        now = SystemClock().now()
        running = running_import(data_dir, now)
        if running is not None:  # our own import holds the lock, not "another program"
            return IMPORT_RUNNING(file=running.file, rows=running.rows, at=running.started_at.astimezone(BEIJING))
    if known.kind is DbErrorKind.DAMAGED:
        return f"{known.message} ({known.detail}); {damage_advice(backups_for(data_dir, SystemClock()))}"
    return known.message
