"""Upgrades: a database made by the first schema keeps its cases; a newer one is refused.

The data is written at revision 0001 with raw SQL (the ORM always speaks the newest
schema), so these tests keep their meaning when later migrations are added.
"""

from __future__ import annotations

import hashlib
import json
import shutil
import sqlite3
from datetime import UTC, datetime
from decimal import Decimal
from pathlib import Path

import pytest

from app import cli
from app.bootstrap import AppContext
from app.models import db as db_module
from app.models import schema_version
from app.models.enums import Action, CaseType, Platform, Reason, Stage
from app.paths import resource
from app.services.cases.service import ActionRequest
from app.services.clock import FixedClock
from app.services.rules.deadlines import CaseFacts, EventFact, compute_deadlines
from app.services.rules.presets import RuleBook
from app.services.storage.backup import BackupKind, BackupService
from app.services.storage.integrity import schema_revision

FIRST = "0001"
CASES = [
    # (aftersale_no, platform, type, reason, fen, requested at UTC, shipped)
    ("TB001", Platform.TAOBAO, CaseType.RETURN_REFUND, Reason.QUALITY, 9900, datetime(2026, 10, 30, 2, 0)),
    ("DY002", Platform.DOUYIN, CaseType.REFUND_ONLY, Reason.NO_REASON, 1990, datetime(2026, 10, 31, 9, 30)),
    ("JD003", Platform.JD, CaseType.EXCHANGE, Reason.WRONG_ITEM, 25900, datetime(2026, 11, 1, 14, 5)),
]


def alembic_upgrade(db_path: Path, revision: str) -> None:
    from alembic import command
    from alembic.config import Config

    cfg = Config()
    cfg.set_main_option("script_location", str(db_module.MIGRATIONS_DIR))
    cfg.set_main_option("sqlalchemy.url", f"sqlite:///{db_path}")
    command.upgrade(cfg, revision)


def sql_time(value: datetime) -> str:
    return value.strftime("%Y-%m-%d %H:%M:%S.%f")


def build_first_schema_db(db_path: Path) -> None:
    """Revision 0001, three cases written the way version 0.1 wrote them."""
    db_path.parent.mkdir(parents=True, exist_ok=True)
    alembic_upgrade(db_path, FIRST)
    rules = RuleBook.load(resource("rules"), db_path.parent / "rules")
    con = sqlite3.connect(db_path)
    created = sql_time(datetime(2026, 11, 1, 15, 0))
    for case_id, (no, platform, ctype, reason, fen, req) in enumerate(CASES, 1):
        preset = rules.active(platform)
        con.execute(
            "INSERT OR IGNORE INTO rule_sets(id, platform, version, label, content, created_at) "
            "VALUES (?, ?, ?, ?, ?, ?)",
            (case_id, platform.value, preset.version, preset.label, json.dumps(preset.content()), created),
        )
        shipped = ctype is not CaseType.REFUND_ONLY
        con.execute(
            "INSERT INTO cases(id, platform, shop_id, aftersale_no, order_no, case_type, reason, "
            "reason_detail, shipped, stage, stage_since, requested_at, closed_at, buyer_nick, buyer_phone, "
            "buyer_address, product_title, sku, quantity, order_amount, refund_requested, refund_granted, "
            "handler, tags, return_tracking_no, reship_tracking_no, penalized, muted, rule_set_id, "
            "created_at, updated_at) VALUES (?, ?, NULL, ?, ?, ?, ?, '', ?, ?, ?, ?, NULL, '买家', '', '', "
            "'商品', '', 1, ?, ?, NULL, '', '', '', '', 0, 0, ?, ?, ?)",
            (
                case_id,
                platform.value,
                no,
                f"ORDER-{no}",
                ctype.value,
                reason.value,
                shipped,
                Stage.AWAITING_MERCHANT.value,
                sql_time(req),
                sql_time(req),
                fen,
                fen,
                case_id,
                created,
                created,
            ),
        )
        con.execute(
            "INSERT INTO events(case_id, seq, at, recorded_at, actor, action, from_stage, to_stage, "
            "rule_id, payload) VALUES (?, 1, ?, ?, 'buyer', 'open', NULL, ?, NULL, ?)",
            (
                case_id,
                sql_time(req),
                created,
                Stage.AWAITING_MERCHANT.value,
                json.dumps({"amount": f"{fen / 100:.2f}"}),
            ),
        )
        opened = EventFact(1, req.replace(tzinfo=UTC), Action.OPEN.value, None, Stage.AWAITING_MERCHANT.value)
        for spec in compute_deadlines(CaseFacts(ctype, shipped, reason), [opened], preset):
            con.execute(
                "INSERT INTO deadlines(case_id, party, stage, starts_at, due_at, waiting_for, auto_action, "
                "next_stage, rule_id, confidence) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (
                    case_id,
                    spec.party.value,
                    spec.stage.value,
                    sql_time(spec.starts_at) if spec.starts_at else None,
                    sql_time(spec.due_at) if spec.due_at else None,
                    spec.waiting_for.value if spec.waiting_for else None,
                    spec.auto_action.value,
                    spec.next_stage.value,
                    spec.rule_id,
                    spec.confidence.value,
                ),
            )
    con.commit()
    con.close()


def assert_same_cases(ctx: AppContext) -> None:
    rows = ctx.queries.list_cases()
    assert [(r.aftersale_no, r.platform, r.case_type, r.amount) for r in rows] == [
        (no, p.value, t.value, Decimal(fen) / 100) for no, p, t, _r, fen, _q in CASES
    ]
    for row, case in zip(rows, CASES, strict=True):
        assert row.requested_at == case[5].replace(tzinfo=UTC)
        detail = ctx.queries.detail(row.id)
        assert detail is not None and [e.action for e in detail.events] == ["open"]
    assert ctx.cases.recompute_check() == []


def test_first_schema_database_upgrades_to_head_with_the_same_cases(
    tmp_path: Path, clock: FixedClock
) -> None:
    data = tmp_path / "data"
    build_first_schema_db(data / "sentinel.db")
    assert schema_revision(data / "sentinel.db") == FIRST
    ctx = AppContext.open(data, clock)
    try:
        assert schema_revision(data / "sentinel.db") == db_module.head_revision()
        assert_same_cases(ctx)
        # and the upgraded database works: the next action goes through
        ctx.cases.act(1, ActionRequest(Action.APPROVE))
        assert ctx.cases.recompute_check() == []
    finally:
        ctx.close()
    migrated = [b for b in BackupService(data, clock).list_backups() if b.kind is BackupKind.PRE_MIGRATION]
    assert len(migrated) == (0 if db_module.head_revision() == FIRST else 1)


LATER = "zz_test_only"
LATER_MIGRATION = '''"""test-only migration on top of the real head

Revision ID: zz_test_only
"""
from alembic import op

revision = "zz_test_only"
down_revision = "{head}"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_index("ix_test_events_action", "events", ["action"])


def downgrade() -> None:
    op.drop_index("ix_test_events_action", "events")
'''


@pytest.fixture
def chain_with_a_later_migration(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The real migration chain plus one more revision on top of its head."""
    head = db_module.head_revision()
    migrations = tmp_path / "migrations"
    shutil.copytree(db_module.MIGRATIONS_DIR, migrations, ignore=shutil.ignore_patterns("__pycache__"))
    (migrations / "versions" / "0002_test_only.py").write_text(
        LATER_MIGRATION.replace("{head}", head), encoding="utf-8"
    )
    monkeypatch.setattr(db_module, "MIGRATIONS_DIR", migrations)
    monkeypatch.setattr(schema_version, "MIGRATIONS_DIR", migrations)
    return migrations


def test_a_backup_is_taken_before_a_migration(
    tmp_path: Path, clock: FixedClock, chain_with_a_later_migration: Path
) -> None:
    data = tmp_path / "data"
    build_first_schema_db(data / "sentinel.db")
    ctx = AppContext.open(data, clock)
    try:
        assert schema_revision(data / "sentinel.db") == LATER
        assert_same_cases(ctx)
    finally:
        ctx.close()
    backups = BackupService(data, clock).list_backups()
    assert [b.kind for b in backups] == [BackupKind.PRE_MIGRATION]
    assert schema_revision(backups[0].path) == FIRST
    con = sqlite3.connect(backups[0].path)
    assert [r[0] for r in con.execute("SELECT aftersale_no FROM cases ORDER BY id")] == [c[0] for c in CASES]
    con.close()


def test_no_backup_for_a_new_database_or_one_at_head(
    tmp_path: Path, clock: FixedClock, chain_with_a_later_migration: Path
) -> None:
    calls: list[tuple[str, str]] = []
    db_path = tmp_path / "new.db"
    assert db_module.upgrade_if_needed(db_path, lambda _p, cur, head: calls.append((cur, head)))
    assert not db_module.upgrade_if_needed(db_path, lambda _p, cur, head: calls.append((cur, head)))
    assert calls == []


def test_a_failing_pre_migration_backup_stops_the_migration(
    tmp_path: Path, chain_with_a_later_migration: Path
) -> None:
    db_path = tmp_path / "data" / "sentinel.db"
    build_first_schema_db(db_path)

    def refuse(_p: Path, _cur: str, _head: str) -> None:
        raise OSError(28, "No space left on device")

    with pytest.raises(OSError):
        db_module.upgrade_if_needed(db_path, refuse)
    assert schema_revision(db_path) == FIRST


def test_a_database_from_a_newer_version_is_refused_untouched(
    tmp_path: Path, clock: FixedClock, capsys: pytest.CaptureFixture[str]
) -> None:
    data = tmp_path / "data"
    ctx = AppContext.open(data, clock)
    ctx.close()
    con = sqlite3.connect(data / "sentinel.db")
    con.execute("UPDATE alembic_version SET version_num = 'a9f3e1c2'")
    con.commit()
    con.close()
    before = hashlib.sha256((data / "sentinel.db").read_bytes()).hexdigest()
    with pytest.raises(db_module.SchemaTooNewError, match="newer version"):
        AppContext.open(data, clock)
    code = cli.main(["--data-dir", str(data), "case", "list"])
    err = capsys.readouterr().err
    assert code == 1 and "newer version of the app (schema a9f3e1c2)" in err and "Traceback" not in err
    assert hashlib.sha256((data / "sentinel.db").read_bytes()).hexdigest() == before
    assert not list((data / "backups").iterdir())


def test_a_migration_failing_half_way_leaves_the_old_schema_whole(tmp_path: Path) -> None:
    """All pending migrations are one transaction: no half-made schema after a failure."""
    db_path = tmp_path / "data" / "sentinel.db"
    build_first_schema_db(db_path)
    # 0002 will create its table, then 0003 creates alert_log and fails on its first index
    # (the name is taken): everything since 0001 must be rolled back.
    con = sqlite3.connect(db_path)
    con.execute("CREATE INDEX ix_alert_log_due_at ON cases (requested_at)")
    con.commit()
    con.close()
    with pytest.raises(Exception, match="ix_alert_log_due_at"):
        db_module.upgrade_if_needed(db_path)
    assert schema_revision(db_path) == FIRST
    con = sqlite3.connect(db_path)
    tables = {r[0] for r in con.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    assert "order_counts" not in tables and "alert_log" not in tables
    assert [r[0] for r in con.execute("SELECT aftersale_no FROM cases ORDER BY id")] == [c[0] for c in CASES]
    con.close()
