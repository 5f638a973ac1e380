"""Wires the services for one data folder: the CLI and the window both start here."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import Engine
from sqlalchemy.orm import Session, sessionmaker

from app.models.db import DB_FILE_NAME, open_database, upgrade_if_needed
from app.paths import resource
from app.services.alerts.run_marker import FILE_NAME as LAST_RUN_FILE
from app.services.alerts.run_marker import RunMarker
from app.services.alerts.service import AlertService
from app.services.cases.service import CaseService
from app.services.clock import Clock
from app.services.listing.queries import CaseQueries
from app.services.rules.presets import RuleBook
from app.services.storage.backup import BackupService


@dataclass
class AppContext:
    data_dir: Path
    clock: Clock
    engine: Engine
    sessions: sessionmaker[Session]
    rules: RuleBook
    cases: CaseService
    queries: CaseQueries
    alerts: AlertService

    @classmethod
    def open(cls, data_dir: Path, clock: Clock) -> AppContext:
        data_dir.mkdir(parents=True, exist_ok=True)
        for sub in ("backups", "attachments", "logs"):
            (data_dir / sub).mkdir(exist_ok=True)
        backups = BackupService(data_dir, clock)
        engine, sessions = open_database(data_dir / DB_FILE_NAME, backups.before_migration)
        rules = RuleBook.load(resource("rules"), data_dir / "rules")
        cases = CaseService(sessions, clock, rules)
        return cls(
            data_dir=data_dir,
            clock=clock,
            engine=engine,
            sessions=sessions,
            rules=rules,
            cases=cases,
            queries=CaseQueries(sessions, clock),
            alerts=AlertService(sessions, clock, cases, RunMarker(data_dir / LAST_RUN_FILE)),
        )

    def reopen(self) -> None:
        """After the database file was replaced (a restore; every writer stopped): drop the
        pooled connections to the old file, upgrade the new one if it is older, forget what
        the services cached of the old rows."""
        self.engine.dispose()
        upgrade_if_needed(
            self.data_dir / DB_FILE_NAME, BackupService(self.data_dir, self.clock).before_migration
        )
        self.cases.forget_cached()
        self.alerts.forget_progress()

    def close(self) -> None:
        self.engine.dispose()
