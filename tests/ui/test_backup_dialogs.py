"""Back up now… and Restore… with a scripted prompter and an inline TaskRunner."""

from __future__ import annotations

import errno
from collections.abc import Iterator
from datetime import timedelta
from decimal import Decimal
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from app.bootstrap import AppContext
from app.models.enums import CaseType, Platform, Reason
from app.services.cases.service import NewCase
from app.services.clock import FixedClock
from app.services.storage.backup import BackupKind, BackupService
from app.ui.backup.dialogs import BackupActions
from app.ui.common.tasks import TaskRunner
from tests.services.db_damage import corrupt_middle
from tests.ui.fakes import FakePrompter


def add(ctx: AppContext, no: str) -> None:
    ctx.cases.add_case(
        NewCase(
            platform=Platform.DOUYIN,
            case_type=CaseType.REFUND_ONLY,
            reason=Reason.NO_REASON,
            order_no=f"O{no}",
            aftersale_no=no,
            amount=Decimal("19.90"),
            requested_at=ctx.clock.now() - timedelta(hours=1),
        )
    )


class App:
    """Stands in for the main window: owns the context, closes and reopens it on request."""

    def __init__(self, data_dir: Path, clock: FixedClock) -> None:
        self.data_dir = data_dir
        self.clock = clock
        self.ctx: AppContext | None = AppContext.open(data_dir, clock)
        self.calls: list[str] = []

    def close_database(self) -> None:
        self.calls.append("close")
        assert self.ctx is not None
        self.ctx.close()
        self.ctx = None

    def reopen_database(self) -> None:
        self.calls.append("reopen")
        self.ctx = AppContext.open(self.data_dir, self.clock)

    def case_numbers(self) -> list[str]:
        assert self.ctx is not None
        return [r.aftersale_no for r in self.ctx.queries.list_cases()]


@pytest.fixture
def app(tmp_path: Path, clock: FixedClock) -> Iterator[App]:
    a = App(tmp_path / "data", clock)
    yield a
    if a.ctx is not None:
        a.ctx.close()


def actions_for(app: App, prompter: FakePrompter, qtbot: QtBot) -> BackupActions:
    runner = TaskRunner(inline=True)
    service = BackupService(app.data_dir, app.clock)
    return BackupActions(service, runner, prompter, app.close_database, app.reopen_database)


def test_back_up_now_saves_into_the_backups_folder(app: App, qtbot: QtBot) -> None:
    assert app.ctx is not None
    add(app.ctx, "B1")
    prompter = FakePrompter()
    actions = actions_for(app, prompter, qtbot)
    with qtbot.waitSignal(actions.backup_done) as done:
        actions.back_up_now()
    path = Path(done.args[0])
    assert path.parent == app.data_dir / "backups" and path.exists()
    assert prompter.kinds() == ["save_path", "inform"]


def test_back_up_now_can_be_cancelled_or_replace_a_chosen_file(
    app: App, qtbot: QtBot, tmp_path: Path
) -> None:
    prompter = FakePrompter(cancel_save=True)
    actions = actions_for(app, prompter, qtbot)
    actions.back_up_now()
    assert prompter.kinds() == ["save_path"]
    assert BackupService(app.data_dir, app.clock).list_backups() == []

    chosen = tmp_path / "usb" / "mine.db"
    chosen.parent.mkdir()
    chosen.write_bytes(b"old file the dialog asked to replace")
    prompter = FakePrompter(save_to=chosen)
    actions = actions_for(app, prompter, qtbot)
    actions.back_up_now()
    assert chosen.read_bytes().startswith(b"SQLite format 3")


def test_backup_on_a_full_disk_says_so(app: App, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch) -> None:
    def full(*_a: object, **_k: object) -> Path:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(BackupService, "back_up", full)
    prompter = FakePrompter()
    actions = actions_for(app, prompter, qtbot)
    with qtbot.waitSignal(actions.failed) as failed:
        actions.back_up_now()
    assert failed.args[0].startswith("disk full: free space and retry")
    assert prompter.texts("warn") == [failed.args[0]]


def test_restore_asks_first_then_replaces_and_keeps_the_old_data(app: App, qtbot: QtBot) -> None:
    assert app.ctx is not None
    add(app.ctx, "R1")
    backup = BackupService(app.data_dir, app.clock).back_up(BackupKind.MANUAL)
    add(app.ctx, "R2")

    declined = FakePrompter(answers=[False], open_file=backup)
    actions_for(app, declined, qtbot).restore()
    assert declined.kinds() == ["open_path", "confirm"]
    assert (
        "1 cases" in declined.texts("confirm")[0] and "current data (2 cases)" in declined.texts("confirm")[0]
    )
    assert app.calls == [] and app.case_numbers() == ["R1", "R2"]

    prompter = FakePrompter(answers=[True], open_file=backup)
    actions = actions_for(app, prompter, qtbot)
    with qtbot.waitSignal(actions.restore_done):
        actions.restore()
    assert app.calls == ["close", "reopen"]
    assert app.case_numbers() == ["R1"]
    assert "kept as" in prompter.texts("inform")[0]
    kept = [p for p in app.data_dir.glob("sentinel.db.before-restore-*") if not p.name.endswith("-wal")]
    assert len(kept) == 1


def test_restore_refuses_a_damaged_backup_without_closing_anything(app: App, qtbot: QtBot) -> None:
    assert app.ctx is not None
    for i in range(8):
        add(app.ctx, f"D{i}")
    backup = BackupService(app.data_dir, app.clock).back_up(BackupKind.MANUAL)
    corrupt_middle(backup)
    prompter = FakePrompter(open_file=backup)
    actions = actions_for(app, prompter, qtbot)
    with qtbot.waitSignal(actions.failed) as failed:
        actions.restore()
    assert "damaged" in failed.args[0]
    assert prompter.kinds() == ["open_path", "warn"]
    assert app.calls == [] and len(app.case_numbers()) == 8
