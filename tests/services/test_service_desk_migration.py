"""Migration 0004sd: a 0003 database keeps its timeline (events gain an empty handler), gets the
starter reply templates once, and follow-ups go with their case."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

from app.models.db import MIGRATIONS_DIR, head_revision, stored_revision, upgrade_if_needed
from app.paths import resource

CASE_SQL = (
    "INSERT INTO cases (id, platform, aftersale_no, order_no, case_type, reason, reason_detail, shipped,"
    " stage, stage_since, requested_at, buyer_nick, buyer_phone, buyer_address, product_title, sku,"
    " quantity, refund_requested, handler, tags, return_tracking_no, reship_tracking_no, penalized,"
    " muted, rule_set_id, created_at, updated_at) VALUES (1,'kuaishou','A','O','refund_only','quality',"
    " '',0,'awaiting_merchant','2026-01-01','2026-01-01','','','','','',1,100,'','','','',0,0,1,"
    " '2026-01-01','2026-01-01')"
)


def _at(db: Path, revision: str) -> None:
    from alembic import command
    from alembic.config import Config

    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS_DIR))
    cfg.set_main_option("sqlalchemy.url", f"sqlite:///{db}")
    command.upgrade(cfg, revision)


def test_a_0003_database_keeps_its_events_and_gets_the_starter_set(tmp_path: Path) -> None:
    db = tmp_path / "old.db"
    _at(db, "0003")
    con = sqlite3.connect(db)
    con.execute("INSERT INTO rule_sets VALUES (1,'kuaishou','v','l','{}','2026-01-01 00:00:00')")
    con.execute(CASE_SQL)
    con.execute(
        "INSERT INTO events (case_id, seq, at, recorded_at, actor, action, from_stage, to_stage, rule_id,"
        " payload) VALUES (1, 1, '2026-01-01', '2026-01-01', 'merchant', 'open', NULL, 'awaiting_merchant',"
        " NULL, '{}')"
    )
    con.commit()
    con.close()
    assert upgrade_if_needed(db) is True
    assert stored_revision(db) == head_revision()
    con = sqlite3.connect(db)
    assert con.execute("SELECT action, handler FROM events").fetchall() == [("open", "")]
    starter = json.loads(resource("templates", "reply_templates_zh_CN.json").read_text("utf-8"))["templates"]
    titles = [r[0] for r in con.execute("SELECT title FROM reply_templates ORDER BY position")]
    assert titles == [t["title"] for t in starter]
    assert len(titles) >= 10
    con.close()


def test_follow_ups_go_with_their_case(tmp_path: Path) -> None:
    db = tmp_path / "s.db"
    upgrade_if_needed(db)
    con = sqlite3.connect(db)
    con.execute("PRAGMA foreign_keys=ON")
    con.execute("INSERT INTO rule_sets VALUES (1,'kuaishou','v','l','{}','2026-01-01 00:00:00')")
    con.execute(CASE_SQL)
    con.execute(
        "INSERT INTO follow_ups (case_id, event_seq, text, due_at, created_at, handler, done_by)"
        " VALUES (1, 2, '明天回电', '2026-01-02', '2026-01-01', '小王', '')"
    )
    con.execute("DELETE FROM cases WHERE id = 1")
    assert con.execute("SELECT COUNT(*) FROM follow_ups").fetchone() == (0,)
    con.close()


def test_downgrade_leaves_a_0003_schema(tmp_path: Path) -> None:
    from alembic import command
    from alembic.config import Config

    db = tmp_path / "s.db"
    upgrade_if_needed(db)
    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS_DIR))
    cfg.set_main_option("sqlalchemy.url", f"sqlite:///{db}")
    command.downgrade(cfg, "0003")
    con = sqlite3.connect(db)
    tables = {r[0] for r in con.execute("SELECT name FROM sqlite_master WHERE type='table'")}
    columns = {r[1] for r in con.execute("PRAGMA table_info(events)")}
    con.close()
    assert not tables & {"follow_ups", "reply_templates", "desk_fields", "handlers"}
    assert "handler" not in columns
