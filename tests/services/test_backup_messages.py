"""Backup, restore and database-check messages: the English the CLI printed before, and their Chinese."""

from __future__ import annotations

import errno
import sqlite3
from pathlib import Path

import pytest

from app.bootstrap import AppContext
from app.models.db import SchemaTooNewError
from app.services.cases.demo import seed_demo
from app.services.clock import FixedClock
from app.services.storage.backup import BackupError, BackupKind, BackupService, RestoreRefused
from app.services.storage.integrity import DbState, check_at_start, classify_error, damage_advice
from app.services.text.messages import Text, message_of
from tests.services.db_damage import corrupt_middle


def refusal(service: BackupService, candidate: Path) -> Text:
    with pytest.raises(RestoreRefused) as refused:
        service.plan_restore(candidate)
    message = message_of(refused.value)
    assert isinstance(message, Text)
    return message


def test_restore_refusals_keep_their_english_and_read_chinese(
    ctx: AppContext, clock: FixedClock, tmp_path: Path
) -> None:
    service = BackupService(ctx.data_dir, clock)
    missing = tmp_path / "gone.db"
    foreign = tmp_path / "foreign.db"
    con = sqlite3.connect(foreign)
    con.execute("CREATE TABLE cases(id INTEGER)")
    con.close()
    too_new = service.back_up(BackupKind.MANUAL, dest=tmp_path / "new.db")
    con = sqlite3.connect(too_new)
    con.execute("UPDATE alembic_version SET version_num = '9999'")
    con.commit()
    con.close()
    zipped = tmp_path / "zipped.db"
    zipped.write_bytes(b"PK\x03\x04 this is a zip file" * 100)

    expected = [
        (missing, f"{missing} does not exist", f"{missing} 不存在"),
        (
            ctx.data_dir / "sentinel.db",
            "that is the database in use; choose a backup file",
            "这是正在使用的数据库：请选择一个备份文件",
        ),
        (foreign, "foreign.db is not an Aftersales Sentinel database", "foreign.db 不是售后哨兵的数据库"),
        (
            too_new,
            "new.db was written by a newer version of the app (schema 9999)",
            "new.db 是由更新版本的售后哨兵写入的（数据库版本 9999）",
        ),
        (
            zipped,
            "zipped.db is damaged (file is not a database); choose another backup",
            "zipped.db 已损坏（file is not a database）：请选择另一个备份",
        ),
    ]
    for candidate, en, zh in expected:
        message = refusal(service, candidate)
        assert (str(message), message.render("zh_CN")) == (en, zh)


def test_a_damaged_backup_is_refused_with_sqlites_words_kept(
    ctx: AppContext, clock: FixedClock, tmp_path: Path
) -> None:
    service = BackupService(ctx.data_dir, clock)
    seed_demo(ctx.cases, clock, count=8)
    damaged = service.back_up(BackupKind.MANUAL, dest=tmp_path / "damaged.db")
    corrupt_middle(damaged)
    message = refusal(service, damaged)
    assert str(message).startswith("damaged.db is damaged (") and str(message).endswith(
        "); choose another backup"
    )
    problem = str(message)[len("damaged.db is damaged (") : -len("); choose another backup")]
    assert message.render("zh_CN") == f"damaged.db 已损坏（{problem}）：请选择另一个备份"


def test_a_backup_refusal_reads_chinese(ctx: AppContext, clock: FixedClock, tmp_path: Path) -> None:
    service = BackupService(tmp_path / "nothing-here", clock)
    with pytest.raises(BackupError) as failed:
        service.back_up(BackupKind.MANUAL)
    message = message_of(failed.value)
    db = tmp_path / "nothing-here" / "sentinel.db"
    assert str(message) == f"there is no database at {db} to back up"
    assert isinstance(message, Text) and message.render("zh_CN") == f"{db} 没有数据库，无法备份"


def test_known_failures_keep_their_english_and_read_chinese(tmp_path: Path) -> None:
    full = classify_error(OSError(errno.ENOSPC, "No space left on device"))
    assert full is not None
    assert full.message == "disk full: free space and retry (this step was not saved; earlier data is safe)"
    assert full.message.render("zh_CN") == "磁盘已满：请腾出空间后重试（这一步没有保存，之前的数据不受影响）"
    assert full.detail == "[Errno 28] No space left on device"

    too_new = SchemaTooNewError(tmp_path / "sentinel.db", "9999")
    known = classify_error(too_new)
    assert known is not None and known.message == str(too_new)
    assert str(too_new) == (
        f"{tmp_path / 'sentinel.db'} was written by a newer version of the app (schema 9999); "
        "install the newer version or open another data folder."
    )
    assert known.message.render("zh_CN") == (
        f"{tmp_path / 'sentinel.db'} 是由更新版本的售后哨兵写入的（数据库版本 9999）："
        "请安装新版本，或打开另一个数据文件夹。"
    )


def test_the_start_check_reports_in_both_languages(ctx: AppContext, clock: FixedClock) -> None:
    service = BackupService(ctx.data_dir, clock)
    backup = service.back_up(BackupKind.AUTO)
    ctx.close()
    db = ctx.data_dir / "sentinel.db"
    db.unlink()
    report = check_at_start(db, service)
    assert report.state is DbState.MISSING
    assert report.message == f"the database file {db} is missing, but backups exist"
    assert isinstance(report.message, Text)
    assert report.message.render("zh_CN") == f"数据库文件 {db} 不见了，但还有备份"

    advice = damage_advice(service)
    assert advice == f"start the app to restore the newest good backup ({backup})"
    assert advice.render("zh_CN") == f"启动售后哨兵即可恢复最新的完好备份（{backup}）"
