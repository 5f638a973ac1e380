"""Backup, restore and the start check speak the UI language: Chinese under zh_CN, today's English under en."""

from __future__ import annotations

import errno
import sqlite3
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from PySide6.QtCore import QSettings

from app.bootstrap import Options
from app.services.cases.demo import seed_demo
from app.services.clock import FixedClock
from app.services.storage.backup import BackupKind, BackupService
from app.ui.backup.dialogs import BackupActions, db_filter
from app.ui.backup.startup_checks import StartupOutcome, check_before_open
from app.ui.common import i18n
from app.ui.common.error_dialog import describe
from app.ui.common.tasks import TaskRunner
from app.ui.shell.main import Startup
from tests.services.db_damage import corrupt_middle
from tests.ui.fakes import FakePrompter
from tests.ui.test_backup_dialogs import App, add

ASIDE = "sentinel.db.before-restore-20261102T020000Z"  # the clock's 10:00 Beijing, in UTC
BACKUP = "sentinel-20261102T020000Z-manual.db"


@pytest.fixture
def app(tmp_path: Path, clock: FixedClock) -> Iterator[App]:
    a = App(tmp_path / "data", clock)
    assert a.ctx is not None
    add(a.ctx, "R1")
    yield a
    if a.ctx is not None:
        a.ctx.close()


def actions_for(app: App, prompter: FakePrompter) -> BackupActions:
    service = BackupService(app.data_dir, app.clock)
    return BackupActions(service, TaskRunner(inline=True), prompter, app.close_database, app.reopen_database)


def a_backup_and_one_more_case(app: App) -> Path:
    backup = BackupService(app.data_dir, app.clock).back_up(BackupKind.MANUAL)
    assert app.ctx is not None and backup.name == BACKUP
    add(app.ctx, "R2")
    return backup


def not_ours(tmp_path: Path) -> Path:
    """A healthy SQLite file that some other program wrote."""
    path = tmp_path / "other.db"
    con = sqlite3.connect(path)
    con.execute("CREATE TABLE t (x)")
    con.commit()
    con.close()
    return path


# ---- the restore question and its result ----------------------------------------------------


def test_the_restore_question_and_result_read_chinese(
    use_language: Callable[[str], None], app: App, qtbot: QtBot
) -> None:
    use_language("zh_CN")
    backup = a_backup_and_one_more_case(app)
    prompter = FakePrompter(answers=[True], open_file=backup)
    actions = actions_for(app, prompter)
    with qtbot.waitSignal(actions.restore_done):
        actions.restore()
    assert prompter.texts("confirm") == [
        f"要用备份 {BACKUP} 替换现在的数据（2 个售后单）吗？\n"
        "这个备份有 1 个售后单，最后修改于 2026-11-02 10:00（北京时间）。\n"
        f"在它之后做的改动不会出现在恢复后的数据里；现在的文件会另存为 {ASIDE}。"
    ]
    assert prompter.texts("inform") == [
        f"数据已从 {BACKUP} 恢复。\n原来的数据另存为 {app.data_dir / ASIDE}。"
    ]
    assert db_filter() == "售后哨兵备份 (*.db);;所有文件 (*)"


def test_the_restore_question_stays_english_under_english(
    use_language: Callable[[str], None], app: App, qtbot: QtBot
) -> None:
    use_language("en")
    backup = a_backup_and_one_more_case(app)
    prompter = FakePrompter(answers=[False], open_file=backup)
    actions_for(app, prompter).restore()
    assert prompter.texts("confirm") == [
        f"Replace the current data (2 cases) with the backup {BACKUP}?\n"
        "The backup holds 1 cases, last changed 2026-11-02 10:00 (Beijing time).\n"
        f"Changes made after it will not be in the restored data; the current file is kept as {ASIDE}."
    ]
    assert db_filter() == "Sentinel backup (*.db);;All files (*)"


# ---- refusals and failures ---------------------------------------------------------------


@pytest.mark.parametrize(
    ("language", "expected"),
    [("zh_CN", "other.db 不是售后哨兵的数据库"), ("en", "other.db is not an Aftersales Sentinel database")],
    ids=["zh_CN", "en"],
)
def test_a_refused_restore_says_why_in_the_ui_language(
    use_language: Callable[[str], None], app: App, qtbot: QtBot, tmp_path: Path, language: str, expected: str
) -> None:
    use_language(language)
    prompter = FakePrompter(open_file=not_ours(tmp_path))
    actions = actions_for(app, prompter)
    with qtbot.waitSignal(actions.failed) as failed:
        actions.restore()
    assert failed.args[0] == expected and prompter.texts("warn") == [expected]
    assert app.calls == []  # refused before anything was closed


def test_a_damaged_backup_is_refused_in_chinese_with_sqlites_own_words(
    use_language: Callable[[str], None], app: App, qtbot: QtBot, tmp_path: Path
) -> None:
    use_language("zh_CN")
    garbage = tmp_path / "garbage.db"
    garbage.write_bytes(b"this is not a database at all" * 200)
    prompter = FakePrompter(open_file=garbage)
    actions_for(app, prompter).restore()
    assert prompter.texts("warn") == ["garbage.db 已损坏（file is not a database）：请选择另一个备份"]


@pytest.mark.parametrize(
    ("language", "expected"),
    [
        ("zh_CN", "磁盘已满：请腾出空间后重试（这一步没有保存，之前的数据不受影响）"),
        ("en", "disk full: free space and retry (this step was not saved; earlier data is safe)"),
    ],
    ids=["zh_CN", "en"],
)
def test_a_backup_on_a_full_disk_fails_in_the_ui_language(
    use_language: Callable[[str], None],
    app: App,
    qtbot: QtBot,
    monkeypatch: pytest.MonkeyPatch,
    language: str,
    expected: str,
) -> None:
    use_language(language)

    def full(*_a: object, **_k: object) -> Path:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(BackupService, "back_up", full)
    prompter = FakePrompter()
    actions_for(app, prompter).back_up_now()
    assert prompter.texts("warn") == [expected]


def test_a_backup_with_no_database_fails_in_chinese(
    use_language: Callable[[str], None], qtbot: QtBot, tmp_path: Path, clock: FixedClock
) -> None:
    use_language("zh_CN")
    empty = tmp_path / "empty"
    prompter = FakePrompter()
    actions = BackupActions(BackupService(empty, clock), TaskRunner(inline=True), prompter, list, list)
    actions.back_up_now()
    assert prompter.texts("warn") == [f"{empty / 'sentinel.db'} 没有数据库，无法备份"]


def test_an_unexpected_backup_error_says_so_in_chinese(
    use_language: Callable[[str], None], app: App, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    use_language("zh_CN")

    def bug(*_a: object, **_k: object) -> Path:
        raise ValueError("boom")

    monkeypatch.setattr(BackupService, "back_up", bug)
    prompter = FakePrompter()
    actions_for(app, prompter).back_up_now()
    assert prompter.texts("warn") == ["意外错误（ValueError：boom），详细情况已写入日志"]


def test_the_error_dialog_words_a_known_failure_in_chinese(use_language: Callable[[str], None]) -> None:
    use_language("zh_CN")
    summary, details = describe(sqlite3.OperationalError("database is locked"), "Traceback …")
    assert summary == "数据库被另一个程序占用：请关掉另一个打开的售后哨兵后重试"
    assert details.startswith("database is locked")  # SQLite's words, as it said them
    summary, _ = describe(RuntimeError("bug"), "Traceback …")
    assert summary.startswith("发生了意外错误，您的数据没有因此改动")


# ---- the check at start --------------------------------------------------------------------


def closed_data(tmp_path: Path, clock: FixedClock) -> Path:
    """A data folder with 3 cases and a backup of them, no connection open."""
    app = App(tmp_path / "data", clock)
    assert app.ctx is not None
    seed_demo(app.ctx.cases, clock, count=3)
    BackupService(app.data_dir, clock).back_up(BackupKind.AUTO)
    app.ctx.close()
    return app.data_dir


def damaged_data(tmp_path: Path, clock: FixedClock) -> Path:
    data = closed_data(tmp_path, clock)
    corrupt_middle(data / "sentinel.db")
    return data


def test_the_damaged_database_question_at_start_reads_chinese(
    use_language: Callable[[str], None], qtbot: QtBot, tmp_path: Path, clock: FixedClock
) -> None:
    use_language("zh_CN")
    data = damaged_data(tmp_path, clock)
    backup = "sentinel-20261102T020000Z-auto.db"
    declined = FakePrompter(answers=[False])
    assert check_before_open(data, clock, declined).outcome is StartupOutcome.QUIT
    assert declined.texts("confirm") == [
        f"数据库文件 {data / 'sentinel.db'} 已损坏：最新的完好备份是北京时间 2026-11-02 10:00 的（{backup}）。\n\n"
        "要恢复北京时间 2026-11-02 10:00 的备份吗？在它之后做的改动不在其中。现在的文件会改名后保留在旁边。"
    ]
    assert declined.texts("inform") == [f"什么都没有改动。应用将关闭。\n{data / 'sentinel.db'}"]

    accepted = FakePrompter(answers=[True])
    assert check_before_open(data, clock, accepted).outcome is StartupOutcome.PROCEED
    assert accepted.texts("inform") == [f"数据已从 {backup} 恢复。\n损坏的文件另存为 {ASIDE}。"]


def test_the_damaged_database_question_at_start_stays_english_under_english(
    use_language: Callable[[str], None], qtbot: QtBot, tmp_path: Path, clock: FixedClock
) -> None:
    use_language("en")
    data = damaged_data(tmp_path, clock)
    declined = FakePrompter(answers=[False])
    check_before_open(data, clock, declined)
    assert declined.texts("confirm") == [
        f"the database file {data / 'sentinel.db'} is damaged: the newest good backup is from "
        "2026-11-02 10:00 (sentinel-20261102T020000Z-auto.db).\n\n"
        "Restore the backup of 2026-11-02 10:00 (Beijing time)? Changes made after it are not in it. "
        "The current file is kept beside it, renamed."
    ]
    assert declined.texts("inform") == [f"Nothing was changed. The app will close.\n{data / 'sentinel.db'}"]


def test_a_damaged_database_without_backups_is_explained_in_chinese(
    use_language: Callable[[str], None], qtbot: QtBot, tmp_path: Path, clock: FixedClock
) -> None:
    use_language("zh_CN")
    data = damaged_data(tmp_path, clock)
    for b in (data / "backups").iterdir():
        b.unlink()
    prompter = FakePrompter()
    assert check_before_open(data, clock, prompter).outcome is StartupOutcome.QUIT
    warning = prompter.texts("warn")[0]
    assert warning.startswith(
        f"数据库文件 {data / 'sentinel.db'} 已损坏：没有找到完好的备份：请保留这个文件，并寻求帮助。\n\n"
    )


def test_cannot_open_the_data_folder_words_a_too_new_database_in_chinese(
    use_language: Callable[[str], None], qtbot: QtBot, tmp_path: Path, clock: FixedClock
) -> None:
    use_language("zh_CN")
    data = closed_data(tmp_path, clock)
    con = sqlite3.connect(data / "sentinel.db")
    con.execute("UPDATE alembic_version SET version_num = '9999'")
    con.commit()
    con.close()
    settings = QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat)
    settings.setValue("ui/language", "zh_CN")
    start = Startup(Options(data, clock.now(), False), settings, TaskRunner(inline=True), FakePrompter())
    qtbot.addWidget(start.window)
    try:
        start.open_services(checked=True)  # past the start check: the open itself refuses
        assert start.window.last_error == (
            f"{data / 'sentinel.db'} 是由更新版本的售后哨兵写入的（数据库版本 9999）："
            "请安装新版本，或打开另一个数据文件夹。"
        )
    finally:
        start.window.close()
        start.shutdown()
        i18n.uninstall(start.app, start.translators)
