"""Is the database healthy, and what to tell the merchant when it is not.

Three jobs, no Qt:
- `classify_error`: the known-vs-bug split (after qutebrowser's `sql.py`). Disk full,
  a locked, read-only or damaged database are *known*: they get a one-line message
  the merchant can act on. Anything else is a bug: log it and re-raise.
- `check_at_start`: `PRAGMA quick_check` before the app opens its database. A damaged
  or unreadable file gives a typed report and the newest good backup to offer; it is
  never replaced by a new empty database.
- `full_check`: what `python -m app check` runs: `integrity_check`, `foreign_key_check`
  and "the deadline table equals its recomputation".
"""

from __future__ import annotations

import errno
import sqlite3
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy.exc import DBAPIError

from app.models.db import SchemaTooNewError
from app.models.schema_version import known_revisions
from app.services.storage import messages as msg
from app.services.text.messages import Template, Text

if TYPE_CHECKING:
    from app.services.cases.service import CaseService
    from app.services.storage.backup import BackupFile, BackupService

# Primary SQLite result codes (the low byte of an extended code).
SQLITE_BUSY = 5
SQLITE_LOCKED = 6
SQLITE_READONLY = 8
SQLITE_IOERR = 10
SQLITE_CORRUPT = 11
SQLITE_FULL = 13
SQLITE_CANTOPEN = 14
SQLITE_NOTADB = 26


class DbErrorKind(StrEnum):
    DISK_FULL = "disk_full"
    LOCKED = "locked"
    READ_ONLY = "read_only"
    DAMAGED = "damaged"
    CANT_OPEN = "cant_open"
    IO_ERROR = "io_error"
    TOO_NEW = "too_new"


MESSAGES: dict[DbErrorKind, Template] = {
    DbErrorKind.DISK_FULL: msg.DISK_FULL,
    DbErrorKind.LOCKED: msg.LOCKED,
    DbErrorKind.READ_ONLY: msg.READ_ONLY,
    DbErrorKind.DAMAGED: msg.DAMAGED,
    DbErrorKind.CANT_OPEN: msg.CANT_OPEN,
    DbErrorKind.IO_ERROR: msg.IO_ERROR,
    DbErrorKind.TOO_NEW: msg.TOO_NEW,
}


@dataclass(frozen=True)
class KnownDbError:
    """A failure the merchant can act on: `message` is the one line to show (`say` it in the UI)."""

    kind: DbErrorKind
    message: Text
    detail: str  # the underlying error text, for the log and the "details" part of a dialog


def _sqlite_code(exc: sqlite3.Error) -> int | None:
    code = getattr(exc, "sqlite_errorcode", None)
    if isinstance(code, int):
        return code & 0xFF
    # Errors raised before a result code exists (rare): fall back to SQLite's fixed texts.
    text = str(exc).lower()
    for needle, primary in (
        ("database or disk is full", SQLITE_FULL),
        ("database is locked", SQLITE_BUSY),
        ("file is not a database", SQLITE_NOTADB),
        ("malformed", SQLITE_CORRUPT),
        ("unable to open database", SQLITE_CANTOPEN),
        ("readonly database", SQLITE_READONLY),
    ):
        if needle in text:
            return primary
    return None


_KIND_OF_CODE = {
    SQLITE_FULL: DbErrorKind.DISK_FULL,
    SQLITE_BUSY: DbErrorKind.LOCKED,
    SQLITE_LOCKED: DbErrorKind.LOCKED,
    SQLITE_READONLY: DbErrorKind.READ_ONLY,
    SQLITE_CORRUPT: DbErrorKind.DAMAGED,
    SQLITE_NOTADB: DbErrorKind.DAMAGED,
    SQLITE_CANTOPEN: DbErrorKind.CANT_OPEN,
    SQLITE_IOERR: DbErrorKind.IO_ERROR,
}

_KIND_OF_ERRNO = {
    errno.ENOSPC: DbErrorKind.DISK_FULL,
    errno.EDQUOT: DbErrorKind.DISK_FULL,
    errno.EROFS: DbErrorKind.READ_ONLY,
    errno.EACCES: DbErrorKind.READ_ONLY,
    errno.EIO: DbErrorKind.IO_ERROR,
}


def classify_error(exc: BaseException) -> KnownDbError | None:
    """The known failure behind `exc`, or None when it is a bug (log it and re-raise)."""
    if isinstance(exc, DBAPIError) and isinstance(exc.orig, BaseException):
        return classify_error(exc.orig)
    kind: DbErrorKind | None = None
    if isinstance(exc, SchemaTooNewError):
        return KnownDbError(
            DbErrorKind.TOO_NEW, msg.FILE_TOO_NEW(path=exc.db_path, revision=exc.revision), str(exc)
        )
    if isinstance(exc, sqlite3.Error):
        code = _sqlite_code(exc)
        kind = _KIND_OF_CODE.get(code) if code is not None else None
    elif isinstance(exc, OSError) and exc.errno is not None:
        kind = _KIND_OF_ERRNO.get(exc.errno)
    if kind is None:
        return None
    return KnownDbError(kind, MESSAGES[kind](), str(exc))


# ---- checks on a file ------------------------------------------------------------------------


def connect_existing(db_path: Path, *, read_only: bool) -> sqlite3.Connection:
    """A connection to a file that must exist: SQLite is never allowed to create it here."""
    mode = "ro" if read_only else "rw"
    return sqlite3.connect(f"{db_path.resolve().as_uri()}?mode={mode}", uri=True, isolation_level=None)


def pragma_check(db_path: Path, *, full: bool) -> list[str]:
    """Problems found by `integrity_check` (full) or `quick_check`; [] when the file is fine.

    Raises sqlite3.Error when the file cannot be read at all (not a database, locked…).
    """
    con = connect_existing(db_path, read_only=True)
    try:
        rows = con.execute("PRAGMA integrity_check" if full else "PRAGMA quick_check").fetchall()
    finally:
        con.close()
    found = [str(r[0]) for r in rows]
    return [] if found == ["ok"] else found


def schema_revision(db_path: Path) -> str | None:
    """The Alembic revision stored in a database file (None: not one of ours)."""
    con = connect_existing(db_path, read_only=True)
    try:
        has = con.execute(
            "SELECT 1 FROM sqlite_master WHERE type='table' AND name='alembic_version'"
        ).fetchone()
        if has is None:
            return None
        row = con.execute("SELECT version_num FROM alembic_version").fetchone()
        return str(row[0]) if row else None
    finally:
        con.close()


# ---- the check at start -----------------------------------------------------------------------


class DbState(StrEnum):
    OK = "ok"
    NEW = "new"  # no database yet and no backups: a first start
    MISSING = "missing"  # no database file but backups exist: offer to restore, never start empty silently
    DAMAGED = "damaged"
    TOO_NEW = "too_new"
    UNREADABLE = "unreadable"  # locked, no permission, disk error: retry after fixing the cause


@dataclass(frozen=True)
class HealthReport:
    state: DbState
    message: str  # one line for the merchant, a `messages.Text` ("" when OK)
    details: tuple[str, ...] = ()  # what SQLite reported, for the log and "details"
    newest_good_backup: BackupFile | None = None

    @property
    def can_open(self) -> bool:
        return self.state in (DbState.OK, DbState.NEW)


def check_at_start(db_path: Path, backups: BackupService) -> HealthReport:
    """`quick_check` before opening. Never creates, changes or replaces the file."""
    if not db_path.exists() or db_path.stat().st_size == 0:
        good = backups.newest_good()
        if good is None:
            return HealthReport(DbState.NEW, "")
        gone = msg.DB_MISSING if not db_path.exists() else msg.DB_EMPTY
        return HealthReport(DbState.MISSING, gone(path=db_path), (), good)
    try:
        problems = pragma_check(db_path, full=False)
        revision = schema_revision(db_path) if not problems else None
    except sqlite3.Error as e:
        known = classify_error(e)
        if known is None or known.kind is DbErrorKind.DAMAGED:
            return _damaged(db_path, backups, (str(e),))
        return HealthReport(DbState.UNREADABLE, known.message, (str(e),))
    if problems:
        return _damaged(db_path, backups, tuple(problems[:20]))
    if revision is not None and revision not in known_revisions():
        return HealthReport(DbState.TOO_NEW, msg.DB_TOO_NEW(path=db_path, revision=revision))
    return HealthReport(DbState.OK, "")


def _damaged(db_path: Path, backups: BackupService, details: tuple[str, ...]) -> HealthReport:
    good = backups.newest_good()
    if good is None:
        advice = msg.NO_GOOD_BACKUP()
    else:
        advice = msg.NEWEST_GOOD_BACKUP(taken=good.label(), name=good.path.name)
    return HealthReport(DbState.DAMAGED, msg.DB_DAMAGED(path=db_path, advice=advice), details, good)


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
