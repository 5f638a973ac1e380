"""Is the database healthy, and what to tell the merchant when it is not.

Three jobs, no Qt:
- `classify_error`: the known-vs-bug split (after qutebrowser's `sql.py`). Disk full,
  a locked, read-only or damaged database are *known*: they get a one-line message
  the merchant can act on. Anything else is a bug: log it and re-raise.
- `check_at_start` (in `start_check.py`, sqlite3 alone, so that the CLI's `due` runs it
  without SQLAlchemy): `PRAGMA quick_check` before the app opens its database.
- `full_check`: what `python -m app check` runs: `integrity_check`, `foreign_key_check`
  and "the deadline table equals its recomputation".
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy.exc import DBAPIError

from app.models.db import SchemaTooNewError
from app.models.read_only import NO_DATABASE, ReadOnlyFolderError
from app.services.storage import messages as msg
from app.services.storage.start_check import (
    MESSAGES,
    DbErrorKind,
    DbState,
    HealthReport,
    KnownDbError,
    check_at_start,
    classify_sqlite,
    cli_refusal,
    connect_existing,
    pragma_check,
    schema_revision,
)
from app.services.text.messages import Text

if TYPE_CHECKING:
    from app.services.cases.service import CaseService
    from app.services.storage.backup import BackupService

__all__ = [
    "MESSAGES",
    "CheckReport",
    "DbErrorKind",
    "DbState",
    "HealthReport",
    "KnownDbError",
    "check_at_start",
    "classify_error",
    "cli_refusal",
    "connect_existing",
    "damage_advice",
    "full_check",
    "pragma_check",
    "schema_revision",
]


def classify_error(exc: BaseException) -> KnownDbError | None:
    """The known failure behind `exc`, or None when it is a bug (log it and re-raise)."""
    if isinstance(exc, DBAPIError) and isinstance(exc.orig, BaseException):
        return classify_error(exc.orig)
    if isinstance(exc, SchemaTooNewError):
        return KnownDbError(
            DbErrorKind.TOO_NEW, msg.FILE_TOO_NEW(path=exc.db_path, revision=exc.revision), str(exc)
        )
    if isinstance(exc, ReadOnlyFolderError):
        words = msg.READ_ONLY_NO_DATABASE if exc.reason == NO_DATABASE else msg.READ_ONLY_NEEDS_UPGRADE
        return KnownDbError(DbErrorKind.READ_ONLY, words(path=exc.data_dir), str(exc))
    if isinstance(exc, sqlite3.Error | OSError):
        return classify_sqlite(exc)
    return None


def damage_advice(backups: BackupService) -> Text:
    """The second half of a 'damaged' message: which backup to restore, and how."""
    good = backups.newest_good()
    if good is None:
        return msg.NO_GOOD_BACKUP()
    return msg.RESTORE_AT_START(path=good.path)


# ---- the full check (`python -m app check`) -----------------------------------------------


@dataclass(frozen=True)
class CheckReport:
    integrity: tuple[str, ...]  # integrity_check problems
    foreign_keys: tuple[str, ...]  # foreign_key_check rows, as text
    deadlines: tuple[int, ...]  # case ids whose deadlines or stage differ from a recomputation
    cases_checked: int

    @property
    def ok(self) -> bool:
        return not (self.integrity or self.foreign_keys or self.deadlines)

    def problems(self) -> list[str]:
        out = [f"integrity: {p}" for p in self.integrity]
        out += [f"foreign key: {p}" for p in self.foreign_keys]
        out += [
            f"case {cid}: stored deadlines or stage differ from their recomputation" for cid in self.deadlines
        ]
        return out


def full_check(db_path: Path, cases: CaseService) -> CheckReport:
    integrity = pragma_check(db_path, full=True)
    con = connect_existing(db_path, read_only=True)
    try:
        fk_rows = con.execute("PRAGMA foreign_key_check").fetchall()
        count = int(con.execute("SELECT count(*) FROM cases").fetchone()[0])
    finally:
        con.close()
    fks = tuple(f"{r[0]} row {r[1]} refers to a missing {r[2]} row" for r in fk_rows)
    # A damaged file cannot be trusted for the recomputation (it may raise half-way).
    deadlines = tuple(cases.recompute_check()) if not integrity else ()
    return CheckReport(tuple(integrity), fks, deadlines, count)
