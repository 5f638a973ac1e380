"""The one composition root: options, clock, data folder, and `AppContext`, which builds every service.

The CLI (`app/cli/`) and the window (`app/ui/`) both start here and never import each
other (the GUI entry point aside). Nothing else constructs a service: a screen or a
command asks the context for it. Services a command may not need (reports, import,
attachments…) are built on first use, so `python -m app due` imports neither openpyxl
nor the importer, and never PySide6.
"""

from __future__ import annotations

import logging
import shutil
import sqlite3
import tempfile
import threading
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, tzinfo
from pathlib import Path
from typing import TYPE_CHECKING, Any, Generic, TypeVar, overload

from app import __version__, paths
from app.models.read_only import is_read_only
from app.models.schema_version import DB_FILE_NAME, is_current
from app.services.clock import BEIJING, Clock, FixedClock, RunningClock, SystemClock

T = TypeVar("T")
log = logging.getLogger(__name__)

if TYPE_CHECKING:  # the window imports this module before its first paint: SQLAlchemy comes later
    from sqlalchemy import Engine
    from sqlalchemy.orm import Session, sessionmaker

    from app.services.alerts.service import AlertService
    from app.services.cases.assignment import Assignments
    from app.services.cases.attachments import AttachmentService
    from app.services.cases.edits import CaseEdits
    from app.services.cases.service import CaseService
    from app.services.cases.shops import ShopService
    from app.services.importing.service import Importer
    from app.services.listing.case_list import CaseListQuery
    from app.services.listing.due import DueList
    from app.services.listing.export import CaseExporter
    from app.services.listing.outside_writes import OutsideWrites
    from app.services.listing.queries import CaseQueries
    from app.services.preferences.first_run import FirstRunChoice, SetupResult
    from app.services.reports.dashboard import DashboardService
    from app.services.reports.metrics import MetricsService
    from app.services.reports.monthly_export import MonthlyExportService
    from app.services.reports.order_counts import OrderCountService
    from app.services.reports.workbook import ReportService
    from app.services.rules.calendar import CalendarFileError, WorkCalendar
    from app.services.rules.drift import DriftFinder
    from app.services.rules.presets import RuleBook
    from app.services.service_desk.callbacks import CallbackService
    from app.services.service_desk.follow_ups import FollowUpService
    from app.services.service_desk.handlers import HandlerService
    from app.services.service_desk.targets import TargetService
    from app.services.service_desk.templates import TemplateService
    from app.services.storage.backup import BackupFile, BackupService
    from app.services.storage.start_check import HealthReport


@dataclass(frozen=True)
class Options:
    """The global options every entry point takes (`--data-dir`, `--now`, `--demo`)."""

    data_dir: Path | None
    now: datetime | None
    demo: bool


def make_clock(opts: Options, running: bool) -> Clock:
    """SystemClock; with --now a clock that starts there (running on in the window)."""
    if opts.now is None:
        return SystemClock()
    return RunningClock(opts.now) if running else FixedClock(opts.now)


def configured_data_dir() -> Path:
    """The data folder the window uses (its setting, from the welcome or Settings), else the default.

    A merchant who moved the data folder in the window scripts the same data without
    repeating `--data-dir`. Reads the window's settings file without Qt.
    """
    from app.services.preferences.window_file import configured_data_dir as chosen

    return chosen() or paths.default_data_dir()


def backups_for(data_dir: Path, clock: Clock) -> BackupService:
    """The backups of a data folder, before (or without) opening its database: the start check,
    the message for a damaged file. An open context has its own in `ctx.backups`."""
    from app.services.storage.backup import BackupService

    return BackupService(data_dir, clock)


class _LazyBackups:
    """The backups of a folder for the start check, built only if the check needs them (a
    healthy file never does: `due` then loads no SQLAlchemy)."""

    def __init__(self, data_dir: Path, clock: Clock) -> None:
        self._data_dir = data_dir
        self._clock = clock

    def newest_good(self) -> BackupFile | None:
        return backups_for(self._data_dir, self._clock).newest_good()


def start_check(data_dir: Path, clock: Clock) -> HealthReport:
    """The check every entry point runs before it opens the database (`check_at_start`)."""
    from app.services.storage.start_check import check_at_start

    return check_at_start(data_dir / DB_FILE_NAME, _LazyBackups(data_dir, clock))


def refusal_at_start(data_dir: Path, clock: Clock, new_database: bool = False) -> str | None:
    """What a command says instead of opening this folder's database (None: it may open it).
    Never creates, changes or replaces the file."""
    from app.services.storage.start_check import cli_refusal

    return cli_refusal(start_check(data_dir, clock), data_dir / DB_FILE_NAME, new_database)


class _Service(Generic[T]):
    """A service of the context, built on first use, once, whichever thread asks first."""

    def __init__(self, build: Callable[[AppContext], T]) -> None:
        self._build = build
        self._name = build.__name__
        self.__doc__ = build.__doc__

    @overload
    def __get__(self, ctx: None, owner: type[AppContext]) -> _Service[T]: ...
    @overload
    def __get__(self, ctx: AppContext, owner: type[AppContext]) -> T: ...
    def __get__(self, ctx: AppContext | None, owner: type[AppContext]) -> T | _Service[T]:
        if ctx is None:
            return self
        built = ctx._built
        if self._name not in built:
            with ctx._lock:
                if self._name not in built:
                    built[self._name] = self._build(ctx)
        value: T = built[self._name]
        return value


class AppContext:
    """Every service of one data folder. The database is opened (SQLAlchemy imported) when a
    service first needs it; a read that only needs the file (`due_list`) never does."""

    def __init__(self, data_dir: Path, clock: Clock, display_tz: tzinfo = BEIJING) -> None:
        self.data_dir = data_dir
        self.clock = clock
        # The zone the dashboard counts its days in (the window passes the one it shows).
        self.display_tz = display_tz
        self._lock = threading.RLock()
        self._built: dict[str, Any] = {}
        self.calendar_problem: CalendarFileError | None = None  # a calendar.toml left out, and why
        # A folder (or sentinel.db) this user cannot change: opened for reading, every write refused.
        self.read_only = is_read_only(data_dir / DB_FILE_NAME)

    @classmethod
    def open(cls, data_dir: Path, clock: Clock, display_tz: tzinfo = BEIJING) -> AppContext:
        """The context of a data folder, created if new. A file that is new, older than this
        version, newer, or unreadable is opened at once (created, migrated after a backup, or
        refused with its error); a current one only when a service needs it."""
        data_dir.mkdir(parents=True, exist_ok=True)
        ctx = cls(data_dir, clock, display_tz)
        if not ctx.read_only:  # a read-only folder is read as it is
            for sub in ("backups", "attachments", "logs"):
                (data_dir / sub).mkdir(exist_ok=True)
        try:
            current = is_current(ctx.db_path)
        except sqlite3.Error:
            current = False  # damaged: opening says how, as it always did
        if not current:
            ctx.open_database()
        return ctx

    def open_database(self) -> None:
        """Open (and if needed create or migrate) the database now, and the services every
        writer uses. The window calls it on its worker, so the GUI thread never waits on it.
        Working-day clocks are recounted with today's calendar (it may know a year it did not)."""
        _ = self.cases, self.queries, self.alerts

    @_Service
    def _database(self) -> tuple[Engine, sessionmaker[Session]]:
        from app.models.db import open_database

        return open_database(self.db_path, self.backups.before_migration, read_only=self.read_only)

    @property
    def engine(self) -> Engine:
        return self._database[0]

    @property
    def sessions(self) -> sessionmaker[Session]:
        return self._database[1]

    @_Service
    def outside_writes(self) -> OutsideWrites:
        """What other programs wrote (the window polls it on its 1 s tick)."""
        from app.services.listing.outside_writes import OutsideWrites

        sqlite = self.engine.dialect.name == "sqlite"
        return OutsideWrites(self.db_path if sqlite else None, self.sessions)

    @_Service
    def backups(self) -> BackupService:
        return backups_for(self.data_dir, self.clock)

    @_Service
    def calendar(self) -> WorkCalendar:
        """China's working days: the State Council's schedule, the merchant's `calendar.toml` on
        top. `Duration.add_to` counts `wd` with it (it becomes the default calendar)."""
        from app.services.rules.calendar import set_default_calendar
        from app.services.rules.holidays import calendar_of

        calendar, problem = calendar_of(self.data_dir)
        if problem is not None:
            log.warning("calendar file left out: %s", problem)
        self.calendar_problem = problem
        set_default_calendar(calendar)
        return calendar

    @_Service
    def rules(self) -> RuleBook:
        from app.services.rules.presets import RuleBook

        return RuleBook.load(paths.resource("rules"), self.data_dir / "rules")

    @_Service
    def cases(self) -> CaseService:
        from app.services.alerts.notices import record_auto_notices
        from app.services.cases.service import CaseService

        _ = self.calendar  # before any clock is counted
        # Auto-actions commit with their notices, whoever applies them (window, CLI, import);
        # every write keeps the shop's targets and 回访 tasks in line in its own transaction.
        targets = self.targets
        cases = CaseService(
            self.sessions, self.clock, self.rules, on_autos=record_auto_notices, on_saved=targets.sync
        )
        if not self.read_only:  # (read-only: the clocks as they were stored)
            cases.refresh_working_day_clocks()  # counted with today's calendar before anything reads them
            targets.sync_changed()  # what a staged import (or an older version) wrote without them
        return cases

    @_Service
    def targets(self) -> TargetService:
        """The shop's own targets on the service calendar (hours, 调休, days off), kept per case."""
        from app.services.service_desk.targets import TargetService

        return TargetService(self.sessions, self.clock, lambda: self.calendar)

    @_Service
    def callbacks(self) -> CallbackService:
        """回访 after a case ended: the task, and the buyer's answer recorded."""
        from app.services.service_desk.callbacks import CallbackService

        return CallbackService(self.sessions, self.clock, self.targets)

    @_Service
    def queries(self) -> CaseQueries:
        from app.services.listing.queries import CaseQueries

        _ = self.cases  # working-day clocks recounted first
        return CaseQueries(self.sessions, self.clock, self.rules)

    @_Service
    def alerts(self) -> AlertService:
        from app.services.alerts.run_marker import FILE_NAME, RunMarker
        from app.services.alerts.service import AlertService

        return AlertService(
            self.sessions, self.clock, self.cases, RunMarker(self.data_dir / FILE_NAME), hours=self.targets
        )

    @_Service
    def drift(self) -> DriftFinder:
        from app.services.rules.drift import DriftFinder

        return DriftFinder(self.sessions, self.rules)

    @_Service
    def due_list(self) -> DueList:
        from app.services.listing.due import DueList

        return DueList(self.db_path, self.clock)

    @property
    def db_path(self) -> Path:
        return self.data_dir / DB_FILE_NAME

    @_Service
    def case_list(self) -> CaseListQuery:
        from app.services.listing.case_list import CaseListQuery

        return CaseListQuery(self.db_path)

    @_Service
    def edits(self) -> CaseEdits:
        from app.services.cases.edits import CaseEdits

        return CaseEdits(self.sessions, self.clock)

    @_Service
    def attachments(self) -> AttachmentService:
        from app.services.cases.attachments import AttachmentService

        return AttachmentService(self.sessions, self.clock, self.data_dir / "attachments")

    @_Service
    def shops(self) -> ShopService:
        from app.services.cases.shops import ShopService

        return ShopService(self.sessions)

    @_Service
    def templates(self) -> TemplateService:
        """The shop's reply templates (话术库), filled from a case."""
        from app.services.service_desk.templates import TemplateService

        return TemplateService(self.sessions, self.clock)

    @_Service
    def follow_ups(self) -> FollowUpService:
        """What the merchant agreed to follow up, and whether it was kept."""
        from app.services.service_desk.follow_ups import FollowUpService

        return FollowUpService(self.sessions, self.clock)

    @_Service
    def handlers(self) -> HandlerService:
        """The shop's handlers, and the check of a name every writing path makes."""
        from app.services.service_desk.handlers import HandlerService

        return HandlerService(self.sessions, self.clock)

    @_Service
    def assignments(self) -> Assignments:
        """Who works which case (claim, assign, release) and the import's shop rule."""
        from app.services.cases.assignment import Assignments

        return Assignments(self.sessions, self.clock, self.handlers.resolve)

    @_Service
    def dashboard(self) -> DashboardService:
        from app.services.reports.dashboard import DashboardService
        from app.services.reports.desk_figures import DeskReport

        desk = DeskReport(self.sessions, self.clock, self.targets)
        return DashboardService(
            self.sessions, self.clock, self.display_tz, lambda start, end: desk.figures(start, end, None)
        )

    @_Service
    def order_counts(self) -> OrderCountService:
        from app.services.reports.order_counts import OrderCountService

        return OrderCountService(self.sessions, self.clock)

    @_Service
    def metrics(self) -> MetricsService:
        from app.services.reports.metrics import MetricsService

        return MetricsService(self.sessions, self.clock, self.order_counts)

    @_Service
    def reports(self) -> ReportService:
        from app.services.reports.desk_figures import DeskReport
        from app.services.reports.workbook import ReportService

        return ReportService(
            self.metrics, self.clock, __version__, DeskReport(self.sessions, self.clock, self.targets)
        )

    @_Service
    def monthly_export(self) -> MonthlyExportService:
        from app.services.reports.monthly_export import MonthlyExportService

        return MonthlyExportService(self.reports, self.clock)

    @_Service
    def importer(self) -> Importer:
        from app.services.importing.mapping import MappingBook
        from app.services.importing.service import Importer

        return Importer(
            self.cases,
            self.sessions,
            self.clock,
            MappingBook(paths.resource("import"), self.data_dir / "import"),
            self.data_dir,
        )

    @_Service
    def exporter(self) -> CaseExporter:
        from app.services.listing.export import CaseExporter

        return CaseExporter(self.sessions)

    def rule_warnings(self) -> list[str]:
        """The merchant's rule copies that could not be used (each: file, line, why; the
        built-in preset is in force instead). Read only when the rules are loaded anyway or
        the data folder holds a copy: a `due` in a folder without copies parses no TOML."""
        if "rules" not in self._built and not any((self.data_dir / "rules").glob("*.toml")):
            return []
        from app.services.rules.presets import COPY_IGNORED

        return [COPY_IGNORED(error=str(e)) for e in self.rules.errors]

    def reopen(self) -> None:
        """After the database file was replaced (a restore; every writer stopped): drop the
        pooled connections to the old file, upgrade the new one if it is older, forget what
        the services cached of the old rows."""
        from app.models.db import upgrade_if_needed

        if "outside_writes" in self._built:  # its connection reads the old file: open it again
            self._built.pop("outside_writes").close()
        self.engine.dispose()
        upgrade_if_needed(self.db_path, self.backups.before_migration)
        self.cases.forget_cached()
        self.alerts.forget_progress()
        self.targets.forget_cached()

    def close(self) -> None:
        if "outside_writes" in self._built:
            self.outside_writes.close()
        if "_database" in self._built:
            self.engine.dispose()


def open_context(
    opts: Options,
    running: bool,
    clock: Clock | None = None,
    display_tz: tzinfo = BEIJING,
    open_now: bool = False,
) -> tuple[AppContext, Path | None]:
    """The services for the chosen data folder; with --demo a throw-away folder with demo cases
    (returned second, for the caller to remove when it ends). `open_now`: open the database
    here (the window calls this on its worker) rather than when a service is first used."""
    from app.services.storage.logs import setup_logging

    clock = clock or make_clock(opts, running)
    demo_dir = None
    data_dir = opts.data_dir
    if opts.demo:
        demo_dir = Path(tempfile.mkdtemp(prefix="aftersales-demo-"))
        data_dir = demo_dir
    data_dir = data_dir or paths.default_data_dir()
    setup_logging(data_dir)
    try:
        ctx = AppContext.open(data_dir, clock, display_tz)
        if open_now:
            ctx.open_database()
        if opts.demo:
            from app.services.cases.demo import seed_demo

            seed_demo(ctx.cases, clock)
    except BaseException:
        if demo_dir is not None:
            shutil.rmtree(demo_dir, ignore_errors=True)
        raise
    return ctx, demo_dir


def set_up_data_dir(choice: FirstRunChoice, clock: Clock) -> SetupResult:
    """First start: create the database (every migration), the chosen shops and, if asked, the
    demo cases (only into a folder that had no database: they never mix with real cases)."""
    from app.services.preferences.first_run import populate

    fresh = not (choice.data_dir / DB_FILE_NAME).exists()
    ctx = AppContext.open(choice.data_dir, clock)
    try:
        return populate(choice, ctx.shops, ctx.cases, clock, fresh)
    finally:
        ctx.close()
