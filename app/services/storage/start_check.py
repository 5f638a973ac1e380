"""The start check, with sqlite3 alone: the window and every command run it before opening.

`check_at_start` runs `PRAGMA quick_check` before the app opens its database. A damaged or
unreadable file gives a typed report and the newest good backup to offer; it is never
replaced by a new empty database. `cli_refusal` is what a command says instead of opening
(the window asks its questions instead: `app/ui/backup/startup_checks.py`).

No SQLAlchemy here (nor in what this imports): `python -m app due` checks its file and
answers from it without loading it (bench/cli.py measures that start).
"""

from __future__ import annotations

import errno
import sqlite3
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Protocol

from app.models.read_only import connect_read_only
from app.models.schema_version import known_revisions
from app.services.storage import messages as msg
from app.services.text.messages import Template, Text

if TYPE_CHECKING:
    from app.services.storage.backup import BackupFile

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


def sqlite_code(exc: sqlite3.Error) -> int | None:
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


def classify_sqlite(exc: sqlite3.Error | OSError) -> KnownDbError | None:
    """The known failure behind an sqlite3 or OS error (None: a bug)."""
    kind: DbErrorKind | None = None
    if isinstance(exc, sqlite3.Error):
        code = sqlite_code(exc)
        kind = _KIND_OF_CODE.get(code) if code is not None else None
    elif exc.errno is not None:
        kind = _KIND_OF_ERRNO.get(exc.errno)
    if kind is None:
        return None
    return KnownDbError(kind, MESSAGES[kind](), str(exc))


# ---- checks on a file ------------------------------------------------------------------------


def connect_existing(db_path: Path, *, read_only: bool) -> sqlite3.Connection:
    """A connection to a file that must exist: SQLite is never allowed to create it here."""
    if read_only:  # immutable in a read-only folder (app.models.read_only says why)
        return connect_read_only(db_path, autocommit=True)
    return sqlite3.connect(f"{db_path.resolve().as_uri()}?mode=rw", uri=True, isolation_level=None)


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
    except UnicodeDecodeError as e:  # a page of noise read as text: not one of ours any more
        raise sqlite3.DatabaseError(f"file is not a database ({e.reason})") from None
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


class Backups(Protocol):
    """What the check needs of the backups (BackupService; the CLI's lazy stand-in)."""

    def newest_good(self) -> BackupFile | None: ...


def check_at_start(db_path: Path, backups: Backups) -> HealthReport:
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
        known = classify_sqlite(e)
        if known is None or known.kind is DbErrorKind.DAMAGED:
            return _damaged(db_path, backups, (str(e),))
        return HealthReport(DbState.UNREADABLE, known.message, (str(e),))
    if problems:
        return _damaged(db_path, backups, tuple(problems[:20]))
    if revision is not None and revision not in known_revisions():
        return HealthReport(DbState.TOO_NEW, msg.DB_TOO_NEW(path=db_path, revision=revision))
    return HealthReport(DbState.OK, "")


def _damaged(db_path: Path, backups: Backups, details: tuple[str, ...]) -> HealthReport:
    good = backups.newest_good()
    if good is None:
        advice = msg.NO_GOOD_BACKUP()
    else:
        advice = msg.NEWEST_GOOD_BACKUP(taken=good.label(), name=good.path.name)
    return HealthReport(DbState.DAMAGED, msg.DB_DAMAGED(path=db_path, advice=advice), details, good)


# ---- what a command says instead of opening ---------------------------------------------------


def cli_refusal(report: HealthReport, db_path: Path, new_database: bool) -> str | None:
    """None when a command may open (and if need be create) the database; else its one line.

    A command never creates a database over a file that exists (an empty file, a damaged one)
    or beside backups unless asked (`--new-database`); a damaged file is never built over,
    asked or not: the window restores a backup and keeps the damaged file aside.
    """
    if report.state is DbState.OK:
        return None
    if report.state is DbState.NEW:
        if not db_path.exists() or new_database:
            return None  # a first start
        return msg.EMPTY_NO_BACKUP(path=db_path)
    if report.state is DbState.MISSING:
        if new_database:
            return None
        good = report.newest_good_backup
        assert good is not None
        return msg.CLI_MISSING(what=report.message, path=good.path)
    if report.state is DbState.DAMAGED:
        detail = report.details[0].splitlines()[-1] if report.details else ""
        good = report.newest_good_backup
        advice = msg.NO_GOOD_BACKUP() if good is None else msg.RESTORE_AT_START(path=good.path)
        return msg.CLI_DAMAGED(what=msg.DB_DAMAGED(path=db_path, advice=advice), detail=detail)
    return report.message
