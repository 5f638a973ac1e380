"""The check before the window opens: damage → the newest good backup is offered, never an empty start."""

from __future__ import annotations

import hashlib
from pathlib import Path

from pytestqt.qtbot import QtBot

from app.bootstrap import AppContext
from app.services.cases.demo import seed_demo
from app.services.clock import FixedClock
from app.services.storage.backup import BackupKind, BackupService
from app.services.storage.integrity import DbState, pragma_check
from app.ui.backup.startup_checks import StartupOutcome, check_before_open, start_auto_backup
from app.ui.common.tasks import TaskRunner
from tests.services.db_damage import corrupt_middle
from tests.ui.fakes import FakePrompter


def make_data(tmp_path: Path, clock: FixedClock, with_backup: bool = True) -> Path:
    data = tmp_path / "data"
    ctx = AppContext.open(data, clock)
    seed_demo(ctx.cases, clock, count=10)
    if with_backup:
        BackupService(data, clock).back_up(BackupKind.AUTO)
    ctx.close()
    return data


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_a_healthy_database_opens_without_a_question(tmp_path: Path, clock: FixedClock) -> None:
    data = make_data(tmp_path, clock)
    prompter = FakePrompter()
    assert check_before_open(data, clock, prompter).outcome is StartupOutcome.PROCEED
    assert prompter.log == []


def test_damage_offers_the_newest_good_backup_and_restores_it(
    qtbot: QtBot, tmp_path: Path, clock: FixedClock
) -> None:
    data = make_data(tmp_path, clock)
    corrupt_middle(data / "sentinel.db")
    damaged = digest(data / "sentinel.db")
    prompter = FakePrompter(answers=[True])
    result = check_before_open(data, clock, prompter)
    assert result.outcome is StartupOutcome.PROCEED and result.report.state is DbState.DAMAGED
    assert "damaged" in prompter.texts("confirm")[0]
    assert pragma_check(data / "sentinel.db", full=True) == []
    kept = [p for p in data.glob("sentinel.db.before-restore-*") if not p.name.endswith(("-wal", "-shm"))]
    assert len(kept) == 1 and digest(kept[0]) == damaged
    ctx = AppContext.open(data, clock)
    try:
        assert len(ctx.queries.list_cases()) == 10
    finally:
        ctx.close()


def test_declining_the_restore_quits_and_changes_nothing(
    qtbot: QtBot, tmp_path: Path, clock: FixedClock
) -> None:
    data = make_data(tmp_path, clock)
    corrupt_middle(data / "sentinel.db")
    before = digest(data / "sentinel.db")
    prompter = FakePrompter(answers=[False])
    assert check_before_open(data, clock, prompter).outcome is StartupOutcome.QUIT
    assert prompter.kinds() == ["confirm", "inform"]
    assert digest(data / "sentinel.db") == before


def test_damage_without_any_backup_is_explained_and_quits(
    qtbot: QtBot, tmp_path: Path, clock: FixedClock
) -> None:
    data = make_data(tmp_path, clock, with_backup=False)
    corrupt_middle(data / "sentinel.db")
    before = digest(data / "sentinel.db")
    prompter = FakePrompter()
    assert check_before_open(data, clock, prompter).outcome is StartupOutcome.QUIT
    assert prompter.kinds() == ["warn"] and "no good backup" in prompter.texts("warn")[0]
    assert digest(data / "sentinel.db") == before


def test_a_missing_database_beside_backups_may_start_empty_only_when_asked(
    qtbot: QtBot, tmp_path: Path, clock: FixedClock
) -> None:
    data = make_data(tmp_path, clock)
    (data / "sentinel.db").unlink()
    prompter = FakePrompter(answers=[False, True])
    result = check_before_open(data, clock, prompter)
    assert result.outcome is StartupOutcome.PROCEED and result.report.state is DbState.MISSING
    assert len(prompter.texts("confirm")) == 2
    assert not (data / "sentinel.db").exists()  # created by AppContext.open later, not here


def test_the_backup_at_start_is_skipped_when_a_recent_one_exists(
    qtbot: QtBot, tmp_path: Path, clock: FixedClock
) -> None:
    from datetime import timedelta

    data = make_data(tmp_path, clock, with_backup=False)
    service = BackupService(data, clock)
    runner = TaskRunner(inline=True)
    start_auto_backup(service, runner)
    assert [b.kind for b in service.list_backups()] == [BackupKind.AUTO]
    clock.advance(timedelta(minutes=30))
    start_auto_backup(service, runner)
    assert len(service.list_backups()) == 1
    clock.advance(timedelta(hours=2))
    start_auto_backup(service, runner)
    assert len(service.list_backups()) == 1  # same day: rotation keeps the newest of the day
    assert service.list_backups()[0].taken_at == clock.now()
