"""Backups of the case database: online copy, rotation, restore (no Qt).

- `online_backup` copies with SQLite's backup API while the app keeps writing. The
  source connection pins one read snapshot for the whole copy: in WAL mode a reader
  never blocks the writer, and without the pin every commit by another connection
  would restart the copy (measured: it never finishes under a steady writer). The
  copy goes in small steps into `<name>.partial`, is checked, then renamed.
- `plan_rotation` is pure: which backups to keep (newest of each of the last 7 days,
  4 weeks, 12 months that have one; the 3 newest pre-migration ones; always the newest).
- Restore is two steps: `plan_restore` checks the file (integrity_check, schema
  revision) and says what would happen; only `apply_restore(plan, confirmed=True)`
  touches the database, after moving the current one aside as
  `sentinel.db.before-restore-<ts>`.
"""

from __future__ import annotations

import os
import re
import sqlite3
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta, tzinfo
from enum import StrEnum
from pathlib import Path

from app.models.db import DB_FILE_NAME
from app.models.schema_version import head_revision, known_revisions
from app.services.clock import BEIJING, Clock
from app.services.storage import messages as msg
from app.services.storage.integrity import (
    DbErrorKind,
    classify_error,
    connect_existing,
    pragma_check,
    schema_revision,
)

BACKUP_DIR_NAME = "backups"
STEP_PAGES = 256  # 1 MiB with 4 KiB pages: progress stays fresh, each step is short
FLUSH_EVERY_STEPS = 4  # flush the copy every 4 MiB so no big write-back ever queues ahead of a commit
STAMP_FORMAT = "%Y%m%dT%H%M%SZ"
# The automatic backup: at start unless one is younger than an hour, and once a day while running.
AT_START_UNLESS_YOUNGER_THAN = timedelta(hours=1)
DAILY = timedelta(hours=24)
NAME_RE = re.compile(r"^sentinel-(\d{8}T\d{6}Z)-(auto|manual|pre-migration)(?:-(\d+))?\.db$")

Progress = Callable[[int, int, str], None]  # (done, total, message), as app.ui.common.tasks.Report


class BackupKind(StrEnum):
    AUTO = "auto"  # at start and daily
    MANUAL = "manual"  # "Back up now…" and `python -m app backup`
    PRE_MIGRATION = "pre-migration"  # taken before a schema upgrade


class BackupError(Exception):
    """A backup could not be made; the message says why (the database is untouched)."""


class RestoreRefused(Exception):
    """The chosen file cannot be restored, or the restore was not confirmed; nothing changed."""


@dataclass(frozen=True)
class BackupFile:
    path: Path
    taken_at: datetime  # aware UTC, from the file name
    kind: BackupKind

    def label(self, tz: tzinfo = BEIJING) -> str:
        return self.taken_at.astimezone(tz).strftime("%Y-%m-%d %H:%M")


def backup_name(taken_at: datetime, kind: BackupKind, serial: int = 0) -> str:
    stamp = taken_at.astimezone(UTC).strftime(STAMP_FORMAT)
    suffix = f"-{serial}" if serial else ""
    return f"sentinel-{stamp}-{kind.value}{suffix}.db"


def parse_backup_name(path: Path) -> BackupFile | None:
    m = NAME_RE.match(path.name)
    if m is None:
        return None
    taken = datetime.strptime(m.group(1), STAMP_FORMAT).replace(tzinfo=UTC)
    return BackupFile(path, taken, BackupKind(m.group(2)))


# ---- the online copy ----------------------------------------------------------------------


def _fsync_file(path: Path) -> None:
    fd = os.open(path, os.O_RDWR)  # Windows flushes only a handle opened for writing
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def _fsync_dir(path: Path) -> None:
    """Make a rename in `path` durable (POSIX; Windows cannot open a directory, NTFS journals it)."""
    if os.name != "posix":
        return
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def online_backup(
    db_path: Path,
    dest: Path,
    *,
    progress: Progress | None = None,
    step_pages: int = STEP_PAGES,
    replace: bool = False,
) -> Path:
    """A consistent copy of `db_path` at `dest`, taken while others write.

    `dest` must not exist unless `replace` (the user confirmed it): the old file is then
    replaced only once the new copy is complete and checked.
    """
    if not db_path.exists():
        raise BackupError(msg.NOTHING_TO_BACK_UP(path=db_path))
    if dest.exists() and not replace:
        raise BackupError(msg.DEST_EXISTS(path=dest))
    dest.parent.mkdir(parents=True, exist_ok=True)
    partial = dest.with_name(dest.name + ".partial")
    partial.unlink(missing_ok=True)
    src = connect_existing(db_path, read_only=True)
    try:
        dst = sqlite3.connect(partial, isolation_level=None)
        # The copy is a scratch file until renamed: no journal, and we flush it ourselves in
        # small pieces. One big flush at the end (SQLite's own commit) stalled the app's
        # commits behind it for > 100 ms (measured by bench/backup.py).
        dst.execute("PRAGMA journal_mode=OFF")
        dst.execute("PRAGMA synchronous=OFF")
        flush_fd = os.open(partial, os.O_RDWR)
        try:
            # Pin one snapshot: every step reads the same version of the database.
            src.execute("BEGIN")
            src.execute("SELECT count(*) FROM sqlite_master").fetchone()
            steps = 0

            def on_step(_status: int, remaining: int, total: int) -> None:
                nonlocal steps
                steps += 1
                if steps % FLUSH_EVERY_STEPS == 0:
                    os.fsync(flush_fd)
                if progress is not None:
                    progress(total - remaining, total, "copying")

            src.backup(dst, pages=step_pages, progress=on_step)
            src.execute("ROLLBACK")
            # A backup is one self-contained file, whatever mode the source runs in.
            dst.execute("PRAGMA journal_mode=DELETE")
        finally:
            os.close(flush_fd)
            dst.close()
    except BaseException:
        partial.unlink(missing_ok=True)
        raise
    finally:
        src.close()
    problems = pragma_check(partial, full=False)
    if problems:
        partial.unlink(missing_ok=True)
        raise BackupError(msg.COPY_FAILED_CHECK(problem=problems[0]))
    _fsync_file(partial)
    os.replace(partial, dest)
    _fsync_dir(dest.parent)
    return dest


# ---- rotation -------------------------------------------------------------------------------


@dataclass(frozen=True)
class RetentionPolicy:
    daily: int = 7
    weekly: int = 4
    monthly: int = 12
    pre_migration: int = 3


@dataclass(frozen=True)
class RotationPlan:
    keep: tuple[BackupFile, ...]
    delete: tuple[BackupFile, ...]
    why: dict[Path, str] = field(default_factory=dict)  # kept path → first rule that kept it


def _week(d: date) -> tuple[int, int]:
    iso = d.isocalendar()
    return (iso.year, iso.week)


def plan_rotation(
    backups: Sequence[BackupFile], policy: RetentionPolicy = RetentionPolicy(), tz: tzinfo = BEIJING
) -> RotationPlan:
    """Which backups to keep: the newest of each of the last N days/weeks/months that have one.

    Periods are counted in the merchant's zone. Pre-migration backups are kept apart
    (the newest few), and the newest backup of all is always kept.
    """
    why: dict[Path, str] = {}
    regular = sorted((b for b in backups if b.kind is not BackupKind.PRE_MIGRATION), key=_newest_first)
    rules: list[tuple[str, int, Callable[[date], object]]] = [
        ("daily", policy.daily, lambda d: d),
        ("weekly", policy.weekly, _week),
        ("monthly", policy.monthly, lambda d: (d.year, d.month)),
    ]
    for name, count, period_of in rules:
        seen: set[object] = set()
        for b in regular:
            if len(seen) >= count:
                break
            period = period_of(b.taken_at.astimezone(tz).date())
            if period in seen:
                continue
            seen.add(period)
            why.setdefault(b.path, name)
    migrations = sorted((b for b in backups if b.kind is BackupKind.PRE_MIGRATION), key=_newest_first)
    for b in migrations[: policy.pre_migration]:
        why.setdefault(b.path, "pre-migration")
    if backups:
        why.setdefault(min(backups, key=_newest_first).path, "newest")
    ordered = sorted(backups, key=_newest_first)
    keep = tuple(b for b in ordered if b.path in why)
    delete = tuple(b for b in ordered if b.path not in why)
    return RotationPlan(keep, delete, why)


def _newest_first(b: BackupFile) -> tuple[float, str]:
    return (-b.taken_at.timestamp(), b.path.name)


def backup_due(backups: Sequence[BackupFile], now: datetime, max_age: timedelta) -> bool:
    """True when no automatic or manual backup is younger than `max_age`."""
    taken = [b.taken_at for b in backups if b.kind is not BackupKind.PRE_MIGRATION]
    return not taken or now - max(taken) >= max_age


# ---- restore ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class RestorePlan:
    """What `apply_restore` would do. Made only for a file that passed its checks."""

    source: Path
    source_size: int
    source_mtime_ns: int
    revision: str
    needs_upgrade: bool  # an older schema: upgraded (after its own backup) on the next open
    case_count: int
    last_change: datetime | None  # newest `updated_at` of a case in the backup
    current_case_count: int | None  # None: no current database, or it cannot be read
    aside: Path  # where the current database will be kept


@dataclass(frozen=True)
class RestoreResult:
    restored_from: Path
    aside: Path | None  # None when there was no current database


def _read_summary(db_path: Path) -> tuple[int, datetime | None]:
    con = connect_existing(db_path, read_only=True)
    try:
        count, newest = con.execute("SELECT count(*), max(updated_at) FROM cases").fetchone()
    finally:
        con.close()
    last = datetime.fromisoformat(str(newest)).replace(tzinfo=UTC) if newest else None
    return int(count), last


class BackupService:
    """Backups of one data folder. Thread-safe: each call opens its own connections."""

    def __init__(self, data_dir: Path, clock: Clock, policy: RetentionPolicy = RetentionPolicy()) -> None:
        self.data_dir = data_dir
        self.db_path = data_dir / DB_FILE_NAME
        self.backup_dir = data_dir / BACKUP_DIR_NAME
        self._clock = clock
        self.policy = policy

    # ---- making backups

    def list_backups(self) -> list[BackupFile]:
        """Backups in the backups folder, newest first."""
        if not self.backup_dir.is_dir():
            return []
        found = (parse_backup_name(p) for p in self.backup_dir.iterdir() if p.is_file())
        return sorted((b for b in found if b is not None), key=_newest_first)

    def next_path(self, kind: BackupKind) -> Path:
        now = self._clock.now()
        serial = 0
        while (path := self.backup_dir / backup_name(now, kind, serial)).exists():
            serial += 1
        return path

    def back_up(
        self,
        kind: BackupKind = BackupKind.MANUAL,
        dest: Path | None = None,
        progress: Progress | None = None,
        replace: bool = False,
    ) -> Path:
        """An online backup into the backups folder (rotated) or to `dest` (left alone)."""
        path = online_backup(self.db_path, dest or self.next_path(kind), progress=progress, replace=replace)
        if dest is None:
            self.rotate()
        return path

    def backup_if_due(self, max_age: timedelta, progress: Progress | None = None) -> Path | None:
        """The automatic backup (at start and daily): only when the newest one is older than `max_age`."""
        if not self.db_path.exists() or not backup_due(self.list_backups(), self._clock.now(), max_age):
            return None
        return self.back_up(BackupKind.AUTO, progress=progress)

    def before_migration(self, db_path: Path, current: str, head: str) -> None:
        """Hook for `app.models.db.upgrade_if_needed`: a backup before the schema changes."""
        online_backup(db_path, self.next_path(BackupKind.PRE_MIGRATION))

    def rotate(self) -> RotationPlan:
        plan = plan_rotation(self.list_backups(), self.policy)
        for b in plan.delete:
            b.path.unlink(missing_ok=True)
        return plan

    def newest_good(self) -> BackupFile | None:
        """The newest backup that passes quick_check and was written by a known schema."""
        known = known_revisions()
        for b in self.list_backups():
            try:
                if not pragma_check(b.path, full=False) and schema_revision(b.path) in known:
                    return b
            except sqlite3.Error:
                continue
        return None

    # ---- restoring

    def plan_restore(self, source: Path) -> RestorePlan:
        """Check `source` and describe the restore. Raises RestoreRefused; changes nothing."""
        if not source.is_file():
            raise RestoreRefused(msg.NO_SUCH_FILE(path=source))
        if self.db_path.exists() and source.resolve() == self.db_path.resolve():
            raise RestoreRefused(msg.DATABASE_IN_USE())
        try:
            problems = pragma_check(source, full=True)
            revision = None if problems else schema_revision(source)
        except sqlite3.Error as e:
            known = classify_error(e)
            damaged = known is not None and known.kind is DbErrorKind.DAMAGED
            refusal = msg.BACKUP_DAMAGED if damaged else msg.NOT_READABLE
            raise RestoreRefused(refusal(name=source.name, error=str(e))) from None
        if problems:
            raise RestoreRefused(msg.BACKUP_DAMAGED(name=source.name, error=problems[0]))
        if revision is None:
            raise RestoreRefused(msg.NOT_OURS(name=source.name))
        if revision not in known_revisions():
            raise RestoreRefused(msg.BACKUP_TOO_NEW(name=source.name, revision=revision))
        try:
            count, last = _read_summary(source)
        except sqlite3.Error as e:
            raise RestoreRefused(msg.NO_READABLE_CASES(name=source.name, error=str(e))) from None
        current: int | None = None
        if self.db_path.exists():
            try:
                current = _read_summary(self.db_path)[0]
            except sqlite3.Error:
                current = None  # damaged: that is why we restore
        stat = source.stat()
        stamp = self._clock.now().astimezone(UTC).strftime(STAMP_FORMAT)
        return RestorePlan(
            source=source,
            source_size=stat.st_size,
            source_mtime_ns=stat.st_mtime_ns,
            revision=revision,
            needs_upgrade=revision != head_revision(),
            case_count=count,
            last_change=last,
            current_case_count=current,
            aside=self.db_path.with_name(f"{DB_FILE_NAME}.before-restore-{stamp}"),
        )

    def apply_restore(self, plan: RestorePlan, *, confirmed: bool) -> RestoreResult:
        """Put the planned backup in place. The caller must have closed every connection."""
        if not confirmed:
            raise RestoreRefused(msg.NOT_CONFIRMED())
        try:
            stat = plan.source.stat()
        except FileNotFoundError:
            raise RestoreRefused(msg.DISAPPEARED(path=plan.source)) from None
        if (stat.st_size, stat.st_mtime_ns) != (plan.source_size, plan.source_mtime_ns):
            raise RestoreRefused(msg.CHANGED_SINCE_CHECK(name=plan.source.name))
        if plan.aside.exists():
            raise RestoreRefused(msg.ASIDE_EXISTS(path=plan.aside))
        incoming = self.db_path.with_name(DB_FILE_NAME + ".restoring")
        incoming.unlink(missing_ok=True)
        # Through the backup API, not a file copy: a source in WAL mode may have a -wal beside it.
        online_backup(plan.source, incoming)
        aside = self._move_current_aside(plan.aside)
        try:
            os.replace(incoming, self.db_path)
        except OSError:
            if aside is not None:  # put the current database back rather than leave none
                self._move_back(aside)
            raise
        _fsync_dir(self.db_path.parent)
        return RestoreResult(plan.source, aside)

    def _move_back(self, aside: Path) -> None:
        os.replace(aside, self.db_path)
        wal = aside.with_name(aside.name + "-wal")
        if wal.exists():
            os.replace(wal, self.db_path.with_name(DB_FILE_NAME + "-wal"))

    def _move_current_aside(self, aside: Path) -> Path | None:
        if not self.db_path.exists():
            return None
        # The -wal holds committed transactions: it travels with its database file.
        wal = self.db_path.with_name(DB_FILE_NAME + "-wal")
        os.replace(self.db_path, aside)
        if wal.exists():
            os.replace(wal, aside.with_name(aside.name + "-wal"))
        self.db_path.with_name(DB_FILE_NAME + "-shm").unlink(missing_ok=True)
        _fsync_dir(self.db_path.parent)
        return aside
