"""What a failed operation tells the merchant, decided once for every screen.

A refusal of the domain (an action not allowed, a bad amount, a file that is not an
export, a rule file with a mistake) or a known database/disk failure (full, locked,
read-only, damaged, too new) is *expected*: the merchant gets its message in the UI's
language and can act on it. Anything else is a bug: the operation primitive logs it
with its traceback, and the error dialog shows it with the details folded away.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QCoreApplication


@dataclass(frozen=True)
class Failure:
    message: str  # in the UI's language
    expected: bool  # a refusal or a known failure: no traceback for the merchant, none in the log


def _refusal_types() -> tuple[type[BaseException], ...]:
    # Imported when something failed, not before the first paint.
    from app.services.errors import ActionNotAllowed
    from app.services.importing.reading import ImportFileError
    from app.services.rules.calendar import CalendarFileError
    from app.services.rules.presets import RuleFileError
    from app.services.storage.backup import BackupError

    return (ActionNotAllowed, ImportFileError, RuleFileError, BackupError, CalendarFileError)


def describe(error: BaseException, data_dir: Path | None = None) -> Failure:
    """`data_dir`: the database's folder, where a running import leaves its note (a locked
    database is then "an import is running", not "another program")."""
    from app.services.storage.integrity import DbErrorKind, classify_error
    from app.ui.common.service_text import error_text, say

    if isinstance(error, _refusal_types()):
        return Failure(error_text(error), True)
    known = classify_error(error)
    if known is not None and known.kind is DbErrorKind.LOCKED and data_dir is not None:
        from app.services.clock import BEIJING, SystemClock
        from app.services.importing.running import IMPORT_RUNNING, running_import

        running = running_import(data_dir, SystemClock().now())
        if running is not None:
            at = running.started_at.astimezone(BEIJING)
            return Failure(say(IMPORT_RUNNING(file=running.file, rows=running.rows, at=at)), True)
    if known is not None:
        return Failure(say(known.message), True)
    return Failure(QCoreApplication.translate("Failure", "Unexpected error: {0}").format(error), False)
