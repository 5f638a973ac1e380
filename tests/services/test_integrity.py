"""Damaged, missing, full and locked databases: a clear message, a restore offer, nothing lost."""

from __future__ import annotations

import hashlib
import sqlite3
from collections.abc import Iterator
from datetime import timedelta
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import event
from sqlalchemy.exc import OperationalError

from app import cli
from app.bootstrap import AppContext
from app.models import db as db_module
from app.models.enums import CaseType, Platform, Reason
from app.services.cases.demo import seed_demo
from app.services.cases.service import NewCase
from app.services.clock import FixedClock
from app.services.storage.backup import BackupKind, BackupService
from app.services.storage.integrity import (
    DbErrorKind,
    DbState,
    check_at_start,
    classify_error,
    full_check,
    pragma_check,
)
from tests.services.db_damage import corrupt_middle

NOW = "2026-11-02T10:00:00+08:00"


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def new_case(no: str, clock: FixedClock, product: str = "") -> NewCase:
    return NewCase(
        platform=Platform.JD,
        case_type=CaseType.REFUND_ONLY,
        reason=Reason.DAMAGED,
        order_no=f"O{no}",
        aftersale_no=no,
        amount=Decimal("12.50"),
        requested_at=clock.now() - timedelta(hours=2),
        product_title=product,
    )


@pytest.fixture
def data_with_backup(tmp_path: Path, clock: FixedClock) -> Iterator[tuple[Path, Path]]:
    """A closed data folder with 150 cases and one good backup of them (enough that the middle of the
    file is case rows, not the small tables around them)."""
    data = tmp_path / "data"
    ctx = AppContext.open(data, clock)
    seed_demo(ctx.cases, clock, count=150)
    backup = BackupService(data, clock).back_up(BackupKind.AUTO)
    ctx.close()  # last connection: the WAL is checkpointed into sentinel.db
    yield data, backup


# ---- check at start -------------------------------------------------------------------------


def test_healthy_database_passes_the_start_check(
    data_with_backup: tuple[Path, Path], clock: FixedClock
) -> None:
    data, _ = data_with_backup
    report = check_at_start(data / "sentinel.db", BackupService(data, clock))
    assert report.state is DbState.OK and report.can_open


def test_first_start_is_new_but_a_missing_file_beside_backups_is_not(
    data_with_backup: tuple[Path, Path], tmp_path: Path, clock: FixedClock
) -> None:
    fresh = tmp_path / "fresh"
    assert check_at_start(fresh / "sentinel.db", BackupService(fresh, clock)).state is DbState.NEW
    data, backup = data_with_backup
    (data / "sentinel.db").unlink()
    report = check_at_start(data / "sentinel.db", BackupService(data, clock))
    assert report.state is DbState.MISSING and not report.can_open
    assert report.newest_good_backup is not None and report.newest_good_backup.path == backup
    assert not (data / "sentinel.db").exists()  # the check never creates one


def test_corrupted_file_gets_a_message_and_the_newest_good_backup(
    data_with_backup: tuple[Path, Path], clock: FixedClock
) -> None:
    data, backup = data_with_backup
    db = data / "sentinel.db"
    corrupt_middle(db)
    before = digest(db)
    # A newer backup that is itself damaged must not be offered.
    clock.advance(timedelta(hours=1))
    bad = BackupService(data, clock).next_path(BackupKind.AUTO)
    bad.write_bytes(db.read_bytes())

    report = check_at_start(db, BackupService(data, clock))
    assert report.state is DbState.DAMAGED and not report.can_open
    assert "damaged" in report.message and backup.name in report.message
    assert report.details  # what quick_check said, for the details pane
    assert report.newest_good_backup is not None and report.newest_good_backup.path == backup
    assert digest(db) == before


def test_overwritten_header_is_damage_not_a_crash(
    data_with_backup: tuple[Path, Path], clock: FixedClock
) -> None:
    data, _ = data_with_backup
    db = data / "sentinel.db"
    raw = bytearray(db.read_bytes())
    raw[:100] = b"\x00" * 100
    db.write_bytes(bytes(raw))
    report = check_at_start(db, BackupService(data, clock))
    assert report.state is DbState.DAMAGED
    assert report.newest_good_backup is not None


def test_opening_a_corrupted_database_never_replaces_it(
    data_with_backup: tuple[Path, Path], clock: FixedClock
) -> None:
    data, _ = data_with_backup
    db = data / "sentinel.db"
    raw = bytearray(db.read_bytes())
    raw[:16] = b"not sqlite at al"
    db.write_bytes(bytes(raw))
    before = digest(db)
    with pytest.raises(sqlite3.DatabaseError) as info:
        AppContext.open(data, clock)
    assert classify_error(info.value) is not None
    assert digest(db) == before


def test_cli_on_a_damaged_database_says_so_and_names_the_backup(
    data_with_backup: tuple[Path, Path], capsys: pytest.CaptureFixture[str]
) -> None:
    data, backup = data_with_backup
    db = data / "sentinel.db"
    corrupt_middle(db, pages=6)
    before = digest(db)
    code = cli.main(["--data-dir", str(data), "--now", NOW, "check"])
    out, err = capsys.readouterr()
    assert code == 1
    assert "damaged" in (out + err) and "Traceback" not in err
    assert digest(db) == before
    code = cli.main(["--data-dir", str(data), "--now", NOW, "case", "list"])
    err = capsys.readouterr().err
    assert code == 1 and "damaged" in err and str(backup) in err


def test_newer_schema_is_reported_at_start(data_with_backup: tuple[Path, Path], clock: FixedClock) -> None:
    data, _ = data_with_backup
    con = sqlite3.connect(data / "sentinel.db")
    con.execute("UPDATE alembic_version SET version_num = '9999'")
    con.commit()
    con.close()
    report = check_at_start(data / "sentinel.db", BackupService(data, clock))
    assert report.state is DbState.TOO_NEW and "newer version" in report.message


# ---- disk full, locked, and the known-vs-bug split ------------------------------------------------


def test_disk_full_is_a_known_error_and_nothing_is_lost(ctx: AppContext, clock: FixedClock) -> None:
    for i in range(3):
        ctx.cases.add_case(new_case(f"K{i}", clock))
    db = ctx.data_dir / "sentinel.db"

    def cap_size(dbapi_conn: Any, _record: Any) -> None:
        pages = dbapi_conn.execute("PRAGMA page_count").fetchone()[0]
        dbapi_conn.execute(f"PRAGMA max_page_count = {pages}")

    ctx.engine.dispose()
    event.listen(ctx.engine, "connect", cap_size)
    with pytest.raises(OperationalError) as info:
        ctx.cases.add_case(new_case("BIG", clock, product="长" * 60_000))  # needs new pages
    known = classify_error(info.value)
    assert known is not None and known.kind is DbErrorKind.DISK_FULL
    assert known.message.startswith("disk full: free space and retry")

    event.remove(ctx.engine, "connect", cap_size)
    ctx.engine.dispose()
    assert [r.aftersale_no for r in ctx.queries.list_cases()] == ["K0", "K1", "K2"]
    ctx.cases.add_case(new_case("BIG", clock, product="长" * 60_000))  # space freed: retry works
    assert len(ctx.queries.list_cases()) == 4
    assert pragma_check(db, full=True) == []


def test_cli_reports_disk_full_in_one_line(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    data = str(tmp_path / "data")
    add = ["case", "add", "--platform", "jd", "--type", "refund_only", "--reason", "damaged"]
    add += ["--amount", "9.90", "--requested-at", "2026-11-02T08:00"]
    assert cli.main(["--data-dir", data, "--now", NOW, *add, "--order-no", "1", "--aftersale-no", "S1"]) == 0
    original = db_module._on_connect

    def full_disk(dbapi_conn: Any, record: Any) -> None:
        original(dbapi_conn, record)
        pages = dbapi_conn.execute("PRAGMA page_count").fetchone()[0]
        dbapi_conn.execute(f"PRAGMA max_page_count = {pages}")

    monkeypatch.setattr(db_module, "_on_connect", full_disk)
    big = ["--product", "x" * 200_000]
    code = cli.main(["--data-dir", data, "--now", NOW, *add, "--order-no", "2", "--aftersale-no", "S2", *big])
    err = capsys.readouterr().err
    assert code == 1
    assert err.strip().splitlines() == [
        "error: disk full: free space and retry (this step was not saved; earlier data is safe)"
    ]
    monkeypatch.undo()
    assert cli.main(["--data-dir", data, "--now", NOW, "case", "list", "--json"]) == 0
    assert '"S1"' in capsys.readouterr().out


def test_locked_database_is_a_known_error(tmp_path: Path) -> None:
    db = tmp_path / "x.db"
    holder = sqlite3.connect(db, isolation_level=None)
    holder.execute("CREATE TABLE t(x)")
    holder.execute("BEGIN IMMEDIATE")
    other = sqlite3.connect(db, timeout=0, isolation_level=None)
    with pytest.raises(sqlite3.OperationalError) as info:
        other.execute("BEGIN IMMEDIATE")
    holder.close()
    other.close()
    known = classify_error(info.value)
    assert known is not None and known.kind is DbErrorKind.LOCKED
    assert "locked" in known.message


def test_bugs_are_not_classified_as_known_errors(tmp_path: Path) -> None:
    con = sqlite3.connect(tmp_path / "x.db")
    with pytest.raises(sqlite3.OperationalError) as info:
        con.execute("SELECT * FROM no_such_table")
    con.close()
    assert classify_error(info.value) is None
    assert classify_error(ValueError("boom")) is None
    assert classify_error(OSError(28, "No space left on device")) is not None


# ---- the full check --------------------------------------------------------------------------


def test_full_check_passes_a_healthy_database(ctx: AppContext) -> None:
    seed_demo(ctx.cases, ctx.clock, count=10)
    report = full_check(ctx.data_dir / "sentinel.db", ctx.cases)
    assert report.ok and report.cases_checked == 10 and report.problems() == []


def test_full_check_finds_a_stale_deadline_and_a_dangling_row(
    ctx: AppContext, capsys: pytest.CaptureFixture[str]
) -> None:
    ids = seed_demo(ctx.cases, ctx.clock, count=6)
    con = sqlite3.connect(ctx.data_dir / "sentinel.db")
    con.execute("UPDATE deadlines SET due_at = '2030-01-01 00:00:00.000000' WHERE case_id = ?", (ids[0],))
    con.execute(
        "INSERT INTO events(case_id, seq, at, recorded_at, actor, action, to_stage, payload) "
        "VALUES (999, 1, '2026-01-01', '2026-01-01', 'buyer', 'open', 'awaiting_merchant', '{}')"
    )
    con.commit()
    con.close()
    report = full_check(ctx.data_dir / "sentinel.db", ctx.cases)
    assert report.deadlines == (ids[0],)
    assert len(report.foreign_keys) == 1 and "events" in report.foreign_keys[0]
    assert not report.ok

    code = cli.main(["--data-dir", str(ctx.data_dir), "--now", NOW, "check"])
    out, err = capsys.readouterr()
    assert code == 1
    assert f"case {ids[0]}:" in out and "foreign key" in out
    assert err.startswith("error: the database check found 2 problem(s)")


def test_cli_backup_prints_the_path_and_check_passes(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    data = tmp_path / "data"
    assert cli.main(["--data-dir", str(data), "--now", NOW, "backup"]) == 0
    path = Path(capsys.readouterr().out.strip())
    assert path.parent == data / "backups" and path.exists()
    out_file = tmp_path / "mine.db"
    assert cli.main(["--data-dir", str(data), "--now", NOW, "backup", "-o", str(out_file)]) == 0
    assert capsys.readouterr().out.strip() == str(out_file)
    assert cli.main(["--data-dir", str(data), "--now", NOW, "backup", "-o", str(out_file)]) == 1
    assert "already exists" in capsys.readouterr().err
    assert cli.main(["--data-dir", str(data), "--now", NOW, "check"]) == 0
    assert capsys.readouterr().out.startswith("ok: ")
    assert (data / "logs" / "sentinel.log").exists()
