"""Online backup, rotation and the two-step restore."""

from __future__ import annotations

import sqlite3
from datetime import UTC, datetime, timedelta
from decimal import Decimal
from pathlib import Path

import pytest

from app.bootstrap import AppContext
from app.models.enums import CaseType, Platform, Reason
from app.services.cases.demo import seed_demo
from app.services.cases.service import NewCase
from app.services.clock import BEIJING, FixedClock
from app.services.storage.backup import (
    BackupError,
    BackupFile,
    BackupKind,
    BackupService,
    RestoreRefused,
    backup_due,
    backup_name,
    online_backup,
    parse_backup_name,
    plan_rotation,
)
from app.services.storage.integrity import pragma_check
from tests.services.db_damage import corrupt_middle


def add(ctx: AppContext, no: str) -> int:
    return ctx.cases.add_case(
        NewCase(
            platform=Platform.TAOBAO,
            case_type=CaseType.RETURN_REFUND,
            reason=Reason.QUALITY,
            order_no=f"O{no}",
            aftersale_no=no,
            amount=Decimal("99.00"),
            requested_at=ctx.clock.now() - timedelta(hours=1),
        )
    )


def count_cases(db: Path) -> int:
    con = sqlite3.connect(db)
    try:
        return int(con.execute("SELECT count(*) FROM cases").fetchone()[0])
    finally:
        con.close()


# ---- online backup ---------------------------------------------------------------------------


def test_backup_is_a_checked_self_contained_copy(ctx: AppContext) -> None:
    seed_demo(ctx.cases, ctx.clock, count=8)
    dest = ctx.data_dir / "copy.db"
    reports: list[tuple[int, int]] = []
    online_backup(ctx.data_dir / "sentinel.db", dest, progress=lambda d, t, _m: reports.append((d, t)))
    assert count_cases(dest) == 8
    assert pragma_check(dest, full=True) == []
    assert not dest.with_name("copy.db-wal").exists()
    assert not dest.with_name("copy.db.partial").exists()
    assert reports and reports[-1][0] == reports[-1][1]


def test_backup_holds_one_snapshot_while_another_connection_commits(ctx: AppContext) -> None:
    """Every step reads the same version: the writer's commits between steps are not in the copy,
    and they do not restart the copy (without the pinned snapshot it never finishes)."""
    seed_demo(ctx.cases, ctx.clock, count=8)
    db = ctx.data_dir / "sentinel.db"
    writer = sqlite3.connect(db, isolation_level=None)
    steps = 0

    def commit_between_steps(_done: int, _total: int, _msg: str) -> None:
        nonlocal steps
        steps += 1
        if steps > 500:
            raise RuntimeError("the backup keeps restarting")
        writer.execute("UPDATE cases SET handler = ? WHERE id = 1", (f"step {steps}",))

    online_backup(db, ctx.data_dir / "copy.db", progress=commit_between_steps, step_pages=1)
    writer.close()
    assert steps > 3
    con = sqlite3.connect(ctx.data_dir / "copy.db")
    assert con.execute("SELECT handler FROM cases WHERE id = 1").fetchone()[0] == ""
    con.close()


def test_backup_never_overwrites_and_needs_a_database(ctx: AppContext, tmp_path: Path) -> None:
    dest = tmp_path / "taken.db"
    dest.write_bytes(b"keep me")
    with pytest.raises(BackupError, match="already exists"):
        online_backup(ctx.data_dir / "sentinel.db", dest)
    assert dest.read_bytes() == b"keep me"
    with pytest.raises(BackupError, match="no database"):
        online_backup(tmp_path / "none.db", tmp_path / "out.db")
    assert not (tmp_path / "none.db").exists()


def test_backup_names_round_trip() -> None:
    at = datetime(2026, 11, 2, 2, 3, 4, tzinfo=UTC)
    name = backup_name(at, BackupKind.PRE_MIGRATION, 2)
    assert name == "sentinel-20261102T020304Z-pre-migration-2.db"
    parsed = parse_backup_name(Path(name))
    assert parsed == BackupFile(Path(name), at, BackupKind.PRE_MIGRATION)
    assert parse_backup_name(Path("sentinel.db")) is None
    assert parse_backup_name(Path("sentinel-20261102T020304Z-auto.db.partial")) is None


# ---- rotation ---------------------------------------------------------------------------------


def fake(at: datetime, kind: BackupKind = BackupKind.AUTO) -> BackupFile:
    return BackupFile(Path(backup_name(at, kind)), at.astimezone(UTC), kind)


def test_rotation_over_a_year_and_a_half_keeps_7_daily_4_weekly_12_monthly() -> None:
    """One backup a day (two on Sundays) for 500 days, rotated after each: the fake clock moves."""
    clock = FixedClock(datetime(2025, 1, 1, 10, 0, tzinfo=BEIJING))
    kept: list[BackupFile] = []
    history: list[BackupFile] = []
    for _ in range(500):
        new = [fake(clock.now())]
        if clock.now().astimezone(BEIJING).isoweekday() == 7:
            new.append(fake(clock.now() + timedelta(hours=8)))
        history += new
        plan = plan_rotation([*kept, *new])
        assert set(plan.keep) | set(plan.delete) == {*kept, *new}
        kept = list(plan.keep)
        clock.advance(timedelta(days=1))
    # Rotating daily gives the same result as rotating the whole history once.
    assert set(kept) == set(plan_rotation(history).keep)

    def local(b: BackupFile) -> datetime:
        return b.taken_at.astimezone(BEIJING)

    days = sorted({local(b).date() for b in history}, reverse=True)
    newest_of: dict[object, BackupFile] = {}
    for b in sorted(history, key=lambda b: b.taken_at):
        d = local(b).date()
        for period in (("d", d), ("w", d.isocalendar()[:2]), ("m", (d.year, d.month))):
            newest_of[period] = b
    expected = {newest_of[("d", d)] for d in days[:7]}
    weeks = sorted({k for k in newest_of if k[0] == "w"}, key=lambda k: k[1], reverse=True)[:4]
    months = sorted({k for k in newest_of if k[0] == "m"}, key=lambda k: k[1], reverse=True)[:12]
    expected |= {newest_of[k] for k in weeks} | {newest_of[k] for k in months}
    assert set(kept) == expected
    assert 12 <= len(kept) <= 7 + 4 + 12


def test_rotation_keeps_the_newest_pre_migration_backups_apart() -> None:
    t0 = datetime(2026, 1, 1, tzinfo=UTC)
    autos = [fake(t0 + timedelta(days=i)) for i in range(3)]
    migs = [fake(t0 + timedelta(hours=i), BackupKind.PRE_MIGRATION) for i in range(5)]
    plan = plan_rotation([*autos, *migs])
    assert set(plan.keep) == {*autos, *migs[2:]}
    assert plan.why[migs[4].path] == "pre-migration"


def test_rotation_always_keeps_the_newest_even_with_a_zero_policy() -> None:
    from app.services.storage.backup import RetentionPolicy

    only = fake(datetime(2026, 1, 1, tzinfo=UTC))
    plan = plan_rotation([only], RetentionPolicy(daily=0, weekly=0, monthly=0))
    assert plan.keep == (only,)
    assert plan_rotation([]).keep == ()


def test_backup_due_ignores_pre_migration_backups() -> None:
    now = datetime(2026, 11, 2, tzinfo=UTC)
    day = timedelta(hours=24)
    assert backup_due([], now, day)
    assert not backup_due([fake(now - timedelta(hours=2))], now, day)
    assert backup_due([fake(now - timedelta(hours=25))], now, day)
    assert backup_due([fake(now - timedelta(hours=1), BackupKind.PRE_MIGRATION)], now, day)


def test_service_rotates_real_files_as_the_days_pass(ctx: AppContext, clock: FixedClock) -> None:
    add(ctx, "A1")
    service = BackupService(ctx.data_dir, clock)
    made = []
    for _ in range(10):
        path = service.backup_if_due(timedelta(hours=24))
        assert path is not None
        assert service.backup_if_due(timedelta(hours=24)) is None  # same day: not due again
        made.append(path)
        clock.advance(timedelta(days=1))
    left = {b.path for b in service.list_backups()}
    assert made[-7:] == [p for p in made if p in left][-7:]
    assert len(left) < len(made)
    assert all(not p.exists() for p in set(made) - left)


def test_two_backups_in_one_second_get_distinct_names(ctx: AppContext, clock: FixedClock) -> None:
    service = BackupService(ctx.data_dir, clock)
    outside = ctx.data_dir / "elsewhere"
    a = service.back_up(BackupKind.MANUAL, dest=outside / service.next_path(BackupKind.MANUAL).name)
    b = service.back_up(BackupKind.MANUAL)
    c = service.back_up(BackupKind.MANUAL)
    assert b.name != c.name
    # Rotation keeps the newest of the day in the backups folder; a file elsewhere is left alone.
    assert [x.path for x in service.list_backups()] == [c]
    assert a.exists()


# ---- restore ----------------------------------------------------------------------------------


def test_restore_is_planned_then_applied_and_keeps_the_current_db_aside(
    tmp_path: Path, clock: FixedClock
) -> None:
    data = tmp_path / "data"
    ctx = AppContext.open(data, clock)
    add(ctx, "A1")
    add(ctx, "A2")
    service = BackupService(data, clock)
    backup = service.back_up(BackupKind.MANUAL)
    add(ctx, "A3")  # made after the backup: lives on in the file kept aside

    plan = service.plan_restore(backup)
    assert (plan.case_count, plan.current_case_count, plan.needs_upgrade) == (2, 3, False)
    assert plan.aside.name.startswith("sentinel.db.before-restore-")
    with pytest.raises(RestoreRefused, match="not confirmed"):
        service.apply_restore(plan, confirmed=False)
    assert count_cases(data / "sentinel.db") == 3

    ctx.close()
    result = service.apply_restore(plan, confirmed=True)
    assert result.aside == plan.aside and result.aside.exists()
    reopened = AppContext.open(data, clock)
    try:
        assert [r.aftersale_no for r in reopened.queries.list_cases()] == ["A1", "A2"]
        assert reopened.cases.recompute_check() == []
    finally:
        reopened.close()
    assert count_cases(plan.aside) == 3
    assert pragma_check(plan.aside, full=True) == []


def test_restore_refuses_a_file_that_changed_after_its_check(ctx: AppContext, clock: FixedClock) -> None:
    add(ctx, "A1")
    service = BackupService(ctx.data_dir, clock)
    backup = service.back_up(BackupKind.MANUAL)
    plan = service.plan_restore(backup)
    with backup.open("ab") as f:
        f.write(b"\0" * 4096)
    with pytest.raises(RestoreRefused, match="changed since"):
        service.apply_restore(plan, confirmed=True)
    assert count_cases(ctx.data_dir / "sentinel.db") == 1


@pytest.mark.parametrize("problem", ["missing", "not_sqlite", "damaged", "foreign", "too_new", "in_use"])
def test_restore_refuses_bad_files_before_touching_anything(
    ctx: AppContext, clock: FixedClock, tmp_path: Path, problem: str
) -> None:
    seed_demo(ctx.cases, clock, count=8)
    service = BackupService(ctx.data_dir, clock)
    candidate = tmp_path / "candidate.db"
    if problem == "not_sqlite":
        candidate.write_bytes(b"PK\x03\x04 this is a zip file" * 100)
    elif problem == "foreign":
        con = sqlite3.connect(candidate)
        con.execute("CREATE TABLE cases(id INTEGER)")
        con.close()
    elif problem == "in_use":
        candidate = ctx.data_dir / "sentinel.db"
    elif problem != "missing":
        service.back_up(BackupKind.MANUAL, dest=candidate)
        if problem == "too_new":
            con = sqlite3.connect(candidate)
            con.execute("UPDATE alembic_version SET version_num = '9999'")
            con.commit()
            con.close()
        else:
            corrupt_middle(candidate)
    before = (ctx.data_dir / "sentinel.db").read_bytes()
    with pytest.raises(RestoreRefused):
        service.plan_restore(candidate)
    assert (ctx.data_dir / "sentinel.db").read_bytes() == before


def test_restore_of_an_older_file_needs_no_current_database(tmp_path: Path, clock: FixedClock) -> None:
    data = tmp_path / "data"
    ctx = AppContext.open(data, clock)
    add(ctx, "A1")
    service = BackupService(data, clock)
    backup = service.back_up(BackupKind.MANUAL)
    ctx.close()
    (data / "sentinel.db").unlink()
    plan = service.plan_restore(backup)
    assert plan.current_case_count is None
    result = service.apply_restore(plan, confirmed=True)
    assert result.aside is None
    assert count_cases(data / "sentinel.db") == 1
